"""The plugin registry.

A plugin is a Django app that registers itself with the
``register_network_plugin`` Wagtail hook, returning a ``NetworkPlugin``::

    @hooks.register("register_network_plugin")
    def register_directory():
        return NetworkPlugin(
            name="directory",
            label=_("Partner directory"),
            page_types=["directory.DirectoryPage"],
            urls="directory.urls",
            url_prefix="api/directory/",
            demo="directory.demo.load",
        )

Each association enables the plugins it uses (``Association.plugins``). A page
type of a disabled plugin cannot be created on that association's site: see
``NetworkPageMixin.can_create_at`` and the ``before_create_page`` hook in
``network.wagtail_hooks``.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.module_loading import import_string
from wagtail import hooks

from network.search import PublishedIndexMixin


@dataclass(frozen=True)
class NetworkPlugin:
    name: str
    label: str
    page_types: list = field(default_factory=list)
    # dotted path of a urlconf served outside the language prefix (APIs, feeds)
    urls: str | None = None
    url_prefix: str = ""
    # dotted path of a urlconf served under the language prefix (/fr/..., /ar/...)
    i18n_urls: str | None = None
    i18n_url_prefix: str = ""
    # dotted path of ``load(stdout, associations)``, called by ``load_demo``
    demo: str | None = None
    description: str = ""
    # "app_label.codename" model permissions granted to every enabled
    # association's editors and moderators groups (instance rights are then
    # narrowed by ``network.permissions.AssociationOwnedPermissionPolicy``)
    editor_permissions: list = field(default_factory=list)

    @property
    def page_models(self):
        return [apps.get_model(label) for label in self.page_types]

    def load_demo(self, *args, **kwargs):
        if self.demo:
            return import_string(self.demo)(*args, **kwargs)


def get_plugins() -> dict[str, NetworkPlugin]:
    """Every installed plugin, by name, in registration order."""
    plugins = {}
    for fn in hooks.get_hooks("register_network_plugin"):
        plugin = fn()
        plugins[plugin.name] = plugin
    return plugins


def get_plugin(name: str) -> NetworkPlugin | None:
    return get_plugins().get(name)


def plugin_for_model(model) -> NetworkPlugin | None:
    label = f"{model._meta.app_label}.{model.__name__}".lower()
    for plugin in get_plugins().values():
        if label in {page_type.lower() for page_type in plugin.page_types}:
            return plugin
    return None


def is_page_type_enabled(model, association) -> bool:
    """False when ``model`` belongs to a plugin that ``association`` disabled."""
    if association is None:
        return True
    plugin = plugin_for_model(model)
    return plugin is None or association.has_plugin(plugin.name)


class NetworkPageMixin(PublishedIndexMixin):
    """Mixed into every page type: refuses creation where the plugin is off,
    and indexes only the stored (published) values (``network.search``)."""

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        from network.models import Association

        return is_page_type_enabled(cls, Association.for_page(parent))
