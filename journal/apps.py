from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    name = "journal"
    label = "journal"
    verbose_name = _("Journal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from journal import signals  # noqa: F401
