"""Snippet viewsets for data an association owns.

Subclass ``AssociationOwnedSnippetViewSet`` in a plugin's ``wagtail_hooks.py``
for any model built on ``network.permissions.AssociationOwned``. It lists and
offers in choosers only the rows of the user's associations (coordinators see
all). Object-level URLs (edit, delete, history, revisions, usage, preview,
chosen...) are guarded by ``network.middleware.AssociationAdminScopeMiddleware``
and the registered ``AssociationOwnedPermissionPolicy``.
"""

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
