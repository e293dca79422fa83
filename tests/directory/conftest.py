"""Builders for directory tests: entries written through the real models."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale

from directory.models import Category, Organisation, OrganisationStop
from tests.conftest import build_network, built_once, fresh

PARIS = ZoneInfo("Europe/Paris")
# Calais town hall and places at known distances from it.
CALAIS = (50.9513, 1.8587)


def paris(*args):
    return dt.datetime(*args, tzinfo=PARIS)


def make_org(
    association,
    name,
    *,
    categories=("alimentation",),
    locale="fr",
    live=True,
    stops=(),
    **fields,
):
    """An entry of ``association``, published unless ``live=False``."""
    fields.setdefault("city", "Calais")
    fields.setdefault("external_id", name.lower().replace(" ", "-"))
    org = Organisation(
        association=association,
        name=name,
        locale=Locale.objects.get(language_code=locale),
        live=live,
        **fields,
    )
    org.save()
    org.categories.set(
        Category.objects.filter(slug__in=categories, locale__language_code="fr")
    )
    for index, stop in enumerate(stops):
        OrganisationStop.objects.create(organisation=org, sort_order=index, **stop)
    org.save()  # re-index with categories
    return org


def translate(org, language_code, **fields):
    """A live translation of ``org`` (same translation key)."""
    copy = org.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.live = True
    copy.save()
    copy.categories.set(org.categories.all())
    return copy


@pytest.fixture
def api(client_for, network):
    client = client_for(network.hub)

    def get(path="/api/directory/organisations/", **params):
        return client.get(path, params)

    return get


@pytest.fixture(scope="package")
def package_network(django_db_setup, django_db_blocker):
    """One network for every test of this package."""
    yield from built_once(django_db_blocker, build_network)


@pytest.fixture
def network(db, package_network):
    """The package's shared network (built once: ``tests.conftest``)."""
    return fresh(package_network)
