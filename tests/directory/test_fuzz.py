"""Fuzzing every API parameter: answers are 200 or 400 (naming the parameter),
never 500. Hypothesis draws both plausible and hostile values."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
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
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", " ", "1e309", "-0", "0x10", "1_000", "٣", "NaN", "inf"]),
)
hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80
)
values = {
    "q": hostile_text,
    "category": st.sampled_from(["alimentation", "sante", "", "ALIMENTATION", "x"]),
    "city": hostile_text,
    "language": st.sampled_from(["ar", "ps", "ti", "fr", "", "zz", "ara", "A"]),
    "association": st.sampled_from(["alpha", "beta", "", "nope", "ALPHA"]),
    "open_at": st.one_of(
        st.datetimes().map(lambda d: d.isoformat()),
        st.sampled_from(
            [
                "2026-11-24T19:00Z",
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


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(PATHS),
    params=st.dictionaries(
        st.sampled_from(PARAMETERS),
        st.none(),
        min_size=1,
        max_size=5,
    ).flatmap(lambda keys: st.fixed_dictionaries({key: values[key] for key in keys})),
)
def test_api_never_answers_500(populated, path, params):
    response = Client(raise_request_exception=False).get(path, params)
    assert response.status_code in (200, 400), (params, response.status_code)
    if response.status_code == 400:
        errors = response.json()["errors"]
        assert errors and set(errors) <= set(PARAMETERS), errors
