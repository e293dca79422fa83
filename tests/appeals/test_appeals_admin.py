"""The treasurer's admin, through the real admin URLs, scoped per association.

alpha's appeal is shared with beta: a pledge taken on beta's site belongs to
beta. Each editor sees only her association's donors; the coordinator sees
both. Every refusal has a positive control.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sitepages.models import Contribution, Pledge
from tests.network.utils import assert_refused


@pytest.fixture
def pledges(world):
    alpha = Pledge.objects.create(
        association=world.alpha,
        appeal=world.appeal,
        amount=Decimal("40"),
        donor_name="Donatrice Alpha",
        email="alpha-donor@example.org",
        message='=HYPERLINK("http://evil")',
    )
    beta = Pledge.objects.create(
        association=world.beta,
        appeal=world.appeal,
        amount=Decimal("60"),
        donor_name="Donateur Beta",
        email="beta-donor@example.org",
    )
    return alpha, beta


def admin(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_listing_shows_only_own_donors(world, pledges):
    url = reverse("pledges:index")
    html_a = admin(world.editor_a).get(url).content.decode()
    assert "Donatrice Alpha" in html_a
    assert "Donateur Beta" not in html_a
    html_b = admin(world.editor_b).get(url).content.decode()
    assert "Donateur Beta" in html_b
    assert "Donatrice Alpha" not in html_b
    html_c = admin(world.coordinator).get(url).content.decode()
    assert "Donatrice Alpha" in html_c and "Donateur Beta" in html_c


def test_other_associations_pledge_is_refused(world, pledges):
    alpha, _beta = pledges
    for name in ("pledges:edit", "pledges:inspect", "pledges:history"):
        url = reverse(name, args=[alpha.pk])
        assert_refused(admin(world.editor_b).get(url), url, ["Donatrice Alpha"])
        assert admin(world.editor_a).get(url).status_code == 200


def test_shared_appeal_totals_add_both_associations(world, pledges):
    for pledge in pledges:
        pledge.mark_received()
    assert world.appeal.ledger().received == Decimal("100")


def test_batch_mark_received_is_scoped(world, pledges):
    alpha, beta = pledges
    url = reverse("appeals_admin:process")
    response = admin(world.editor_b).post(
        url, {"action": "received", "pledge": [alpha.pk, beta.pk]}
    )
    assert response.status_code == 302
    alpha.refresh_from_db()
    beta.refresh_from_db()
    assert alpha.status == "pledged"  # not beta's to mark
    assert beta.status == "received"
    assert beta.received_at is not None
    admin(world.editor_a).post(url, {"action": "cancel", "pledge": [alpha.pk]})
    alpha.refresh_from_db()
    assert alpha.status == "cancelled"


def test_process_page_lists_only_own_waiting_pledges(world, pledges):
    html = admin(world.editor_a).get(reverse("appeals_admin:process")).content
    assert b"Donatrice Alpha" in html
    assert b"Donateur Beta" not in html


def test_gdpr_erasure_keeps_the_amount(world, pledges):
    alpha, _beta = pledges
    admin(world.editor_a).post(
        reverse("appeals_admin:process"), {"action": "erase", "pledge": [alpha.pk]}
    )
    alpha.refresh_from_db()
    assert alpha.donor_name == alpha.email == alpha.message == ""
    assert alpha.amount == Decimal("40")
    assert alpha.erased_at is not None


def test_csv_export_is_scoped_and_formula_safe(world, pledges):
    response = admin(world.editor_a).get(reverse("pledges:index") + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 2  # header + alpha's pledge
    assert "Donateur Beta" not in body
    message = rows[1][rows[0].index("Message")]
    assert message.startswith("'=")


def test_filters_by_status(world, pledges):
    alpha, _beta = pledges
    alpha.mark_received()
    url = reverse("pledges:index")
    html = admin(world.editor_a).get(url + "?status=pledged").content.decode()
    assert "Donatrice Alpha" not in html
    html = admin(world.editor_a).get(url + "?status=received").content.decode()
    assert "Donatrice Alpha" in html


def statement(text, name="releve.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_bank_statement_preview_and_confirm(world, pledges):
    alpha, beta = pledges
    csv_text = (
        "Date;Libellé;Montant\n"
        f"01/12/2026;VIR SEPA DON {alpha.reference};40,00\n"
        f"01/12/2026;VIR SEPA {beta.reference};60,00\n"
        "02/12/2026;VIR LOYER DECEMBRE;-850,00\n"
    )
    client = admin(world.editor_a)
    url = reverse("appeals_admin:bank_statement")
    response = client.post(url, {"statement": statement(csv_text)})
    assert response.status_code == 200
    matched = response.context["matched"]
    unmatched = response.context["unmatched"]
    assert [line.pledge for line in matched] == [alpha]
    # beta's pledge is not alpha's to see: reported, never guessed
    assert [line.number for line in unmatched] == [3, 4]
    assert "Donateur Beta" not in response.content.decode()
    assert Pledge.objects.get(pk=alpha.pk).status == "pledged"  # preview only
    client.post(url, {"confirm": "1", "pledge": [alpha.pk, beta.pk]})
    assert Pledge.objects.get(pk=alpha.pk).status == "received"
    assert Pledge.objects.get(pk=beta.pk).status == "pledged"


@pytest.mark.parametrize(
    "content",
    ["nom,prix\nx,3\n", "", "\x00\x01\x02", "just one line without separators"],
)
def test_bank_statement_unknown_layout_is_a_clear_error(world, pledges, content):
    response = admin(world.editor_a).post(
        reverse("appeals_admin:bank_statement"), {"statement": statement(content)}
    )
    assert response.status_code == 400
    assert Pledge.objects.filter(status="received").count() == 0


def test_dashboard_panel_counts_waiting_pledges(world, pledges):
    html = admin(world.editor_a).get(reverse("wagtailadmin_home")).content.decode()
    html = html.replace("\u202f", " ").replace("\xa0", " ")
    # the admin speaks French to this editor
    assert "1 promesse en attente, 40" in html and "€" in html


def test_contribution_form_offers_only_own_associations(world, pledges):
    client = admin(world.editor_b)
    response = client.get(reverse("contributions:add"))
    assert response.status_code == 200
    field = response.context["form"].fields["association"]
    assert list(field.queryset) == [world.beta]
    appeals = set(response.context["form"].fields["appeal"].queryset)
    assert world.appeal in appeals  # shared with beta
    assert world.closed not in appeals
    response = client.post(
        reverse("contributions:add"),
        {
            "association": world.alpha.pk,
            "appeal": world.appeal.pk,
            "amount": "10",
            "date": "2026-12-01",
            "source": "cheque",
        },
    )
    assert Contribution.objects.count() == 0
    client.post(
        reverse("contributions:add"),
        {
            "association": world.beta.pk,
            "appeal": world.appeal.pk,
            "amount": "10",
            "date": "2026-12-01",
            "source": "cheque",
            "label": "Concert",
        },
    )
    assert Contribution.objects.get().association == world.beta


def test_contribution_of_another_association_is_refused(world, pledges):
    gift = Contribution.objects.create(
        association=world.alpha, appeal=world.appeal, amount=Decimal("5")
    )
    url = reverse("contributions:edit", args=[gift.pk])
    assert_refused(admin(world.editor_b).get(url), url)
    assert admin(world.editor_a).get(url).status_code == 200


def test_site_history_shows_no_other_associations_pledge(world, pledges):
    alpha, _beta = pledges
    client = admin(world.editor_a)
    client.post(
        reverse("pledges:edit", args=[alpha.pk]),
        {
            "status": "received",
            "received_at": "2026-12-01 10:00",
            "amount": "40",
            "payment_method": "transfer",
            "donor_name": "Donatrice Alpha",
            "email": "alpha-donor@example.org",
            "message": "",
            "public_display": "anonymous",
        },
    )
    url = reverse("wagtailadmin_reports:site_history")
    assert alpha.reference in admin(world.coordinator).get(url).content.decode()
    assert alpha.reference not in admin(world.editor_b).get(url).content.decode()
    assert alpha.reference in admin(world.editor_a).get(url).content.decode()
