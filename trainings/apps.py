from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    label = "trainings"
    verbose_name = _("Volunteer trainings")
    default_auto_field = "django.db.models.BigAutoField"
