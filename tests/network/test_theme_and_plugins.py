"""Per-site theme settings and the plugin registry."""

import re

import pytest
from wagtail import hooks

from network.colours import contrast_with_white
from network.models import ThemeSettings
from network.plugins import NetworkPlugin, is_page_type_enabled
from tests.network.utils import assert_refused

THEME_FIELDS = {
    "display_name": "Alpha au quotidien",
    "tagline": "",
    "logo": "",
    "contact_email": "",
    "contact_phone": "",
    "address": "",
    "facebook_url": "",
    "instagram_url": "",
    "mastodon_url": "",
    "footer_text": "",
    "donation_url": "",
}


def theme_url(side):
    return f"/admin/settings/network/themesettings/{side.association.site.pk}/"


def test_low_contrast_colour_is_refused_with_its_ratio(world, as_user):
    client = as_user(world.alpha.moderator)
    colour = "#7fb3d5"  # a light blue: white text on it is hard to read
    ratio = f"{contrast_with_white(colour):.2f}:1"
    response = client.post(
        theme_url(world.alpha), {**THEME_FIELDS, "primary_colour": colour}
    )
    assert response.status_code == 200, "a low-contrast colour was saved"
    body = response.content.decode()
    assert ratio in body, f"the error does not give the ratio {ratio}"
    assert re.search(r"4[.,]5", body), "the error does not give the 4.5:1 minimum"
    theme = ThemeSettings.for_site(world.alpha.association.site)
    assert theme.primary_colour != colour


@pytest.mark.parametrize("colour", ["#7fb3d5", "#ffffff", "#777777"])
def test_low_contrast_colours_are_refused_by_the_model(world, colour):
    from django.core.exceptions import ValidationError

    theme = ThemeSettings.for_site(world.alpha.association.site)
    theme.primary_colour = colour
    with pytest.raises(ValidationError) as error:
        theme.full_clean()
    assert f"{contrast_with_white(colour):.2f}:1" in str(error.value)


@pytest.mark.parametrize("colour", ["blue", "#12345", "#gggggg", ""])
def test_malformed_colour_gets_a_form_error(world, as_user, colour):
    client = as_user(world.alpha.moderator)
    response = client.post(
        theme_url(world.alpha), {**THEME_FIELDS, "primary_colour": colour}
    )
    assert response.status_code == 200, f"{colour!r} was accepted"
    assert "primary_colour" in response.content.decode()


def test_good_colour_is_saved_and_shown_only_on_that_site(world, as_user, client_for):
    client = as_user(world.alpha.moderator)
    colour = "#7a1f5c"
    assert contrast_with_white(colour) >= 4.5
    response = client.post(
        theme_url(world.alpha), {**THEME_FIELDS, "primary_colour": colour}
    )
    assert response.status_code == 302, "a readable colour was refused"
    assert ThemeSettings.for_site(world.alpha.association.site).primary_colour == (
        colour
    )

    alpha_home = client_for(world.alpha.association).get("/fr/")
    beta_home = client_for(world.beta.association).get("/fr/")
    assert alpha_home.status_code == beta_home.status_code == 200
    assert f"--primary:{colour}" in alpha_home.content.decode()
    assert "Alpha au quotidien" in alpha_home.content.decode()
    assert colour not in beta_home.content.decode(), "beta's site shows alpha's"
    assert "Alpha au quotidien" not in beta_home.content.decode()


def test_theme_of_other_site_cannot_be_posted(world, as_user):
    client = as_user(world.alpha.moderator)
    url = theme_url(world.beta)
    assert_refused(client.post(url, {**THEME_FIELDS, "primary_colour": "#000000"}), url)
    assert ThemeSettings.for_site(world.beta.association.site).display_name == ""


# Plugin registry -------------------------------------------------------------


def fake_plugin():
    return NetworkPlugin(
        name="fakeplugin", label="Fake plugin", page_types=["sitepages.ContentPage"]
    )


@pytest.fixture
def content_pages_are_a_plugin(world):
    """ContentPage belongs to "fakeplugin", enabled for alpha only."""
    alpha, beta = world.alpha.association, world.beta.association
    alpha.plugins = [*alpha.plugins, "fakeplugin"]
    alpha.save(update_fields=["plugins"])
    with hooks.register_temporarily("register_network_plugin", fake_plugin):
        yield
    assert "fakeplugin" not in beta.plugins


def test_disabled_plugin_page_type_is_not_offered(
    world, as_user, content_pages_are_a_plugin
):
    from sitepages.models import ContentPage

    beta_root = world.beta.root
    assert not is_page_type_enabled(ContentPage, world.beta.association)
    assert is_page_type_enabled(ContentPage, world.alpha.association)
    assert not ContentPage.can_create_at(beta_root.specific)
    assert ContentPage.can_create_at(world.alpha.root.specific)

    alpha_choices = as_user(world.alpha.editor).get(
        f"/admin/pages/{world.alpha.root.pk}/add_subpage/"
    )
    assert "/add/sitepages/contentpage/" in alpha_choices.content.decode()

    beta_client = as_user(world.beta.editor, world.beta)
    beta_choices = beta_client.get(f"/admin/pages/{beta_root.pk}/add_subpage/")
    body = beta_choices.content.decode()
    assert beta_choices.status_code in (200, 302)
    assert "/add/sitepages/contentpage/" not in body, (
        "beta is offered a page type of a plugin it disabled"
    )


def test_disabled_plugin_page_cannot_be_created_by_url(
    world, as_user, content_pages_are_a_plugin
):
    from sitepages.models import ContentPage

    url = f"/admin/pages/add/sitepages/contentpage/{world.beta.root.pk}/"
    client = as_user(world.beta.moderator, world.beta)
    before = ContentPage.objects.count()
    response = client.get(url)
    assert response.status_code in (302, 403), f"{url} answered {response.status_code}"
    response = client.post(url, {"title": "Sneaky", "slug": "sneaky"})
    assert response.status_code in (302, 403)
    assert ContentPage.objects.count() == before

    own = f"/admin/pages/add/sitepages/contentpage/{world.alpha.root.pk}/"
    assert as_user(world.alpha.moderator).get(own).status_code == 200


def test_create_association_validates_plugin_names(world):
    from django.core.exceptions import ValidationError

    from network.provisioning import validate_plugins

    with hooks.register_temporarily("register_network_plugin", fake_plugin):
        assert validate_plugins(["fakeplugin"]) == ["fakeplugin"]
    with pytest.raises(ValidationError, match="Unknown plugin"):
        validate_plugins(["fakeplugin"])
