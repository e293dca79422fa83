"""Shared behaviour of the platform's management commands."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation


class NetworkCommand(BaseCommand):
    """A command that speaks the operators' language.

    Commands are run by whoever operates the install, from a shell or cron,
    where no visitor language applies; their messages (progress, errors by
    line and column) use ``NETWORK_COMMAND_LANGUAGE`` (English by default)
    rather than the network's default content language.
    """

    def execute(self, *args, **options):
        with translation.override(settings.NETWORK_COMMAND_LANGUAGE):
            return super().execute(*args, **options)


class PluginSwitchCommand(NetworkCommand):
    """``enable_plugin`` / ``disable_plugin``: one plugin, one association.

    Both are idempotent; an unknown association or plugin exits non-zero with
    a one-line reason and changes nothing (``network.provisioning.switch_plugin``).
    """

    enabled = True

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the association's slug")
        parser.add_argument("name", help="the plugin's name, e.g. one of `plugins`")

    def handle(self, *args, slug, name, **options):
        from django.core.exceptions import ValidationError
        from django.core.management.base import CommandError

        from network.models import Association
        from network.provisioning import switch_plugin

        association = Association.objects.filter(slug=slug).first()
        if association is None:
            raise CommandError(f"No association with the slug '{slug}'.")
        try:
            changed = switch_plugin(association, name, enabled=self.enabled)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        state = "enabled" if self.enabled else "disabled"
        if not changed:
            self.stdout.write(f"{name} is already {state} for {association.name}.")
            return
        detail = (
            "its editors and moderators got the plugin's permissions"
            if self.enabled
            else "its pages and data are kept; its page types can no longer be created"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{name} is now {state} for {association.name}: {detail}."
            )
        )
