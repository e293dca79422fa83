"""Admin viewsets for data an association owns.

Subclass ``AssociationOwnedSnippetViewSet`` (snippets) or
``AssociationOwnedModelViewSet`` (plain model viewsets) in a plugin's
``wagtail_hooks.py`` for any model built on ``network.permissions.AssociationOwned``:

* listings, choosers (``choose``, ``chosen/<pk>/``, ``chosen-multiple/?id=``),
  and every object view (edit, delete, copy, inspect, history, usage,
  revisions, lock, unpublish...) open only the rows of the user's associations
  (coordinators: all); another association's id answers 404 in the view, and
  403 earlier in ``network.middleware.AssociationAdminScopeMiddleware``;
* bulk actions on the model are checked id by id by the middleware, and
  ``?id=all`` is refused;
* every form the viewset builds gets ``network.forms.AssociationScopedFormMixin``:
  each foreign key and many-to-many field offers only what the editor may use;
* the model joins the association-owned registry (it already did when the
  apps were ready, since it is ``AssociationOwned``).
"""

from django.forms.models import modelform_factory
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from network import owners, permissions
from network.forms import AssociationOwnedForm, scoped_form_class


class _ScopedChooserMixin:
    """Choosers list and return only rows the user may see."""

    def _visible(self, queryset):
        return owners.visible(self.model_class, self.request.user, queryset)

    def get_object_list(self):
        return self._visible(super().get_object_list())

    def get_object(self, pk):
        return self._visible(self.model_class._default_manager.all()).get(pk=pk)

    def get_objects(self, pks):
        return self._visible(self.model_class._default_manager.filter(pk__in=pks))


def _scoped_chooser_view(view_class):
    return type(f"Scoped{view_class.__name__}", (_ScopedChooserMixin, view_class), {})


ScopedChooseView = _scoped_chooser_view(snippet_chooser.ChooseView)
ScopedChooseResultsView = _scoped_chooser_view(snippet_chooser.ChooseResultsView)


class ScopedSnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = _scoped_chooser_view(snippet_chooser.SnippetChosenView)
    chosen_multiple_view_class = _scoped_chooser_view(
        snippet_chooser.SnippetChosenMultipleView
    )


class AssociationOwnedChooserViewSet(ChooserViewSet):
    """A chooser for an ``AssociationOwnedModelViewSet``'s model."""

    choose_view_class = _scoped_chooser_view(ChooserViewSet.choose_view_class)
    choose_results_view_class = _scoped_chooser_view(
        ChooserViewSet.choose_results_view_class
    )
    chosen_view_class = _scoped_chooser_view(ChooserViewSet.chosen_view_class)
    chosen_multiple_view_class = _scoped_chooser_view(
        ChooserViewSet.chosen_multiple_view_class
    )


class _AssociationScope:
    def _scoped(self, queryset=None):
        return owners.visible(self.model, self.request.user, queryset)


class AssociationScopedListingMixin(_AssociationScope):
    """A listing of an owned model shows only the user's associations' rows."""

    def get_base_queryset(self):
        return self._scoped(super().get_base_queryset())


class AssociationScopedListedObjectMixin(_AssociationScope):
    """A listing about one object (history, usage) opens only the user's
    associations' rows; its own listing (log entries, references) is left to
    the views, which scope it themselves. Wagtail's ``BaseObjectMixin`` reads
    ``get_base_object_queryset``."""

    def get_base_object_queryset(self):
        return self._scoped(super().get_base_object_queryset())


class AssociationScopedObjectMixin(AssociationScopedListedObjectMixin):
    """An object view of an owned model opens only the user's associations'
    rows: another association's id answers 404 (the middleware refuses it
    first with 403). Django's ``SingleObjectMixin`` reads ``get_queryset``."""

    def get_queryset(self):
        return self._scoped(super().get_queryset())


def _scoped_view(view_class, mixin=AssociationScopedObjectMixin):
    return type(f"AssociationScoped{view_class.__name__}", (mixin, view_class), {})


class AssociationOwnedSnippetViewSet(SnippetViewSet):
    """A ``SnippetViewSet`` scoped to the user's associations."""

    chooser_viewset_class = ScopedSnippetChooserViewSet

    def on_register(self):
        permissions.register_association_owned(self.model)
        super().on_register()

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        return owners.visible(self.model, request.user, queryset)

    def get_form_class(self, for_update=False):
        return scoped_form_class(super().get_form_class(for_update=for_update))


class AssociationOwnedModelViewSet(ModelViewSet):
    """A plain ``ModelViewSet`` for a model built on ``AssociationOwned``
    (pledges, enrolments...): every view lists and opens only the rows of the
    user's associations and its forms offer only what the editor may use.
    For a chooser of the model, register an ``AssociationOwnedChooserViewSet``
    (``model = ...``) beside it."""

    index_view_class = _scoped_view(generic.IndexView, AssociationScopedListingMixin)
    edit_view_class = _scoped_view(generic.EditView)
    delete_view_class = _scoped_view(generic.DeleteView)
    inspect_view_class = _scoped_view(generic.InspectView)
    copy_view_class = _scoped_view(generic.CopyView)
    history_view_class = _scoped_view(
        history.HistoryView, AssociationScopedListedObjectMixin
    )
    usage_view_class = _scoped_view(usage.UsageView, AssociationScopedListedObjectMixin)

    def on_register(self):
        permissions.register_association_owned(self.model)
        super().on_register()

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        return owners.visible(self.model, request.user, queryset)

    def get_form_class(self, for_update=False):
        if self._edit_handler:
            return scoped_form_class(self._edit_handler.get_form_class())
        return modelform_factory(
            self.model,
            form=AssociationOwnedForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.get_form_fields(),
            exclude=self.get_exclude_form_fields(),
        )
