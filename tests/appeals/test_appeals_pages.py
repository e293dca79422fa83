"""The public appeal page: progress, tiers, the pledge form, confirmation."""

import re
from decimal import Decimal

from django.core import mail

from sitepages.models import Contribution, Pledge
from tests.appeals.conftest import pledge_data


def text(response):
    """The page's HTML with Babel's narrow and no-break spaces as spaces."""
    return response.content.decode().replace("\u202f", " ").replace("\xa0", " ")


def url(page, lang="fr"):
    return f"/{lang}/{page.slug}/"


def test_open_appeal_shows_progress_and_form(world, client_on):
    response = client_on(world.alpha).get(url(world.appeal))
    assert response.status_code == 200
    html = text(response)
    assert re.search(r'<progress[^>]*value="0(\.00)?"[^>]*max="2100(\.00)?"', html)
    assert '<form method="post"' in html
    assert 'name="amount"' in html
    assert "2 100 €" in html  # tier, in French
    assert "un numéro imprimé" in html


def test_closed_appeal_shows_no_form(world, client_on):
    response = client_on(world.alpha).get(url(world.closed))
    assert response.status_code == 200
    assert '<form method="post"' not in response.content.decode()
    assert "<progress" in response.content.decode()


def test_pledge_redirects_to_confirmation(world, client_on):
    client = client_on(world.alpha)
    response = client.post(
        url(world.appeal), pledge_data(amount="40,50", email="ana@example.org")
    )
    assert response.status_code == 303
    pledge = Pledge.objects.get()
    assert pledge.amount == Decimal("40.50")
    assert pledge.association == world.alpha
    assert pledge.status == "pledged"
    assert response["Location"].endswith(f"/confirmation/{pledge.reference}/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert pledge.reference in html
    assert "FR76 3000 6000 0112 3456 7890 189" in html
    assert "62100 Calais" not in html  # only the chosen way to give
    assert len(mail.outbox) == 1
    assert pledge.reference in mail.outbox[0].body
    assert "Merci d’avoir promis 40,50" in mail.outbox[0].body
    assert "Votre promesse" in mail.outbox[0].subject


def test_confirmation_and_email_in_arabic(world, client_on):
    from wagtail.models import Locale

    arabic = world.appeal.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.save_revision().publish()
    client = client_on(world.alpha)
    response = client.post(
        f"/ar/{arabic.slug}/",
        pledge_data(amount="10", email="a@example.org", payment_method="cheque"),
    )
    assert response.status_code == 303
    assert response["Location"].startswith("/ar/")
    html = client.get(response["Location"]).content.decode()
    assert 'dir="rtl"' in html
    assert "شكرًا على تعهدك" in html
    assert "62100 Calais" in html  # the cheque address, as chosen
    assert "شكرًا لتعهدك" in mail.outbox[0].body
    # every translation shares one ledger
    Pledge.objects.get().mark_received()
    assert world.appeal.ledger().received == Decimal("10")


def test_pledged_money_is_not_received(world, client_on):
    client = client_on(world.alpha)
    client.post(url(world.appeal), pledge_data(amount="100"))
    Contribution.objects.create(
        association=world.alpha, appeal=world.appeal, amount=Decimal("50")
    )
    pledge = Pledge.objects.get()
    totals = world.appeal.ledger()
    assert totals.received == Decimal("50")
    assert totals.pledged == Decimal("100")
    pledge.mark_received()
    totals = world.appeal.ledger()
    assert totals.received == Decimal("150")
    assert totals.pledged == Decimal("0")
    assert totals.supporters == 2
    html = text(client.get(url(world.appeal)))
    assert re.search(r'<progress[^>]*value="150(\.00)?"', html)
    assert "2 100 €" in html


def test_unknown_confirmation_code_is_404(world, client_on):
    client = client_on(world.alpha)
    for code in ["ZZZZZZZZ", "../../etc", "%00", "A" * 300]:
        response = client.get(url(world.appeal) + f"confirmation/{code}/")
        assert response.status_code == 404


def test_hub_lists_every_open_appeal(world, client_on):
    from sitepages.models import AppealIndexPage

    listing = AppealIndexPage(title="Appels", slug="appels")
    world.hub.site.root_page.add_child(instance=listing)
    listing.save_revision().publish()
    Contribution.objects.create(
        association=world.beta, appeal=world.appeal_b, amount=Decimal("670")
    )
    response = client_on(world.hub).get("/fr/appels/")
    assert response.status_code == 200
    html = text(response)
    assert world.appeal.title in html and world.appeal_b.title in html
    assert world.closed.title not in html
    assert re.search(r'<progress[^>]*value="670(\.00)?"[^>]*max="6700(\.00)?"', html)
    assert not AppealIndexPage.can_create_at(world.alpha.site.root_page)


def test_progress_block_on_any_page(world, client_on):
    from sitepages.models import ContentPage

    page = ContentPage(
        title="Soutenir",
        slug="soutenir",
        body=[
            (
                "appeal_progress",
                {"appeal": world.appeal, "heading": "Aidez-nous"},
            )
        ],
    )
    world.alpha.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    Contribution.objects.create(
        association=world.alpha, appeal=world.appeal, amount=Decimal("210")
    )
    html = text(client_on(world.alpha).get("/fr/soutenir/"))
    assert "Aidez-nous" in html
    assert re.search(r'<progress[^>]*value="210(\.00)?"[^>]*max="2100(\.00)?"', html)
    assert "0.1 numéros" in html or "0,1 numéros" in html
