"""The shared partner directory: organisations, their stops and categories.

``Organisation`` is a translatable snippet owned by an association (see
``network.permissions.AssociationOwned``) with draft/publish, revisions and
locking. Its fields cover the CSV import contract (``docs`` in
/work/shared/ARCHITECTURE.md, "directory CSV") plus a status, who checked it
last and when, a photo, access conditions, structured publics and how full
the service usually is. Mobile services (outreach rounds, food distributions)
are an organisation with ``OrganisationStop`` rows, each found by proximity
and opening hours like a fixed place.

``Category`` is a translatable taxonomy. Organisations always point at the
default-locale (French) category rows; the name shown to a visitor comes from
the row with the same ``translation_key`` in the visitor's locale (see
``Category.names_by_slug``). Slugs are identical in every locale.

Admin wiring (viewsets, panels, menu) is in ``directory/wagtail_hooks.py``.
"""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.choices import (
    OccupancyChoices,
    PublicChoices,
    StatusChoices,
    WheelchairChoices,
)
from directory.forms import OrganisationForm
from directory.languages import parse_language_list
from directory.opening import validate_opening_hours
from network.permissions import AssociationOwned
from network.search import PublishedIndexMixin, StemmedSearchMixin


class OpeningHoursField(models.CharField):
    """An OpenStreetMap ``opening_hours`` string, edited as rows in the admin
    (``directory.widgets.OpeningHoursFormField``)."""

    def formfield(self, **kwargs):
        from directory.widgets import OpeningHoursFormField

        kwargs["form_class"] = OpeningHoursFormField
        kwargs.pop("widget", None)
        return super().formfield(**kwargs)


# How long an entry may go unchecked before editors are reminded.
RECHECK_AFTER_DAYS = 183


def validate_latitude(value):
    if value is not None and not -90 <= value <= 90:
        raise ValidationError(_("A latitude lies between -90 and 90."))


def validate_longitude(value):
    if value is not None and not -180 <= value <= 180:
        raise ValidationError(_("A longitude lies between -180 and 180."))


def validate_language_codes(value):
    _valid, invalid = parse_language_list(value or [])
    if invalid:
        raise ValidationError(
            _("Not ISO 639-1 language codes: %(codes)s"),
            params={"codes": ", ".join(invalid)},
        )


def validate_publics(value):
    known = set(PublicChoices.values)
    unknown = [item for item in value or [] if item not in known]
    if unknown:
        raise ValidationError(
            _("Unknown publics: %(items)s"), params={"items": ", ".join(unknown)}
        )


def list_index(values) -> str:
    """``["fr", "ar"]`` -> ``"|fr|ar|"``: lets SQL match one item with LIKE."""
    values = [value for value in values or [] if value]
    return "|" + "|".join(values) + "|" if values else ""


class Category(TranslatableMixin, models.Model):
    """A kind of help (housing, food, legal...), translated with wagtail-localize.

    Network-wide reference data: every association's editors may use it.
    """

    shared_across_associations = True

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "Used in CSV imports and URLs (e.g. hebergement). Identical in every "
            "language; never change it once entries use it."
        ),
    )
    icon = models.CharField(
        _("icon"),
        max_length=40,
        blank=True,
        help_text=_("Name of a Wagtail admin icon shown next to the category."),
    )
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in lists.")
    )

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("icon"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="directory_category_slug_locale"
            )
        ]

    def __str__(self):
        return self.name

    @classmethod
    def names_by_slug(cls, language_code: str | None = None) -> dict[str, str]:
        """``{slug: name}`` in ``language_code`` (falls back to the default locale).

        Cached (one query per language until a category changes).
        """
        language_code = (language_code or get_language() or "").split("-")[0]
        key = f"directory:category-names:{language_code}"
        names = cache.get(key)
        if names is None:
            names = {}
            rows = cls.objects.filter(
                locale__language_code__in={language_code, settings.LANGUAGE_CODE}
            ).values_list("slug", "name", "locale__language_code")
            for slug, name, code in rows:
                if code == language_code or slug not in names:
                    names[slug] = name
            cache.set(key, names, 3600)
        return names

    @classmethod
    def clear_cache(cls):
        for code, _name in settings.LANGUAGES:
            cache.delete(f"directory:category-names:{code}")

    @classmethod
    def default_locale_queryset(cls):
        return cls.objects.filter(locale=Locale.get_default())


def stale_q(today: dt.date | None = None) -> Q:
    """Entries to re-check: last checked, or else created, over six months ago.

    An entry never confirmed counts from the day it was created, so a new
    entry is not flagged at once. Rows older than the ``created_at`` column
    (``NULL``) and never checked stay flagged.
    """
    limit = (today or timezone.localdate()) - dt.timedelta(days=RECHECK_AFTER_DAYS)
    return Q(last_checked__lt=limit) | Q(
        Q(last_checked__isnull=True)
        & (Q(created_at__isnull=True) | Q(created_at__date__lt=limit))
    )


class Organisation(
    PublishedIndexMixin,
    StemmedSearchMixin,
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    AssociationOwned,
    ClusterableModel,
):
    """A place or service in the partner directory, owned by one association."""

    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        help_text=_(
            "Stable identifier in your own spreadsheet; a re-import updates the "
            "entry with the same id instead of adding a duplicate."
        ),
    )
    name = models.CharField(_("name"), max_length=200)
    categories = ParentalManyToManyField(
        Category,
        related_name="organisations",
        verbose_name=_("categories"),
        help_text=_("The kinds of help offered here."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What happens here, in a few plain sentences."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True, db_index=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        db_index=True,
        validators=[validate_latitude],
        help_text=_("WGS84 decimal degrees, e.g. 50.9513. Leave both empty if none."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        db_index=True,
        validators=[validate_longitude],
        help_text=_("WGS84 decimal degrees, e.g. 1.8587."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("ISO 639-1 codes of the languages spoken on site, e.g. fr;en;ar."),
    )
    opening_hours = OpeningHoursField(
        _("opening hours"),
        max_length=255,
        blank=True,
        validators=[validate_opening_hours],
        help_text=_(
            "Fill in the days, or use OpenStreetMap syntax under “Advanced”, "
            "e.g. 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00'. Leave empty "
            "if unknown."
        ),
    )
    audience = models.TextField(
        _("who is welcome"),
        blank=True,
        help_text=_("Free text, e.g. 'women and children'."),
    )
    publics = models.JSONField(
        _("publics"),
        default=list,
        blank=True,
        validators=[validate_publics],
        help_text=_("Who can come, for filtering."),
    )
    usual_occupancy = models.CharField(
        _("how full it usually is"),
        max_length=20,
        blank=True,
        choices=OccupancyChoices.choices,
    )
    access_conditions = models.TextField(
        _("access conditions"),
        blank=True,
        help_text=_("E.g. 'bring an ID if you have one', 'appointment needed'."),
    )
    wheelchair = models.CharField(
        _("wheelchair access"),
        max_length=10,
        blank=True,
        choices=WheelchairChoices.choices,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusChoices.choices,
        default=StatusChoices.ACTIVE,
        db_index=True,
        help_text=_("Closed entries disappear from the public directory."),
    )
    closed_reason = models.CharField(
        _("reason for closing"),
        max_length=255,
        blank=True,
        help_text=_("Shown to visitors while temporarily closed."),
    )
    closed_until = models.DateField(
        _("closed until"),
        null=True,
        blank=True,
        help_text=_("Last day of a temporary closure."),
    )
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When someone last confirmed these details are accurate."),
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked by"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    # "|fr|en|ar|": the language and publics lists as text, so that SQL can
    # match one item on every database (kept in sync by ``save``).
    language_index = models.CharField(max_length=400, blank=True, editable=False)
    publics_index = models.CharField(max_length=200, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_at = models.DateTimeField(
        _("created"), auto_now_add=True, null=True, editable=False
    )
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="directory_organisation"
    )

    base_form_class = OrganisationForm

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("audience"),
        TranslatableField("access_conditions"),
        TranslatableField("closed_reason"),
        SynchronizedField("association"),
        SynchronizedField("external_id"),
        SynchronizedField("categories"),
        SynchronizedField("address"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("languages"),
        SynchronizedField("opening_hours"),
        SynchronizedField("publics"),
        SynchronizedField("usual_occupancy"),
        SynchronizedField("wheelchair"),
        SynchronizedField("status"),
        SynchronizedField("closed_until"),
        SynchronizedField("last_checked"),
        SynchronizedField("checked_by"),
        SynchronizedField("photo"),
        SynchronizedField("stops"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("city", boost=2),
        index.SearchField("address"),
        index.SearchField("category_names", boost=2),
        index.SearchField("audience"),
        index.FilterField("live"),
        index.FilterField("locale_id"),
        index.FilterField("association_id"),
        index.FilterField("status"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "locale", "external_id"],
                condition=~Q(external_id=""),
                name="directory_organisation_external_id",
            )
        ]
        indexes = [
            models.Index(
                fields=["live", "status", "locale"], name="directory_org_public"
            ),
            models.Index(fields=["latitude", "longitude"], name="directory_org_geo"),
        ]

    def __str__(self):
        return self.name

    # Derived values ---------------------------------------------------------
    @property
    def slug(self) -> str:
        return slugify(self.name, allow_unicode=True) or "entry"

    def category_names(self) -> str:
        """Every category name in every language, for full-text search."""
        precomputed = getattr(self, "_category_names_text", None)
        if precomputed is not None:
            return precomputed  # set by the bulk importer
        keys = [category.translation_key for category in self.categories.all()]
        if not keys:
            return ""
        names = Category.objects.filter(translation_key__in=keys).values_list(
            "name", flat=True
        )
        return " ".join(sorted(set(names)))

    def category_slugs(self) -> str:
        """``hebergement;juridique``: the CSV ``categories`` cell."""
        return ";".join(sorted(category.slug for category in self.categories.all()))

    def language_codes(self) -> str:
        """``fr;en;ar``: the CSV ``languages`` cell."""
        return ";".join(self.languages or [])

    def refresh_indexes(self):
        """Recompute the SQL-searchable copies of the language and publics lists."""
        self.languages, _invalid = parse_language_list(self.languages or [])
        self.language_index = list_index(self.languages)
        self.publics_index = list_index(self.publics)

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def is_temporarily_closed(self, on: dt.date | None = None) -> bool:
        """Temporarily closed on ``on`` (a closure ends after ``closed_until``)."""
        if self.status != StatusChoices.TEMPORARILY_CLOSED:
            return False
        on = on or timezone.localdate()
        return self.closed_until is None or self.closed_until >= on

    def needs_check(self, today: dt.date | None = None) -> bool:
        """Same rule as ``stale_q``: last checked, or else created, long ago."""
        today = today or timezone.localdate()
        limit = today - dt.timedelta(days=RECHECK_AFTER_DAYS)
        if self.last_checked is not None:
            return self.last_checked < limit
        if self.created_at is None:
            return True
        return timezone.localdate(self.created_at) < limit

    # Moderation -------------------------------------------------------------
    def get_workflow(self):
        """The association's page workflow, when its moderation is on.

        Wagtail assigns snippet workflows per model; here each entry follows
        the workflow of its association's home page (created by
        ``network.provisioning``), so an association whose pages are
        moderated has its entries moderated too, by the same moderators.
        """
        from directory.moderation import association_workflow

        return association_workflow(self.association_id)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both latitude and longitude, or neither.")}
            )
        if (
            self.status == StatusChoices.TEMPORARILY_CLOSED
            and self.closed_until
            and self.closed_until < timezone.localdate()
        ):
            raise ValidationError(
                {"closed_until": _("The end of the closure is in the past.")}
            )

    def save(self, *args, **kwargs):
        if not self.external_id:
            # Entries created in the admin still get a stable id, so that a
            # CSV export can be re-imported.
            self.external_id = f"maillage-{self.translation_key}"
        self.refresh_indexes()
        super().save(*args, **kwargs)
        # ClusterableModel writes the categories after post_save, when the
        # search index has already been updated: index again with them (the
        # stored row, never a draft's values: ``network.search``).
        index.insert_or_update_object(self)

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("categories")

    @property
    def revisions(self):
        # Snippets with RevisionMixin reach their revisions through this.
        return self._revisions


class OrganisationStop(Orderable):
    """One stop of a mobile service (outreach round, food distribution...).

    Each stop has its own place, coordinates and hours, and is found by
    ``near`` and ``open_now`` exactly like a fixed place; the organisation then
    matches, reporting the stop.
    """

    # owned through its organisation (``network.owners``)
    association_owner_field = "organisation__association"

    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="stops"
    )
    name = models.CharField(
        _("place name"),
        max_length=200,
        help_text=_("How people know the spot, e.g. 'Car park behind the station'."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True, db_index=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        db_index=True,
        validators=[validate_latitude],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        db_index=True,
        validators=[validate_longitude],
    )
    opening_hours = OpeningHoursField(
        _("hours at this stop"),
        max_length=255,
        blank=True,
        validators=[validate_opening_hours],
        help_text=_("OpenStreetMap syntax, e.g. 'Tu,Th 18:00-19:30'."),
    )
    last_checked = models.DateField(_("last checked"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked by"),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("stop")
        verbose_name_plural = _("stops")

    def __str__(self):
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both latitude and longitude, or neither.")}
            )


# The public page type lives in its own module; importing it here registers the
# model with the app (its migrations are in directory/migrations/).
from directory.pages import DirectoryPage  # noqa: E402,F401
