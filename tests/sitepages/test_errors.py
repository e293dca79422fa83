"""Styled 404s in the site's language, and no public URL that answers 500."""

import pytest

from network.models import ThemeSettings
from tests.sitepages.conftest import path_of


@pytest.fixture
def themed(network):
    theme = ThemeSettings.for_site(network.alpha.site)
    theme.primary_colour = "#6b2c91"
    theme.display_name = "Alpha solidaire"
    theme.save()
    return theme


def test_404_in_arabic_is_right_to_left_and_themed(network, themed, client_for):
    response = client_for(network.alpha).get("/ar/nothing-here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "--primary:#6b2c91" in html
    assert "Alpha solidaire" in html
    assert 'href="http://alpha.localhost/ar/"' in html or 'href="/ar/"' in html
    assert '<main id="main"' in html
    assert 'href="/ar/search/"' in html


def test_404_in_english_and_french(network, client_for):
    for language in ("en", "fr"):
        response = client_for(network.beta).get(f"/{language}/missing/page/")
        assert response.status_code == 404
        html = response.content.decode()
        assert f'<html lang="{language}" dir="ltr">' in html
        assert "Beta" in html


@pytest.mark.parametrize(
    "url",
    [
        "/xx/",
        "/zz/foo/",
        "/fr/%ff%fe/",
        "/fr/" + "a" * 3000 + "/",
        "/fr/search/?q=%00",
        "/fr/search/?q=" + "%F0%9F%98%80" * 500,
        "/fr/search/?page=abc&q=test",
        "/fr/?page=999999",
        "/fr/?role=<script>",
        "/ar/../../etc/passwd",
        "/ti/",
        "/ps/",
        "/sitemap.xml?p=abc",
        "/sitemap.xml?p=999999",
    ],
)
def test_hostile_urls_never_answer_500(network, client_for, url):
    response = client_for(network.alpha).get(url, follow=True)
    assert response.status_code in (200, 404)


def test_every_page_type_survives_hostile_query_strings(network, pages, client_for):
    hostile = "?page=abc&role=<script>&year=-1&q=%00"
    for key, translations in pages.items():
        association = (
            network.hub if key in ("members", "network_news") else network.alpha
        )
        for page in translations.values():
            response = client_for(association).get(path_of(page) + hostile)
            assert response.status_code == 200, (key, page.locale_id)
            assert "<script>&" not in response.content.decode()


def test_500_template_needs_no_database():
    """The template has no tag that touches the database (it is rendered when
    the database may be down)."""
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert '<section lang="ar" dir="rtl">' in html
    assert "Something went wrong" in html and "Une erreur est survenue" in html
    assert "{%" not in html
