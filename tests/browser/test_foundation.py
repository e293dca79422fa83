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

    # Switching back keeps the visitor on the same page, in French.
    switch_language(page, "fr")
    assert html.get_attribute("dir") == "ltr"
    assert "Vos droits, pas à pas" in page.content()


def logo_loaded(page, selector):
    """True when the image at ``selector`` was fetched and decoded."""
    return page.evaluate(
        "selector => { const image = document.querySelector(selector); "
        "return !!image && image.complete && image.naturalWidth > 0; }",
        selector,
    )


def test_homes_show_off_on_desktop_and_phone_in_french_and_arabic(
    page, demo_network, axe, screenshot
):
    """The restyled hub and member homes: logos, two-column hero on a
    desktop, the layout each site chose, icons beside their text, the link
    back to the network; mirrored in Arabic, 0 axe-core violations."""
    problems = []
    for viewport, suffix in ((DESKTOP_VIEWPORT, ""), (PHONE_VIEWPORT, "-mobile")):
        page.set_viewport_size(viewport)
        for slug, name in (("plateforme", "hub"), ("exod", "member")):
            for language in ("fr", "ar"):
                where = f"{slug} /{language}/ {viewport['width']}px"
                response = page.goto(demo_network.url(slug, f"/{language}/"))
                assert response.status == 200, where
                assert logo_loaded(page, ".site-brand__logo"), f"logo on {where}"
                # icons come from the local sprite and sit beside a text
                icons = page.locator("svg.icon")
                assert icons.count() > 0, where
                assert icons.first.get_attribute("aria-hidden") == "true"
                root = "document.documentElement"
                overflow = page.evaluate(f"{root}.scrollWidth - {root}.clientWidth")
                if overflow > 0:
                    problems.append(f"{where} scrolls sideways by {overflow}px")
                violations, report = axe(page)
                if violations:
                    problems.append(f"axe-core on {where}:\n{report}")
                screenshot(page, f"{name}-{language}{suffix}.png")
    # The member site links back to the hub, in the visitor's language.
    page.set_viewport_size(DESKTOP_VIEWPORT)
    page.goto(demo_network.url("exod", "/fr/"))
    back = page.locator(".site-footer__network a")
    assert "Plateforme des Soutiens du Littoral" in back.inner_text()
    assert back.get_attribute("href") == demo_network.url("plateforme", "/fr/")
    # EXOD chose the "columns" layout: news beside the links on a desktop.
    news = page.locator(".home__columns .latest-updates").bounding_box()
    links = page.locator(".home__columns .home__links").bounding_box()
    assert news and links and abs(news["y"] - links["y"]) < 5
    assert links["x"] > news["x"] + news["width"] - 1
    # The hub ("split" layout): the logo panel beside the welcome text.
    page.goto(demo_network.url("plateforme", "/fr/"))
    text = page.locator(".hero__text").bounding_box()
    media = page.locator(".hero__media").bounding_box()
    assert media["x"] > text["x"] + text["width"] - 1
    assert logo_loaded(page, ".hero__logo")
    # Its members page shows every member's logo.
    page.goto(demo_network.url("plateforme", "/fr/membres/"))
    assert page.locator(".member__logo").count() == 3
    for index in range(3):
        assert (
            page.locator(".member__logo")
            .nth(index)
            .evaluate("i => i.complete && i.naturalWidth > 0")
        )
    violations, report = axe(page)
    if violations:
        problems.append(f"axe-core on the members page:\n{report}")
    screenshot(page, "hub-members-fr.png")
    assert not problems, "\n".join(problems)


def test_action_plan_table_shows_that_it_scrolls_on_a_phone(
    page, demo_network, axe, screenshot
):
    page.set_viewport_size(PHONE_VIEWPORT)
    page.goto(demo_network.url("plateforme", "/ar/plan-d-action-2024-2026/"))
    region = page.locator(".table-scroll").first
    hint = page.locator(".table-scroll__hint").first
    assert hint.is_visible()
    # the table is wider than its region, which scrolls and takes the focus
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('table-scroll')")
    name = page.evaluate(
        "document.getElementById("
        "document.activeElement.getAttribute('aria-labelledby')).textContent"
    )
    assert name.strip()
    # no axis heading repeats its number
    for heading in page.locator(".plan-axis h2").all_inner_texts():
        number = heading.split("·")[0].strip()
        assert heading.count(number) == 1, heading
    region.scroll_into_view_if_needed()
    screenshot(page, "plan-ar-mobile.png")
    violations, report = axe(page)
    assert violations == [], report


def test_pages_fit_a_small_phone_in_both_directions(page, demo_network, axe):
    page.set_viewport_size(PHONE_VIEWPORT)
    problems = []
    for slug, path in [
        ("toit-commun", "/ar/plan-contre-les-expulsions/"),
        ("plateforme", "/en/plan-d-action-2024-2026/"),
    ]:
        response = page.goto(demo_network.url(slug, path))
        assert response.status == 200, path
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
