"""``manage.py enable_plugin SLUG NAME``: turn a plugin on for an association."""

from network.management.base import PluginSwitchCommand


class Command(PluginSwitchCommand):
    help = (
        "Enable an installed plugin for an existing association and grant its "
        "editors and moderators the plugin's permissions. Idempotent."
    )
    enabled = True
