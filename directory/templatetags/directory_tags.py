"""Wording and links of the public directory, in the visitor's language.

``directory.opening.opening_state`` says *where* a place stands ("open",
"closed", "temporarily_closed"... with datetimes); this module says it in
words ("Open until 20:00", "Opens tomorrow at 09:00", "Temporarily closed
until 3 December") with gettext and Django's date formatting in the active
language. ``directory.pages`` uses these functions for the HTML pages and the
plain-text share list; templates load them with ``{% load directory_tags %}``.
"""

import datetime as dt
import re
from urllib.parse import quote

from django import template
from django.utils import dateformat, formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from directory import opening
from directory.phones import tel_uri
from network.languages import (
    EXTRA_LANGUAGE_CODES,
    day_names,
    language_name_local,
    month_names,
    text_direction,
)

register = template.Library()

# Django's own form errors the directory form can show, for the same three
# languages (a mistyped page number, an unknown category in a shared link).
FORM_WORDS = (
    gettext_noop("Enter a whole number."),
    gettext_noop(
        "Select a valid choice. %(value)s is not one of the available choices."
    ),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
)

# Left-to-right isolate: keeps "09:00–12:00" in order inside Arabic text.
LRI, PDI = "\u2066", "\u2069"


# Dates and times --------------------------------------------------------------
def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment, opening.site_zone())


def format_time(moment: dt.datetime) -> str:
    """``20:00`` (24-hour clock, understood everywhere the network works)."""
    return dateformat.time_format(_local(moment), "H:i")


def _cldr_language():
    """The active language when Django has no month names for it (ps, prs,
    ti, am): their names then come from CLDR (``network.languages``)."""
    language = (translation.get_language() or "").split("-")[0]
    return language if language in EXTRA_LANGUAGE_CODES else None


def format_day_month(day: dt.date) -> str:
    """``3 December`` / ``3 décembre`` / ``3 ديسمبر`` in the active language."""
    language = _cldr_language()
    if language:
        return f"{day.day} {month_names(language)[day.month - 1]}"
    return dateformat.format(day, "j F")


def format_weekday(day: dt.date) -> str:
    language = _cldr_language()
    if language:
        return day_names(language)[day.weekday()]
    return dateformat.format(day, "l")


def format_date(day: dt.date, today: dt.date | None = None) -> str:
    """``3 December``, with the year only when it is not the current one."""
    today = today or timezone.localdate(timezone.now(), opening.site_zone())
    if day.year != today.year:
        return f"{format_day_month(day)} {day.year}"
    return format_day_month(day)


# Opening state -------------------------------------------------------------------
def state_text(state: dict, now: dt.datetime | None = None) -> str:
    """One short phrase for ``opening_state(...)`` in the active language."""
    now = now or timezone.now()
    today = _local(now).date()
    kind = state.get("state")
    if kind == opening.OPEN:
        until = state.get("until")
        if until is None:
            return _("Open now")
        local = _local(until)
        time = format_time(until)
        days = (local.date() - today).days
        # A place open past midnight closes "at 02:00", read as tonight.
        if days == 0 or (days == 1 and local.time() <= dt.time(6, 0)):
            return _("Open until %(time)s") % {"time": time}
        if days == 1:
            return _("Open until tomorrow at %(time)s") % {"time": time}
        if days < 7:
            return _("Open until %(day)s at %(time)s") % {
                "day": format_weekday(local.date()),
                "time": time,
            }
        return _("Open until %(date)s") % {"date": format_date(local.date(), today)}
    if kind == opening.CLOSED:
        next_open = state.get("next_open")
        if next_open is None:
            return _("Closed")
        local = _local(next_open)
        time = format_time(next_open)
        days = (local.date() - today).days
        if days == 0:
            return _("Opens today at %(time)s") % {"time": time}
        if days == 1:
            return _("Opens tomorrow at %(time)s") % {"time": time}
        if days < 7:
            return _("Opens %(day)s at %(time)s") % {
                "day": format_weekday(local.date()),
                "time": time,
            }
        return _("Opens on %(date)s at %(time)s") % {
            "date": format_date(local.date(), today),
            "time": time,
        }
    if kind == opening.TEMPORARILY_CLOSED:
        closed_until = state.get("closed_until")
        if closed_until:
            return _("Temporarily closed until %(date)s") % {
                "date": format_date(closed_until, today)
            }
        return _("Temporarily closed")
    if kind == opening.CLOSED_PERMANENTLY:
        return _("Closed for good")
    return _("Hours unknown")


def today_text(place, state: dict, now: dt.datetime | None = None) -> str:
    """Today's hours for a short list: "Today 09:00–12:00" or the state."""
    kind = state.get("state")
    if kind in (opening.TEMPORARILY_CLOSED, opening.CLOSED_PERMANENTLY):
        return state_text(state, now)
    if kind == opening.UNKNOWN:
        return _("Hours unknown")
    hours = opening.today_hours(place.opening_hours, now)
    if not hours:
        return _("Closed today")
    return _("Today %(hours)s") % {"hours": f"{LRI}{hours}{PDI}"}


def week_summary(expression: str | None, start: dt.date | None = None) -> str:
    """The week in one line, consecutive days with the same hours grouped:
    "Mon–Fri 09:00–12:00; Sat 10:00–12:00" (day names in the active language).
    Empty when the hours are unknown."""
    days = opening.week_table(expression, start)
    if not days or days[0]["unknown"]:
        return ""
    groups = []
    for day in days:
        hours = opening.format_intervals(day["intervals"])
        if groups and groups[-1][2] == hours:
            groups[-1][1] = day["date"]
        else:
            groups.append([day["date"], day["date"], hours])
    parts = []
    for first, last, hours in groups:
        if not hours:
            continue
        label = dateformat.format(first, "D")
        if last != first:
            label = f"{label}–{dateformat.format(last, 'D')}"
        parts.append(f"{label} {LRI}{hours}{PDI}")
    return "; ".join(parts) if parts else _("Closed all week")


# Distances ----------------------------------------------------------------------
def distance_text(distance_km: float | None) -> str:
    if distance_km is None:
        return ""
    if distance_km < 1:
        metres = max(10, int(round(distance_km * 1000, -1)))
        return _("%(distance)s m") % {"distance": metres}
    return _("%(distance)s km") % {
        "distance": formats.number_format(distance_km, 1 if distance_km < 10 else 0)
    }


def walking_text(minutes: int | None) -> str:
    if minutes is None:
        return ""
    return ngettext("%(minutes)s min on foot", "%(minutes)s min on foot", minutes) % {
        "minutes": minutes
    }


# Checks -------------------------------------------------------------------------
def checked_text(last_checked: dt.date | None, association_name: str) -> str:
    if last_checked is None:
        return _("Not checked yet")
    today = timezone.localdate(timezone.now(), opening.site_zone())
    if last_checked >= today:
        return _("Confirmed today by %(association)s") % {
            "association": association_name
        }
    return _("Last checked on %(date)s") % {"date": format_date(last_checked, today)}


# Links ----------------------------------------------------------------------------
def tel_href(phone: str) -> str:
    """``03 21 00 00 00`` -> ``tel:+33321000000`` (``directory.phones``).

    Visitors often have a foreign SIM card, so a French national number
    (ten digits starting with 0) is dialled in international form.
    """
    phone = (phone or "").strip()
    if not phone:
        return ""
    uri = tel_uri(phone)
    if uri:
        return uri
    digits = re.sub(r"[^\d+]", "", phone)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif len(digits) == 10 and digits.startswith("0"):
        digits = "+33" + digits[1:]
    return f"tel:{digits}"


def _coordinate(value: float) -> str:
    # Never localised: "50.95", not "50,95".
    return f"{value:.6f}".rstrip("0").rstrip(".")


def geo_href(lat: float | None, lon: float | None, label: str = "") -> str:
    """A ``geo:`` URI (RFC 5870) that phones open in their maps app."""
    if lat is None or lon is None:
        return ""
    point = f"{_coordinate(lat)},{_coordinate(lon)}"
    href = f"geo:{point}"
    if label:
        href += f"?q={point}({quote(label, safe='')})"
    return href


def osm_href(lat: float | None, lon: float | None) -> str:
    """The place on openstreetmap.org (a link the visitor chooses to follow)."""
    if lat is None or lon is None:
        return ""
    la, lo = _coordinate(lat), _coordinate(lon)
    return f"https://www.openstreetmap.org/?mlat={la}&mlon={lo}#map=18/{la}/{lo}"


def language_list(codes) -> list[dict]:
    """Languages spoken there, each by its own name with lang and dir."""
    return [
        {
            "code": code,
            "name": language_name_local(code),
            "dir": text_direction(code),
        }
        for code in codes or []
    ]


# Template filters -----------------------------------------------------------------
@register.filter
def native_languages(codes):
    return language_list(codes)


@register.filter
def tel(phone):
    return tel_href(phone)


@register.filter
def direction(code):
    return text_direction((code or "").split("-")[0])


@register.filter
def weekday_name(day):
    return format_weekday(day)
