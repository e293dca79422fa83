"""A shared appeal: alpha's appeal names beta as a partner, and beta shows it
on its own site with an alias. Pledges taken there belong to beta, the totals
add both, each treasurer sees only her donors, and an alias on the site of an
association that is no partner takes no pledge."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from sitepages.models import AppealIndexPage, Pledge
from tests.appeals.conftest import pledge_data


@pytest.fixture(autouse=True)
def _no_rate_limit():
    cache.clear()
    with override_settings(PLEDGE_RATE_LIMIT="1000/m"):
        yield


def alias_on(world, association):
    alias = world.appeal.create_alias(parent=association.site.root_page)
    return alias.specific


def admin(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_partner_takes_pledges_on_its_own_site(world, client_on):
    alias = alias_on(world, world.beta)
    beta_site = client_on(world.beta)
    page = beta_site.get(f"/fr/{alias.slug}/")
    assert page.status_code == 200
    assert '<form method="post"' in page.content.decode()
    response = beta_site.post(f"/fr/{alias.slug}/", pledge_data(amount="60"))
    assert response.status_code == 303
    assert beta_site.get(response["Location"]).status_code == 200
    pledge = Pledge.objects.get()
    assert pledge.association == world.beta
    # the same code is no confirmation on alpha's site: not alpha's donor
    alpha_url = f"/fr/{world.appeal.slug}/confirmation/{pledge.reference}/"
    assert client_on(world.alpha).get(alpha_url).status_code == 404
    # alpha's own pledge, then both add up on either page
    client_on(world.alpha).post(f"/fr/{world.appeal.slug}/", pledge_data(amount="40"))
    for each in Pledge.objects.all():
        each.mark_received()
    assert world.appeal.ledger().received == Decimal("100")
    assert alias.ledger().received == Decimal("100")


def test_alias_on_a_site_that_is_no_partner_takes_no_pledge(world, client_on):
    alias = alias_on(world, world.hub)
    hub_site = client_on(world.hub)
    response = hub_site.post(f"/fr/{alias.slug}/", pledge_data())
    assert response.status_code == 400
    assert Pledge.objects.count() == 0
    assert "Ce site ne reçoit pas de promesses" in response.content.decode()
    # positive control: the partner's alias takes it
    partner = alias_on(world, world.beta)
    response = client_on(world.beta).post(f"/fr/{partner.slug}/", pledge_data())
    assert response.status_code == 303


def test_each_treasurer_sees_only_her_donors_coordinators_see_all(world, client_on):
    alias = alias_on(world, world.beta)
    client_on(world.beta).post(
        f"/fr/{alias.slug}/", pledge_data(donor_name="Donateur Beta")
    )
    client_on(world.alpha).post(
        f"/fr/{world.appeal.slug}/", pledge_data(donor_name="Donatrice Alpha")
    )
    url = reverse("pledges:index") + f"?appeal={world.appeal.pk}"
    html_a = admin(world.editor_a).get(url).content.decode()
    html_b = admin(world.editor_b).get(url).content.decode()
    html_c = admin(world.coordinator).get(url).content.decode()
    assert "Donatrice Alpha" in html_a and "Donateur Beta" not in html_a
    assert "Donateur Beta" in html_b and "Donatrice Alpha" not in html_b
    assert "Donatrice Alpha" in html_c and "Donateur Beta" in html_c


def test_hub_lists_a_shared_appeal_once(world, client_on):
    alias_on(world, world.beta)
    listing = AppealIndexPage(title="Appels", slug="appels")
    world.hub.site.root_page.add_child(instance=listing)
    listing.save_revision().publish()
    html = client_on(world.hub).get("/fr/appels/").content.decode()
    assert html.count(f">{world.appeal.title}</a>") == 1
    assert world.appeal_b.title in html
