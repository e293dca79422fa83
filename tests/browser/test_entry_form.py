"""The directory entry form in Chromium: a pin placed and the hours built
with the keyboard only, then saved; screenshots for the editor guide.

Tiles point at a local URL (no external request); the pin does not need them.
"""

import re

import pytest
from django.contrib.auth import get_user_model

from directory.models import Organisation

pytestmark = pytest.mark.browser

ADD = "/admin/snippets/directory/organisation/add/"
PASSWORD = "un-mot-de-passe-assez-long"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR"}


@pytest.fixture
def moderator(small_network, settings):
    settings.DIRECTORY_MAP_TILE_URL = "/static/directory/tiles/{z}/{x}/{y}.png"
    # Wagtail 8 autosaves drafts; a save racing the keyboard save would
    # make this test depend on timing.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    exod = small_network.associations["exod"]
    user = get_user_model().objects.create_user(
        "moderatrice", "moderatrice@example.org", PASSWORD
    )
    user.groups.add(exod.moderators_group)
    return user


def login(page, network):
    page.goto(network.url("exod", "/admin/login/"))
    page.fill("#id_username", "moderatrice")
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_pin_and_hours_with_the_keyboard(page, small_network, moderator, screenshot):
    login(page, small_network)
    page.goto(small_network.url("exod", ADD))
    page.focus("#id_name")
    page.keyboard.type("Douches du port")
    # Categories: the first checkbox, ticked with the space bar.
    page.focus("input[name=categories]")
    page.keyboard.press("Space")
    # "Place and hours" tab, opened from the keyboard.
    tab = page.get_by_role("tab", name=re.compile("Lieu|Place"))
    tab.focus()
    page.keyboard.press("Enter")
    page.focus("#id_address")
    page.keyboard.type("12 rue des Dunes")
    # Show the map, focus it, move the pin with the arrow keys.
    show = page.get_by_role("button", name="Montrer sur la carte").first
    show.focus()
    page.keyboard.press("Enter")
    map_box = page.locator(".directory-map-picker__map").first
    map_box.wait_for(state="visible")
    map_box.focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")
    latitude = page.input_value("#id_latitude")
    longitude = page.input_value("#id_longitude")
    assert latitude and longitude
    assert 50.0 < float(latitude) < 52.0 and 1.0 < float(longitude) < 3.0
    map_box.scroll_into_view_if_needed()
    screenshot(page, "directory-entry-form-map.png")
    # Hours: Monday to Friday 9–12 and 14–17, Saturday morning, PH closed.
    for day in ("mo", "tu", "we", "th", "fr"):
        page.focus(f"input[name=opening_hours-{day}-start-0]")
        page.keyboard.type("9")
        page.keyboard.press("Tab")
        page.keyboard.type("12")
        page.keyboard.press("Tab")
        page.keyboard.type("14")
        page.keyboard.press("Tab")
        page.keyboard.type("17")
    page.focus("input[name=opening_hours-sa-start-0]")
    page.keyboard.type("10:00")
    page.keyboard.press("Tab")
    page.keyboard.type("12:00")
    page.focus("select[name=opening_hours-ph]")
    page.keyboard.press("ArrowDown")
    summary = page.locator("[data-directory-hours-target=summary]").first
    expected = "Du lundi au vendredi 9 h–12 h et 14 h–17 h; Samedi 10 h–12 h"
    page.wait_for_function(
        "([el, text]) => el.textContent.startsWith(text)",
        arg=[summary.element_handle(), expected],
    )
    page.set_viewport_size({"width": 1280, "height": 1400})
    screenshot(page, "directory-entry-form.png")
    # Let the last preview request finish (the live server shares one
    # SQLite connection between its threads).
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    # Save from the keyboard (the action menu's first button saves a draft).
    page.locator("footer button[type=submit]").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/organisation/(edit/\d+/)?$"))
    entry = Organisation.objects.get(name="Douches du port")
    assert entry.opening_hours == (
        "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00; PH off"
    )
    assert entry.latitude == pytest.approx(float(latitude))
    assert entry.longitude == pytest.approx(float(longitude))


def test_languages_search(page, small_network, moderator, screenshot):
    login(page, small_network)
    page.goto(small_network.url("exod", ADD))
    tab = page.get_by_role("tab", name=re.compile("Qui|Who"))
    tab.focus()
    page.keyboard.press("Enter")
    search = page.locator(".directory-languages__search").first
    search.focus()
    page.keyboard.type("tigr")
    visible = page.locator(".directory-languages__options label:visible")
    assert visible.count() == 1
    assert "ትግርኛ" in visible.first.text_content()
    screenshot(page, "directory-entry-form-languages.png")
