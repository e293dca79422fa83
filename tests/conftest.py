"""Fixtures shared by every test: a small network of two member associations.

``network`` builds, through the real provisioning code, a hub at
``localhost`` (the default site) and two members, ``alpha`` and ``beta``, at
``alpha.localhost`` and ``beta.localhost``, each publishing in fr, en and ar,
plus an editor and a moderator for each and a network coordinator.
"""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client

from tests.factories import UserFactory, make_association, make_member


@dataclass
class Network:
    hub: object
    alpha: object
    beta: object
    editor_a: object
    moderator_a: object
    editor_b: object
    moderator_b: object
    coordinator: object


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached lookups (themes, navigation) must not outlive a test's rows."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def build_network():
    """The hub, alpha and beta with their editors, moderators and coordinator."""
    hub = make_association(
        "hub",
        name="Plateforme",
        hostname="localhost",
        is_hub=True,
        is_default_site=True,
        languages=["fr", "en", "ar"],
    )
    alpha = make_association("alpha", name="Alpha", languages=["fr", "en", "ar"])
    beta = make_association("beta", name="Beta", languages=["fr", "en", "ar"])
    coordinator = UserFactory(username="coordinator")
    coordinator.groups.add(Group.objects.get(name=settings.NETWORK_COORDINATORS_GROUP))
    return Network(
        hub=hub,
        alpha=alpha,
        beta=beta,
        editor_a=make_member(alpha, "editor_a"),
        moderator_a=make_member(alpha, "moderator_a", role="moderator"),
        editor_b=make_member(beta, "editor_b"),
        moderator_b=make_member(beta, "moderator_b", role="moderator"),
        coordinator=coordinator,
    )


def built_once(django_db_blocker, build):
    """Build test data once for a package: inside a transaction rolled back
    after the package's last test; each test runs in its own savepoint
    (pytest-django's ``db``), so nothing a test changes leaks into the next."""
    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or "memory" in name):
        pytest.fail(f"{name} is not a test database; refusing to touch it")
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build()
            transaction.set_rollback(True)
    cache.clear()


def fresh(built):
    """The shared network with its associations re-read from the database:
    a test may have changed one in memory before its savepoint rolled back."""
    for association in (built.hub, built.alpha, built.beta):
        association.refresh_from_db()
    return built


@pytest.fixture
def network(db):
    """A network for one test. Packages share one instead: their conftest
    defines ``package_network`` with ``built_once`` and ``network`` as
    ``fresh(package_network)`` (tests/sitepages, tests/directory)."""
    return build_network()


def site_client(association, user=None):
    """A test client talking to ``association``'s hostname, logged in as ``user``."""
    client = Client(HTTP_HOST=association.site.hostname)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def client_for():
    return site_client
