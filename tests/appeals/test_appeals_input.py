"""Amounts typed the reader's way, ways to give, hostile input that must
never answer 500, and what the public page shows (named supporters, no
third-party script)."""

import re
from decimal import Decimal
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from sitepages.appeals.formatting import AmountError, parse_amount
from sitepages.models import Pledge
from tests.appeals.conftest import pledge_data, translate

READ_AS = [
    ("fr", "25", "25"),
    ("fr", "25,50", "25.50"),
    ("fr", "1 240", "1240"),
    ("fr", "1\u202f240,50", "1240.50"),
    ("fr", "1.240,50", "1240.50"),
    ("en", "1,000", "1000"),
    ("en", "€1,240.50", "1240.50"),
    ("ar", "٢٥٫٥٠", "25.50"),
    ("ar", "١٬٢٠٠", "1200"),
    ("fr", "25 €", "25"),
]

# (language, typed, French message start) - every one refused, nothing stored
HOSTILE = [
    "1e9",
    "1E2",
    "0x10",
    "NaN",
    "sNaN",
    "-Infinity",
    "١e٣",
    "-0",
    "--5",
    "12,3,4",
    "1,00,000",
    "25\x00",
    "9" * 20,
    "9" * 5000,
    "0.001",
    "1,000",  # a French reader's decimal comma: three decimals
    "1.000",
    "10000000000",
]


@pytest.fixture(autouse=True)
def _no_rate_limit():
    cache.clear()
    with override_settings(PLEDGE_RATE_LIMIT="1000/m"):
        yield


def post(client_on, world, data, lang="fr", page=None, association=None):
    page = page or world.appeal
    if lang != "fr":
        page = translate(page, lang)
    client = client_on(association or world.alpha)
    return client.post(f"/{lang}/{page.slug}/", data)


@pytest.mark.parametrize("language,typed,expected", READ_AS)
def test_amounts_are_read_the_readers_way(language, typed, expected):
    assert parse_amount(typed, language)[0] == Decimal(expected)


def test_a_thousands_separator_is_read_for_the_readers_language():
    assert parse_amount("1,000", "en") == (Decimal("1000"), 0)
    assert parse_amount("1,000", "fr") == (Decimal("1.000"), 3)
    for typed in ("1e9", "0x10", "NaN", "1_000", "", "  ", "٢٥a"):
        with pytest.raises(AmountError):
            parse_amount(typed, "fr")


def test_english_reader_pledges_a_thousand(world, client_on):
    response = post(client_on, world, pledge_data(amount="1,000"), lang="en")
    assert response.status_code == 303
    assert Pledge.objects.get().amount == Decimal("1000.00")


def test_arabic_reader_pledges_in_arabic_digits(world, client_on):
    response = post(client_on, world, pledge_data(amount="٢٥٫٥٠"), lang="ar")
    assert response.status_code == 303
    assert Pledge.objects.get().amount == Decimal("25.50")


@pytest.mark.parametrize("amount", HOSTILE)
def test_hostile_amounts_are_refused_without_500(world, client_on, amount):
    response = post(client_on, world, pledge_data(amount=amount))
    assert response.status_code == 200
    assert Pledge.objects.count() == 0
    assert "errorlist" in response.content.decode()


def test_too_many_decimals_says_so_in_french(world, client_on):
    html = post(client_on, world, pledge_data(amount="1,000")).content.decode()
    assert "Utilisez au plus 2 décimales." in html


def test_huge_amount_says_the_maximum_in_arabic(world, client_on):
    response = post(client_on, world, pledge_data(amount="1e9"), lang="ar")
    assert response.status_code == 200
    assert Pledge.objects.count() == 0
    assert "أدخل مبلغًا بالأرقام" in response.content.decode()


@override_settings(PLEDGE_MAX_AMOUNT="1e30")
def test_a_maximum_above_the_ledger_is_capped(world, client_on):
    response = post(client_on, world, pledge_data(amount="99999999999"))
    assert response.status_code == 200
    assert Pledge.objects.count() == 0
    assert post(client_on, world, pledge_data(amount="5000")).status_code == 303


def test_only_the_ways_to_give_the_appeal_explains_are_offered(world, client_on):
    world.appeal.payment_url = ""
    world.appeal.save_revision().publish()
    html = client_on(world.alpha).get(f"/fr/{world.appeal.slug}/").content.decode()
    assert 'value="transfer"' in html and 'value="cheque"' in html
    assert 'value="online"' not in html
    response = post(client_on, world, pledge_data(payment_method="online"))
    assert response.status_code == 200
    assert Pledge.objects.count() == 0
    response = post(client_on, world, pledge_data(payment_method="cheque"))
    assert response.status_code == 303


def test_a_failing_mail_server_keeps_the_pledge(world, client_on):
    with mock.patch(
        "sitepages.appeals.emails.send_mail", side_effect=OSError("no server")
    ):
        response = post(client_on, world, pledge_data(email="a@example.org"))
    assert response.status_code == 303
    pledge = Pledge.objects.get()
    page = client_on(world.alpha).get(response["Location"])
    assert page.status_code == 200
    assert pledge.reference in page.content.decode()
    assert mail.outbox == []


def test_named_supporters_are_thanked_anonymous_ones_are_not(world, client_on):
    post(client_on, world, pledge_data(donor_name="Nadia", public_display="name"))
    post(client_on, world, pledge_data(donor_name="Secret", public_display="anonymous"))
    post(client_on, world, pledge_data(donor_name="Karim", public_display="name"))
    Pledge.objects.get(donor_name="Karim").cancel()
    html = client_on(world.alpha).get(f"/fr/{world.appeal.slug}/").content.decode()
    assert "Merci à celles et ceux qui nous soutiennent" in html
    assert "Nadia" in html
    assert "Secret" not in html
    assert "Karim" not in html
    Pledge.objects.get(donor_name="Nadia").erase_personal_data()
    html = client_on(world.alpha).get(f"/fr/{world.appeal.slug}/").content.decode()
    assert "Nadia" not in html


def test_appeal_page_loads_no_third_party_script(world, client_on):
    html = client_on(world.alpha).get(f"/fr/{world.appeal.slug}/").content.decode()
    sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
    assert all(not re.match(r"(https?:)?//", src) for src in sources), sources
    assert "helloasso" not in " ".join(sources)
    link = re.search(r'<a href="https://www\.helloasso\.com[^"]*"([^>]*)>', html)
    assert link is not None
    assert 'target="_blank"' in link.group(1)
    assert "noopener" in link.group(1)


def test_english_page_formats_amounts_and_units_in_english(world, client_on):
    from sitepages.models import Contribution

    Contribution.objects.create(
        association=world.alpha, appeal=world.appeal, amount=Decimal("2940")
    )
    english = translate(world.appeal, "en")
    english.impact_unit_name = "issues"
    english.save_revision().publish()
    html = client_on(world.alpha).get(f"/en/{english.slug}/").content.decode()
    assert "€2,940" in html
    assert "1.4 issues funded" in html
    french = client_on(world.alpha).get(f"/fr/{world.appeal.slug}/").content.decode()
    assert "1,4 numéros" in french


@pytest.mark.parametrize(
    "method,path",
    [
        ("put", ""),
        ("delete", ""),
        ("get", "confirmation/%E2%80%AE/"),
        ("get", "confirmation/" + "A" * 5000 + "/"),
        ("get", "?amount=5"),
    ],
)
def test_odd_requests_never_answer_500(world, client_on, method, path):
    client = client_on(world.alpha)
    response = getattr(client, method)(f"/fr/{world.appeal.slug}/{path}")
    assert response.status_code in (200, 404, 405)
    assert Pledge.objects.count() == 0


def test_this_months_money_is_shown_beside_the_total(world, client_on):
    import datetime

    from sitepages.models import Contribution

    long_ago = datetime.date.today() - datetime.timedelta(days=70)
    Contribution.objects.create(
        association=world.alpha,
        appeal=world.appeal,
        amount=Decimal("500"),
        date=long_ago,
    )
    post(client_on, world, pledge_data(amount="30"))
    Pledge.objects.get().mark_received()
    totals = world.appeal.ledger()
    assert totals.received == Decimal("530")
    assert totals.received_this_month == Decimal("30")
    html = client_on(world.alpha).get(f"/fr/{world.appeal.slug}/").content.decode()
    assert re.search(r"Reçu ce mois-ci</dt><dd>30\W*€", html)


def test_payment_details_are_the_same_in_every_language():
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    from sitepages.models import AppealPage

    kinds = {f.field_name: f for f in get_translatable_fields(AppealPage)}
    for name in ("iban", "bic", "payment_url", "cheque_address", "goal"):
        assert isinstance(kinds[name], SynchronizedField), name
    assert not isinstance(kinds["summary"], SynchronizedField)


@pytest.mark.parametrize(
    "body",
    [
        b"amount=%FF%FE&consent=on&payment_method=transfer",
        b"amount=25&consent=on&payment_method=transfer&donor_name=%C3%28%A0",
        b"amount=25&consent=on&payment_method=transfer&message=%00%01",
        b"\xff\xfe\x00garbage",
    ],
)
def test_badly_encoded_forms_never_answer_500(world, client_on, body):
    response = client_on(world.alpha).post(
        f"/fr/{world.appeal.slug}/",
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 303)
    if response.status_code == 200:
        assert Pledge.objects.count() == 0
    else:  # stored text is valid (replacement characters, no NUL)
        pledge = Pledge.objects.get()
        assert "\x00" not in pledge.message
