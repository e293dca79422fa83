"""``manage.py disable_plugin SLUG NAME``: turn a plugin off for an association."""

from network.management.base import PluginSwitchCommand


class Command(PluginSwitchCommand):
    help = (
        "Disable a plugin for an association: withdraw its permissions from the "
        "association's groups and hide its page types from creation. Pages and "
        "data are kept. Idempotent."
    )
    enabled = False
