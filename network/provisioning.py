"""Creating an association: its Site, home page, collection, groups, rights.

Used by ``manage.py create_association``, by ``load_demo`` and by the tests.
Everything happens in one transaction: a refused request changes nothing.
"""

import re

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from network.models import Association, slug_validator
from network.plugins import get_plugins

HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$"
)

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + [
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
    ("wagtailcore", "add_collection"),
    ("wagtailcore", "change_collection"),
]


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def validate_hostname(hostname: str) -> str:
    hostname = (hostname or "").strip().lower()
    if not HOSTNAME_RE.match(hostname):
        raise ValidationError(f"'{hostname}' is not a valid hostname.")
    return hostname


def validate_languages(codes) -> list[str]:
    known = [code for code, _name in settings.LANGUAGES]
    codes = [code.strip() for code in codes if code.strip()]
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValidationError(
            f"Unknown language(s): {', '.join(unknown)}. Known: {', '.join(known)}."
        )
    if not codes:
        raise ValidationError("Give at least one language.")
    return [code for code in known if code in codes]


def validate_plugins(names) -> list[str]:
    installed = list(get_plugins())
    names = [name.strip() for name in names if name.strip()]
    unknown = [name for name in names if name not in installed]
    if unknown:
        raise ValidationError(
            f"Unknown plugin(s): {', '.join(unknown)}. "
            f"Installed: {', '.join(installed) or 'none'}."
        )
    return names


def home_page_model():
    return apps.get_model(settings.NETWORK_HOME_PAGE_MODEL)


def association_plugin_permissions(plugins):
    """Model permissions every enabled plugin grants its association groups,
    plus those every association gets whatever its plugins (apps of the core
    declare them with the ``register_association_permissions`` hook, a
    function returning "app_label.codename" strings)."""
    perms = [
        _perm(*label.split(".", 1))
        for fn in hooks.get_hooks("register_association_permissions")
        for label in fn()
    ]
    for name in plugins:
        plugin = get_plugins().get(name)
        for label in getattr(plugin, "editor_permissions", []) or []:
            app_label, codename = label.split(".", 1)
            perms.append(_perm(app_label, codename))
    return perms


def grant_tree_permissions(association, page):
    """Page permissions on one root (the home page or one of its translations)."""
    for group, codenames in (
        (association.editors_group, EDITOR_PAGE_PERMISSIONS),
        (association.moderators_group, MODERATOR_PAGE_PERMISSIONS),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_perm("wagtailcore", codename)
            )
    workflow = association_workflow(association)
    if workflow and not WorkflowPage.objects.filter(page=page).exists():
        WorkflowPage.objects.create(page=page, workflow=workflow)


def sync_group_permissions(association):
    """(Re)apply every right of the association's two groups. Idempotent."""
    admin_access = _perm("wagtailadmin", "access_admin")
    plugin_perms = association_plugin_permissions(association.plugins)
    for group in (association.editors_group, association.moderators_group):
        group.permissions.add(admin_access, *plugin_perms)
    for group, perms in (
        (association.editors_group, EDITOR_COLLECTION_PERMISSIONS),
        (association.moderators_group, MODERATOR_COLLECTION_PERMISSIONS),
    ):
        for app_label, codename in perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=association.root_collection,
                permission=_perm(app_label, codename),
            )
    # Moderators edit their own site's settings (theme), and nothing else's.
    for model in _site_setting_models():
        GroupSitePermission.objects.get_or_create(
            group=association.moderators_group,
            site=association.site,
            permission=_perm(model._meta.app_label, f"change_{model._meta.model_name}"),
        )
    _ensure_workflow(association)
    for page in association.home_pages():
        grant_tree_permissions(association, page)


def _site_setting_models():
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.contrib.settings.registry import registry

    return [model for model in registry if issubclass(model, BaseSiteSetting)]


def association_workflow(association):
    """The approval workflow whose task the association's moderators hold."""
    return (
        Workflow.objects.filter(
            workflow_tasks__task__groupapprovaltask__groups=association.moderators_group
        )
        .order_by("pk")
        .first()
    )


def workflow_names(association):
    """The names of the association's workflow and of its task.

    Wagtail shows them inside its own sentences ("Submit to %(workflow_name)s",
    "Resubmit to %(task_name)s"); they are stored once, in the network's
    default language, and read well after "Soumettre à" whatever the
    association's name is.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return (
            gettext("%(name)s approval") % {"name": association.name},
            gettext("%(name)s: moderators approve") % {"name": association.name},
        )


def _ensure_workflow(association):
    """The association's approval workflow: one task for its moderators.

    ``Workflow.workflow_tasks`` is a modelcluster relation, whose ``create()``
    only adds the task in memory; the ``WorkflowTask`` row is saved directly.
    """
    workflow = association_workflow(association)
    if workflow is None:
        workflow_name, task_name = workflow_names(association)
        workflow = Workflow.objects.create(name=workflow_name[:255], active=True)
        task = GroupApprovalTask.objects.create(name=task_name[:255])
        task.groups.set([association.moderators_group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ensure_coordinators_group():
    group, _created = Group.objects.get_or_create(
        name=settings.NETWORK_COORDINATORS_GROUP
    )
    # Coordinators hold every plugin's model permissions; the association
    # policy lets them act on every association's rows.
    group.permissions.add(
        _perm("wagtailadmin", "access_admin"),
        *association_plugin_permissions(list(get_plugins())),
    )
    root = Page.get_first_root_node()
    for codename in MODERATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_perm("wagtailcore", codename)
        )
    root_collection = Collection.get_first_root_node()
    for app_label, codename in MODERATOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=_perm(app_label, codename),
        )
    return group


@transaction.atomic
def create_association(
    *,
    name,
    slug,
    hostname,
    port=80,
    languages=None,
    plugins=None,
    is_hub=False,
    is_default_site=False,
    city="",
    home_fields=None,
):
    """Create an association with everything it owns. Raises ValidationError."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("The name cannot be empty.")
    slug = (slug or "").strip()
    try:
        slug_validator(slug)
    except ValidationError as error:
        raise ValidationError(
            f"'{slug}' is not a valid slug: {error.messages[0]}"
        ) from None
    hostname = validate_hostname(hostname)
    try:
        port = int(port)
    except (TypeError, ValueError):
        raise ValidationError(f"'{port}' is not a valid port.") from None
    if not 1 <= port <= 65535:
        raise ValidationError(f"'{port}' is not a valid port (1-65535).")
    languages = validate_languages(
        languages if languages is not None else [c for c, _n in settings.LANGUAGES]
    )
    plugins = validate_plugins(plugins if plugins is not None else list(get_plugins()))

    if Association.objects.filter(slug=slug).exists():
        raise ValidationError(f"An association with the slug '{slug}' already exists.")
    if Site.objects.filter(hostname=hostname, port=port).exists():
        raise ValidationError(
            f"The hostname {hostname}:{port} is already used by a site."
        )
    for group_name in (f"{name} editors", f"{name} moderators"):
        if Group.objects.filter(name=group_name).exists():
            raise ValidationError(f"A group named '{group_name}' already exists.")

    default_locale = Locale.get_default()
    root = Page.get_first_root_node()
    home_model = home_page_model()
    page_slug = slugify(slug)
    if Page.objects.filter(depth=2, slug=page_slug, locale=default_locale).exists():
        raise ValidationError(f"A top-level page with the slug '{page_slug}' exists.")
    home = home_model(
        title=name, slug=page_slug, locale=default_locale, **(home_fields or {})
    )
    root.add_child(instance=home)
    home.save_revision().publish()

    if is_default_site:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        site_name=name,
        is_default_site=is_default_site,
    )
    collection = Collection.get_first_root_node().add_child(name=name)
    association = Association.objects.create(
        name=name,
        slug=slug,
        site=site,
        root_collection=collection,
        editors_group=Group.objects.create(name=f"{name} editors"),
        moderators_group=Group.objects.create(name=f"{name} moderators"),
        is_hub=is_hub,
        city=city,
        languages=languages,
        plugins=plugins,
    )
    _ensure_workflow(association)
    for code in languages:
        if code == default_locale.language_code:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        translated = home.copy_for_translation(locale)
        translated.save_revision().publish()
    sync_group_permissions(association)
    ensure_coordinators_group()
    return association


def switch_plugin(association, name, *, enabled) -> bool:
    """Enable or disable one plugin for an existing association. Idempotent.

    Enabling grants the plugin's ``editor_permissions`` to the association's
    editors and moderators groups; disabling withdraws those not granted by
    another plugin the association still uses. Pages and rows are kept: a
    disabled plugin's page types can no longer be created on the site
    (``network.plugins.NetworkPageMixin``). Returns True when something
    changed. Raises ``ValidationError`` for a plugin that is not installed.
    """
    validate_plugins([name])
    current = list(association.plugins or [])
    if enabled:
        wanted = current if name in current else [*current, name]
    else:
        wanted = [other for other in current if other != name]
    plugin_perms = association_plugin_permissions([name])
    groups = (association.editors_group, association.moderators_group)
    with transaction.atomic():
        if enabled:
            granted = any(
                not group.permissions.filter(pk=perm.pk).exists()
                for group in groups
                for perm in plugin_perms
            )
            for group in groups:
                group.permissions.add(*plugin_perms)
        else:
            kept = {perm.pk for perm in association_plugin_permissions(wanted)}
            withdrawn = [perm for perm in plugin_perms if perm.pk not in kept]
            granted = any(
                group.permissions.filter(pk__in=[p.pk for p in withdrawn]).exists()
                for group in groups
            )
            for group in groups:
                group.permissions.remove(*withdrawn)
        changed = wanted != current
        if changed:
            association.plugins = wanted
            association.save(update_fields=["plugins"])
    return changed or granted
