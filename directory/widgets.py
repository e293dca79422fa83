"""Admin widgets of the directory entry form (progressive enhancement).

Each widget renders plain HTML that works without JavaScript, from a template
in ``templates/directory/widgets/``; a Stimulus controller in
``static/directory/admin/entry-form.js`` (registered on Wagtail's admin
Stimulus application, no inline script) adds the map, the live hours
preview and the language search.

* ``MapCoordinateInput``: the latitude input, followed by a "Show on the
  map" button; a click or a drag of the pin fills latitude and longitude (the
  inputs stay visible and editable). Tiles load only once the map is shown.
  With ``DIRECTORY_GEOCODER_URL`` set, an address search fills them too.
* ``OpeningHoursWidget`` / ``OpeningHoursFormField``: a row per day with time
  ranges, public holidays and dated exceptions, written as the OpenStreetMap
  string (``directory.hours``); strings the rows cannot express stay in the
  "advanced" text field, validated as before.
* ``LanguageSelect``: checkboxes of ISO 639-1 codes, each named in the
  editor's language and in the language itself (Babel, CLDR), with a search
  box.
"""

import datetime as dt
import json
import os
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from directory import hours as hours_rows
from directory.languages import ISO_639_1
from directory.opening import validate_opening_hours

MEDIA_JS = ["directory/admin/entry-form.js"]
MEDIA_CSS = {"all": ["directory/admin/entry-form.css"]}
RANGES_PER_DAY = 3
EXCEPTION_ROWS = 3


def geocoder_url() -> str:
    """``DIRECTORY_GEOCODER_URL`` (settings, then environment); "" means off.

    Examples: ``https://api-adresse.data.gouv.fr/search/`` (French national
    address API) or ``https://nominatim.openstreetmap.org/search`` (Nominatim);
    the address is sent as ``q``. Both response formats are read.
    """
    return (
        getattr(settings, "DIRECTORY_GEOCODER_URL", None)
        or os.environ.get("DIRECTORY_GEOCODER_URL", "")
    ).strip()


# Map ---------------------------------------------------------------------------
class MapCoordinateInput(forms.NumberInput):
    """The latitude input plus the map (the longitude input is its sibling)."""

    template_name = "directory/widgets/map_coordinate.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"step": "any", **(attrs or {})})

    def get_context(self, name, value, attrs):
        from directory.pages import tile_attribution, tile_host, tile_url

        context = super().get_context(name, value, attrs)
        context["map"] = {
            "tile_url": tile_url(),
            "tile_host": tile_host(),
            "attribution": tile_attribution(),
            "geocoder_url": geocoder_url(),
            "prefix": name[: -len("latitude")],
        }
        return context

    @property
    def media(self):
        return forms.Media(
            js=["directory/vendor/leaflet/leaflet.js", *MEDIA_JS],
            css={"all": ["directory/vendor/leaflet/leaflet.css", *MEDIA_CSS["all"]]},
        )


# Opening hours -----------------------------------------------------------------
class HoursValue(str):
    """The OSM string built from the posted rows, with the rows and errors."""

    def __new__(cls, text, rows=None, errors=(), mode="rows"):
        value = super().__new__(cls, text)
        value.rows = rows
        value.errors = list(errors)
        value.mode = mode
        return value


def _read_ranges(data, prefix, label, errors):
    ranges = []
    index = 0
    while f"{prefix}-start-{index}" in data or index < RANGES_PER_DAY:
        start_raw = (data.get(f"{prefix}-start-{index}") or "").strip()
        end_raw = (data.get(f"{prefix}-end-{index}") or "").strip()
        index += 1
        if index > 12:
            break
        if not start_raw and not end_raw:
            continue
        start = hours_rows.normalise_time(start_raw)
        end = hours_rows.normalise_time(end_raw)
        if start is None or end is None:
            errors.append(
                _(
                    "%(day)s: give both times as 09:00 (or 9h), "
                    "not “%(start)s”–“%(end)s”."
                )
                % {"day": label, "start": start_raw[:10], "end": end_raw[:10]}
            )
            continue
        if end <= start:
            errors.append(
                _("%(day)s: %(end)s is not after %(start)s.")
                % {"day": label, "start": start, "end": end}
            )
            continue
        ranges.append((start, end))
    return sorted(ranges)


def day_labels(language=None):
    from babel.dates import get_day_names

    locale = hours_rows.babel_locale(language)
    names = get_day_names("wide", locale=locale)
    return [names[index][:1].upper() + names[index][1:] for index in range(7)]


def rows_from_data(data, name) -> HoursValue:
    """Read the posted rows (``<name>-mo-start-0``...) into an OSM string."""
    # Without a mode (a script posting the plain field), the text is the value.
    mode = data.get(f"{name}-mode", "advanced")
    advanced = (data.get(name) or "").strip()
    if mode == "advanced":
        return HoursValue(advanced, mode="advanced")
    errors = []
    result = hours_rows.Hours()
    labels = day_labels()
    for index, code in enumerate(hours_rows.DAY_CODES):
        prefix = f"{name}-{code.lower()}"
        ranges = _read_ranges(data, prefix, labels[index], errors)
        if data.get(f"{prefix}-closed"):
            ranges = []
        result.days[index] = ranges
    ph_choice = data.get(f"{name}-ph", "")
    if ph_choice == "off":
        result.ph = []
    elif ph_choice == "open":
        result.ph = _read_ranges(data, f"{name}-ph", str(_("Public holidays")), errors)
        if not result.ph:
            errors.append(_("Public holidays: give the hours, or choose “closed”."))
    seen = set()
    for index in range(50):
        prefix = f"{name}-ex-{index}"
        if f"{prefix}-date" not in data:
            if index >= EXCEPTION_ROWS:
                break
            continue
        raw = (data.get(f"{prefix}-date") or "").strip()
        if not raw:
            continue
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            errors.append(
                _("Not a date: “%(value)s” (use 2026-12-25).") % {"value": raw[:20]}
            )
            continue
        ranges = (
            []
            if data.get(f"{prefix}-closed")
            else _read_ranges(data, prefix, day.isoformat(), errors)
        )
        if day in seen:
            errors.append(_("%(date)s is given twice.") % {"date": day.isoformat()})
            continue
        seen.add(day)
        result.exceptions.append((day, ranges))
    text = "" if errors else hours_rows.to_osm(result)
    return HoursValue(text, rows=result, errors=errors, mode="rows")


class OpeningHoursWidget(forms.Widget):
    template_name = "directory/widgets/opening_hours.html"

    def value_from_datadict(self, data, files, name):
        return rows_from_data(data, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}-mode" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if isinstance(value, HoursValue) and value.mode == "rows" and value.rows:
            rows, mode, text = value.rows, "rows", str(value)
        else:
            text = str(value or "")
            rows = hours_rows.from_osm(text)
            mode = "rows"
            if rows is None or (
                isinstance(value, HoursValue) and value.mode == "advanced"
            ):
                mode = "advanced"
            if rows is None:
                rows = hours_rows.Hours()
        labels = day_labels()
        days = []
        for index, code in enumerate(hours_rows.DAY_CODES):
            ranges = list(rows.days[index])
            days.append(
                {
                    "code": code.lower(),
                    "label": labels[index],
                    "ranges": _padded(ranges),
                    "closed": not ranges,
                }
            )
        exceptions = [
            {
                "date": day.isoformat(),
                "closed": not ranges,
                "ranges": _padded(ranges, 1),
            }
            for day, ranges in sorted(rows.exceptions)
        ]
        wanted = max(EXCEPTION_ROWS, len(exceptions) + 1)
        while len(exceptions) < wanted:
            exceptions.append({"date": "", "closed": False, "ranges": _padded([], 1)})
        ph = "" if rows.ph is None else ("off" if rows.ph == [] else "open")
        context["hours"] = {
            "mode": mode,
            "text": text,
            "days": days,
            "ph": ph,
            "ph_ranges": _padded(rows.ph or []),
            "exceptions": exceptions,
            "summary": hours_rows.summary(text) if text else "",
            "open_now": hours_rows.open_now_text(text) if text else "",
            "preview_url": reverse("directory_hours_preview"),
        }
        return context

    @property
    def media(self):
        return forms.Media(js=MEDIA_JS, css=MEDIA_CSS)


def _padded(ranges, count=RANGES_PER_DAY):
    ranges = [{"start": start, "end": end} for start, end in ranges]
    while len(ranges) < count:
        ranges.append({"start": "", "end": ""})
    return ranges


class OpeningHoursFormField(forms.CharField):
    """The rows (or the advanced text) as one validated OSM string."""

    widget = OpeningHoursWidget

    def __init__(self, **kwargs):
        kwargs.pop("widget", None)
        kwargs.setdefault("max_length", 255)
        super().__init__(widget=OpeningHoursWidget, **kwargs)
        if validate_opening_hours not in self.validators:
            self.validators.append(validate_opening_hours)

    def to_python(self, value):
        if isinstance(value, HoursValue) and value.errors:
            raise forms.ValidationError(
                [str(message) for message in value.errors], code="invalid_rows"
            )
        return super().to_python(value)


# Languages ---------------------------------------------------------------------
@lru_cache(maxsize=64)
def language_names(editor_language: str) -> tuple:
    """``((code, name in the editor's language, own name), ...)`` from CLDR,
    sorted by the editor-language name; codes CLDR lacks keep their English
    name from ``directory.languages``."""
    try:
        editor = Locale.parse(editor_language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        editor = Locale.parse("fr")
    rows = []
    for code, english in ISO_639_1.items():
        try:
            locale = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            rows.append((code, english, english))
            continue
        name = locale.get_display_name(editor) or english
        own = locale.display_name or name
        rows.append((code, name[:1].upper() + name[1:], own[:1].upper() + own[1:]))
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


class LanguageSelect(forms.CheckboxSelectMultiple):
    """Checkboxes named "Arabe — العربية (ar)", with a search box over them."""

    template_name = "directory/widgets/language_select.html"

    def get_context(self, name, value, attrs):
        language = (translation.get_language() or "fr").split("-")[0]
        self.choices = [
            (code, f"{name_} — {own} ({code})" if own != name_ else f"{name_} ({code})")
            for code, name_, own in language_names(language)
        ]
        context = super().get_context(name, value, attrs)
        selected = set(self.format_value(value))
        context["selected_labels"] = [
            label for code, label in self.choices if code in selected
        ]
        return context

    def format_value(self, value):
        if isinstance(value, str):
            value = [item for item in value.replace(",", ";").split(";") if item]
        return [str(item) for item in value or []]

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        values = getter(name) if getter else data.get(name, [])
        if isinstance(values, str):
            values = [values]
        return ";".join(item for value in values for item in value.split(";") if item)

    def value_omitted_from_data(self, data, files, name):
        return False

    @property
    def media(self):
        return forms.Media(js=MEDIA_JS, css=MEDIA_CSS)


def preview_json(text: str, language: str) -> str:
    return json.dumps(
        {
            "value": text,
            "summary": hours_rows.summary(text, language),
            "open_now": hours_rows.open_now_text(text, language),
        }
    )
