"""Fuzzing every API parameter: answers are 200 or 400 (naming the parameter),
never 500. Hypothesis draws both plausible and hostile values: extreme
integers and floats, datetimes at the ends of the calendar with any offset,
NUL bytes, long strings and repeated parameters."""

import datetime as dt
import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from directory.filters import DirectoryFilterSet
from tests.directory.conftest import CALAIS, make_org

PARAMETERS = sorted(DirectoryFilterSet.base_filters)
PATHS = [
    "/api/directory/organisations/",
    "/api/directory/organisations.geojson",
    "/api/directory/organisations.csv",
]

number_text = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["9223372036854775807", "9223372036854775808", str(10**30)]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", " ", "1e309", "-0", "0x10", "1_000", "٣", "NaN", "inf"]),
)
hostile_text = st.one_of(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80
    ),
    st.sampled_from(["\x00", "pain\x00", "a" * 10_000, "%00", "' OR 1=1 --"]),
)
# Any UTC offset Python accepts (strictly within a day).
offsets = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
extreme_datetimes = st.one_of(
    st.datetimes(timezones=st.none() | offsets),
    st.sampled_from([dt.datetime.min, dt.datetime.max]).flatmap(
        lambda moment: offsets.map(lambda zone: moment.replace(tzinfo=zone))
    ),
).map(lambda moment: moment.isoformat())
values = {
    "q": hostile_text,
    "category": st.sampled_from(["alimentation", "sante", "", "ALIMENTATION", "x"]),
    "city": hostile_text,
    "language": st.sampled_from(["ar", "ps", "ti", "fr", "", "zz", "ara", "A"]),
    "association": st.sampled_from(["alpha", "beta", "", "nope", "ALPHA"]),
    "open_at": st.one_of(
        extreme_datetimes,
        st.sampled_from(
            [
                "2026-11-24T19:00Z",
                "9999-12-31T23:59:59Z",
                "0001-01-01T00:00:00+14:00",
                "2026-11-24T19:00:00+14:00",
                "9999-12-31T23:59:59-23:59",
                "0001-01-01T00:00:00+01:00",
                "2026-02-30T10:00",
                "now",
                "",
            ]
        ),
        hostile_text,
    ),
    "open_now": st.sampled_from(["1", "0", "true", "yes", "2", "", "oui"]),
    "near": st.one_of(
        st.tuples(number_text, number_text).map(",".join),
        st.tuples(st.floats(-90, 90), st.floats(-180, 180)).map(
            lambda t: f"{t[0]},{t[1]}"
        ),
        hostile_text,
    ),
    "radius_km": number_text,
    "within_minutes": number_text,
    "publics": st.sampled_from(["adults", "women", "", "x"]),
    "occupancy": st.sampled_from(["low", "often_full", "", "x"]),
    "lang": st.sampled_from(["fr", "en", "ar", "ps", "prs", "ti", "de", ""]),
    "page": number_text,
    "page_size": number_text,
}


@pytest.fixture
def populated(network):
    make_org(
        network.alpha,
        "Fuzz",
        latitude=CALAIS[0],
        longitude=CALAIS[1],
        opening_hours="Mo-Fr 09:00-17:00",
        languages=["fr", "ar"],
        stops=[{"name": "S", "latitude": 50.0, "longitude": 1.0}],
    )
    return network


def test_every_parameter_has_a_strategy():
    assert set(values) == set(PARAMETERS)


def one_or_repeated(strategy):
    """A value, or the parameter repeated with two to three values."""
    return strategy | st.lists(strategy, min_size=2, max_size=3)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(PATHS),
    params=st.dictionaries(
        st.sampled_from(PARAMETERS),
        st.none(),
        min_size=1,
        max_size=5,
    ).flatmap(
        lambda keys: st.fixed_dictionaries(
            {key: one_or_repeated(values[key]) for key in keys}
        )
    ),
)
@example(path=PATHS[0], params={"page": "9223372036854775807"})
@example(path=PATHS[0], params={"page": str(10**30), "page_size": str(10**30)})
@example(path=PATHS[0], params={"open_at": "9999-12-31T23:59:59Z"})
@example(path=PATHS[1], params={"open_at": "9999-12-31T23:59:59Z", "near": "50,1"})
@example(path=PATHS[2], params={"open_at": "0001-01-01T00:00:00+14:00"})
@example(path=PATHS[2], params={"page": "9223372036854775807"})
def test_api_never_answers_500(populated, path, params):
    response = Client(raise_request_exception=False).get(path, params)
    assert response.status_code in (200, 400), (params, response.status_code)
    if response.status_code == 400:
        assert response["Content-Type"].startswith("application/json")
        errors = response.json()["errors"]
        assert errors and set(errors) <= set(PARAMETERS), errors
        assert all(isinstance(message, str) and message for message in errors.values())
    elif not path.endswith(".csv"):
        body = json.loads(response.content)
        assert ("results" in body) if path.endswith("/") else ("features" in body)
    else:
        header = next(iter(response.streaming_content)).decode()
        assert header.startswith("external_id,")
