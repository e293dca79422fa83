"""Moderation of directory entries: the association's page workflow, for snippets.

When an association's moderation is on (its home page is under an active
Wagtail workflow, the one ``network.provisioning`` creates: "<name>
approval", one task for the association's moderators), its editors' entries
go through the same workflow: they save drafts and *submit for moderation*,
and only moderators (or network coordinators) publish. An association
without an active workflow on its home page publishes directly, as before.

* ``association_workflow(association_id)``: the active workflow, or ``None``;
* ``can_publish(user, association_id)``: may this user publish directly?
* ``OrganisationPermissionPolicy``: the association-owned policy, narrowed so
  that "publish" is refused to editors whose association is moderated;
* ``ModeratedCreateView`` / ``ModeratedEditView``: the snippet views, with
  the association's workflow and without the publish action for editors;
* ``adjust_action_menu`` (``construct_snippet_action_menu`` hook).
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.snippets.action_menu import SubmitForModerationMenuItem
from wagtail.snippets.views.snippets import CreateView, EditView

from network import permissions
from network.permissions import AssociationOwnedPermissionPolicy

PUBLISH_ACTIONS = {"publish"}


def association_workflow(association_id):
    """The active workflow of the association's home page, or ``None``."""
    if not association_id:
        return None
    from network.models import Association

    association = (
        Association.objects.filter(pk=association_id)
        .select_related("site__root_page")
        .first()
    )
    site = getattr(association, "site", None) if association else None
    if site is None or site.root_page is None:
        return None
    return site.root_page.specific_deferred.get_workflow()


def _moderated_association_ids(user):
    """Ids of the user's associations whose moderators group holds ``user``."""
    from network.models import Association

    cached = getattr(user, "_directory_moderator_of", None)
    if cached is None:
        cached = set(
            Association.objects.filter(moderators_group__user=user).values_list(
                "pk", flat=True
            )
        )
        user._directory_moderator_of = cached
    return cached


def can_publish(user, association_id) -> bool:
    """Coordinators and the association's moderators always publish; its
    editors only when the association has no moderation."""
    if not user or not user.is_authenticated:
        return False
    if permissions.is_coordinator(user):
        return True
    if association_id in _moderated_association_ids(user):
        return True
    return association_workflow(association_id) is None


class OrganisationPermissionPolicy(AssociationOwnedPermissionPolicy):
    """``AssociationOwnedPermissionPolicy`` where "publish" follows moderation."""

    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        if action in PUBLISH_ACTIONS and not permissions.is_coordinator(user):
            return any(
                can_publish(user, pk) for pk in permissions.user_association_ids(user)
            )
        return True

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not super().user_has_any_permission_for_instance(user, actions, instance):
            return False
        other = [action for action in actions if action not in PUBLISH_ACTIONS]
        if other and super().user_has_any_permission_for_instance(
            user, other, instance
        ):
            return True
        return can_publish(user, getattr(instance, "association_id", None))


class _ModeratedMixin:
    def get_available_actions(self):
        actions = list(super().get_available_actions())
        if "publish" in actions and not can_publish(
            self.request.user, self._association_id()
        ):
            actions.remove("publish")
        return actions


class ModeratedCreateView(_ModeratedMixin, CreateView):
    """New entries follow the workflow of the association chosen in the form."""

    def _association_id(self):
        raw = (
            self.request.POST.get("association")
            if self.request.method == "POST"
            else None
        )
        if raw and str(raw).isdigit():
            return int(raw)
        ids = permissions.user_association_ids(self.request.user)
        return next(iter(ids)) if len(ids) == 1 else None

    @cached_property
    def workflow(self):
        return association_workflow(self._association_id())


class ModeratedEditView(_ModeratedMixin, EditView):
    def _association_id(self):
        return getattr(self.object, "association_id", None)


class SubmitToAssociationMenuItem(SubmitForModerationMenuItem):
    """ "Submit to <association> approval" on the create view, where Wagtail
    only looks for a workflow assigned to the whole model."""

    def __init__(self, workflow, **kwargs):
        super().__init__(**kwargs)
        self.workflow = workflow

    def is_shown(self, context):
        return not context.get("locked_for_user")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = _("Submit to %(workflow_name)s") % {
            "workflow_name": self.workflow.name
        }
        return context


def adjust_action_menu(menu_items, request, context):
    """An entry's action menu: "Publish" only for those who may publish,
    "Submit" on the create view of a moderated association."""
    model = context.get("model")
    if model is None or model._meta.label_lower != "directory.organisation":
        return
    instance = context.get("instance")
    association_id = getattr(instance, "association_id", None)
    if association_id is None:
        ids = permissions.user_association_ids(request.user)
        association_id = next(iter(ids)) if len(ids) == 1 else None
    view = context.get("view")
    if view == "create" and not any(
        item.name == "action-submit" for item in menu_items
    ):
        workflow = association_workflow(association_id)
        if workflow is not None:
            item = SubmitToAssociationMenuItem(workflow, order=20)
            if item.is_shown(context):
                menu_items.append(item)
    if not can_publish(request.user, association_id):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
