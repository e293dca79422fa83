"""Schemathesis against the generated OpenAPI document of the directory API.

The document is loaded from ``/api/directory/openapi.json`` through Django's
WSGI application, then schemathesis draws requests for each operation from it
(valid and malformed parameters alike, 50 of each operation) and checks every
answer: never a 5xx, a documented status and media type, and a body that
matches its schema. (Schemathesis's lazy ``from_fixture`` loader does not run
under pytest 9, hence the explicit strategies.)
"""

import datetime as dt

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from directory.models import StatusChoices
from tests.directory.conftest import CALAIS, make_org, translate

PATHS = [
    "/api/directory/organisations/",
    "/api/directory/organisations.geojson",
    "/api/directory/organisations.csv",
]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def in_test_transaction():
    """Serve WSGI requests inside the test's transaction, as the test client
    does: Django would otherwise close the connection at each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def directory_api(network, in_test_transaction):
    """The API's schema, with entries of every shape to answer with."""
    make_org(
        network.alpha,
        "Repas du soir",
        categories=("alimentation", "hygiene"),
        latitude=CALAIS[0],
        longitude=CALAIS[1],
        opening_hours="Mo-Su 18:00-20:00",
        languages=["fr", "ar", "ps"],
        publics=["adults", "families"],
        usual_occupancy="often_full",
        wheelchair="yes",
        last_checked=dt.date(2026, 11, 24),
    )
    dinner = make_org(network.alpha, "Accueil de jour", opening_hours="24/7")
    translate(dinner, "ar", name="استقبال نهاري")
    make_org(
        network.beta,
        "Maraude",
        opening_hours="",
        stops=[
            {
                "name": "Gare",
                "latitude": CALAIS[0] + 0.01,
                "longitude": CALAIS[1],
                "opening_hours": "Tu,Th 18:30-19:30",
            },
            {"name": "Sans lieu", "opening_hours": "Sa 12:00-13:00"},
        ],
    )
    make_org(
        network.beta,
        "Douches du port",
        categories=("hygiene",),
        opening_hours="Mo-Su 08:00-20:00",
        status=StatusChoices.TEMPORARILY_CLOSED,
        closed_until=dt.date(2026, 12, 3),
        closed_reason="Travaux",
    )
    return schemathesis.openapi.from_wsgi(
        "/api/directory/openapi.json", get_wsgi_application()
    )


@pytest.mark.parametrize("path", PATHS)
def test_answers_match_the_generated_document(directory_api, path):
    operation = directory_api[path]["GET"]
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=50,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=cases)
    def answered_as_documented(case):
        case.call_and_validate(checks=CHECKS)

    answered_as_documented()


def test_the_document_lists_every_endpoint(directory_api):
    assert sorted(directory_api) == sorted(PATHS)
