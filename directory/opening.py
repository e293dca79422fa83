"""Opening hours: OpenStreetMap ``opening_hours`` syntax, parsed by opening-hours-py.

Everything about time lives here:

* ``validate_opening_hours`` (model/form validator and import check);
* ``parse`` (parsed expressions are cached per expression string, so a
  thousand entries sharing "Mo-Fr 09:00-17:00" parse it once);
* ``is_open_at`` / ``open_expressions`` used by the filters;
* ``opening_state`` returns a structured state that templates word in the
  visitor's language ("open until 20:00", "opens tomorrow at 09:00",
  "temporarily closed until 3 December");
* ``week_table`` and ``today_hours`` for the detail page and SMS sharing.

All computations happen in the site's time zone (``settings.TIME_ZONE``,
Europe/Paris by default). opening-hours-py works on naive local datetimes, so
aware datetimes are converted to the site zone and made naive first. An empty
expression means "unknown": it is never open.
"""

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from opening_hours import OpeningHours

# Public holidays ("PH off") follow the French calendar.
COUNTRY = "FR"
# Bound the search for the next change: a place closed for more than two
# months is reported as having no next opening.
MAX_INTERVAL_DAYS = 62


def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


@lru_cache(maxsize=4096)
def _parse(expression: str):
    return OpeningHours(
        expression, country=COUNTRY, max_interval_days=MAX_INTERVAL_DAYS
    )


def parse(expression: str | None):
    """The parsed expression, or ``None`` when empty or invalid (cached)."""
    expression = (expression or "").strip()
    if not expression:
        return None
    try:
        return _parse(expression)
    except (SyntaxError, ValueError, TypeError):
        return None
    except Exception:  # noqa: BLE001 - the parser raises its own error types
        return None


def parse_error(expression: str) -> str | None:
    """Why ``expression`` cannot be parsed, as a short message, or ``None``."""
    expression = (expression or "").strip()
    if not expression:
        return None
    try:
        _parse(expression)
    except Exception as exc:  # noqa: BLE001 - ParserError is not exported
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        detail = lines[-1].lstrip("= ") if lines else ""
        return str(
            _("Not valid OpenStreetMap opening_hours syntax (%(detail)s).")
            % {"detail": detail[:160]}
        )
    return None


def validate_opening_hours(value):
    """Model and form validator: refuse expressions opening-hours-py rejects."""
    message = parse_error(value)
    if message:
        raise ValidationError(message, code="invalid_opening_hours")


def to_local_naive(moment: dt.datetime | None = None) -> dt.datetime:
    """``moment`` (aware, or naive meaning site time) as naive site-local time."""
    if moment is None:
        moment = timezone.now()
    if timezone.is_aware(moment):
        moment = moment.astimezone(site_zone()).replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0)


def to_aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A naive site-local datetime from the parser, made aware in the site zone."""
    if moment is None:
        return None
    if timezone.is_aware(moment):
        return moment
    return moment.replace(tzinfo=site_zone())


def is_open_at(expression: str | None, moment: dt.datetime | None = None) -> bool:
    """True only when ``expression`` says open at ``moment``; unknown is False."""
    parsed = parse(expression)
    if parsed is None:
        return False
    return bool(parsed.is_open(to_local_naive(moment)))


def open_expressions(expressions, moment: dt.datetime | None = None) -> set[str]:
    """The subset of ``expressions`` open at ``moment``, each evaluated once."""
    local = to_local_naive(moment)
    result = set()
    for expression in set(expressions):
        parsed = parse(expression)
        if parsed is not None and parsed.is_open(local):
            result.add(expression)
    return result


# Structured state for templates and the API ------------------------------------
OPEN = "open"
CLOSED = "closed"
UNKNOWN = "unknown"
TEMPORARILY_CLOSED = "temporarily_closed"
CLOSED_PERMANENTLY = "closed_permanently"


def _state_name(state) -> str:
    name = getattr(state, "name", str(state)).lower()
    if "open" in name:
        return OPEN
    if "closed" in name:
        return CLOSED
    return UNKNOWN


def opening_state(entry, moment: dt.datetime | None = None, *, expression=None):
    """Where ``entry`` (an Organisation or a stop) stands at ``moment``.

    Returns a dict that templates word in the visitor's language::

        {"state": "open" | "closed" | "unknown" | "temporarily_closed"
                  | "closed_permanently",
         "until": aware datetime | None,      # open: when it closes
         "next_open": aware datetime | None,  # closed: when it opens next
         "closed_until": date | None,         # temporarily closed: last day
         "reason": str}                       # temporarily closed: why

    ``until``/``next_open`` are ``None`` when the next change is more than
    two months away (or never). A stop takes its organisation's status.
    """
    moment = moment or timezone.now()
    local = to_local_naive(moment)
    owner = getattr(entry, "organisation", None) or entry
    state = {
        "state": UNKNOWN,
        "until": None,
        "next_open": None,
        "closed_until": None,
        "reason": "",
    }
    status = getattr(owner, "status", "active")
    if status == "closed":
        state["state"] = CLOSED_PERMANENTLY
        return state
    if status == "temporarily_closed" and owner.is_temporarily_closed(local.date()):
        state.update(
            state=TEMPORARILY_CLOSED,
            closed_until=owner.closed_until,
            reason=getattr(owner, "closed_reason", ""),
        )
        return state
    parsed = parse(entry.opening_hours if expression is None else expression)
    if parsed is None:
        return state
    current, _comment = parsed.state(local)
    name = _state_name(current)
    state["state"] = name
    if name == OPEN:
        state["until"] = to_aware(parsed.next_change(local))
    elif name == CLOSED:
        state["next_open"] = to_aware(_next_open(parsed, local))
    return state


def _next_open(parsed, local: dt.datetime):
    """The next moment the place opens (skipping unknown stretches)."""
    end = local + dt.timedelta(days=MAX_INTERVAL_DAYS)
    for start, _stop, state, _comment in parsed.intervals(local, end):
        if _state_name(state) == OPEN:
            return start
    return None


def day_intervals(expression: str | None, day: dt.date):
    """Opening intervals of ``day`` as (start, end) aware datetimes.

    ``None`` when the hours are unknown; an empty list when closed all day.
    """
    parsed = parse(expression)
    if parsed is None:
        return None
    start = dt.datetime.combine(day, dt.time())
    end = start + dt.timedelta(days=1)
    return [
        (to_aware(begin), to_aware(finish))
        for begin, finish, state, _comment in parsed.intervals(start, end)
        if _state_name(state) == OPEN
    ]


def week_table(expression: str | None, start: dt.date | None = None):
    """Seven days from Monday of ``start``'s week, for the detail page.

    Each day is ``{"date", "weekday" (0 = Monday), "is_today", "intervals"
    [(start, end) aware datetimes], "unknown"}``; ``end`` at midnight means
    "until the end of the day".
    """
    today = timezone.localdate(timezone.now(), site_zone())
    start = start or today
    monday = start - dt.timedelta(days=start.weekday())
    days = []
    for offset in range(7):
        day = monday + dt.timedelta(days=offset)
        intervals = day_intervals(expression, day)
        days.append(
            {
                "date": day,
                "weekday": day.weekday(),
                "is_today": day == today,
                "intervals": intervals or [],
                "unknown": intervals is None,
            }
        )
    return days


def format_intervals(intervals) -> str:
    """``[(09:00, 12:00), (14:00, 17:00)]`` -> ``"09:00–12:00, 14:00–17:00"``."""
    parts = []
    for begin, finish in intervals or []:
        end_text = (
            "24:00"
            if finish.time() == dt.time() and finish.date() > begin.date()
            else finish.strftime("%H:%M")
        )
        parts.append(f"{begin.strftime('%H:%M')}–{end_text}")
    return ", ".join(parts)


def today_hours(expression: str | None, moment: dt.datetime | None = None) -> str:
    """Today's hours as text ("09:00–12:00, 14:00–17:00"); "" if closed/unknown."""
    day = timezone.localtime(moment or timezone.now(), site_zone()).date()
    return format_intervals(day_intervals(expression, day))
