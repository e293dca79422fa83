"""Choices shared by the models, the admin form and the filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicChoices(models.TextChoices):
    ADULTS = "adults", _("Adults")
    FAMILIES = "families", _("Families")
    WOMEN = "women", _("Women")
    UNACCOMPANIED_MINORS = "unaccompanied_minors", _("Unaccompanied minors")
    ANY_STATUS = "any_status", _("Any administrative status")


class OccupancyChoices(models.TextChoices):
    LOW = "low", _("Usually quiet")
    MEDIUM = "medium", _("Sometimes busy")
    OFTEN_FULL = "often_full", _("Often full")


class StatusChoices(models.TextChoices):
    ACTIVE = "active", _("Active")
    TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")
    CLOSED = "closed", _("Closed for good")


class WheelchairChoices(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    LIMITED = "limited", _("Limited")
