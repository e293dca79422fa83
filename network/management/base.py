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
