"""The foundation in a real browser: the hub and a member site, in French and
in Arabic, switched with the language switcher; right-to-left layout,
accessibility (axe-core, WCAG 2.2 AA) and screenshots for the README."""

import pytest

from tests.browser.conftest import DESKTOP_VIEWPORT, PHONE_VIEWPORT

pytestmark = pytest.mark.browser


def brand_box(page):
    return page.locator(".site-brand").bounding_box()


def assert_accessible(axe, page, where):
    violations, report = axe(page)
    assert violations == [], f"axe-core on {where}:\n{report}"


def switch_language(page, code):
    page.locator(f'.language-switcher a[hreflang="{code}"]').click()
    page.wait_for_load_state()


def test_hub_and_member_site_in_french_and_arabic(page, demo_network, axe, screenshot):
    # The hub, in French: left-to-right, the brand on the left.
    response = page.goto(demo_network.url("plateforme", "/fr/"))
    assert response.status == 200
    html = page.locator("html")
    assert html.get_attribute("lang") == "fr"
    assert html.get_attribute("dir") == "ltr"
    assert (
        "Plateforme des Soutiens du Littoral"
        in page.locator(".site-brand").inner_text()
    )
    assert brand_box(page)["x"] < DESKTOP_VIEWPORT["width"] / 2
    assert_accessible(axe, page, "hub home (fr)")
    screenshot(page, "hub-fr.png")

    # The member site, switched to Arabic with the language switcher.
    page.goto(demo_network.url("exod", "/fr/"))
    assert "EXOD Lille" in page.locator(".site-brand").inner_text()
    switch_language(page, "ar")
    assert page.url == demo_network.url("exod", "/ar/")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Mirrored layout: the brand now starts on the right-hand side.
    box = brand_box(page)
    assert box["x"] + box["width"] > DESKTOP_VIEWPORT["width"] / 2
    assert box["x"] > DESKTOP_VIEWPORT["width"] / 4
    assert "حقوقك، خطوة بخطوة" in page.content()
    assert_accessible(axe, page, "member home (ar)")
    screenshot(page, "member-ar.png")

    # Switching back keeps the visitor on the same page, in French.
    switch_language(page, "fr")
    assert html.get_attribute("dir") == "ltr"
    assert "Vos droits, pas à pas" in page.content()


def test_pages_fit_a_small_phone_in_both_directions(
    page, demo_network, axe, screenshot
):
    page.set_viewport_size(PHONE_VIEWPORT)
    problems = []
    for slug, path, name in [
        ("plateforme", "/fr/", "hub-fr-mobile.png"),
        ("exod", "/ar/", "member-ar-mobile.png"),
        ("toit-commun", "/ar/plan-contre-les-expulsions/", None),
        ("plateforme", "/en/plan-d-action-2024-2026/", None),
    ]:
        response = page.goto(demo_network.url(slug, path))
        assert response.status == 200, path
        if name:
            screenshot(page, name)
        # Nothing wider than the screen: no sideways scrolling on a phone.
        root = "document.documentElement"
        overflow = page.evaluate(f"{root}.scrollWidth - {root}.clientWidth")
        if overflow > 0:
            problems.append(f"{slug}{path} scrolls sideways by {overflow}px")
        violations, report = axe(page)
        if violations:
            problems.append(f"axe-core on {slug}{path} (phone):\n{report}")
    assert not problems, "\n".join(problems)


def test_a_small_network_serves_each_site_on_its_own_hostname(page, small_network):
    """The lighter fixture other browser tests can build on."""
    for slug, name in [("plateforme", "Plateforme"), ("exod", "EXOD Lille")]:
        response = page.goto(small_network.url(slug, "/ar/"))
        assert response.status == 200
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert name in page.locator(".site-brand").inner_text()
