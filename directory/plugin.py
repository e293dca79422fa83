"""The directory's declaration to the network (``network.plugins.NetworkPlugin``).

Returned by the ``register_network_plugin`` hook in ``directory.wagtail_hooks``;
``docs/plugins.md`` walks through each field. The directory's own settings
are declared here with their defaults and read with ``directory_setting``
(Django settings first, then the environment), never in ``network/settings``.
"""

from django.utils.translation import gettext_lazy as _

from network.plugins import NetworkPlugin

PLUGIN = NetworkPlugin(
    name="directory",
    label=_("Partner directory"),
    description=_(
        "A shared directory of places and services: open now, nearby, in "
        "the visitor's language, with a map, exports and a CSV import."
    ),
    page_types=["directory.DirectoryPage"],
    owned_models=["directory.Organisation"],
    admin_menu=["directory"],
    urls="directory.urls",
    url_prefix="api/directory/",
    demo="directory.demo.load",
    settings={
        # map tiles, loaded only after the visitor asks for the map
        "DIRECTORY_MAP_TILE_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "DIRECTORY_MAP_ATTRIBUTION": "© OpenStreetMap contributors",
    },
    editor_permissions=[
        "directory.add_organisation",
        "directory.change_organisation",
        "directory.delete_organisation",
        "directory.publish_organisation",
        "directory.lock_organisation",
    ],
)


def directory_setting(name):
    """One of the directory's settings (see ``PLUGIN.settings``)."""
    return PLUGIN.setting(name)
