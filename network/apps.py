from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    label = "network"
    verbose_name = _("Network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from network import forms, owners, signals
        from network.plugins import check_plugins

        checks.register(check_plugins)

        signals.connect_cache_invalidation()
        owners.register_core_owners()
        owners.register_owned_models()
        owners.scope_log_entries()
        forms.scope_admin_forms()
