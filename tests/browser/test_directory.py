"""The partner directory in a real browser (Debian's Chromium).

In Arabic: filter by category and "open now", check the right-to-left layout,
open a detail page; show the map and see its markers (tiles come from a local
address that does not exist, as when the tile server is unreachable); use
"Use my position"; and with JavaScript off, the list and the filters still
work. Screenshots go to docs/screenshots/directory-*.png.
"""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from directory.models import StatusChoices
from directory.pages import DirectoryPage
from tests.browser.conftest import DESKTOP_VIEWPORT, PHONE_VIEWPORT
from tests.directory.conftest import make_org

pytestmark = pytest.mark.browser

ALWAYS = "Mo-Su 00:00-24:00"
NEVER_NOW = "Mo-Su 00:00-00:01"  # a minute after midnight: closed in any test run


@pytest.fixture
def directory(small_network, settings):
    """A directory page on EXOD's site (fr and ar) and a handful of entries."""
    # Tiles from an address on this machine that serves nothing: the map
    # must still show its markers, and nothing may reach a third party.
    settings.DIRECTORY_MAP_TILE_URL = (
        f"http://127.0.0.1:{small_network.port}/no-tiles/{{z}}/{{x}}/{{y}}.png"
    )
    exod = small_network.associations["exod"]
    home = exod.site.root_page.specific
    page = home.add_child(
        instance=DirectoryPage(
            title="Annuaire", slug="annuaire", introduction="Trouver de l’aide."
        )
    )
    page.save_revision().publish()
    arabic = page.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.title = "الدليل"
    arabic.save_revision().publish()
    entries = [
        make_org(
            exod,
            "Cuisine solidaire",
            categories=("alimentation",),
            opening_hours=ALWAYS,
            city="Lille",
            address="3 rue Solférino",
            latitude=50.6310,
            longitude=3.0570,
            phone="03 20 00 00 01",
            languages=["fr", "ar", "ps"],
            last_checked=dt.date.today(),
        ),
        make_org(
            exod,
            "Épicerie du soir",
            categories=("alimentation",),
            opening_hours=NEVER_NOW,
            city="Lille",
            latitude=50.6330,
            longitude=3.0600,
        ),
        make_org(
            exod,
            "Douches",
            categories=("hygiene",),
            opening_hours=ALWAYS,
            city="Lille",
            latitude=50.6290,
            longitude=3.0520,
        ),
        make_org(
            exod,
            "Repas du port",
            categories=("alimentation",),
            opening_hours=ALWAYS,
            city="Calais",
            latitude=50.9513,
            longitude=1.8587,
        ),
        make_org(
            exod,
            "Vestiaire fermé",
            categories=("vetements",),
            status=StatusChoices.TEMPORARILY_CLOSED,
            closed_until=dt.date.today() + dt.timedelta(days=10),
            opening_hours=ALWAYS,
        ),
    ]
    return small_network, entries


def url(network, path):
    return network.url("exod", path)


def result_names(page):
    return page.locator(".org-card h3 a").all_inner_texts()


def assert_accessible(axe, page, where):
    violations, report = axe(page)
    assert violations == [], f"axe-core on {where}:\n{report}"


def test_arabic_filter_open_now_then_detail(page, directory, axe, screenshot):
    network, _entries = directory
    response = page.goto(url(network, "/ar/annuaire/"))
    assert response.status == 200
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "الدليل"
    # Mirrored layout: the filters column sits on the right on a wide screen.
    filters = page.locator(".directory-filters").bounding_box()
    results = page.locator(".directory-results").bounding_box()
    assert filters["x"] > results["x"]
    assert filters["x"] + filters["width"] > DESKTOP_VIEWPORT["width"] / 2
    # The checkbox comes before (to the right of) its label.
    checkbox = page.locator("#id_open_now").bounding_box()
    label = page.locator("label[for=id_open_now]").bounding_box()
    assert checkbox["x"] > label["x"]

    page.get_by_label("طعام").check()
    page.get_by_label("مفتوح الآن").check()
    page.get_by_role("button", name="اعرض النتائج").click()
    page.wait_for_load_state()
    query = parse_qs(urlsplit(page.url).query)
    assert query["category"] == ["alimentation"]
    assert query["open_now"] == ["1"]
    assert result_names(page) == ["Cuisine solidaire", "Repas du port"]
    assert "مفتوح" in page.locator(".org-card .state").first.inner_text()
    assert page.locator(".org-card").first.locator('span[lang="ps"]').inner_text() == (
        "پښتو"
    )
    assert_accessible(axe, page, "directory list (ar)")
    screenshot(page, "directory-ar.png")

    page.get_by_role("link", name="Cuisine solidaire").click()
    page.wait_for_load_state()
    assert "/ar/annuaire/org/" in page.url
    assert page.locator("h1").inner_text() == "Cuisine solidaire"
    table = page.locator("table.hours-table")
    assert table.locator("caption").inner_text() == "ساعات العمل هذا الأسبوع"
    assert table.locator("tbody th[scope=row]").count() == 7
    assert page.locator('a[href="tel:+33320000001"]').count() == 1
    assert page.locator('a[href^="geo:50.631,3.057"]').count() == 1
    assert_accessible(axe, page, "directory detail (ar)")
    screenshot(page, "directory-detail-ar.png")


def test_map_shows_markers_only_when_asked(page, directory, screenshot):
    network, _entries = directory
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url(network, "/fr/annuaire/?category=alimentation"))
    page.wait_for_load_state("networkidle")
    # Nothing map-related is loaded until the visitor asks for it.
    assert not [address for address in requested if "leaflet" in address]
    assert not [address for address in requested if "no-tiles" in address]
    button = page.locator("[data-map-show]")
    assert button.is_visible()
    assert "depuis 127.0.0.1" in button.inner_text()

    button.click()
    markers = page.locator(".leaflet-marker-icon")
    markers.first.wait_for()
    # The two Lille places, 300 m apart, are one cluster at this zoom; Calais
    # is a marker of its own. The status counts entries, like the list.
    cluster = page.locator(".marker-cluster")
    assert cluster.count() == 1
    assert cluster.inner_text() == "2"
    single = page.locator(".leaflet-marker-icon:not(.marker-cluster)")
    assert single.count() == 1
    status = page.locator("[data-map-status]").inner_text()
    assert status == "Lieux sur la carte : 3 sur les 3 trouvés."
    cluster.click()  # zooms in until the places stand apart
    # (a locator, not wait_for_function: the page's CSP forbids eval)
    expect(page.locator(".leaflet-marker-icon.marker-cluster")).to_have_count(0)
    assert single.count() >= 2
    # Every request stayed on this machine (tiles failed: that is fine).
    hosts = {urlsplit(address).hostname for address in requested}
    assert hosts <= {"exod.localhost", "127.0.0.1"}, hosts
    assert [address for address in requested if "no-tiles" in address]
    # The list is still there under the map.
    assert len(result_names(page)) == 3
    single.first.click()
    popup = page.locator(".leaflet-popup-content a")
    popup.wait_for()
    assert "/fr/annuaire/org/" in popup.get_attribute("href")
    page.wait_for_timeout(400)  # the popup's fade-in
    screenshot(page, "directory-map.png")


def test_use_my_position(browser, directory):
    network, _entries = directory
    context = browser.new_context(
        geolocation={"latitude": 50.6312, "longitude": 3.0561},
        permissions=["geolocation"],
        viewport=PHONE_VIEWPORT,
    )
    page = context.new_page()
    page.goto(url(network, "/fr/annuaire/"))
    page.get_by_role("button", name="Utiliser ma position").click()
    page.wait_for_url("**near=50.631%2C3.056**")
    names = result_names(page)
    assert names[0] in {"Cuisine solidaire", "Douches"}
    assert "Repas du port" not in names  # Calais is 80 km away
    assert "min à pied" in page.locator(".org-card").first.inner_text()
    context.close()


def test_without_javascript_the_list_and_filters_work(browser, directory, screenshot):
    network, _entries = directory
    context = browser.new_context(java_script_enabled=False, viewport=PHONE_VIEWPORT)
    page = context.new_page()
    page.goto(url(network, "/ar/annuaire/"))
    assert len(result_names(page)) == 5
    # Enhancements that need JavaScript stay hidden.
    assert not page.locator("[data-map]").is_visible()
    assert not page.locator("[data-locate]").is_visible()
    # Type a town instead of using the position, tick a category, submit.
    page.get_by_label("طعام").check()
    page.locator("#id_near").fill("Lille")
    page.get_by_role("button", name="اعرض النتائج").click()
    page.wait_for_load_state()
    assert result_names(page) == ["Cuisine solidaire", "Épicerie du soir"]
    assert "Lille" in page.locator(".directory-results").inner_text()
    # No sideways scrolling on a small phone, right to left.
    root = "document.documentElement"
    assert page.evaluate(f"{root}.scrollWidth - {root}.clientWidth") <= 0
    screenshot(page, "directory-ar-mobile-nojs.png")
    # A bad town is a form error, not a crash.
    page.locator("#id_near").fill("Atlantide")
    page.get_by_role("button", name="اعرض النتائج").click()
    page.wait_for_load_state()
    assert page.locator(".form-errors").is_visible()
    assert "Atlantide" in page.locator(".form-errors").inner_text()
    context.close()


def test_print_list_fits_one_page(page, directory, screenshot):
    network, _entries = directory
    page.goto(url(network, "/fr/annuaire/?category=alimentation"))
    page.get_by_role("link", name="Liste à imprimer").click()
    page.wait_for_load_state()
    assert page.locator("table.print-list tbody tr").count() == 3
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
    screenshot(page, "directory-print-fr.png")


def test_print_list_fits_a_small_phone(page, directory):
    """On a 360 px phone the print list is one block per place, no wider
    than the screen (it was 562 px wide), in French and in Arabic."""
    network, _entries = directory
    page.set_viewport_size({"width": 360, "height": 800})
    root = "document.documentElement"
    for path in ("/fr/annuaire/print/", "/ar/annuaire/print/"):
        page.goto(url(network, path))
        assert page.locator("table.print-list tbody tr").count() == 5
        assert page.evaluate(f"{root}.scrollWidth") <= 360
        assert page.locator("table.print-list").bounding_box()["width"] <= 360
        assert not page.locator("table.print-list thead").is_visible() or (
            page.locator("table.print-list thead").bounding_box()["width"] <= 1
        )


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_site_search_lists_directory_entries(page, directory, axe, screenshot, code):
    """EXOD's site search on a phone: the directory's places as their own
    group, in French and in Arabic (right to left), accessible."""
    network, _entries = directory
    page.set_viewport_size(PHONE_VIEWPORT)
    response = page.goto(url(network, f"/{code}/search/?q=douche"))
    assert response.status == 200
    group = page.locator("section.search-group")
    assert group.locator("h2").is_visible()
    assert group.locator("li a").all_inner_texts() == ["Douches"]
    root = "document.documentElement"
    assert page.evaluate(f"{root}.scrollWidth - {root}.clientWidth") <= 0
    assert_accessible(axe, page, f"site search ({code})")
    screenshot(page, f"search-results-{code}-mobile.png")


@pytest.mark.parametrize(
    "code, direction, food, words",
    [
        ("ps", "rtl", "خواړه", "اوس خلاص"),
        ("prs", "rtl", "غذا", "اکنون باز"),
        ("ti", "ltr", "መግቢ", "ሕጂ ክፉት"),
    ],
)
def test_demo_directory_on_a_phone(
    page, demo_network, axe, screenshot, code, direction, food, words
):
    """The demo hub's directory in Pashto, Dari and Tigrinya on a small phone."""
    page.set_viewport_size(PHONE_VIEWPORT)
    response = page.goto(demo_network.url("plateforme", f"/{code}/annuaire/"))
    assert response.status == 200
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == direction
    assert page.locator(f"label:text-is('{food}')").count() == 1
    assert words in page.locator("label[for=id_open_now]").inner_text()
    assert page.locator(".org-card").count() == 20
    root = "document.documentElement"
    assert page.evaluate(f"{root}.scrollWidth - {root}.clientWidth") <= 0
    assert_accessible(axe, page, f"demo directory ({code})")
    screenshot(page, f"directory-{code}-mobile.png")


def test_demo_print_list_fits_one_a4_page(page, demo_network, screenshot):
    """The whole demo directory printed for a drop-in session: one A4 page."""
    page.goto(demo_network.url("plateforme", "/fr/annuaire/print/"))
    assert page.locator("table.print-list tbody tr").count() == 24
    assert "autres lieux" in page.locator(".directory").inner_text()
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
    screenshot(page, "directory-print-demo-fr.png")
