"""The API contract: shape, 400s, GeoJSON, CSV export round trip, OpenAPI."""

import csv
import io
import json

import pytest

from directory.csvformat import COLUMNS
from directory.filters import DirectoryFilterSet
from directory.importers import DirectoryImporter, open_bytes
from directory.models import Organisation
from tests.directory.conftest import CALAIS, make_org

LAT, LON = CALAIS


@pytest.fixture
def sample(network):
    return [
        make_org(
            network.alpha,
            "Le Phare",
            categories=["alimentation", "hygiene"],
            latitude=LAT,
            longitude=LON,
            languages=["fr", "ar", "ti"],
            opening_hours="Mo-Fr 08:30-12:30; Sa 09:00-12:00",
            phone="+33 6 00 00 00 01",
            email="phare@example.org",
            website="https://phare.example.org",
            address="14 rue des Verrotières",
            postcode="62100",
            description='Café, douches; "recharge"',
            audience="Adultes et familles",
            wheelchair="limited",
        ),
        make_org(
            network.beta,
            "Maraude",
            categories=["alimentation"],
            stops=[
                {
                    "name": "Gare",
                    "latitude": LAT + 0.01,
                    "longitude": LON,
                    "opening_hours": "Tu 18:00-19:00",
                }
            ],
        ),
    ]


def test_list_shape(sample, api):
    response = api(near=f"{LAT},{LON}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "max-age=60" in response["Cache-Control"]
    data = response.json()
    assert set(data) == {"count", "next", "previous", "results"}
    first = data["results"][0]
    for key in [
        "id",
        "name",
        "categories",
        "city",
        "latitude",
        "longitude",
        "languages",
        "opening_hours",
        "url",
        "distance_km",
    ]:
        assert key in first
    assert first["categories"] == ["alimentation", "hygiene"]
    assert first["url"].startswith("http://localhost/fr/")
    assert first["opening_state"]["state"] in {"open", "closed"}
    assert data["results"][1]["stops"][0]["name"] == "Gare"
    # distance_km only appears with near
    assert "distance_km" not in api().json()["results"][0]


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"near": "50.9"}, "near"),
        ({"near": "abc,def"}, "near"),
        ({"near": "91,0"}, "near"),
        ({"near": "nan,inf"}, "near"),
        ({"near": "50,1", "radius_km": "-1"}, "radius_km"),
        ({"near": "50,1", "radius_km": "x"}, "radius_km"),
        ({"radius_km": "2"}, "radius_km"),
        ({"within_minutes": "10"}, "within_minutes"),
        ({"open_at": "tomorrow"}, "open_at"),
        ({"open_at": "2026-13-45T10:00"}, "open_at"),
        ({"open_now": "maybe"}, "open_now"),
        ({"category": "no-such-category"}, "category"),
        ({"language": "xx"}, "language"),
        ({"language": "french"}, "language"),
        ({"association": "nobody"}, "association"),
        ({"page": "0"}, "page"),
        ({"page": "two"}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"publics": "martians"}, "publics"),
        ({"occupancy": "empty"}, "occupancy"),
        ({"lang": "de"}, "lang"),
        ({"q": "a\x00b"}, "q"),
        ({"q": "x" * 500}, "q"),
    ],
)
@pytest.mark.parametrize(
    "path",
    [
        "/api/directory/organisations/",
        "/api/directory/organisations.geojson",
        "/api/directory/organisations.csv",
    ],
)
def test_malformed_parameters_answer_400_naming_them(
    db, client, params, parameter, path
):
    response = client.get(path, params)
    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_geojson(sample, api):
    response = api(path="/api/directory/organisations.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    points = {
        feature["properties"].get("stop") or feature["properties"]["name"]: feature
        for feature in data["features"]
    }
    assert points["Le Phare"]["geometry"] == {
        "type": "Point",
        "coordinates": [LON, LAT],  # GeoJSON order: longitude, latitude
    }
    assert points["Gare"]["properties"]["name"] == "Maraude"
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    # same filters; page/page_size don't apply
    filtered = json.loads(
        api(
            path="/api/directory/organisations.geojson", association="beta", page="9"
        ).content
    )
    assert [f["properties"]["name"] for f in filtered["features"]] == ["Maraude"]


def _csv(response):
    return b"".join(response.streaming_content)


def test_csv_export_has_the_import_columns_and_round_trips(network, sample, api):
    response = api(path="/api/directory/organisations.csv", association="alpha")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    data = _csv(response)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == COLUMNS
    assert rows[1][:3] == ["le-phare", "Le Phare", "alimentation;hygiene"]
    assert rows[1][COLUMNS.index("languages")] == "fr;ar;ti"

    # Re-importing the export changes nothing and duplicates nothing.
    before = Organisation.objects.count()
    report = DirectoryImporter(network.alpha).run(open_bytes(data))
    assert report.ok, [str(error) for error in report.errors]
    assert (report.created, report.updated) == (0, 1)
    assert Organisation.objects.count() == before
    again = _csv(api(path="/api/directory/organisations.csv", association="alpha"))
    assert again == data

    # ...and into another association it creates the same entry.
    report = DirectoryImporter(network.beta).run(open_bytes(data))
    assert (report.created, report.updated) == (1, 0)
    copy = Organisation.objects.get(association=network.beta, external_id="le-phare")
    assert copy.latitude == LAT and copy.opening_hours == sample[0].opening_hours
    assert copy.description == 'Café, douches; "recharge"'


def test_openapi_documents_every_parameter(network, api):
    response = api(path="/api/directory/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    listing = schema["paths"]["/api/directory/organisations/"]["get"]
    documented = {param["name"] for param in listing["parameters"]}
    assert documented == set(DirectoryFilterSet.base_filters)
    for path in ("organisations.geojson", "organisations.csv"):
        params = schema["paths"][f"/api/directory/{path}"]["get"]["parameters"]
        assert {p["name"] for p in params} == documented - {"page", "page_size"}
    category = next(p for p in listing["parameters"] if p["name"] == "category")
    assert "hebergement" in category["schema"]["items"]["enum"]
    for param in listing["parameters"]:
        assert param["in"] == "query" and not param["required"]
        assert param["description"], param["name"]


def test_openapi_is_generated_from_the_answers_schemas(network, client):
    response = client.get("/api/directory/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "max-age=3600" in response["Cache-Control"]
    schema = response.json()
    components = schema["components"]["schemas"]
    media_types = {
        "organisations/": ("application/json", "OrganisationPage"),
        "organisations.geojson": ("application/geo+json", "FeatureCollection"),
        "organisations.csv": ("text/csv", None),
    }
    for path, (media_type, name) in media_types.items():
        answers = schema["paths"][f"/api/directory/{path}"]["get"]["responses"]
        ok = answers["200"]["content"]
        assert list(ok) == [media_type]
        if name:
            assert ok[media_type]["schema"] == {"$ref": f"#/components/schemas/{name}"}
        refused = answers["400"]["content"]["application/json"]["schema"]
        assert refused == {"$ref": "#/components/schemas/Errors"}
    organisation = components["Organisation"]["properties"]
    assert {"id", "name", "categories", "url", "distance_km"} <= set(organisation)
    assert client.post("/api/directory/openapi.json").status_code == 405


def test_a_refusal_by_ninja_is_the_contract_400(rf):
    from ninja.errors import ValidationError

    from directory.api import malformed_query

    error = {"loc": ("query", "page"), "msg": "Input should be a valid integer"}
    response = malformed_query(rf.get("/"), ValidationError([error]))
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content) == {
        "errors": {"page": "Input should be a valid integer"}
    }


def _bulk(association, count, offset=0):
    for index in range(count):
        make_org(
            association,
            f"Bulk {offset + index:03d}",
            latitude=LAT + index * 0.0001,
            longitude=LON,
            languages=["fr", "ar"],
            opening_hours="24/7",
            stops=[{"name": "Stop", "latitude": LAT, "longitude": LON}],
        )


@pytest.mark.parametrize(
    "params",
    [
        {},
        {
            "category": "alimentation",
            "language": "ar",
            "open_now": "1",
            "near": f"{LAT},{LON}",
        },
        {"q": "Bulk", "lang": "ar"},
    ],
)
def test_query_count_does_not_grow(network, api, django_assert_max_num_queries, params):
    from directory.pages import DirectoryPage

    home = network.hub.site.root_page.specific
    page = home.add_child(instance=DirectoryPage(title="Annuaire", slug="annuaire"))
    page.save_revision().publish()
    _bulk(network.alpha, 10)
    with django_assert_max_num_queries(12):
        small = api(**params)
    assert small.status_code == 200
    _bulk(network.alpha, 60, offset=10)
    with django_assert_max_num_queries(12):
        large = api(page_size="100", **params)
    assert large.json()["count"] >= 60
    assert large.json()["results"][0]["url"].startswith("http://localhost/fr/annuaire/")
