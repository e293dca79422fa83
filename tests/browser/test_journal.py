"""The journal in a real browser (Debian's Chromium), on a small phone.

A reader opens an issue of the demo "Journal des Jungles" in French and in
Arabic, reads an article written in Arabic inside the French site (its
original sits in a ``lang="ar" dir="rtl"`` wrapper), and downloads the
issue's print PDF. axe-core finds no WCAG 2.2 A/AA violation on any of these
pages. Screenshots go to docs/screenshots/journal-*-mobile.png.
"""

import re
from io import StringIO

import pytest
from django.test import override_settings

from journal import demo
from journal.tasks import generate_issue_pdf
from tests.browser.conftest import PHONE_VIEWPORT

pytestmark = pytest.mark.browser

ROOT = "document.documentElement"


@pytest.fixture
def journal_network(small_network):
    """The demo journal's pages on the hub, and the print PDF of issue 1 in
    French (``demo.load`` would render all six PDFs: a minute on a busy CI)."""
    hub = small_network.associations["plateforme"]
    home = hub.site.root_page.specific
    with override_settings(JOURNAL_PDF_ON_PUBLISH=False):
        issues = demo._load(StringIO(), hub, home)
    first = next(issue for issue in issues if issue.number == 1)
    generate_issue_pdf.enqueue(first.pk)
    return small_network


def assert_accessible(axe, page, where):
    violations, report = axe(page)
    assert violations == [], f"axe-core on {where}:\n{report}"


def assert_fits_the_phone(page):
    assert page.evaluate(f"{ROOT}.scrollWidth - {ROOT}.clientWidth") <= 0


def test_read_an_issue_on_a_phone_in_french_and_arabic_then_download_the_pdf(
    browser, journal_network, axe, screenshot
):
    context = browser.new_context(viewport=PHONE_VIEWPORT, accept_downloads=True)
    page = context.new_page()
    issue_url = journal_network.url("plateforme", "/fr/journal/numero-1/")

    # The French issue page: number, title, residency, contents, PDF link.
    response = page.goto(issue_url)
    assert response.status == 200
    html = page.locator("html")
    assert html.get_attribute("lang") == "fr"
    assert html.get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == "La dune"
    assert page.locator(".issue__number").text_content() == "Numéro 1"
    assert "Loon-Plage" in page.locator(".issue__residency").inner_text()
    contents = page.locator(".toc__item > a").all_inner_texts()
    assert contents == ["Le vent", "La mer", "Waiting", "La route"]
    assert_fits_the_phone(page)
    assert_accessible(axe, page, "issue page (fr)")
    screenshot(page, "journal-issue-fr-mobile.png")

    # An article written in Arabic, read in French: the original is wrapped.
    page.get_by_role("link", name="La mer", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "La mer"
    assert "Léa" in page.locator(".article__translation").inner_text()
    original = page.locator('.article__original [lang="ar"][dir="rtl"]')
    assert original.count() == 1
    page.locator(".article__original summary").click()
    assert original.locator("h2").inner_text() == "البحر"
    assert "البحر بارد" in original.inner_text()
    assert_fits_the_phone(page)
    assert_accessible(axe, page, "article page (fr, Arabic original)")

    # Its Arabic version is one tap away, right to left.
    page.locator('.article__translations a[hreflang="ar"]').click()
    page.wait_for_load_state()
    assert "/ar/" in page.url
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "البحر"
    assert "البحر بارد والليل طويل" in page.locator(".article__body").inner_text()
    # Right to left for real: the heading ends at the right edge of the text.
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > PHONE_VIEWPORT["width"] / 2
    assert_fits_the_phone(page)
    assert_accessible(axe, page, "article page (ar)")
    screenshot(page, "journal-article-ar-mobile.png")

    # The Arabic issue page, then its print PDF.
    page.locator(".article__issue a").click()
    page.wait_for_load_state()
    assert "/ar/journal/numero-1/" in page.url
    assert html.get_attribute("dir") == "rtl"
    assert_fits_the_phone(page)
    assert_accessible(axe, page, "issue page (ar)")

    page.goto(issue_url)
    link = page.locator(".issue__pdf a")
    assert link.count() == 1
    assert re.search(r"\(\d+(,\d+)?\s(Kio|Mio)\)", link.inner_text())
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "numero-1.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    context.close()
