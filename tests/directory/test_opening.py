"""Opening hours: states, next change, week table, validation, time zones."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from directory import opening
from directory.models import Organisation, OrganisationStop, StatusChoices
from tests.directory.conftest import paris

HOURS = "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00"


def org(**fields):
    fields.setdefault("opening_hours", HOURS)
    return Organisation(name="x", **fields)


def test_open_until():
    state = opening.opening_state(org(), paris(2026, 11, 24, 10, 0))
    assert state["state"] == "open"
    assert state["until"] == paris(2026, 11, 24, 12, 0)


def test_closed_opens_later_today_or_tomorrow():
    lunch = opening.opening_state(org(), paris(2026, 11, 24, 12, 30))
    assert lunch["state"] == "closed"
    assert lunch["next_open"] == paris(2026, 11, 24, 14, 0)
    evening = opening.opening_state(org(), paris(2026, 11, 24, 19, 0))
    assert evening["next_open"] == paris(2026, 11, 25, 9, 0)
    sunday = opening.opening_state(org(), paris(2026, 11, 29, 12, 0))
    assert sunday["next_open"] == paris(2026, 11, 30, 9, 0)


def test_aware_datetimes_are_read_in_paris():
    utc = dt.datetime(2026, 11, 24, 8, 30, tzinfo=dt.UTC)  # 09:30 in Paris
    assert opening.is_open_at(HOURS, utc)
    summer = dt.datetime(2026, 7, 7, 10, 30, tzinfo=dt.UTC)  # 12:30 in Paris
    assert not opening.is_open_at(HOURS, summer)


def test_unknown_and_empty_hours_never_open():
    assert opening.opening_state(org(opening_hours=""))["state"] == "unknown"
    assert not opening.is_open_at("", paris(2026, 11, 24, 10, 0))
    assert not opening.is_open_at(None)
    assert opening.week_table("")[0]["unknown"]


def test_temporarily_closed_and_closed():
    paused = org(
        status=StatusChoices.TEMPORARILY_CLOSED,
        closed_until=dt.date(2026, 12, 3),
        closed_reason="Travaux",
    )
    state = opening.opening_state(paused, paris(2026, 11, 24, 10, 0))
    assert state["state"] == "temporarily_closed"
    assert state["closed_until"] == dt.date(2026, 12, 3)
    assert state["reason"] == "Travaux"
    after = opening.opening_state(paused, paris(2026, 12, 4, 10, 0))
    assert after["state"] == "open"
    gone = opening.opening_state(org(status=StatusChoices.CLOSED))
    assert gone["state"] == "closed_permanently"


def test_stop_uses_its_own_hours_and_its_organisations_status():
    parent = org(status=StatusChoices.TEMPORARILY_CLOSED, closed_until=None)
    stop = OrganisationStop(organisation=parent, name="s", opening_hours="24/7")
    assert opening.opening_state(stop)["state"] == "temporarily_closed"
    parent.status = StatusChoices.ACTIVE
    assert opening.opening_state(stop)["state"] == "open"


def test_week_table_and_today():
    week = opening.week_table(HOURS, dt.date(2026, 11, 25))
    assert [day["date"] for day in week][0] == dt.date(2026, 11, 23)  # Monday
    assert opening.format_intervals(week[0]["intervals"]) == "09:00–12:00, 14:00–17:00"
    assert opening.format_intervals(week[5]["intervals"]) == "10:00–12:00"
    assert week[6]["intervals"] == [] and not week[6]["unknown"]
    assert opening.today_hours("24/7", paris(2026, 11, 24, 3, 0)) == "00:00–24:00"
    assert opening.today_hours(HOURS, paris(2026, 11, 29, 3, 0)) == ""


def test_public_holidays_follow_the_french_calendar():
    # 25 December 2026 is a Friday and a public holiday in France.
    hours = "Mo-Fr 09:00-17:00; PH off"
    assert not opening.is_open_at(hours, paris(2026, 12, 25, 10, 0))
    assert opening.is_open_at(hours, paris(2026, 12, 24, 10, 0))


@pytest.mark.parametrize("value", ["lundi 9h-12h", "Mo-Fr 25:00-26:00", "Mo-Fr 9"])
def test_invalid_hours_are_refused(value):
    with pytest.raises(ValidationError):
        opening.validate_opening_hours(value)


def test_parsed_expressions_are_cached():
    opening._parse.cache_clear()
    for _ in range(50):
        opening.is_open_at(HOURS, paris(2026, 11, 24, 10, 0))
    assert opening._parse.cache_info().misses == 1
