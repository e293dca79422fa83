"""Opening hours as rows: the editor's view of an OpenStreetMap string.

The stored value stays the OpenStreetMap ``opening_hours`` string (the import
and export format, validated by ``directory.opening``). This module converts
the simple subset editors need to and from rows, and words it for people:

* ``Hours``: a row per weekday (``days[0]`` is Monday), each a list of
  ``(start, end)`` ``"HH:MM"`` ranges (empty: closed), public holidays
  (``ph``: ``None`` no rule, ``[]`` closed, or ranges) and dated exceptions
  (``(date, ranges)``, ``[]`` closed);
* ``to_osm(hours)`` writes the string (``Mo-Fr 09:00-12:00,14:00-17:00; Sa
  10:00-12:00; PH off; 2026 Dec 25 off``);
* ``from_osm(text)`` reads it back, or returns ``None`` when the string uses
  syntax the rows cannot express (months, week numbers, comments, fallback
  rules, open ends...): the form then shows the "advanced" text field;
* ``summary(text, language)``: "Monday to Friday 9:00–12:00 and
  14:00–17:00", "Du lundi au vendredi 9 h–12 h et 14 h–17 h", in any language
  Babel knows (CLDR day and month names; connecting words from gettext).
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_day_names
from django.utils import translation
from django.utils.translation import gettext as _

from directory import opening

DAY_CODES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
MONTH_CODES = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]
TIME_RE = re.compile(r"^(\d{1,2})(?:[:h.](\d{2}))?\s*h?$")
RANGE_RE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
DAYS_RE = re.compile(r"^(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?$")
DATE_RE = re.compile(r"^(\d{4}) (" + "|".join(MONTH_CODES) + r") (\d{1,2})$")


@dataclass
class Hours:
    days: list = field(default_factory=lambda: [[] for _day in range(7)])
    ph: list | None = None
    exceptions: list = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(self.days) and self.ph is None and not self.exceptions


def normalise_time(text: str) -> str | None:
    """``9`` / ``9h30`` / ``09:30`` -> ``"09:30"``; ``None`` if not a time."""
    match = TIME_RE.match((text or "").strip().lower())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return f"{hours:02d}:{minutes:02d}"


def _ranges_text(ranges) -> str:
    return ",".join(f"{start}-{end}" for start, end in ranges)


def _day_selector(indexes) -> str:
    """``[0, 1, 2, 4]`` -> ``"Mo-We,Fr"``."""
    runs, run = [], []
    for index in indexes:
        if run and index == run[-1] + 1:
            run.append(index)
        else:
            if run:
                runs.append(run)
            run = [index]
    if run:
        runs.append(run)
    parts = []
    for run in runs:
        if len(run) == 1:
            parts.append(DAY_CODES[run[0]])
        elif len(run) == 2:
            parts.append(f"{DAY_CODES[run[0]]},{DAY_CODES[run[1]]}")
        else:
            parts.append(f"{DAY_CODES[run[0]]}-{DAY_CODES[run[-1]]}")
    return ",".join(parts)


def _groups(days):
    """Days grouped by identical ranges, in the order of their first day."""
    groups: dict[tuple, list[int]] = {}
    for index, ranges in enumerate(days):
        if ranges:
            groups.setdefault(tuple(ranges), []).append(index)
    return list(groups.items())


def date_code(day: dt.date) -> str:
    return f"{day.year} {MONTH_CODES[day.month - 1]} {day.day:02d}"


def to_osm(hours: Hours) -> str:
    rules = [
        f"{_day_selector(indexes)} {_ranges_text(ranges)}"
        for ranges, indexes in _groups(hours.days)
    ]
    if hours.ph is not None:
        rules.append(f"PH {_ranges_text(hours.ph)}" if hours.ph else "PH off")
    for day, ranges in sorted(hours.exceptions):
        rules.append(
            f"{date_code(day)} {_ranges_text(ranges)}"
            if ranges
            else f"{date_code(day)} off"
        )
    return "; ".join(rules)


def _parse_ranges(text: str):
    if text in {"off", "closed"}:
        return []
    ranges = []
    for part in text.split(","):
        match = RANGE_RE.match(part.strip())
        if not match:
            return None
        start, end = f"{match[1]}:{match[2]}", f"{match[3]}:{match[4]}"
        if normalise_time(start) != start or normalise_time(end) != end:
            return None
        if end <= start:
            return None  # crosses midnight: advanced syntax
        ranges.append((start, end))
    return ranges


def _parse_days(selector: str):
    indexes = []
    for part in selector.split(","):
        if not DAYS_RE.match(part):
            return None
        first, _sep, last = part.partition("-")
        start = DAY_CODES.index(first)
        end = DAY_CODES.index(last) if last else start
        if end < start:
            return None  # wrapping ranges (Sa-Mo) stay advanced
        indexes.extend(range(start, end + 1))
    return indexes


def from_osm(text: str | None) -> Hours | None:
    """Rows for ``text``, or ``None`` when the rows cannot express it."""
    text = (text or "").strip()
    hours = Hours()
    if not text:
        return hours
    if opening.parse_error(text):
        return None
    for rule in text.split(";"):
        rule = rule.strip()
        if not rule:
            continue
        date_match = re.match(r"^(\d{4} [A-Z][a-z]{2} \d{1,2}) (.+)$", rule)
        if date_match:
            found = DATE_RE.match(date_match[1])
            ranges = _parse_ranges(date_match[2].strip())
            if not found or ranges is None:
                return None
            try:
                day = dt.date(
                    int(found[1]), MONTH_CODES.index(found[2]) + 1, int(found[3])
                )
            except ValueError:
                return None
            hours.exceptions = [e for e in hours.exceptions if e[0] != day]
            hours.exceptions.append((day, ranges))
            continue
        selector, _sep, rest = rule.partition(" ")
        ranges = _parse_ranges(rest.strip())
        if ranges is None:
            return None
        if selector == "PH":
            hours.ph = ranges
            continue
        indexes = _parse_days(selector)
        if indexes is None:
            return None
        for index in indexes:
            hours.days[index] = list(ranges)
    return hours


# Plain-language summary ------------------------------------------------------
def babel_locale(language: str | None) -> Locale:
    code = (language or translation.get_language() or "fr").replace("-", "_")
    for candidate in (code, code.split("_")[0], "fr"):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("fr")


def format_time(value: str, locale: Locale) -> str:
    """``"09:00"`` -> ``"9:00"``; French ``"9 h"`` / ``"14 h 30"``."""
    hours, minutes = (int(part) for part in value.split(":"))
    if locale.language == "fr":
        return f"{hours} h" if not minutes else f"{hours} h {minutes:02d}"
    return f"{hours}:{minutes:02d}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s and %(last)s") % {
        "items": ", ".join(items[:-1]),
        "last": items[-1],
    }


def _ranges_words(ranges, locale) -> str:
    return _join(
        [
            f"{format_time(start, locale)}–{format_time(end, locale)}"
            for start, end in ranges
        ]
    )


def _days_words(indexes, locale) -> str:
    names = get_day_names("wide", locale=locale)
    runs, run = [], []
    for index in indexes:
        if run and index == run[-1] + 1:
            run.append(index)
        else:
            if run:
                runs.append(run)
            run = [index]
    if run:
        runs.append(run)
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(
                _("%(first)s to %(last)s")
                % {"first": names[run[0]], "last": names[run[-1]]}
            )
        else:
            parts.extend(names[index] for index in run)
    return _join(parts)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def summarise_hours(hours: Hours, locale: Locale) -> list[str]:
    lines = [
        _capitalise(f"{_days_words(indexes, locale)} {_ranges_words(ranges, locale)}")
        for ranges, indexes in _groups(hours.days)
    ]
    if hours.ph == []:
        lines.append(_("Closed on public holidays"))
    elif hours.ph:
        lines.append(
            _("Public holidays %(hours)s") % {"hours": _ranges_words(hours.ph, locale)}
        )
    for day, ranges in sorted(hours.exceptions):
        date_text = format_date(day, "long", locale=locale)
        if ranges:
            lines.append(f"{date_text}: {_ranges_words(ranges, locale)}")
        else:
            lines.append(_("%(date)s: closed") % {"date": date_text})
    return lines


def summary(text: str | None, language: str | None = None) -> str:
    """The hours in words, in ``language`` (the active language by default).

    Strings the rows cannot express are described from this week's table.
    """
    language = language or translation.get_language() or "fr"
    locale = babel_locale(language)
    with translation.override(language):
        text = (text or "").strip()
        if not text:
            return _("Hours unknown")
        if opening.parse_error(text):
            return _("These hours cannot be read.")
        hours = from_osm(text)
        if hours is None:
            table = opening.week_table(text)
            days = Hours()
            for day in table:
                days.days[day["weekday"]] = [
                    (start.strftime("%H:%M"), _end_text(start, end))
                    for start, end in day["intervals"]
                ]
            lines = summarise_hours(days, locale)
            return _("This week: %(hours)s") % {
                "hours": "; ".join(lines) or _("closed")
            }
        lines = summarise_hours(hours, locale)
        if (
            not lines
            or not any(hours.days)
            and not hours.ph
            and not any(ranges for _day, ranges in hours.exceptions)
        ):
            lines.insert(0, _("Closed every day"))
        return "; ".join(lines)


def _end_text(start, end) -> str:
    if end.time() == dt.time() and end.date() > start.date():
        return "24:00"
    return end.strftime("%H:%M")


def open_now_text(text: str | None, language: str | None = None, moment=None) -> str:
    """ "Open now" / "Closed now" / "" (unknown), in ``language``."""
    with translation.override(language or translation.get_language() or "fr"):
        if not (text or "").strip() or opening.parse(text) is None:
            return ""
        if opening.is_open_at(text, moment):
            return _("Open now")
        return _("Closed now")
