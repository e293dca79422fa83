"""A two-member network with appeals, built once for tests/appeals.

Like ``tests/network/conftest.py``: ``appeals_world`` is built inside a
transaction rolled back after the package's last test, and each test runs in
its own savepoint (pytest-django's ``db``).

alpha owns an open appeal (2,100 € goal, 2,100 € per issue) shared with beta,
and a closed one; beta owns an open appeal of its own.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, transaction

from tests.conftest import site_client
from tests.factories import UserFactory, make_association, make_member

HERE = Path(__file__).parent


@dataclass
class AppealsWorld:
    hub: object
    alpha: object
    beta: object
    editor_a: object
    moderator_a: object
    editor_b: object
    coordinator: object
    appeal: object  # alpha's, shared with beta
    closed: object  # alpha's, ended yesterday
    appeal_b: object  # beta's own


def make_appeal(parent, slug, **fields):
    from sitepages.models import AppealPage

    today = datetime.date.today()
    defaults = {
        "title": slug.replace("-", " ").capitalize(),
        "slug": slug,
        "summary": "Imprimer un numéro du journal.",
        "goal": Decimal("2100"),
        "start_date": today - datetime.timedelta(days=10),
        "end_date": today + datetime.timedelta(days=20),
        "impact_unit_name": "numéros",
        "impact_unit_cost": Decimal("2100"),
        "impact_unit_yield": "4 000 exemplaires",
        "iban": "FR76 3000 6000 0112 3456 7890 189",
        "bic": "AGRIFRPP",
        "bank_details": "Association Alpha",
        "cheque_payee": "Association Alpha",
        "cheque_address": "1 rue du Port\n62100 Calais",
        "payment_url": "https://www.helloasso.com/associations/alpha",
        "tiers": [
            ("tier", {"amount": Decimal("35"), "pays_for": "un repas chaud"}),
            ("tier", {"amount": Decimal("2100"), "pays_for": "un numéro imprimé"}),
        ],
    }
    defaults.update(fields)
    page = AppealPage(**defaults)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return AppealPage.objects.get(pk=page.pk)


def build_world():
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
    today = datetime.date.today()
    appeal = make_appeal(alpha.site.root_page, "imprimer-un-numero")
    appeal.partner_associations.add(beta)
    appeal.save_revision().publish()
    closed = make_appeal(
        alpha.site.root_page,
        "ancien-appel",
        start_date=today - datetime.timedelta(days=60),
        end_date=today - datetime.timedelta(days=1),
    )
    appeal_b = make_appeal(
        beta.site.root_page, "residence", goal=Decimal("6700"), impact_unit_name=""
    )
    return AppealsWorld(
        hub=hub,
        alpha=alpha,
        beta=beta,
        editor_a=make_member(alpha, "editor_a"),
        moderator_a=make_member(alpha, "moderator_a", "moderator"),
        editor_b=make_member(beta, "editor_b"),
        coordinator=coordinator,
        appeal=appeal,
        closed=closed,
        appeal_b=appeal_b,
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def appeals_world(django_db_setup, django_db_blocker):
    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or "memory" in name):
        pytest.fail(f"{name} is not a test database; refusing to touch it")
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_world()
            yield built
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def world(db, appeals_world):
    return appeals_world


@pytest.fixture
def client_on():
    """``client_on(association, user=None)``: a client on that site."""
    return site_client


def pledge_data(**overrides):
    data = {
        "amount": "25",
        "payment_method": "transfer",
        "donor_name": "",
        "public_display": "anonymous",
        "email": "",
        "message": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def translate(page, language):
    """``page``'s published translation into ``language`` (made if missing)."""
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    return translation.specific
