"""What each model's rows belong to: the owner table behind deny by default.

One question serves every admin door: *which rows of this model may this
user see?* ``visible(model, user, queryset)`` answers it for any model:

* a model built on ``network.permissions.AssociationOwned``: its permission
  policy (rows of the user's associations, through the model's
  ``association_owner_field``);
* pages: the trees of the user's associations (``scope_pages``);
* images and documents: the collections where the user holds a permission;
* the objects that point at another one (revisions, log entries, workflow
  states, wagtail-localize sources, translations and segments, editing
  sessions): the rows whose target the user may see, resolved through the
  table below, whatever the target's model;
* collections, sites, tasks, workflows, users and groups: the user's
  associations' own ones;
* a model declaring ``association_owner_field`` (a lookup path such as
  ``"organisation__association"``, for a child row that is not itself
  ``AssociationOwned``): the rows whose path leads to the user's associations;
* a model declaring ``shared_across_associations = True`` (network-wide
  reference data such as categories or locales): every row.

Any other model answers *nothing*: a model nobody declared an owner for is
refused to association editors (coordinators and superusers see everything).
A plugin whose model is not ``AssociationOwned`` declares its owner with one
of those attributes or with ``register_owner(Model, function)``,
``function(user, queryset)`` returning the visible part of ``queryset``. A
plugin's function-based admin view naming an object by a generic ``pk`` says
which model with ``@names_object(Model)``.

Every log-entry listing (the site-history report, its CSV and XLSX exports
and its "user", "object type" and "action" filters, per-object history)
reads ``LogEntryManager.viewable_by_user``; ``scope_log_entries`` narrows it
to entries of visible objects, as Wagtail offers no hook there.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from network import permissions

# model -> function(user, queryset) -> queryset, looked up along the MRO
OWNER_RESOLVERS: dict[type, object] = {}


def register_owner(model, resolver):
    """Declare how ``model``'s rows resolve to the user's associations."""
    OWNER_RESOLVERS[model] = resolver
    return model


def resolver_for(model):
    """The function scoping ``model``'s rows, or ``None`` when none is known."""
    if getattr(model, "shared_across_associations", False):
        return _everything
    if issubclass(model, permissions.AssociationOwned):
        return _owned
    owner_field = getattr(model, "association_owner_field", None)
    if owner_field:
        return _owner_path(owner_field)
    for klass in model.__mro__:
        if klass in OWNER_RESOLVERS:
            return OWNER_RESOLVERS[klass]
    return None


def is_resolvable(model) -> bool:
    return resolver_for(model) is not None


def visible(model, user, queryset=None):
    """The rows of ``model`` (or of ``queryset``) ``user`` may see or use."""
    queryset = model._default_manager.all() if queryset is None else queryset
    if permissions.is_coordinator(user):
        return queryset
    resolver = resolver_for(model)
    if resolver is None or not user or not user.is_authenticated:
        return queryset.none()
    return resolver(user, queryset)


def visible_ids_as_text(model, user):
    """Subquery of the visible primary keys as text (for ``object_id`` fields)."""
    return (
        visible(model, user)
        .order_by()
        .annotate(network_text_pk=Cast("pk", CharField()))
        .values("network_text_pk")
    )


def generic_q(user, content_type_ids, ct_field="content_type", id_field="object_id"):
    """``Q`` keeping rows (content type, text object id) whose target is
    visible: one subquery per content type present."""
    query = Q(pk__in=[])
    for content_type_id in content_type_ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not is_resolvable(model):
            continue
        query |= Q(
            **{
                f"{ct_field}_id": content_type_id,
                f"{id_field}__in": visible_ids_as_text(model, user),
            }
        )
    return query


def _generic(ct_field="content_type", id_field="object_id"):
    def resolve(user, queryset):
        cts = queryset.order_by().values_list(f"{ct_field}_id", flat=True).distinct()
        return queryset.filter(generic_q(user, list(cts), ct_field, id_field))

    return resolve


def names_object(model):
    """Decorator telling the admin scope which model a function view's ``pk``
    (or ``object_id``, ``?id=``) names."""

    def decorate(view):
        view.network_model = model
        return view

    return decorate


def _owner_path(owner_field):
    def resolve(user, queryset):
        return queryset.filter(
            **{f"{owner_field}__in": permissions.user_association_ids(user)}
        )

    return resolve


def _everything(user, queryset):
    return queryset


def _owned(user, queryset):
    return permissions.policy_for(queryset.model).visible_queryset(user, queryset)


def _associations(user, queryset):
    return queryset.filter(pk__in=permissions.user_association_ids(user))


def _pages(user, queryset):
    return permissions.scope_pages(queryset, user)


def _media(user, queryset):
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(queryset.model)
    allowed = policy.instances_user_has_any_permission_for(
        user, ["add", "change", "choose", "delete"]
    )
    return queryset.filter(pk__in=allowed.values("pk"))


def _collections(user, queryset):
    from network.models import Association

    paths = Association.objects.filter(
        pk__in=permissions.user_association_ids(user)
    ).values_list("root_collection__path", flat=True)
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
    return queryset.filter(query)


def _sites(user, queryset):
    return queryset.filter(association__in=permissions.user_association_ids(user))


def _association_group_ids(user):
    from network.models import Association

    ids = set()
    for editors, moderators in Association.objects.filter(
        pk__in=permissions.user_association_ids(user)
    ).values_list("editors_group_id", "moderators_group_id"):
        ids.update((editors, moderators))
    return ids


def _users(user, queryset):
    """Oneself and the members of one's associations' groups."""
    return queryset.filter(
        Q(pk=user.pk) | Q(groups__in=_association_group_ids(user))
    ).distinct()


def _groups(user, queryset):
    return queryset.filter(pk__in=_association_group_ids(user))


def _workflows(user, queryset):
    from wagtail.models import Page

    pages = permissions.scope_pages(Page.objects.all(), user)
    return queryset.filter(workflow_pages__page__in=pages.values("pk")).distinct()


def _tasks(user, queryset):
    from wagtail.models import Workflow

    workflows = _workflows(user, Workflow.objects.all())
    return queryset.filter(workflow_tasks__workflow__in=workflows).distinct()


def _task_states(user, queryset):
    from wagtail.models import WorkflowState

    states = visible(WorkflowState, user)
    return queryset.filter(workflow_state__in=states)


def _page_log_entries(user, queryset):
    from wagtail.models import Page

    pages = permissions.scope_pages(Page.objects.all(), user)
    return queryset.filter(page_id__in=pages.values("pk"))


def _own_rows(field):
    def resolve(user, queryset):
        return queryset.filter(**{field: user.pk})

    return resolve


def _translation_sources(user, queryset):
    """A source is visible when its object (any locale) is."""
    cts = queryset.order_by().values_list("specific_content_type_id", flat=True)
    query = Q(pk__in=[])
    for content_type_id in set(cts):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not is_resolvable(model):
            continue
        query |= Q(
            specific_content_type_id=content_type_id,
            object_id__in=visible(model, user).order_by().values("translation_key"),
        )
    return queryset.filter(query)


def _via(field, target):
    """Rows whose ``field`` points at a visible row of ``target``."""

    def resolve(user, queryset):
        from django.apps import apps

        model = apps.get_model(target)
        return queryset.filter(**{f"{field}__in": visible(model, user).values("pk")})

    return resolve


def register_core_owners():
    """The owners of Wagtail's and wagtail-localize's models (called once)."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        Locale,
        ModelLogEntry,
        Page,
        PageLogEntry,
        Revision,
        Site,
        Task,
        TaskState,
        UploadedFile,
        Workflow,
        WorkflowState,
    )

    from network.models import Association

    table = {
        Association: _associations,
        Page: _pages,
        get_image_model(): _media,
        get_document_model(): _media,
        Collection: _collections,
        Site: _sites,
        get_user_model(): _users,
        Group: _groups,
        Workflow: _workflows,
        Task: _tasks,
        TaskState: _task_states,
        WorkflowState: _generic("content_type", "object_id"),
        Revision: _generic("content_type", "object_id"),
        ModelLogEntry: _generic("content_type", "object_id"),
        PageLogEntry: _page_log_entries,
        UploadedFile: _own_rows("uploaded_by_user"),
        Locale: _everything,
        ContentType: _everything,
    }
    if apps.is_installed("wagtail.admin"):
        from wagtail.admin.models import EditingSession

        table[EditingSession] = _own_rows("user")
    if apps.is_installed("taggit"):
        from taggit.models import TagBase

        table[TagBase] = _everything
    if apps.is_installed("wagtail.contrib.redirects"):
        from wagtail.contrib.redirects.models import Redirect

        table[Redirect] = _via("site", "wagtailcore.Site")
    if apps.is_installed("wagtail_localize"):
        from wagtail_localize import models as localize

        table[localize.TranslationSource] = _translation_sources
        table[localize.Translation] = _via(
            "source", "wagtail_localize.TranslationSource"
        )
        for name in (
            "StringSegment",
            "OverridableSegment",
            "TemplateSegment",
            "RelatedObjectSegment",
        ):
            segment = getattr(localize, name, None)
            if segment is not None:
                table[segment] = _via("source", "wagtail_localize.TranslationSource")
        table[localize.TranslationLog] = _via(
            "source", "wagtail_localize.TranslationSource"
        )
    if apps.is_installed("wagtail.contrib.settings"):
        from wagtail.contrib.settings.models import BaseSiteSetting

        table[BaseSiteSetting] = _via("site", "wagtailcore.Site")
    for model, resolver in table.items():
        OWNER_RESOLVERS.setdefault(model, resolver)


def scope_log_entries():
    """Narrow ``viewable_by_user`` of every log-entry manager to the entries
    of objects the user may see (called once from ``NetworkConfig.ready``)."""
    from wagtail.models import PageLogEntry
    from wagtail.models.audit_log import BaseLogEntryManager

    for manager_class in {BaseLogEntryManager, type(PageLogEntry.objects)}:
        original = manager_class.__dict__.get("viewable_by_user")
        if original is None or getattr(original, "network_scoped", False):
            continue

        def viewable_by_user(self, user, _original=original):
            entries = _original(self, user)
            if permissions.is_coordinator(user):
                return entries
            return visible(self.model, user, entries)

        viewable_by_user.network_scoped = True
        manager_class.viewable_by_user = viewable_by_user


def register_owned_models():
    """Every concrete ``AssociationOwned`` model joins the registry, whichever
    viewset (or none) shows it."""
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, permissions.AssociationOwned):
            permissions.register_association_owned(model)
