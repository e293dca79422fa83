"""Every page type renders in fr, en and ar with the right lang and dir, inside
an accessible layout themed by the site's settings."""

import pytest
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from network.models import ThemeSettings
from sitepages.models import ContentPage
from tests.sitepages.conftest import LANGUAGES, add_page, home_of, path_of, publish

HUB_KEYS = ["members", "network_news"]
ALL_KEYS = ["home", "content", "plan", "news", "update"] + HUB_KEYS


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_page_type_renders_in_each_language(network, pages, client_for, key):
    association = network.hub if key in HUB_KEYS else network.alpha
    client = client_for(association)
    for language in LANGUAGES:
        page = pages[key][language]
        assert path_of(page).startswith(f"/{language}/")
        response = client.get(path_of(page))
        assert response.status_code == 200
        html = response.content.decode()
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert escape(page.title) in html
        assert f"sitepages/{page._meta.model_name}" not in html  # no debug output
        # one h1, landmarks and the skip link
        assert html.count("<h1") == 1
        for landmark in ('<header class="site-header">', '<main id="main"', "<footer"):
            assert landmark in html
        assert '<a class="skip-link" href="#main">' in html


def test_language_switcher_and_alternates_point_to_translations(
    network, pages, client_for
):
    html = client_for(network.alpha).get(path_of(pages["content"]["en"])).content
    html = html.decode()
    for language in LANGUAGES:
        url = path_of(pages["content"][language])
        assert f'hreflang="{language}" href="http://alpha.localhost{url}"' in html
    french = path_of(pages["content"]["fr"])
    assert f'hreflang="x-default" href="http://alpha.localhost{french}"' in html
    # the current language is marked, not linked; the others link to the page
    assert 'aria-current="true">English</span>' in html
    assert (
        f'<a href="{path_of(pages["content"]["ar"])}" hreflang="ar" lang="ar"' in html
    )


def test_language_switcher_falls_back_to_the_home_page(network, client_for):
    page = add_page(home_of(network.alpha), ContentPage, title="Seulement fr")
    html = client_for(network.alpha).get(path_of(page)).content.decode()
    assert '<a href="/ar/" hreflang="ar"' in html
    assert 'rel="alternate" hreflang="ar"' not in html


def test_menu_shows_pages_marked_for_menus_in_the_current_language(
    network, pages, client_for
):
    for language in LANGUAGES:
        page = pages["content"][language]
        page.show_in_menus = True
        publish(page)
    pages["plan"]["fr"].show_in_menus = False
    publish(pages["plan"]["fr"])
    html = client_for(network.alpha).get("/ar/").content.decode()
    menu = html.split('class="site-nav__menu"')[1].split("</nav>")[0]
    assert "مهامنا" in menu
    assert "Nos missions" not in menu
    assert "خطة العمل" not in menu
    html = client_for(network.alpha).get(path_of(pages["content"]["ar"])).content
    assert 'aria-current="page">مهامنا</a>' in html.decode()


def test_theme_drives_colour_logo_and_footer(network, pages, client_for):
    theme = ThemeSettings.for_site(network.alpha.site)
    theme.primary_colour = "#7a1f3d"
    theme.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    theme.contact_email = "contact@alpha.example"
    theme.contact_phone = "03 21 00 00 00"
    theme.address = "1 rue du Port\n62100 Calais"
    theme.mastodon_url = "https://mastodon.example/@alpha"
    theme.footer_text = "Association loi 1901"
    theme.donation_url = "https://dons.example/alpha"
    theme.save()
    html = client_for(network.alpha).get("/fr/").content.decode()
    assert "--primary:#7a1f3d" in html
    assert 'class="site-brand__logo"' in html and 'alt=""' in html
    assert 'href="mailto:contact@alpha.example"' in html
    assert 'href="tel:0321000000"' in html
    assert "62100 Calais" in html
    assert 'rel="me noopener">Mastodon</a>' in html
    assert "Association loi 1901" in html
    assert 'href="https://dons.example/alpha"' in html
    # another site keeps its own theme
    other = client_for(network.beta).get("/fr/").content.decode()
    assert "#7a1f3d" not in other and "dons.example" not in other


def test_home_page_hero_and_featured_links(network, pages, client_for):
    home = home_of(network.alpha)
    home.hero_title = "Personne ne reste seul"
    home.hero_text = "Nous accompagnons les personnes exilées."
    home.hero_cta_label = "Nos missions"
    home.hero_cta_page = pages["content"]["fr"]
    home.introduction = "Créée en 2011."
    home.featured_links = [
        {"type": "link", "value": {"title": "Plan", "page": pages["plan"]["fr"].pk}},
        {"type": "link", "value": {"title": "Dons", "url": "https://dons.example/"}},
    ]
    publish(home)
    html = client_for(network.alpha).get("/fr/").content.decode()
    assert '<h1 id="page-title">Personne ne reste seul</h1>' in html
    assert f'class="button button--light" href="{path_of(pages["content"]["fr"])}"' in (
        html
    )
    assert "Créée en 2011." in html
    assert f'<a href="{path_of(pages["plan"]["fr"])}">Plan</a>' in html
    assert '<a href="https://dons.example/">Dons</a>' in html


def test_hero_button_needs_a_target(network):
    from django.core.exceptions import ValidationError

    home = home_of(network.alpha)
    home.hero_cta_label = "Venir"
    with pytest.raises(ValidationError):
        home.clean()
