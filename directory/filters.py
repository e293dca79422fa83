"""The one FilterSet of the directory.

``DirectoryFilterSet`` serves the JSON API, the GeoJSON and CSV exports and
the public HTML page (``directory.pages``), so that they can never disagree.
Parameters (the contract in ARCHITECTURE.md, plus extensions):

=================  =====================================================
``q``              full text (Wagtail search, every translated language)
``category``       slug, repeatable: entries with any of them
``city``           city name (case-insensitive, exact)
``language``       ISO 639-1 code spoken on site
``association``    slug of the owning association
``open_at``        ISO 8601 datetime; offset/Z honoured, naive = site zone
``open_now``       ``1`` (or true/yes/on)
``near``           ``LAT,LON``; sorted by distance, with ``radius_km``
``radius_km``      default 5, at most 500
``within_minutes`` walking time limit (needs ``near``)
``publics``        adults, families, women, unaccompanied_minors,
                   any_status (repeatable, any of them)
``occupancy``      low, medium, often_full (repeatable)
``lang``           content language (defaults to the request's language)
``page``           1-based page number
``page_size``      default 20, capped at 100
=================  =====================================================

Which entries appear: published (live) entries that are active or
temporarily closed, in the requested language (the default-language row
stands in where an entry has no live translation). Closed entries never
appear. Temporarily closed entries appear but never match ``open_now`` or
``open_at`` (until the day after ``closed_until``).

How it scales: every filter except opening hours and exact distance runs in
SQL (``near`` adds an indexable bounding box). Only the narrowed rows are
then read as plain tuples; opening hours are evaluated once per distinct
expression (``directory.opening.open_expressions``, parsed objects cached)
and distances with haversine. Finally only the requested page of objects is
loaded, with its relations prefetched: the query count does not grow with the
number of entries.

Mobile services: an organisation matches ``near``/``open_*`` when its own
place or one of its stops matches (the same place must satisfy both); the
matching stop is reported as ``matching_stop``.
"""

import datetime as dt
import math
from dataclasses import dataclass

import django_filters
from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from directory import geo, opening
from directory.languages import is_valid_language
from directory.models import (
    Category,
    OccupancyChoices,
    Organisation,
    OrganisationStop,
    PublicChoices,
    StatusChoices,
)
from network.models import Association

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
DEFAULT_RADIUS_KM = 5.0
MAX_RADIUS_KM = 500.0
MAX_WITHIN_MINUTES = 600
MAX_QUERY_LENGTH = 200
# ``open_at`` bounds: far enough from the ends of ``datetime`` for any
# time-zone conversion and look-ahead (the answer is then a plain 400).
MIN_OPEN_AT = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
MAX_OPEN_AT = dt.datetime(2999, 12, 31, tzinfo=dt.UTC)
TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


# Form fields ----------------------------------------------------------------
class StrictBooleanField(forms.Field):
    """1/true/yes/on or 0/false/no/off (anything else is an error)."""

    def to_python(self, value):
        if value is None:
            return False
        text = str(value).strip().lower()
        if text in TRUE_VALUES:
            return True
        if text in FALSE_VALUES:
            return False
        raise forms.ValidationError(_("Use 1 or 0."), code="invalid")


class IsoDateTimeField(forms.Field):
    """An ISO 8601 datetime; an offset or Z is honoured, none means site time."""

    def to_python(self, value):
        text = (value or "").strip()
        if not text:
            return None
        try:
            if len(text) > 40:
                raise ValueError
            moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            raise forms.ValidationError(
                _("Enter an ISO 8601 date and time, e.g. 2026-11-24T19:00+01:00."),
                code="invalid",
            ) from None
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=opening.site_zone())
        try:
            # Opening hours are read in the site's zone and look a few days
            # ahead: keep a margin from the ends of ``datetime``.
            moment.astimezone(opening.site_zone())
            in_range = MIN_OPEN_AT <= moment.astimezone(dt.UTC) <= MAX_OPEN_AT
        except (OverflowError, ValueError):
            in_range = False
        if not in_range:
            raise forms.ValidationError(_("That date is out of range."), code="invalid")
        return moment


class LatLonField(forms.Field):
    """``LAT,LON`` in WGS84 decimal degrees."""

    def to_python(self, value):
        text = (value or "").strip()
        if not text:
            return None
        parts = text.split(",")
        message = _("Give a position as LAT,LON, e.g. 50.9513,1.8587.")
        if len(parts) != 2 or len(text) > 60:
            raise forms.ValidationError(message, code="invalid")
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            raise forms.ValidationError(message, code="invalid") from None
        if not (math.isfinite(lat) and math.isfinite(lon)):
            raise forms.ValidationError(message, code="invalid")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise forms.ValidationError(
                _(
                    "Latitude must lie between -90 and 90, longitude between -180 "
                    "and 180."
                ),
                code="out_of_range",
            )
        return (lat, lon)


class FiniteFloatField(forms.FloatField):
    def to_python(self, value):
        number = super().to_python(value)
        if number is not None and not math.isfinite(number):
            raise forms.ValidationError(_("Enter a number."), code="invalid")
        return number


class LanguageCodeField(forms.CharField):
    def to_python(self, value):
        code = (super().to_python(value) or "").strip().lower()
        if code and not is_valid_language(code):
            raise forms.ValidationError(
                _("Use an ISO 639-1 language code, e.g. ar or ps."), code="invalid"
            )
        return code


class ContentLanguageField(forms.CharField):
    def to_python(self, value):
        code = (super().to_python(value) or "").strip().lower()
        known = {code for code, _name in settings.LANGUAGES}
        if code and code not in known:
            raise forms.ValidationError(
                _("Use one of the site languages: %(codes)s."),
                params={"codes": ", ".join(sorted(known))},
                code="invalid",
            )
        return code


class PageSizeField(forms.IntegerField):
    """At least 1; anything above the maximum is capped at the maximum."""

    def clean(self, value):
        number = super().clean(value)
        if number is None:
            return None
        return min(number, MAX_PAGE_SIZE)


class _Filter(django_filters.Filter):
    """A filter applied by ``DirectoryFilterSet.filter_queryset`` as a whole."""

    def filter(self, qs, value):
        return qs


def _field_filter(field_class, **kwargs):
    class BoundFilter(_Filter):
        pass

    BoundFilter.field_class = field_class
    return BoundFilter(**kwargs)


def category_choices():
    return [(slug, slug) for slug in sorted(Category.names_by_slug())]


# Results ----------------------------------------------------------------------
@dataclass
class Hit:
    pk: int
    distance_km: float | None = None
    walk_minutes: int | None = None
    stop_id: int | None = None


class DirectoryResults:
    """The ordered matches of a filter; load objects one page at a time."""

    def __init__(self, *, queryset=None, hits=None, open_set=None):
        self._queryset = queryset  # SQL-only mode, ordered
        self._hits = hits  # Python mode, ordered list of Hit
        # SQL mode with an open filter: the open expressions, to report the
        # open stop of an entry that is not open itself.
        self._open_set = open_set

    @property
    def count(self) -> int:
        if self._hits is not None:
            return len(self._hits)
        if not hasattr(self, "_count"):
            self._count = self._queryset.count()
        return self._count

    def __len__(self):
        return self.count

    def slice(self, start: int, stop: int) -> list[Organisation]:
        """Organisations ``start``..``stop`` (loaded with their relations)."""
        if self._hits is None:
            objects = _annotate_plain(list(with_relations(self._queryset[start:stop])))
            if self._open_set is not None:
                for obj in objects:
                    if obj.opening_hours not in self._open_set:
                        obj.matching_stop = next(
                            (
                                stop
                                for stop in obj.stops.all()
                                if stop.opening_hours in self._open_set
                            ),
                            None,
                        )
            return objects
        hits = self._hits[start:stop]
        objects = {
            obj.pk: obj
            for obj in with_relations(
                Organisation.objects.filter(pk__in=[hit.pk for hit in hits])
            )
        }
        result = []
        for hit in hits:
            obj = objects.get(hit.pk)
            if obj is None:
                continue
            obj.distance_km = hit.distance_km
            obj.walk_minutes = hit.walk_minutes
            obj.matching_stop = next(
                (stop for stop in obj.stops.all() if stop.pk == hit.stop_id), None
            )
            result.append(obj)
        return result

    def page(self, number: int, size: int) -> list[Organisation]:
        """Page ``number`` (1-based); a page past the end is empty.

        The offset is checked against the count before it reaches SQL, where
        an offset beyond a 64-bit integer would overflow (SQLite).
        """
        start = (number - 1) * size
        if number < 1 or size < 1 or start >= self.count:
            return []
        return self.slice(start, start + size)

    def iterator(self, chunk_size: int = 500):
        """Every match in order, ``chunk_size`` objects at a time (exports)."""
        total = self.count
        for start in range(0, total, chunk_size):
            yield from self.slice(start, start + chunk_size)


def with_relations(queryset):
    return queryset.select_related("association", "locale", "photo").prefetch_related(
        "categories", "stops"
    )


def _annotate_plain(objects):
    for obj in objects:
        obj.distance_km = None
        obj.walk_minutes = None
        obj.matching_stop = None
    return objects


# The FilterSet ------------------------------------------------------------------
def public_organisations(language_code: str | None = None):
    """Published, not closed entries in ``language_code`` (default-locale fallback)."""
    default = settings.LANGUAGE_CODE
    language_code = (language_code or get_language() or default).split("-")[0]
    known = {code for code, _name in settings.LANGUAGES}
    if language_code not in known:
        language_code = default
    base = Organisation.objects.filter(live=True).exclude(status=StatusChoices.CLOSED)
    if language_code == default:
        return base.filter(locale__language_code=default)
    translated = Organisation.objects.filter(
        locale__language_code=language_code, live=True
    ).values("translation_key")
    return base.filter(
        Q(locale__language_code=language_code)
        | (Q(locale__language_code=default) & ~Q(translation_key__in=translated))
    )


class DirectoryFilterSet(django_filters.FilterSet):
    q = _field_filter(forms.CharField, label=_("Search"), max_length=MAX_QUERY_LENGTH)
    category = django_filters.MultipleChoiceFilter(
        label=_("Category"), choices=category_choices, method="filter_category"
    )
    city = _field_filter(forms.CharField, label=_("City"), max_length=120)
    language = _field_filter(LanguageCodeField, label=_("Language spoken"))
    association = django_filters.ModelChoiceFilter(
        label=_("Association"),
        queryset=Association.objects.all(),
        to_field_name="slug",
        method="filter_association",
    )
    open_at = _field_filter(IsoDateTimeField, label=_("Open at"))
    open_now = _field_filter(StrictBooleanField, label=_("Open now"))
    near = _field_filter(LatLonField, label=_("Near"))
    radius_km = _field_filter(
        FiniteFloatField,
        label=_("Radius (km)"),
        min_value=0.01,
        max_value=MAX_RADIUS_KM,
    )
    within_minutes = _field_filter(
        forms.IntegerField,
        label=_("Within minutes on foot"),
        min_value=1,
        max_value=MAX_WITHIN_MINUTES,
    )
    publics = django_filters.MultipleChoiceFilter(
        label=_("Publics"), choices=PublicChoices.choices, method="filter_publics"
    )
    occupancy = django_filters.MultipleChoiceFilter(
        label=_("How full"),
        choices=OccupancyChoices.choices,
        field_name="usual_occupancy",
    )
    lang = _field_filter(ContentLanguageField, label=_("Content language"))
    page = _field_filter(forms.IntegerField, label=_("Page"), min_value=1)
    page_size = _field_filter(PageSizeField, label=_("Page size"), min_value=1)

    class Meta:
        model = Organisation
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        self.language_code = None
        if data is not None and hasattr(data, "get"):
            lang = (data.get("lang") or "").strip().lower()
            self.language_code = lang or None
        super().__init__(data, queryset, request=request, prefix=prefix)
        # django-filter falls back to every row; the public set depends on the
        # language, which is only known after validation (see ``qs``).
        self._public_default = queryset is None

    # Validation ----------------------------------------------------------------
    def is_valid(self):
        if self.is_bound and hasattr(self.data, "lists"):
            for key, values in self.data.lists():
                if key in self.filters and any("\x00" in value for value in values):
                    self.form.is_valid()
                    self.form.add_error(key, _("Remove the null character."))
                    return False
        valid = super().is_valid()
        if not valid:
            return False
        data = self.form.cleaned_data
        if data.get("within_minutes") and not data.get("near"):
            self.form.add_error(
                "within_minutes", _("within_minutes needs near=LAT,LON.")
            )
            return False
        if data.get("radius_km") and not data.get("near"):
            self.form.add_error("radius_km", _("radius_km needs near=LAT,LON."))
            return False
        return True

    def error_dict(self) -> dict[str, str]:
        """``{parameter: message}`` for a 400 answer or a form error."""
        return {
            field: " ".join(str(message) for message in messages)
            for field, messages in self.form.errors.items()
        }

    # SQL filters -----------------------------------------------------------------
    def get_language(self):
        code = (
            self.form.cleaned_data.get("lang")
            if hasattr(self.form, "cleaned_data")
            else None
        )
        return code or self.language_code or get_language() or settings.LANGUAGE_CODE

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            if self._public_default:
                self.queryset = public_organisations(self.get_language())
            if self.is_bound:
                self.errors  # noqa: B018 - run validation
                self._qs = self.filter_queryset(self.queryset.all())
            else:
                self._qs = self.queryset.all()
        return self._qs

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        text = (data.get("q") or "").strip()
        if text:
            queryset = queryset.filter(search_q(text, self.get_language()))
        city = (data.get("city") or "").strip()
        if city:
            queryset = queryset.filter(
                Q(city__iexact=city) | Q(pk__in=stops_in_city(city))
            )
        if data.get("language"):
            queryset = queryset.filter(language_index__contains=f"|{data['language']}|")
        if self.wants_open():
            moment = self.open_moment()
            day = timezone.localtime(moment, opening.site_zone()).date()
            queryset = queryset.filter(
                Q(status=StatusChoices.ACTIVE) | Q(closed_until__lt=day)
            ).filter(
                ~Q(opening_hours="")
                | Q(
                    pk__in=OrganisationStop.objects.exclude(opening_hours="").values(
                        "organisation_id"
                    )
                )
            )
        near = data.get("near")
        if near:
            box = geo.bounding_box(*near, self.radius())
            queryset = queryset.filter(in_box(box) | Q(pk__in=stops_in_box(box)))
        return queryset

    def filter_category(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            pk__in=Organisation.categories.through.objects.filter(
                category__slug__in=value
            ).values("organisation_id")
        )

    def filter_association(self, queryset, name, value):
        return queryset.filter(association=value) if value else queryset

    def filter_publics(self, queryset, name, value):
        query = Q()
        for item in value or []:
            query |= Q(publics_index__contains=f"|{item}|")
        return queryset.filter(query) if value else queryset

    # Python stage ------------------------------------------------------------------
    def wants_open(self) -> bool:
        data = self.form.cleaned_data
        return bool(data.get("open_now") or data.get("open_at"))

    def open_moment(self):
        return self.form.cleaned_data.get("open_at") or timezone.now()

    def radius(self) -> float:
        data = self.form.cleaned_data
        radius = data.get("radius_km") or DEFAULT_RADIUS_KM
        if data.get("within_minutes"):
            radius = min(radius, geo.radius_for_minutes(data["within_minutes"] + 0.5))
        return radius

    def get_page_number(self) -> int:
        return self.form.cleaned_data.get("page") or 1

    def get_page_size(self) -> int:
        return self.form.cleaned_data.get("page_size") or DEFAULT_PAGE_SIZE

    def results(self) -> DirectoryResults:
        """The ordered matches (call after ``is_valid()``)."""
        queryset = self.qs
        data = self.form.cleaned_data
        near = data.get("near")
        if near:
            return DirectoryResults(hits=self._python_hits(queryset, near))
        if self.wants_open():
            # Without ``near`` the open test stays in SQL: evaluate each distinct
            # expression of the candidates (and of their stops) once, then keep
            # the rows whose expression is open.
            stops = OrganisationStop.objects.filter(
                organisation__in=queryset.values("pk")
            ).exclude(opening_hours="")
            # one query: UNION removes duplicate expressions in SQL
            expressions = set(
                queryset.exclude(opening_hours="")
                .order_by()
                .values_list("opening_hours", flat=True)
                .union(stops.order_by().values_list("opening_hours", flat=True))
            )
            open_set = opening.open_expressions(expressions, self.open_moment())
            queryset = queryset.filter(
                Q(opening_hours__in=open_set)
                | Q(
                    pk__in=stops.filter(opening_hours__in=open_set).values(
                        "organisation_id"
                    )
                )
            )
            return DirectoryResults(
                queryset=queryset.order_by("name", "pk"), open_set=open_set
            )
        return DirectoryResults(queryset=queryset.order_by("name", "pk"))

    def _python_hits(self, queryset, near):
        data = self.form.cleaned_data
        radius = self.radius() if near else None
        within = data.get("within_minutes")
        wants_open = self.wants_open()
        moment = self.open_moment() if wants_open else None
        rows = list(
            queryset.values_list("pk", "name", "latitude", "longitude", "opening_hours")
        )
        if not rows:
            return []
        # Stops of the candidates (one query, narrowed by the same box).
        stops = OrganisationStop.objects.filter(organisation__in=queryset.values("pk"))
        if near:
            stops = stops.filter(in_box(geo.bounding_box(*near, radius)))
        if wants_open:
            stops = stops.exclude(opening_hours="")
        stops_by_org = {}
        for stop in stops.values_list(
            "pk", "organisation_id", "latitude", "longitude", "opening_hours"
        ):
            stops_by_org.setdefault(stop[1], []).append(stop)
        open_set = set()
        if wants_open:
            expressions = {row[4] for row in rows if row[4]}
            expressions |= {
                stop[4] for items in stops_by_org.values() for stop in items
            }
            open_set = opening.open_expressions(expressions, moment)

        def place_matches(lat, lon, hours):
            """(matches, distance) for one place."""
            if wants_open and hours not in open_set:
                return False, None
            if near is None:
                return True, None
            if lat is None or lon is None:
                return False, None
            distance = geo.haversine_km(near[0], near[1], lat, lon)
            if distance > radius:
                return False, None
            if within and geo.walk_minutes(distance) > within:
                return False, None
            return True, distance

        hits = []
        for pk, name, lat, lon, hours in rows:
            best = None  # (distance or 0, stop_id)
            ok, distance = place_matches(lat, lon, hours)
            if ok:
                best = (distance, None)
            for stop_id, _org, stop_lat, stop_lon, stop_hours in stops_by_org.get(
                pk, ()
            ):
                ok, distance = place_matches(stop_lat, stop_lon, stop_hours)
                if ok and (
                    best is None
                    or (
                        distance is not None
                        and best[0] is not None
                        and distance < best[0]
                    )
                ):
                    best = (distance, stop_id)
            if best is None:
                continue
            distance, stop_id = best
            hits.append(
                (
                    distance if distance is not None else 0.0,
                    name.casefold(),
                    Hit(
                        pk=pk,
                        distance_km=round(distance, 3)
                        if distance is not None
                        else None,
                        walk_minutes=geo.walk_minutes(distance)
                        if distance is not None
                        else None,
                        stop_id=stop_id,
                    ),
                )
            )
        hits.sort(key=lambda item: (item[0], item[1], item[2].pk))
        return [item[2] for item in hits]


def in_box(box):
    min_lat, max_lat, min_lon, max_lon = box
    return Q(
        latitude__gte=min_lat,
        latitude__lte=max_lat,
        longitude__gte=min_lon,
        longitude__lte=max_lon,
    )


def stops_in_box(box):
    return OrganisationStop.objects.filter(in_box(box)).values("organisation_id")


def stops_in_city(city):
    return OrganisationStop.objects.filter(city__iexact=city).values("organisation_id")


def search_q(text: str, language_code: str | None = None) -> Q:
    """Entries whose text matches ``text`` in any language they exist in.

    Wagtail search (``network.search.search_query``: each word as typed or
    through its stem, so "maraude" finds "maraudes" and the other way round)
    finds matching rows in every locale; rows sharing their translation key
    match, so an Arabic visitor finds an entry by its French name too. A
    case-insensitive substring match on name and city catches partial words
    ("Grande-Syn").
    """
    from wagtail.search.backends import get_search_backend

    from network.search import search_query

    query = search_query(text, [language_code, settings.LANGUAGE_CODE])
    keys = set()
    if query is not None:
        try:
            # A savepoint, so that a backend error cannot poison the transaction.
            with transaction.atomic():
                found = list(
                    get_search_backend().search(
                        query,
                        Organisation.objects.filter(live=True).only(
                            "pk", "translation_key"
                        ),
                    )[:2000]
                )
            keys = {row.translation_key for row in found}
        except Exception:  # noqa: BLE001 - a backend parse error must not become a 500
            keys = set()
    return (
        Q(translation_key__in=keys) | Q(name__icontains=text) | Q(city__icontains=text)
    )
