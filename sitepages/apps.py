from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitepagesConfig(AppConfig):
    name = "sitepages"
    label = "sitepages"
    verbose_name = _("Site pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sitepages.cache import connect_signals

        connect_signals()
