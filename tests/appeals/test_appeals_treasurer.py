"""The treasurer's admin beyond the basics: per-appeal filters across
translations, one-by-one processing reached from a pledge, edits that keep the
ledger sound, pledges nobody adds or deletes, offline gifts only for appeals
the association runs or shares, and bank statements in awkward shapes."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sitepages.models import Contribution, Pledge
from tests.appeals.conftest import translate
from tests.network.utils import assert_refused


def admin(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.fixture
def pledges(world):
    arabic = translate(world.appeal, "ar")
    on_french = Pledge.objects.create(
        association=world.alpha,
        appeal=world.appeal,
        amount=Decimal("40"),
        donor_name="Donatrice Alpha",
        payment_method="cheque",
    )
    on_arabic = Pledge.objects.create(
        association=world.alpha,
        appeal=arabic,
        amount=Decimal("25"),
        donor_name="Donatrice Arabe",
        payment_method="transfer",
    )
    beta = Pledge.objects.create(
        association=world.beta,
        appeal=world.appeal_b,
        amount=Decimal("60"),
        donor_name="Donateur Beta",
    )
    return on_french, on_arabic, beta


def test_per_appeal_filter_counts_every_translation(world, pledges):
    url = reverse("pledges:index")
    client = admin(world.editor_a)
    html = client.get(f"{url}?appeal={world.appeal.pk}").content.decode()
    assert "Donatrice Alpha" in html and "Donatrice Arabe" in html
    html = client.get(f"{url}?payment_method=cheque").content.decode()
    assert "Donatrice Alpha" in html and "Donatrice Arabe" not in html
    choices = client.get(url).context["filters"].form.fields["appeal"].queryset
    assert set(choices) == {world.appeal, world.closed}  # one per appeal, own


def test_filters_with_garbage_never_answer_500(world, pledges):
    url = reverse("pledges:index")
    for query in ("appeal=abc", "appeal=99999999999999999999", "status=zz"):
        response = admin(world.editor_a).get(f"{url}?{query}")
        assert response.status_code == 200


def test_one_pledge_is_processed_from_its_id(world, pledges):
    on_french, _arabic, beta = pledges
    url = reverse("appeals_admin:process")
    response = admin(world.editor_a).get(f"{url}?id={on_french.pk}")
    assert response.status_code == 200
    assert on_french.reference in response.content.decode()
    assert_refused(admin(world.editor_a).get(f"{url}?id={beta.pk}"), url)


@pytest.mark.parametrize("ids", [["99999999999999999999999"], ["-1", "x", ""]])
def test_impossible_ids_change_nothing(world, pledges, ids):
    client = admin(world.editor_a)
    process = client.post(
        reverse("appeals_admin:process"), {"action": "received", "pledge": ids}
    )
    assert process.status_code == 302
    confirm = client.post(
        reverse("appeals_admin:bank_statement"), {"confirm": "1", "pledge": ids}
    )
    assert confirm.status_code == 302
    assert Pledge.objects.filter(status="received").count() == 0


def test_marking_received_in_the_edit_form_dates_it(world, pledges):
    on_french, _arabic, _beta = pledges
    url = reverse("pledges:edit", args=[on_french.pk])
    form = {
        "status": "received",
        "received_at": "",
        "amount": "40",
        "payment_method": "cheque",
        "donor_name": "Donatrice Alpha",
        "email": "",
        "message": "",
        "public_display": "anonymous",
    }
    client = admin(world.editor_a)
    response = client.post(url, {**form, "amount": "-5"})
    assert response.status_code == 200
    on_french.refresh_from_db()
    assert on_french.status == "pledged" and on_french.amount == Decimal("40")
    assert client.post(url, form).status_code == 302
    on_french.refresh_from_db()
    assert on_french.status == "received" and on_french.received_at is not None
    assert world.appeal.ledger().received == Decimal("40")
    client.post(url, {**form, "status": "cancelled"})
    on_french.refresh_from_db()
    assert on_french.received_at is None


def test_nobody_adds_or_deletes_a_pledge_in_the_admin(world, pledges):
    on_french, _arabic, _beta = pledges
    superuser = get_user_model().objects.create_superuser("root", "r@example.org")
    for user in (world.coordinator, superuser, world.editor_a):
        client = admin(user)
        add = reverse("pledges:add")
        assert_refused(client.get(add), add)
        delete = reverse("pledges:delete", args=[on_french.pk])
        assert_refused(client.post(delete), delete)
        # positive control: the same user opens the pledge
        edit = reverse("pledges:edit", args=[on_french.pk])
        assert client.get(edit).status_code == 200
    assert Pledge.objects.filter(pk=on_french.pk).exists()


def test_offline_gift_only_for_an_appeal_the_association_takes_part_in(world):
    client = admin(world.coordinator)
    gift = {"amount": "30", "date": "2026-12-01", "source": "event", "label": "Bal"}
    response = client.post(
        reverse("contributions:add"),
        {**gift, "association": world.hub.pk, "appeal": world.appeal.pk},
    )
    assert response.status_code == 200
    assert Contribution.objects.count() == 0
    client.post(
        reverse("contributions:add"),
        {**gift, "association": world.beta.pk, "appeal": world.appeal.pk},
    )
    assert Contribution.objects.get().association == world.beta  # a partner


def upload(client, content, name="releve.csv"):
    return client.post(
        reverse("appeals_admin:bank_statement"),
        {"statement": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def test_statement_in_utf16_and_english_amounts_is_read(world, pledges):
    on_french, _arabic, _beta = pledges
    text = (
        "Date\tDescription\tAmount\n"
        f"2026-12-01\tDONATION {on_french.reference} MRS Ö\t40.00\n"
        "2026-12-02\tRENT\t-1,234.56\n"
    )
    response = upload(admin(world.editor_a), text.encode("utf-16"))
    assert response.status_code == 200
    assert [line.pledge for line in response.context["matched"]] == [on_french]
    [rent] = response.context["unmatched"]
    assert rent.amount == Decimal("-1234.56")


def test_statement_amount_that_differs_is_reported_not_matched(world, pledges):
    on_french, _arabic, _beta = pledges
    text = f"Libellé;Montant\nCHQ {on_french.reference};45,00\n"
    response = upload(admin(world.editor_a), text.encode("cp1252"))
    assert response.status_code == 200
    assert response.context["matched"] == []
    [line] = response.context["unmatched"]
    assert line.pledge == on_french and "diffère" in line.problem


@pytest.mark.parametrize(
    "content",
    [
        b"label;amount\n" + b"a;1\n" * 5 + b"x" * 200_000 + b";1\n",
        "Libellé;Montant\nx;1\n".encode("utf-16")[:-1],
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
        b"label,amount\n" + b'"never closed,1\n' * 3,
        b"x" * (2 * 1024 * 1024 + 10),
    ],
)
def test_malformed_statements_are_refused_clearly(world, pledges, content):
    response = upload(admin(world.editor_a), content)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.context["matched"] == []
    else:
        assert response.context["form"].errors["statement"]
    assert Pledge.objects.filter(status="received").count() == 0


def test_impossible_appeal_id_in_the_gift_form_is_a_form_error(world):
    client = admin(world.editor_a)
    response = client.post(
        reverse("contributions:add"),
        {
            "association": world.alpha.pk,
            "appeal": "99999999999999999999",
            "amount": "30",
            "date": "2026-12-01",
            "source": "cash",
        },
    )
    assert response.status_code == 200
    assert "appeal" in response.context["form"].errors
    assert Contribution.objects.count() == 0


def test_appeal_editor_links_to_its_pledges(world, pledges):
    _french, on_arabic, _beta = pledges
    link = reverse("pledges:index") + f"?appeal={world.appeal.pk}"
    for page in (world.appeal, on_arabic.appeal):
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        html = admin(world.editor_a).get(edit).content.decode()
        assert link in html.replace("&amp;", "&")
    home = reverse("wagtailadmin_pages:edit", args=[world.alpha.site.root_page.pk])
    assert link not in admin(world.editor_a).get(home).content.decode()
    html = admin(world.editor_a).get(link).content.decode()
    assert "Donatrice Alpha" in html and "Donatrice Arabe" in html


def test_treasurer_forms_are_the_networks_scoped_forms(world):
    from network.forms import AssociationScopedFormMixin

    response = admin(world.editor_b).get(reverse("contributions:add"))
    form = response.context["form"]
    assert isinstance(form, AssociationScopedFormMixin)
    assert form.fields["association"].initial == world.beta.pk  # her only one
    assert set(form.fields["appeal"].queryset) == {world.appeal, world.appeal_b}
    pledge = Pledge.objects.create(
        association=world.beta, appeal=world.appeal_b, amount=Decimal("5")
    )
    edit = admin(world.editor_b).get(reverse("pledges:edit", args=[pledge.pk]))
    assert isinstance(edit.context["form"], AssociationScopedFormMixin)


def test_listings_write_amounts_for_the_reader(world, pledges):
    Contribution.objects.create(
        association=world.alpha, appeal=world.appeal, amount=Decimal("1240.50")
    )
    client = admin(world.editor_a)
    for url, amount in (
        (reverse("pledges:index"), "40 €"),
        (reverse("contributions:index"), "1 240,50 €"),
    ):
        html = client.get(url).content.decode()
        assert amount in html.replace("\u202f", " ").replace("\xa0", " ")
