"""The plugin registry: what a plugin declares, and how the core reads it.

A plugin is a Django app that registers itself with the
``register_network_plugin`` Wagtail hook, returning a ``NetworkPlugin``::

    @hooks.register("register_network_plugin")
    def register_my_plugin():
        return NetworkPlugin(
            name="myplugin",
            label=_("My plugin"),
            page_types=["myplugin.MyPage"],
            owned_models=["myplugin.Thing"],
            admin_menu=["myplugin"],
            urls="myplugin.urls",
            url_prefix="api/myplugin/",
            demo="myplugin.demo.load",
            settings={"MYPLUGIN_PAGE_SIZE": "20"},
            editor_permissions=["myplugin.add_thing", "myplugin.change_thing"],
        )

Each association enables the plugins it uses (``Association.plugins``; the
``enable_plugin`` and ``disable_plugin`` commands switch one). A page type of a
disabled plugin cannot be created on that association's site
(``NetworkPageMixin.can_create_at``); its existing pages and rows are kept.
``docs/plugins.md`` is the guide, with the directory as the worked example.
"""

import os
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings as django_settings
from django.utils.module_loading import import_string
from wagtail import hooks

from network.search import PublishedIndexMixin, StemmedSearchMixin

PLUGIN_HOOK = "register_network_plugin"


@dataclass(frozen=True)
class NetworkPlugin:
    """Everything the core needs to know about one plugin."""

    # stable identifier, stored in ``Association.plugins``
    name: str
    label: str
    # "app_label.ModelName" page types; each declares its own
    # ``parent_page_types`` and may be created under any of them
    page_types: list = field(default_factory=list)
    # dotted path of a urlconf served outside the language prefix (APIs, feeds)
    urls: str | None = None
    url_prefix: str = ""
    # dotted path of a urlconf served under the language prefix (/fr/..., /ar/...)
    i18n_urls: str | None = None
    i18n_url_prefix: str = ""
    # dotted path of ``load(stdout, associations)``, the plugin's demo content,
    # called by ``load_demo`` after the core content (the one demo mechanism)
    demo: str | None = None
    description: str = ""
    # "app_label.codename" model permissions granted to every enabled
    # association's editors and moderators groups (instance rights are then
    # narrowed by ``network.permissions.AssociationOwnedPermissionPolicy``)
    editor_permissions: list = field(default_factory=list)
    # "app_label.ModelName" of the models whose rows belong to one association:
    # each inherits ``network.permissions.AssociationOwned`` (a direct
    # ``association`` foreign key), which is how a row resolves to its owner
    owned_models: list = field(default_factory=list)
    # ``name`` of the plugin's top-level admin menu items: hidden from editors
    # none of whose associations enables the plugin
    admin_menu: list = field(default_factory=list)
    # the plugin's own settings and their defaults: read with ``setting()``
    # from Django settings, then the environment, then this default
    settings: dict = field(default_factory=dict)

    @property
    def page_models(self):
        return [apps.get_model(label) for label in self.page_types]

    @property
    def owned_model_classes(self):
        return [apps.get_model(label) for label in self.owned_models]

    def setting(self, name):
        """The plugin setting ``name``: Django settings, environment, default."""
        if name not in self.settings:
            raise KeyError(f"{self.name} declares no setting {name!r}")
        if hasattr(django_settings, name):
            return getattr(django_settings, name)
        return os.environ.get(name, self.settings[name])

    def load_demo(self, *args, **kwargs):
        if self.demo:
            return import_string(self.demo)(*args, **kwargs)


def get_plugins() -> dict[str, NetworkPlugin]:
    """Every installed plugin, by name, in registration order."""
    plugins = {}
    for fn in hooks.get_hooks(PLUGIN_HOOK):
        plugin = fn()
        plugins[plugin.name] = plugin
    return plugins


def get_plugin(name: str) -> NetworkPlugin | None:
    return get_plugins().get(name)


def plugin_page_models():
    """Every page type declared by an installed plugin."""
    return [model for plugin in get_plugins().values() for model in plugin.page_models]


def owned_models():
    """Every association-owned model declared by an installed plugin."""
    return [
        model
        for plugin in get_plugins().values()
        for model in plugin.owned_model_classes
    ]


def declares_parent(model, parent_model) -> bool:
    """True when ``model`` names ``parent_model`` in its ``parent_page_types``."""
    label = parent_model._meta.label_lower
    declared = getattr(model, "parent_page_types", None) or []
    return label in {name.lower() for name in declared}


def plugin_for_model(model) -> NetworkPlugin | None:
    """The plugin declaring ``model`` as a page type or an owned model."""
    label = model._meta.label_lower
    for plugin in get_plugins().values():
        declared = {name.lower() for name in [*plugin.page_types, *plugin.owned_models]}
        if label in declared:
            return plugin
    return None


def is_page_type_enabled(model, association) -> bool:
    """False when ``model`` belongs to a plugin that ``association`` disabled."""
    if association is None:
        return True
    plugin = plugin_for_model(model)
    return plugin is None or association.has_plugin(plugin.name)


class NetworkPageMixin(PublishedIndexMixin, StemmedSearchMixin):
    """Mixed into every page type: refuses creation where the plugin is off,
    and indexes only the stored (published) values, with their stems
    (``network.search``)."""

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        from network.models import Association

        return is_page_type_enabled(cls, Association.for_page(parent))


def user_has_plugin(user, plugin) -> bool:
    """True when ``plugin`` is enabled by one of the user's associations
    (always for coordinators and superusers)."""
    from network import permissions

    if permissions.is_coordinator(user):
        return True
    return any(
        plugin.name in (plugins or [])
        for plugins in permissions.user_associations(user).values_list(
            "plugins", flat=True
        )
    )


@hooks.register("construct_main_menu")
def hide_menus_of_unused_plugins(request, menu_items):
    """A plugin's ``admin_menu`` items are shown only to users of an
    association that enables the plugin."""
    hidden = {
        name
        for plugin in get_plugins().values()
        if plugin.admin_menu and not user_has_plugin(request.user, plugin)
        for name in plugin.admin_menu
    }
    if hidden:
        menu_items[:] = [item for item in menu_items if item.name not in hidden]


def check_plugins(app_configs=None, **kwargs):
    """System check: every declared page type and owned model exists, page
    types are pages and owned models inherit ``AssociationOwned``."""
    from django.core.checks import Error
    from wagtail.models import Page

    from network.permissions import AssociationOwned

    errors = []
    for plugin in get_plugins().values():
        for kind, labels, base in (
            ("page type", plugin.page_types, Page),
            ("owned model", plugin.owned_models, AssociationOwned),
        ):
            for label in labels:
                try:
                    model = apps.get_model(label)
                except (LookupError, ValueError):
                    errors.append(
                        Error(
                            f"Plugin '{plugin.name}' declares the unknown {kind} "
                            f"'{label}'.",
                            id="network.E001",
                        )
                    )
                    continue
                if not issubclass(model, base):
                    errors.append(
                        Error(
                            f"Plugin '{plugin.name}': {kind} '{label}' must "
                            f"inherit {base.__module__}.{base.__name__}.",
                            id="network.E002",
                        )
                    )
    return errors
