"""Each filter of the one FilterSet, against hand-computed expectations.

Distances: points differ from the search point only in latitude, so the
great-circle distance is Δlat × 111.195 km (2πR/360 with R = 6371.0088 km).
"""

import pytest

from directory.filters import DirectoryFilterSet
from directory.models import StatusChoices
from tests.directory.conftest import CALAIS, make_org, paris, translate

LAT, LON = CALAIS
KM_PER_DEG = 111.1951


def ids(api_response):
    assert api_response.status_code == 200, api_response.content
    return [row["name"] for row in api_response.json()["results"]]


@pytest.fixture
def places(network):
    """Four entries north of Calais at 0, 1, 3 and 8 km."""
    alpha, beta = network.alpha, network.beta
    return {
        "here": make_org(
            alpha,
            "Here",
            categories=["alimentation"],
            latitude=LAT,
            longitude=LON,
            languages=["fr", "ar"],
            opening_hours="Mo-Fr 09:00-12:00",
            publics=["adults"],
            usual_occupancy="often_full",
        ),
        "one": make_org(
            alpha,
            "One km",
            categories=["sante"],
            latitude=LAT + 0.009,
            longitude=LON,
            languages=["fr", "ps"],
            opening_hours="Mo-Fr 14:00-18:00",
            publics=["women", "families"],
            usual_occupancy="low",
        ),
        "three": make_org(
            beta,
            "Three km",
            categories=["hygiene", "alimentation"],
            latitude=LAT + 0.027,
            longitude=LON,
            languages=["ti"],
            opening_hours="Sa 10:00-12:00",
            publics=["unaccompanied_minors"],
            city="Coquelles",
        ),
        "eight": make_org(
            beta,
            "Eight km",
            categories=["juridique"],
            latitude=LAT + 0.072,
            longitude=LON,
            languages=["en"],
            opening_hours="",
        ),
    }


def test_near_sorts_by_distance_with_default_radius_of_5_km(places, api):
    response = api(near=f"{LAT},{LON}")
    assert ids(response) == ["Here", "One km", "Three km"]
    rows = response.json()["results"]
    assert [row["distance_km"] for row in rows] == [
        0.0,
        round(0.009 * KM_PER_DEG, 3),
        round(0.027 * KM_PER_DEG, 3),
    ]
    # 1.0008 km * 1.3 / 4.5 km/h = 17.3 min; 3.0023 km -> 52 min
    assert [row["walk_minutes"] for row in rows] == [1, 17, 52]


def test_radius_km(places, api):
    assert ids(api(near=f"{LAT},{LON}", radius_km="1.1")) == ["Here", "One km"]
    assert ids(api(near=f"{LAT},{LON}", radius_km="10")) == [
        "Here",
        "One km",
        "Three km",
        "Eight km",
    ]
    # measured from the other side: 8 km point first
    assert ids(api(near=f"{LAT + 0.08},{LON}", radius_km="2"))[0] == "Eight km"


def test_within_minutes_on_foot(places, api):
    assert ids(api(near=f"{LAT},{LON}", within_minutes="15")) == ["Here"]
    assert ids(api(near=f"{LAT},{LON}", within_minutes="17")) == ["Here", "One km"]


def test_entry_without_coordinates_never_matches_near(network, api):
    make_org(network.alpha, "Nowhere")
    assert ids(api(near=f"{LAT},{LON}", radius_km="500")) == []
    assert ids(api()) == ["Nowhere"]


def test_category_is_any_of(places, api):
    assert ids(api(category="alimentation")) == ["Here", "Three km"]
    assert ids(api(category=["sante", "juridique"])) == ["Eight km", "One km"]


def test_language_city_association(places, api):
    assert ids(api(language="ps")) == ["One km"]
    assert ids(api(language="ar")) == ["Here"]
    assert ids(api(language="fr")) == ["Here", "One km"]
    assert ids(api(city="coquelles")) == ["Three km"]
    assert ids(api(association="beta")) == ["Eight km", "Three km"]


def test_publics_and_occupancy(places, api):
    assert ids(api(publics="women")) == ["One km"]
    assert ids(api(publics=["adults", "unaccompanied_minors"])) == [
        "Here",
        "Three km",
    ]
    assert ids(api(occupancy="low")) == ["One km"]
    assert ids(api(occupancy=["low", "often_full"])) == ["Here", "One km"]


@pytest.mark.parametrize(
    "moment, expected",
    [
        # Tuesday 24 November 2026 (Paris is UTC+1 in winter)
        ("2026-11-24T10:00:00+01:00", ["Here"]),
        ("2026-11-24T10:00:00", ["Here"]),  # naive = site time
        ("2026-11-24T09:30:00Z", ["Here"]),  # 10:30 in Paris
        ("2026-11-24T08:30:00+01:00", []),
        ("2026-11-24T11:30:00Z", []),  # 12:30 in Paris: closed
        ("2026-11-24T15:00:00+01:00", ["One km"]),
        ("2026-11-24T13:30:00Z", ["One km"]),  # 14:30 in Paris
        ("2026-11-28T11:00:00+01:00", ["Three km"]),  # Saturday
        ("2026-11-29T11:00:00+01:00", []),  # Sunday
        # Summer time: 10:00 UTC is 12:00 in Paris, "Here" has just closed.
        ("2026-06-16T09:59:00Z", ["Here"]),
        ("2026-06-16T10:00:00Z", []),
    ],
)
def test_open_at(places, api, moment, expected):
    assert ids(api(open_at=moment)) == expected


def test_unknown_hours_never_open(places, api):
    # "Eight km" has no hours: never open, whatever the time.
    for hour in range(0, 24, 3):
        names = ids(api(open_at=f"2026-11-24T{hour:02d}:00:00+01:00"))
        assert "Eight km" not in names


def test_open_now_uses_the_clock(network, api, monkeypatch):
    make_org(network.alpha, "Always", opening_hours="24/7")
    make_org(network.alpha, "Never", opening_hours="off")
    assert ids(api(open_now="1")) == ["Always"]
    assert ids(api(open_now="0")) == ["Always", "Never"]


def test_combined_filter(places, api):
    response = api(
        category="alimentation",
        language="ar",
        open_at="2026-11-24T10:00:00+01:00",
        near=f"{LAT},{LON}",
    )
    assert ids(response) == ["Here"]


def test_temporarily_closed_listed_but_never_open(network, api):
    make_org(
        network.alpha,
        "Paused",
        opening_hours="24/7",
        status=StatusChoices.TEMPORARILY_CLOSED,
        closed_until=paris(2026, 12, 3).date(),
        closed_reason="Travaux",
    )
    make_org(network.alpha, "Gone", opening_hours="24/7", status=StatusChoices.CLOSED)
    assert ids(api()) == ["Paused"]
    assert ids(api(open_at="2026-12-03T12:00:00+01:00")) == []
    # the closure ends after closed_until
    assert ids(api(open_at="2026-12-04T12:00:00+01:00")) == ["Paused"]
    state = api().json()["results"][0]
    assert state["status"] == "temporarily_closed"
    assert state["closed_until"] == "2026-12-03"


def test_drafts_are_hidden(network, api):
    make_org(network.alpha, "Draft", live=False)
    make_org(network.alpha, "Live")
    assert ids(api()) == ["Live"]


def test_language_fallback_to_french(network, api):
    shared = make_org(network.alpha, "Cantine", description="Repas chauds")
    translate(shared, "ar", name="مطعم")
    make_org(network.alpha, "Vestiaire", categories=["vetements"])
    assert ids(api(lang="ar")) == ["Vestiaire", "مطعم"]
    assert ids(api(lang="fr")) == ["Cantine", "Vestiaire"]
    assert ids(api(lang="en")) == ["Cantine", "Vestiaire"]
    names = api(lang="ar", category="vetements").json()["results"][0]
    assert names["category_names"] == ["ملابس"]


def test_mobile_stops_match_near_and_open(network, api):
    make_org(
        network.alpha,
        "Maraude",
        categories=["alimentation"],
        opening_hours="",
        stops=[
            {
                "name": "Parking gare",
                "latitude": LAT + 0.018,  # 2.0 km
                "longitude": LON,
                "opening_hours": "Tu 18:00-19:30",
            },
            {
                "name": "Far stop",
                "latitude": LAT + 0.5,
                "longitude": LON,
                "opening_hours": "Tu 12:00-13:00",
            },
        ],
    )
    response = api(near=f"{LAT},{LON}", open_at="2026-11-24T18:30:00+01:00")
    assert ids(response) == ["Maraude"]
    row = response.json()["results"][0]
    assert row["distance_km"] == round(0.018 * KM_PER_DEG, 3)
    stop_ids = {stop["name"]: stop["id"] for stop in row["stops"]}
    assert row["matching_stop"] == stop_ids["Parking gare"]
    # the near stop is closed at noon and the open one is far away
    assert ids(api(near=f"{LAT},{LON}", open_at="2026-11-24T12:30:00+01:00")) == []
    assert ids(api(open_at="2026-11-24T12:30:00+01:00")) == ["Maraude"]


def test_pagination_and_page_size_cap(network, api):
    for index in range(25):
        make_org(network.alpha, f"Entry {index:02d}")
    first = api(page_size="10").json()
    assert first["count"] == 25
    assert [row["name"] for row in first["results"]][:2] == ["Entry 00", "Entry 01"]
    assert first["previous"] is None
    assert "page=2" in first["next"]
    third = api(page_size="10", page="3").json()
    assert [row["name"] for row in third["results"]] == [
        f"Entry {index:02d}" for index in range(20, 25)
    ]
    assert third["next"] is None
    assert "page=2" in third["previous"]
    assert len(api().json()["results"]) == 20  # default page size
    capped = api(page_size="1000").json()
    assert len(capped["results"]) == 25  # at most 100 per page


def test_filterset_used_directly(places):
    filterset = DirectoryFilterSet({"category": ["sante"]})
    assert filterset.is_valid()
    assert [org.name for org in filterset.results().page(1, 10)] == ["One km"]


def test_open_stop_reported_without_near(network, api):
    make_org(
        network.alpha,
        "Distribution",
        opening_hours="Mo 09:00-10:00",
        stops=[{"name": "Square", "opening_hours": "Tu 18:00-19:00"}],
    )
    row = api(open_at="2026-11-24T18:15:00+01:00").json()["results"][0]
    assert row["matching_stop"] == row["stops"][0]["id"]
    row = api(open_at="2026-11-23T09:15:00+01:00").json()["results"][0]
    assert row["matching_stop"] is None
    assert api(open_at="2026-11-23T12:00:00+01:00").json()["count"] == 0
