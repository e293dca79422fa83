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


@pytest.fixture
def network(db):
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


def site_client(association, user=None):
    """A test client talking to ``association``'s hostname, logged in as ``user``."""
    client = Client(HTTP_HOST=association.site.hostname)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def client_for():
    return site_client
