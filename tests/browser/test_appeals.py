"""An appeal in Chromium on a phone-sized screen (issue 10).

A visitor pledges in French, then in Arabic (right to left), and sees the
confirmation with the reference code; the association's treasurer logs in,
marks the French pledge received, and the public progress bar moves.
The appeal page passes axe-core. Screenshots go to
docs/screenshots/appeal-fr-mobile.png and appeal-confirmation-ar-mobile.png.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from sitepages.models import Pledge
from tests.appeals.conftest import make_appeal
from tests.browser.conftest import PHONE_VIEWPORT

pytestmark = pytest.mark.browser

PASSWORD = "un-mot-de-passe-assez-long"
CODE = re.compile(r"/confirmation/([^/]+)/$")


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE_VIEWPORT}


@pytest.fixture
def appeal(small_network):
    """EXOD's open appeal in French and Arabic, and its treasurer."""
    exod = small_network.associations["exod"]
    page = make_appeal(
        exod.site.root_page,
        "imprimer-un-numero",
        title="Imprimer un numéro",
        bank_details="EXOD Lille",
        cheque_payee="EXOD Lille",
        cheque_address="1 rue Solférino\n59000 Lille",
        payment_url="",
    )
    arabic = page.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.title = "طباعة عدد"
    arabic.save_revision().publish()
    treasurer = get_user_model().objects.create_user(
        "tresoriere", "tresoriere@example.org", PASSWORD
    )
    treasurer.groups.add(exod.moderators_group)
    return small_network, page, arabic


def pledge(page, amount):
    page.fill("#id_amount", amount)
    page.check("#id_payment_method_0")
    page.check("#id_consent")
    page.locator(".appeal-form button[type=submit]").click()
    page.wait_for_url(CODE)
    return CODE.search(page.url).group(1)


def progress_value(page):
    return float(page.locator("progress.appeal-progress__bar").get_attribute("value"))


def test_pledge_in_french_and_arabic_then_treasurer_marks_received(
    page, appeal, axe, screenshot
):
    network, french, arabic = appeal
    french_url = network.url("exod", f"/fr/{french.slug}/")

    response = page.goto(french_url)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Imprimer un numéro"
    assert progress_value(page) == 0
    violations, report = axe(page)
    assert violations == [], f"axe-core on the appeal page (fr):\n{report}"
    screenshot(page, "appeal-fr-mobile.png")

    code_fr = pledge(page, "25")
    assert page.locator("h1").inner_text() == "Merci pour votre promesse de don"
    assert code_fr in page.locator("main").inner_text()

    response = page.goto(network.url("exod", f"/ar/{arabic.slug}/"))
    assert response.status == 200
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    code_ar = pledge(page, "10")
    assert "/ar/" in page.url
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "شكرًا على تعهدك"
    assert code_ar in page.locator("main").inner_text()
    assert code_ar != code_fr
    violations, report = axe(page)
    assert violations == [], f"axe-core on the confirmation (ar):\n{report}"
    screenshot(page, "appeal-confirmation-ar-mobile.png")

    page.goto(network.url("exod", "/admin/login/"))
    page.fill("#id_username", "tresoriere")
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.goto(network.url("exod", "/admin/appeals/process/"))
    page.locator(f"label:has-text('{code_fr}')").click()
    page.locator("button[name=action][value=received]").click()
    page.wait_for_load_state()
    assert Pledge.objects.get(reference=code_fr).status == "received"
    assert Pledge.objects.get(reference=code_ar).status == "pledged"

    page.goto(french_url)
    assert progress_value(page) == 25
    assert "25" in page.locator(".appeal-progress__text").inner_text()
