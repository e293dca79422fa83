"""Hostile query parameters on the public directory (issue 6, finding 13).

Each value answers either 200 or a 400 whose JSON body names the parameter,
on the JSON, GeoJSON and CSV endpoints, and 200 or 400 on the HTML page.
"""

import pytest

from tests.directory.conftest import CALAIS, make_org
from tests.directory.test_pages import add_directory_page

ENDPOINTS = [
    "/api/directory/organisations/",
    "/api/directory/organisations.geojson",
    "/api/directory/organisations.csv",
]
PAGED = ENDPOINTS[0]

# (parameters, parameter named in the 400 answer, or None for a 200)
CASES = [
    ({"open_at": "9999-12-31T23:59:59Z"}, "open_at"),
    ({"open_at": "0001-01-01T00:00:00+14:00"}, "open_at"),
    ({"open_at": "9999-12-31T23:59:59"}, "open_at"),
    ({"open_at": "0001-01-01T00:00:00"}, "open_at"),
    ({"open_at": "2026-11-24T19:00:00+01:00"}, None),
    ({"near": "nan,nan"}, "near"),
    ({"near": "inf,0"}, "near"),
    ({"near": "91,0"}, "near"),
    ({"near": "50.95,1.85", "radius_km": "1e309"}, "radius_km"),
    ({"near": "50.95,1.85", "radius_km": "-1"}, "radius_km"),
    ({"q": "pain\x00"}, "q"),
    ({"city": "Calais\x00"}, "city"),
    ({"q": "a" * 10_000}, "q"),
    ({"city": "a" * 10_000}, "city"),
    ({"category": "no-such-category"}, "category"),
    ({"category": ["alimentation", "alimentation", "sante"]}, None),
    ({"city": ["Calais", "Dunkerque"]}, None),
    ({"open_at": ["2026-11-24T19:00Z", "9999-12-31T23:59:59Z"]}, "open_at"),
]
# Pagination: only the JSON list is paginated, the exports ignore them.
PAGE_CASES = [
    ({"page": "9223372036854775807"}, None),
    ({"page": str(10**30)}, None),
    ({"page": "0"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page_size": "0"}, "page_size"),
    ({"page_size": str(10**30)}, None),
    ({"page": "9223372036854775807", "page_size": "100"}, None),
    ({"page": ["1", "9223372036854775807"]}, None),
]


@pytest.fixture
def listed(network):
    return make_org(
        network.alpha,
        "Accueil hostile",
        latitude=CALAIS[0],
        longitude=CALAIS[1],
        opening_hours="Mo-Su 00:00-24:00",
    )


def body_text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def check(response, parameter):
    if parameter is None:
        assert response.status_code == 200, response.content[:300]
    else:
        assert response.status_code == 400, response.content[:300]
        errors = response.json()["errors"]
        assert parameter in errors, errors
        assert errors[parameter]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("params, parameter", CASES)
def test_hostile_filters(client_for, network, listed, path, params, parameter):
    check(client_for(network.hub).get(path, params), parameter)


@pytest.mark.parametrize("params, parameter", PAGE_CASES)
def test_hostile_pages_on_the_json_list(client_for, network, listed, params, parameter):
    response = client_for(network.hub).get(PAGED, params)
    check(response, parameter)
    if parameter is None:
        body = response.json()
        assert body["count"] == 1
        if params.get("page") not in (None, ["1", "9223372036854775807"]):
            assert body["results"] == []
            assert body["next"] is None
            assert body["previous"] is not None


def test_a_huge_page_size_is_capped(client_for, network, listed):
    response = client_for(network.hub).get(PAGED, {"page_size": str(10**30)})
    assert [result["name"] for result in response.json()["results"]] == [
        "Accueil hostile"
    ]


@pytest.mark.parametrize("path", ENDPOINTS[1:])
@pytest.mark.parametrize("params, parameter", PAGE_CASES)
def test_exports_ignore_extreme_pages(
    client_for, network, listed, path, params, parameter
):
    response = client_for(network.hub).get(path, params)
    # page/page_size do not apply to the exports, but a malformed value is
    # still named; a well-formed one never hides entries.
    check(response, parameter)
    if parameter is None:
        assert "Accueil hostile" in body_text(response)


@pytest.mark.parametrize("params, parameter", CASES + PAGE_CASES)
def test_hostile_parameters_on_the_html_page(
    client_for, network, listed, params, parameter
):
    add_directory_page(network.alpha)
    response = client_for(network.alpha).get("/en/annuaire/", params)
    assert response.status_code in (200, 400)
    # The page reads near, q and city itself (open_at and radius_km are not
    # among its fields, so they are ignored there).
    if parameter in ("near", "q", "city"):
        assert response.status_code == 400
        assert 'class="form-errors"' in response.content.decode()
