"""Home page updates, news index, and the hub's members and network news."""

import datetime

import pytest

from sitepages.models import MembersPage, NetworkNewsPage, NewsIndexPage, UpdatePage
from tests.factories import make_association
from tests.sitepages.conftest import (
    add_page,
    add_updates,
    home_of,
    ntr,
    path_of,
    tr,
    translate,
)


@pytest.fixture
def news(network):
    """A news index on alpha (fr) and on beta (fr)."""
    return {
        "alpha": add_page(home_of(network.alpha), NewsIndexPage, title="Actualités"),
        "beta": add_page(home_of(network.beta), NewsIndexPage, title="Nouvelles"),
    }


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_home_shows_the_three_latest_updates_of_its_own_site(network, news, client_for):
    add_updates(news["alpha"], 5, prefix="Alpha news")
    add_updates(news["beta"], 2, prefix="Beta news")
    html = html_of(client_for(network.alpha).get("/fr/"))
    assert "Alpha news 4" in html and "Alpha news 3" in html and "Alpha news 2" in html
    assert "Alpha news 1" not in html
    assert "Beta news" not in html
    assert html.index("Alpha news 4") < html.index("Alpha news 2")
    assert f'href="{path_of(news["alpha"])}"' in html  # "All updates"


def test_home_shows_only_updates_in_its_language(network, news, client_for):
    (update,) = add_updates(news["alpha"], 1, prefix="Seulement en français")
    html = html_of(client_for(network.alpha).get("/en/"))
    assert "Seulement en français" not in html
    assert tr("en", "No update has been published yet.") in html
    translate(news["alpha"], "en", title="News")
    translate(update, "en", title="Only in English now")
    html = html_of(client_for(network.alpha).get("/en/"))
    assert "Only in English now" in html


def test_drafts_and_private_updates_are_not_listed(network, news, client_for):
    published, private = add_updates(news["alpha"], 2, prefix="Visible")
    draft = UpdatePage(
        title="Brouillon", slug="brouillon", summary="x", date=datetime.date.today()
    )
    news["alpha"].add_child(instance=draft)
    draft.unpublish()
    private.get_view_restrictions().model.objects.create(
        page=private, restriction_type="password", password="secret"
    )
    html = html_of(client_for(network.alpha).get(path_of(news["alpha"])))
    assert "Visible 0" in html
    assert "Visible 1" not in html
    assert "Brouillon" not in html


def test_news_index_paginates_and_survives_bad_page_numbers(network, news, client_for):
    add_updates(news["alpha"], 12)
    client = client_for(network.alpha)
    url = path_of(news["alpha"])
    first = html_of(client.get(url))
    assert first.count('class="update"') == 10
    assert tr("fr", "Page %(number)s of %(total)s", number=1, total=2) in first
    second = html_of(client.get(url + "?page=2"))
    assert second.count('class="update"') == 2
    for bad in ("abc", "999999", "-3", "0", "1.5", "%00", "9" * 40):
        response = client.get(url, {"page": bad})
        assert response.status_code == 200, bad


@pytest.fixture
def hub_pages(network):
    hub_home = home_of(network.hub)
    return {
        "members": add_page(hub_home, MembersPage, title="Membres"),
        "network_news": add_page(hub_home, NetworkNewsPage, title="Réseau"),
    }


def test_network_news_aggregates_every_site_with_association_names(
    network, news, hub_pages, client_for
):
    add_updates(news["alpha"], 2, prefix="Alpha", start=datetime.date(2026, 1, 1))
    add_updates(news["beta"], 2, prefix="Beta", start=datetime.date(2026, 2, 1))
    html = html_of(client_for(network.hub).get(path_of(hub_pages["network_news"])))
    assert html.count('class="update"') == 4
    # newest first, across sites
    assert html.index("Beta 1") < html.index("Beta 0") < html.index("Alpha 1")
    assert '<span class="update__source">Alpha</span>' in html
    assert '<span class="update__source">Beta</span>' in html
    # links to another site are absolute
    assert 'href="http://alpha.localhost/fr/actualites/alpha-0/"' in html


def test_network_news_shows_the_current_language_only(
    network, news, hub_pages, client_for
):
    (update,) = add_updates(news["alpha"], 1, prefix="Nouvelle")
    translate(news["alpha"], "ar", title="أخبار")
    translate(update, "ar", title="خبر جديد")
    arabic_news = translate(hub_pages["network_news"], "ar", title="أخبار الشبكة")
    html = html_of(client_for(network.hub).get(path_of(arabic_news)))
    assert "خبر جديد" in html
    assert ">Nouvelle 0</a>" not in html
    assert '<html lang="ar" dir="rtl">' in html


def test_network_news_paginates(network, news, hub_pages, client_for):
    add_updates(news["alpha"], 11)
    client = client_for(network.hub)
    url = path_of(hub_pages["network_news"])
    assert html_of(client.get(url)).count('class="update"') == 10
    assert html_of(client.get(url + "?page=2")).count('class="update"') == 1
    assert client.get(url + "?page=abc").status_code == 200
    assert client.get(url + "?page=999999").status_code == 200


def test_members_page_lists_members_not_the_hub(network, hub_pages, client_for):
    network.alpha.city = "Calais"
    network.alpha.save()
    html = html_of(client_for(network.hub).get(path_of(hub_pages["members"])))
    assert (
        ntr(
            "fr", "%(counter)s member association", "%(counter)s member associations", 2
        )
        in html
    )
    assert 'href="http://alpha.localhost/fr/"' in html
    assert 'href="http://beta.localhost/fr/"' in html
    assert "Calais" in html
    assert html.count('class="card member"') == 2
    assert 'href="http://localhost/fr/"' not in html
    # languages by their own names
    assert '<li lang="ar">العربيّة</li>' in html
    assert '<li lang="en">English</li>' in html
    assert '<li lang="fr">français</li>' in html


def test_members_page_shows_the_introduction_in_the_visitor_language(
    network, hub_pages, client_for
):
    alpha_fr = home_of(network.alpha)
    alpha_fr.introduction = "Nous accueillons les personnes exilées."
    alpha_fr.save_revision().publish()
    alpha_en = home_of(network.alpha, "en")
    alpha_en.introduction = "We welcome exiled people."
    alpha_en.save_revision().publish()
    members_en = translate(hub_pages["members"], "en", title="Members")
    html = html_of(client_for(network.hub).get(path_of(members_en)))
    assert '<p lang="en">We welcome exiled people.</p>' in html
    assert 'href="http://alpha.localhost/en/"' in html
    members_ar = translate(hub_pages["members"], "ar", title="الأعضاء")
    html = html_of(client_for(network.hub).get(path_of(members_ar)))
    # Alpha's Arabic home has no introduction yet
    assert "We welcome exiled people." not in html
    assert 'href="http://alpha.localhost/ar/"' in html


def test_members_page_links_to_a_language_the_member_publishes_in(
    network, hub_pages, client_for
):
    make_association("gamma", name="Gamma", languages=["fr"])
    members_en = translate(hub_pages["members"], "en", title="Members")
    html = html_of(client_for(network.hub).get(path_of(members_en)))
    assert 'href="http://gamma.localhost/fr/" hreflang="fr"' in html
