"""Sites an association would show off (issue 8, §3 and §4): logos, home
layouts, icons, the link back to the network, and the first-use fixes
(titles, French grammar, action plan headings and tables, the admin)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Workflow

from network.models import HomeLayout, ThemeSettings
from network.provisioning import workflow_names
from sitepages.models import ActionPlanPage, ContentPage, without_label
from tests.sitepages.conftest import (
    SAMPLE_AXES,
    add_page,
    home_of,
    path_of,
    publish,
)

ROOT = Path(__file__).resolve().parents[2]
LOGO_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" '
    b'height="96"><rect width="96" height="96" rx="18" fill="#fff"/>'
    b'<circle cx="48" cy="48" r="30" fill="#6a2c70"/></svg>'
)


def svg_logo(association):
    image = get_image_model()(
        title=f"Logo {association.name}",
        collection=association.root_collection,
        file=ContentFile(LOGO_SVG, name=f"logo-{association.slug}.svg"),
    )
    image.save()
    return image


def set_theme(association, **values):
    theme = ThemeSettings.for_site(association.site)
    for name, value in values.items():
        setattr(theme, name, value)
    theme.save()
    return theme


def title_tag(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


# Titles and wording -----------------------------------------------------------


def test_home_page_title_names_the_site_once(network, pages, client_for):
    client = client_for(network.alpha)
    assert home_of(network.alpha).title == "Alpha"
    assert title_tag(client.get("/fr/").content.decode()) == "Alpha"
    # other pages keep the site's name after their own
    content = pages["content"]["fr"]
    html = client.get(path_of(content)).content.decode()
    assert title_tag(html) == "Nos missions · Alpha"
    # a home page whose title differs from the site's name keeps both
    set_theme(network.alpha, display_name="Alpha solidaire")
    assert title_tag(client.get("/fr/").content.decode()) == "Alpha · Alpha solidaire"


def test_members_page_link_reads_right_in_french(network, pages, client_for):
    html = client_for(network.hub).get(path_of(pages["members"]["fr"])).content
    html = html.decode()
    assert "Visiter le site de l’association Alpha" in html
    assert "Visiter le site de Alpha" not in html
    with translation.override("fr"):
        phrase = translation.gettext("Visit the site of %(name)s") % {
            "name": "Les Cuisines des Dunes"
        }
    assert "de Les" not in phrase


# Action plan ------------------------------------------------------------------


def test_axis_heading_shows_its_number_once(network, client_for):
    axes = [dict(axis, value=dict(axis["value"])) for axis in SAMPLE_AXES]
    axes[0]["value"]["title"] = "Axe 1 — Un filet de sécurité"
    axes[1]["value"]["title"] = "Un toit pour tous"
    plan = add_page(
        home_of(network.alpha),
        ActionPlanPage,
        title="Plan numéroté",
        start_year=2024,
        end_year=2026,
        axes=axes,
    )
    html = client_for(network.alpha).get(path_of(plan)).content.decode()
    assert '<h2 id="axis-1">Axe 1 · Un filet de sécurité</h2>' in html
    assert '<h2 id="axis-2">Axe 2 · Un toit pour tous</h2>' in html
    assert "Axe 1 · Axe 1" not in html


def test_without_label_only_strips_the_same_number():
    assert without_label("Axe 1 — Aller vers", "Axe 1") == "Aller vers"
    assert without_label("axe 1 : droits", "Axe 1") == "droits"
    assert without_label("Axe 10 — Former", "Axe 1") == "Axe 10 — Former"
    assert without_label("Objectif 1.12 Loger", "Objectif 1.1") == (
        "Objectif 1.12 Loger"
    )
    assert without_label("Axe 1", "Axe 1") == "Axe 1"  # never an empty title


def test_plan_table_scrolls_in_a_labelled_focusable_region(network, pages, client_for):
    html = client_for(network.alpha).get(path_of(pages["plan"]["fr"])).content.decode()
    region = re.search(r'<div class="table-scroll"[^>]*>', html).group(0)
    assert 'role="region"' in region and 'tabindex="0"' in region
    assert 'aria-labelledby="caption-1-1"' in region
    assert 'aria-describedby="hint-1-1"' in region
    assert '<caption id="caption-1-1">' in html
    hint = re.search(r'<p class="table-scroll__hint" id="hint-1-1">(.*?)</p>', html)
    assert "Faites glisser le tableau sur le côté" in hint.group(1)
    css = (ROOT / "static/css/site.css").read_text()
    assert ".table-scroll__hint" in css and "overflow-x: auto" in css


# Identity: logos --------------------------------------------------------------


def test_svg_logo_shows_in_the_header_and_on_the_members_page(
    network, pages, client_for
):
    logo = svg_logo(network.alpha)
    set_theme(network.alpha, logo=logo)
    html = client_for(network.alpha).get("/fr/").content.decode()
    header = re.search(r'<a class="site-brand".*?</a>', html, re.S).group(0)
    img = re.search(r'<img class="site-brand__logo"[^>]*>', header).group(0)
    assert re.search(r'src="/media/images/logo-alpha[^"]*\.svg"', img)
    assert 'alt=""' in img  # the name beside it says who it is
    assert 'height="48"' in img
    assert "Alpha" in header

    members = client_for(network.hub).get(path_of(pages["members"]["fr"]))
    html = members.content.decode()
    assert members.status_code == 200
    cards = html.split('<li class="card member">')[1:]
    alpha = next(card for card in cards if ">Alpha</a>" in card)
    beta = next(card for card in cards if ">Beta</a>" in card)
    assert re.search(r'<img class="member__logo" src="[^"]*\.svg"', alpha)
    assert "member__logo" not in beta  # no logo, no empty image


def test_svg_is_an_accepted_image_format(settings):
    assert "svg" in settings.WAGTAILIMAGES_EXTENSIONS


def test_content_page_shows_its_hero_image(network, client_for):
    image = svg_logo(network.alpha)
    page = add_page(
        home_of(network.alpha), ContentPage, title="Avec image", hero_image=image
    )
    html = client_for(network.alpha).get(path_of(page)).content.decode()
    assert re.search(r'<img[^>]*class="page-hero__image"', html) or re.search(
        r'class="page-hero__image"[^>]*>', html
    )
    plain = add_page(home_of(network.alpha), ContentPage, title="Sans image")
    html = client_for(network.alpha).get(path_of(plain)).content.decode()
    assert "page-hero__image" not in html


# Layouts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "layout,present,absent",
    [
        ("split", ["update-list--cards", "hero--split"], ["home__columns"]),
        ("banner", ["hero--banner"], ["update-list--cards", "home__columns"]),
        ("columns", ["home__columns", "card-grid--stack"], ["update-list--cards"]),
    ],
)
def test_the_theme_chooses_the_home_layout(
    network, pages, client_for, layout, present, absent
):
    home = home_of(network.alpha)
    home.featured_links = [
        {"type": "link", "value": {"title": "Plan", "page": pages["plan"]["fr"].pk}}
    ]
    publish(home)
    set_theme(network.alpha, home_layout=layout)
    html = client_for(network.alpha).get("/fr/").content.decode()
    assert f'class="page-home home--{layout}"' in html
    for marker in present:
        assert marker in html, (layout, marker)
    for marker in absent:
        assert marker not in html, (layout, marker)
    # the latest update is there whatever the layout
    assert "Nouvelle permanence" in html


def test_layout_defaults_to_split_with_three_choices():
    field = ThemeSettings._meta.get_field("home_layout")
    assert field.default == HomeLayout.SPLIT
    assert [value for value, _label in field.choices] == ["split", "banner", "columns"]


# Icons ------------------------------------------------------------------------


def test_icons_come_from_the_committed_lucide_sprite():
    sprite = (ROOT / "static/icons/sprite.svg").read_text()
    assert "lucide-static" in sprite
    assert (ROOT / "static/icons/LICENSE-lucide.txt").read_text().startswith("ISC")
    symbols = re.findall(r'<symbol id="([a-z0-9-]+)"', sprite)
    for name in ("phone", "navigation", "share-2", "printer", "arrow-right"):
        assert name in symbols
    # subset: only what the sites use, not Lucide's 1,600 icons
    assert len(symbols) < 40
    html = Template('{% load icon_tags %}{% icon "phone" %}').render(Context())
    assert html.startswith('<svg class="icon" aria-hidden="true"')
    assert '<use href="/static/icons/sprite.svg#phone"/>' in html
    with pytest.raises(TemplateSyntaxError):
        Template('{% load icon_tags %}{% icon "no-such-icon" %}').render(Context())


def test_icons_sit_beside_their_text(network, client_for):
    set_theme(
        network.alpha,
        contact_phone="+33 3 20 00 00 21",
        donation_url="https://dons.example/",
    )
    html = client_for(network.alpha).get("/fr/").content.decode()
    icon = (
        r'<svg class="icon[^"]*" aria-hidden="true"[^>]*>'
        r'<use href="[^"]*#{}"/></svg>'
    )
    assert re.search(icon.format("phone") + r" Téléphone", html)
    assert re.search(icon.format("heart") + r" Faire un don", html)
    assert re.search(icon.format("newspaper") + r" Dernières actualités", html)


# Network: the way back to the hub, one news list on the hub -------------------


def test_member_sites_link_back_to_the_hub(network, client_for):
    html = client_for(network.alpha).get("/ar/").content.decode()
    link = re.search(r'<p class="site-footer__network">(.*?)</p>', html, re.S)
    assert link, "no link to the network"
    assert 'href="http://localhost/ar/"' in link.group(1)
    assert "عضو في شبكة Plateforme" in link.group(1)
    html = client_for(network.alpha).get("/fr/").content.decode()
    assert "Membre du réseau Plateforme</a>" in html
    # the hub itself has no such link
    hub = client_for(network.hub).get("/fr/").content.decode()
    assert "site-footer__network" not in hub


def test_hub_home_lists_the_network_news_once(network, pages, client_for):
    html = client_for(network.hub).get("/fr/").content.decode()
    section = re.search(r'<section class="latest-updates".*?</section>', html, re.S)
    assert section and html.count('class="latest-updates"') == 1
    # a member's update, named with its association
    assert "Nouvelle permanence" in section.group(0)
    assert '<span class="update__source">Alpha</span>' in section.group(0)
    assert f'href="{path_of(pages["network_news"]["fr"])}"' in section.group(0)
    # a member's home keeps its own news only
    member = client_for(network.beta).get("/fr/").content.decode()
    assert "Nouvelle permanence" not in member


# Admin ------------------------------------------------------------------------


def test_workflow_names_read_as_french(network, client_for):
    workflow_name, task_name = workflow_names(network.alpha)
    assert workflow_name == "validation par l’association Alpha"
    assert task_name == "validation des modérateurs de l’association Alpha"
    assert Workflow.objects.filter(name=workflow_name).exists()
    client = client_for(network.alpha, network.editor_a)
    page = add_page(home_of(network.alpha), ContentPage, title="À relire")
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Soumettre à validation par l’association Alpha" in html
    assert " approval" not in html


def test_language_names_follow_the_interface_language(network, client_for):
    with translation.override("fr"):
        assert str(dict(settings.LANGUAGES)["en"]) == "anglais"
        assert Locale.objects.get(language_code="ar").get_display_name() == "arabe"
    with translation.override("en"):
        assert str(dict(settings.LANGUAGES)["ar"]) == "Arabic"
    client = client_for(network.alpha, network.editor_a)
    html = client.get(f"/admin/pages/{home_of(network.alpha, 'ar').pk}/edit/")
    assert "arabe" in html.content.decode()


def test_the_roots_are_named_after_the_platform(db):
    assert Page.get_first_root_node().title == settings.WAGTAIL_SITE_NAME
    assert Collection.get_first_root_node().name == settings.WAGTAIL_SITE_NAME


def test_new_content_pages_stay_out_of_menus_until_asked(network, client_for):
    client = client_for(network.alpha, network.editor_a)
    home = home_of(network.alpha)
    html = client.get(f"/admin/pages/add/sitepages/contentpage/{home.pk}/").content
    field = re.search(rb'<input[^>]*name="show_in_menus"[^>]*>', html).group(0)
    assert b"checked" not in field
    assert ContentPage().show_in_menus is False


def test_admin_avatars_never_come_from_gravatar(network, client_for, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    html = client_for(network.alpha, network.editor_a).get("/admin/").content
    assert b"gravatar" not in html.lower()


def test_admin_login_and_account_speak_french(network, client_for):
    html = client_for(network.alpha).get("/admin/login/").content.decode()
    assert 'lang="fr"' in html
    assert "Mot de passe" in html
    assert re.search(r">\s*Password\s*<", html) is None
    client = client_for(network.alpha, network.editor_a)
    html = client.get("/admin/account/").content.decode()
    assert re.search(r">\s*(Password|Root)\s*<", html) is None
    html = client.get(f"/admin/pages/{home_of(network.alpha).pk}/").content.decode()
    assert re.search(r">\s*(Password|Root)\s*<", html) is None


def test_moderators_choose_the_layout_in_the_theme_form(network, client_for):
    client = client_for(network.alpha, network.moderator_a)
    url = f"/admin/settings/network/themesettings/{network.alpha.site.pk}/"
    form = client.get(url).content.decode()
    assert 'name="home_layout"' in form
    fields = {"display_name": "Alpha", "primary_colour": "#1d4e89", "logo": ""}
    response = client.post(url, {**fields, "home_layout": "columns"})
    assert response.status_code == 302
    assert ThemeSettings.for_site(network.alpha.site).home_layout == "columns"
    assert "home__columns" in client_for(network.alpha).get("/fr/").content.decode()
    # an unknown layout is refused with a message, and nothing changes
    response = client.post(url, {**fields, "home_layout": "carousel"})
    assert response.status_code == 200
    assert "carousel" in response.content.decode()
    assert ThemeSettings.for_site(network.alpha.site).home_layout == "columns"
    # a form that says nothing of the layout keeps the default one
    response = client.post(url, fields)
    assert response.status_code == 302
    assert ThemeSettings.for_site(network.alpha.site).home_layout == "split"
