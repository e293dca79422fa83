"""One permission mechanism for everything an association owns.

Wagtail scopes pages by tree and images/documents by collection, but leaves
several doors open between sites on one install (page chooser, usage reports,
the admin API, snippets, wagtail-localize's snippet API). Every rule that keeps
association A's editors out of association B's data lives here, and every
plugin reuses it:

* ``is_coordinator(user)``: network coordinators (and superusers) see everything;
* ``user_association_ids(user)``: the associations a user edits for;
* ``scope_pages(qs, user)``: pages inside the user's associations' trees;
* ``AssociationOwnedPermissionPolicy``: the policy for any model with an
  ``association`` foreign key (directory entries, pledges, enrolments...);
* ``AssociationOwned``: the abstract model that gives a model that key.

Every concrete ``AssociationOwned`` model joins the owned-model registry when
the apps are ready (``NetworkConfig.ready`` walks the models), whichever
viewset shows it, with the policy its ``get_permission_policy()`` returns.
A model resolves to its association through ``association_owner_field``: the
``association`` key by default, or a lookup path for a model that reaches its
association through another row, for instance::

    class Shift(AssociationOwned):
        association_owner_field = "rota__association"

Models that are not ``AssociationOwned`` (Wagtail's own, a plugin's reference
data) declare their owner in ``network.owners``; any model without an owner
is refused to association editors (deny by default).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permission_policies.base import ModelPermissionPolicy

# Permissions an association group must never hold (tested in tests/network).
FORBIDDEN_FOR_ASSOCIATIONS = {
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "delete_user"),
    ("auth", "add_group"),
    ("auth", "change_group"),
    ("auth", "delete_group"),
    ("wagtailcore", "add_site"),
    ("wagtailcore", "change_site"),
    ("wagtailcore", "delete_site"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "delete_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
    ("wagtailcore", "delete_task"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("wagtailcore", "add_locale"),
    ("wagtailcore", "change_locale"),
    ("wagtailcore", "delete_locale"),
    ("network", "add_association"),
    ("network", "change_association"),
    ("network", "delete_association"),
}


def is_coordinator(user) -> bool:
    """Superusers and members of the network coordinators group see everything."""
    if not user or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_network_is_coordinator", None)
    if cached is None:
        cached = user.groups.filter(name=settings.NETWORK_COORDINATORS_GROUP).exists()
        user._network_is_coordinator = cached
    return cached


def user_association_ids(user) -> set[int]:
    """Ids of the associations whose editors or moderators group holds ``user``."""
    if not user or not user.is_authenticated:
        return set()
    cached = getattr(user, "_network_association_ids", None)
    if cached is None:
        from network.models import Association

        cached = set(Association.objects.for_user(user).values_list("pk", flat=True))
        user._network_association_ids = cached
    return cached


def user_tree_paths(user) -> list[str]:
    """Paths of the home pages (every translation) of the user's associations."""
    cached = getattr(user, "_network_tree_paths", None)
    if cached is None:
        from network.models import Association

        keys = Association.objects.filter(pk__in=user_association_ids(user)).values(
            "site__root_page__translation_key"
        )
        cached = list(
            Page.objects.filter(depth=2, translation_key__in=keys).values_list(
                "path", flat=True
            )
        )
        user._network_tree_paths = cached
    return cached


def pages_q(paths, *, with_ancestors=False) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
        if with_ancestors:
            query |= Q(path=path[: Page.steplen])
    return query


def scope_pages(queryset, user, *, with_ancestors=False):
    """Restrict a page queryset to the trees of the user's associations."""
    if is_coordinator(user):
        return queryset
    return queryset.filter(
        pages_q(user_tree_paths(user), with_ancestors=with_ancestors)
    )


def user_can_reach_page(user, page) -> bool:
    if is_coordinator(user):
        return True
    if page.depth == 1:
        return True  # the tree root holds nothing of anyone's
    return any(page.path.startswith(path) for path in user_tree_paths(user))


class AssociationOwned(models.Model):
    """Abstract base for data an association owns (directory entries, pledges...)."""

    association = models.ForeignKey(
        "network.Association",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("association"),
    )

    # Lookup path from a row to the association that owns it.
    association_owner_field = "association"

    class Meta:
        abstract = True

    @classmethod
    def get_permission_policy(cls):
        """The policy registered for this model (override to refine it)."""
        return AssociationOwnedPermissionPolicy(
            cls, owner_field=cls.association_owner_field
        )


class AssociationOwnedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the rows of the user's associations.

    A user needs the model permission (granted to association groups through
    ``NetworkPlugin.editor_permissions``) *and* membership of the owning
    association, unless they are a network coordinator.
    """

    owner_field = "association"

    def __init__(self, model, owner_field=None):
        super().__init__(model)
        if owner_field:
            self.owner_field = owner_field

    def _owner_ids(self, user):
        return user_association_ids(user)

    def owner_id(self, instance):
        """The id of the association owning ``instance`` (``None`` if unknown)."""
        *path, last = self.owner_field.split("__")
        target = instance
        for name in path:
            target = getattr(target, name, None)
            if target is None:
                return None
        return getattr(target, f"{last}_id", None)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        if is_coordinator(user):
            return True
        owner_id = self.owner_id(instance)
        return owner_id is not None and owner_id in self._owner_ids(user)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        if is_coordinator(user):
            return queryset
        return queryset.filter(**{f"{self.owner_field}__in": self._owner_ids(user)})

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def visible_queryset(self, user, queryset=None):
        """What a user may see in the admin: their own associations' rows."""
        queryset = self.model._default_manager.all() if queryset is None else queryset
        if is_coordinator(user):
            return queryset
        return queryset.filter(**{f"{self.owner_field}__in": self._owner_ids(user)})


# Models owned by an association, registered by their app (see
# ``register_association_owned``); the admin scope middleware checks every
# admin URL that names one of their rows.
ASSOCIATION_OWNED_MODELS: dict[str, type] = {}


def register_association_owned(model, owner_field=None):
    """Give ``model`` the association-scoped permission policy.

    Every ``AssociationOwned`` model is registered automatically when the apps
    are ready; calling it again is harmless. ``owner_field`` overrides the
    model's ``association_owner_field``.
    """
    from wagtail.permissions import policy_registry, register_permission_policy

    label = f"{model._meta.app_label}.{model._meta.model_name}"
    if label not in ASSOCIATION_OWNED_MODELS:
        if hasattr(model, "get_permission_policy"):
            policy = model.get_permission_policy()
            if owner_field:
                policy.owner_field = owner_field
        else:
            policy = AssociationOwnedPermissionPolicy(model, owner_field=owner_field)
        existing = policy_registry.get_by_type(model, fallback=False)
        if not isinstance(existing, AssociationOwnedPermissionPolicy):
            register_permission_policy(model, policy, exact_class=True)
        ASSOCIATION_OWNED_MODELS[label] = model
    return model


def owned_model(app_label, model_name):
    return ASSOCIATION_OWNED_MODELS.get(f"{app_label}.{model_name}".lower())


def policy_for(model) -> AssociationOwnedPermissionPolicy:
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(model)


def user_associations(user):
    """The associations a user works for (every one for coordinators)."""
    from network.models import Association

    if is_coordinator(user):
        return Association.objects.all()
    return Association.objects.filter(pk__in=user_association_ids(user))


def associations_for_request(request):
    """``queryset=`` callable for django-filter filters and admin choices.

    Use it for any "association" filter of an admin listing, so that it
    offers only the user's own associations::

        association = django_filters.ModelChoiceFilter(
            queryset=associations_for_request
        )
    """
    return user_associations(request.user)
