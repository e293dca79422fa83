"""sitemap.xml and robots.txt answer for the requested site only."""

import re

import pytest

from sitepages.models import ContentPage
from tests.sitepages.conftest import add_in_all_languages, add_page, home_of


@pytest.fixture
def trees(network):
    alpha = add_in_all_languages(
        home_of(network.alpha),
        ContentPage,
        titles={"fr": "Missions alpha", "en": "Alpha missions", "ar": "مهام"},
    )
    beta = add_page(home_of(network.beta), ContentPage, title="Missions beta")
    return {"alpha": alpha, "beta": beta}


def locations(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))


def test_sitemap_lists_this_site_in_every_language(network, trees, client_for):
    urls = locations(client_for(network.alpha).get("/sitemap.xml"))
    assert urls == {
        "http://alpha.localhost/fr/",
        "http://alpha.localhost/en/",
        "http://alpha.localhost/ar/",
        "http://alpha.localhost/fr/missions-alpha/",
        "http://alpha.localhost/en/missions-alpha/",
        "http://alpha.localhost/ar/missions-alpha/",
    }
    beta_urls = locations(client_for(network.beta).get("/sitemap.xml"))
    assert "http://beta.localhost/fr/missions-beta/" in beta_urls
    assert not any("alpha" in url for url in beta_urls)
    hub_urls = locations(client_for(network.hub).get("/sitemap.xml"))
    assert hub_urls == {
        "http://localhost/fr/",
        "http://localhost/en/",
        "http://localhost/ar/",
    }


def test_sitemap_leaves_out_drafts_and_private_pages(network, trees, client_for):
    trees["alpha"]["en"].unpublish()
    private = trees["alpha"]["ar"]
    private.get_view_restrictions().model.objects.create(
        page=private, restriction_type="password", password="secret"
    )
    urls = locations(client_for(network.alpha).get("/sitemap.xml"))
    assert "http://alpha.localhost/fr/missions-alpha/" in urls
    assert "http://alpha.localhost/en/missions-alpha/" not in urls
    assert "http://alpha.localhost/ar/missions-alpha/" not in urls


def test_project_sitemap_never_lists_another_site(network, trees, client_for):
    """/sitemap.xml as routed today by network/urls.py."""
    urls = locations(client_for(network.alpha).get("/sitemap.xml"))
    assert "http://alpha.localhost/fr/missions-alpha/" in urls
    assert not any("beta" in url or "//localhost" in url for url in urls)


@pytest.mark.parametrize("association", ["hub", "alpha", "beta"])
def test_robots_txt_points_to_the_site_sitemap(network, client_for, association):
    target = getattr(network, association)
    response = client_for(target).get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert f"Sitemap: {target.site.root_url}/sitemap.xml" in body
