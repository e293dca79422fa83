"""Snippet viewsets for data an association owns.

Subclass ``AssociationOwnedSnippetViewSet`` in a plugin's ``wagtail_hooks.py``
for any model built on ``network.permissions.AssociationOwned``. It lists and
offers in choosers only the rows of the user's associations (coordinators see
all). Object-level URLs (edit, delete, history, revisions, usage, preview,
chosen...) are guarded by ``network.middleware.AssociationAdminScopeMiddleware``
and the registered ``AssociationOwnedPermissionPolicy``.
"""

from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from network import permissions


class _ScopedChooserMixin:
    def get_object_list(self):
        objects = super().get_object_list()
        return permissions.policy_for(self.model_class).visible_queryset(
            self.request.user, objects
        )


class ScopedChooseView(_ScopedChooserMixin, ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooserMixin, ChooseResultsView):
    pass


class ScopedSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView


class AssociationOwnedSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = ScopedSnippetChooserViewSet

    def on_register(self):
        permissions.register_association_owned(self.model)
        super().on_register()

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        return permissions.policy_for(self.model).visible_queryset(
            request.user, queryset
        )


class _AssociationScope:
    def _scoped(self, queryset=None):
        return permissions.policy_for(self.model).visible_queryset(
            self.request.user, queryset
        )


class AssociationScopedListingMixin(_AssociationScope):
    """A listing of an owned model shows only the user's associations' rows."""

    def get_base_queryset(self):
        return self._scoped(super().get_base_queryset())


class AssociationScopedObjectMixin(_AssociationScope):
    """An object view of an owned model opens only the user's associations'
    rows: another association's id answers 404. Django's ``SingleObjectMixin``
    reads ``get_queryset``, Wagtail's ``BaseObjectMixin``
    ``get_base_object_queryset``."""

    def get_queryset(self):
        return self._scoped(super().get_queryset())

    def get_base_object_queryset(self):
        return self._scoped(super().get_base_object_queryset())


def _scoped_view(view_class, mixin=AssociationScopedObjectMixin):
    return type(f"AssociationScoped{view_class.__name__}", (mixin, view_class), {})


class AssociationOwnedModelViewSet(ModelViewSet):
    """A plain ``ModelViewSet`` for a model built on ``AssociationOwned``
    (pledges, enrolments...): every view lists and opens only the rows of the
    user's associations, and the model joins the association-owned registry."""

    index_view_class = _scoped_view(generic.IndexView, AssociationScopedListingMixin)
    edit_view_class = _scoped_view(generic.EditView)
    delete_view_class = _scoped_view(generic.DeleteView)
    inspect_view_class = _scoped_view(generic.InspectView)
    copy_view_class = _scoped_view(generic.CopyView)
    history_view_class = _scoped_view(history.HistoryView)
    usage_view_class = _scoped_view(usage.UsageView)

    def on_register(self):
        permissions.register_association_owned(self.model)
        super().on_register()
