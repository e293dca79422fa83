"""A volunteer's whole training path in a real browser, on a phone.

Sign up on EXOD's site, confirm the e-mail from the link in the message
(the locmem backend runs in the live server's process), enrol in a course,
fail a module's quiz and pass it, finish the course, open the certificate
(in French, then in Arabic) and check it as an anonymous visitor in a fresh
browser context. axe-core checks the module page and the certificate;
screenshots go to docs/screenshots/trainings-*.png.
"""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from tests.browser.conftest import PHONE_VIEWPORT
from tests.trainings.conftest import QUIZ
from trainings.models import (
    Certificate,
    CoursePage,
    ModulePage,
    TrainingIndexPage,
    VolunteerProfile,
)

pytestmark = pytest.mark.browser

EMAIL = "samira@example.org"
PASSWORD = "Lagune-Pivoine-1837"


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


@pytest.fixture
def course(small_network):
    """On EXOD's site: a training index and a course of two modules."""
    exod = small_network.associations["exod"]
    home = exod.site.root_page.specific
    index = add(home, TrainingIndexPage(title="Formations", slug="formations"))
    course = add(
        index,
        CoursePage(
            title="Accueillir au campement",
            slug="accueil",
            summary="Les bases de l’accueil.",
        ),
    )
    modules = [
        add(
            course,
            ModulePage(
                title=f"Module {number}",
                slug=f"module-{number}",
                quiz=QUIZ,
                lesson=[{"type": "text", "value": f"<p>Leçon {number}</p>"}],
                review_by=dt.date.today() + dt.timedelta(days=200),
            ),
        )
        for number in (1, 2)
    ]
    return small_network, course, modules


def url(network, path):
    return network.url("exod", path)


def path_of(page_model):
    return urlsplit(page_model.full_url).path


def assert_accessible(axe, page, where):
    violations, report = axe(page)
    assert violations == [], f"axe-core on {where}:\n{report}"


def answer(page, choices):
    for choice in choices:
        page.locator(f"#{choice}").check()
    page.locator(".quiz-form button[type=submit]").click()
    page.wait_for_load_state()


def test_volunteer_path(browser, course, axe, screenshot):
    network, course_page, modules = course
    context = browser.new_context(viewport=PHONE_VIEWPORT, locale="fr-FR")
    page = context.new_page()

    # 1. Sign up.
    mail.outbox.clear()
    assert page.goto(url(network, "/fr/volunteers/signup/")).status == 200
    page.locator("input[name=email]").fill(EMAIL)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=display_name]").fill("Samira K.")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    profile = VolunteerProfile.objects.get(user__email=EMAIL)
    assert profile.association.slug == "exod"

    # 2. Confirm the e-mail from the link in the message.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    assert page.goto(link.group(0)).status == 200
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert profile.user.emailaddress_set.get(email=EMAIL).verified

    # 3. Enrol.
    assert page.goto(url(network, path_of(course_page))).status == 200
    page.locator(".enrol-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".enrol-form").count() == 0
    assert profile.user.training_enrolments.count() == 1

    # 4. Fail the first module's quiz, then pass it.
    assert page.goto(url(network, path_of(modules[0]))).status == 200
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Module 1"
    assert_accessible(axe, page, "module page (fr)")
    answer(page, ["q0-1", "q1-0"])
    assert "0 %" in page.locator(".quiz-score").inner_text()
    assert page.locator(".quiz-result--wrong").count() == 2
    # "Try again" points at this very page (a same-document link): reload it.
    assert page.locator(f'.quiz a[href$="{path_of(modules[0])}#quiz-title"]').count()
    page.goto(url(network, path_of(modules[0])))
    answer(page, ["q0-0", "q1-0", "q1-1"])
    assert "100 %" in page.locator(".quiz-score").inner_text()
    assert page.locator(".quiz-result--right").count() == 2
    assert_accessible(axe, page, "module results (fr)")

    # 5. Finish the course (the next module) and open the certificate.
    page.locator(f'.quiz a[href$="{path_of(modules[1])}"]').click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Module 2"
    screenshot(page, "trainings-module-fr-mobile.png")
    answer(page, ["q0-0", "q1-0", "q1-1"])
    page.locator('.quiz a[href*="/volunteers/certificates/"]').click()
    page.wait_for_load_state()
    certificate = Certificate.objects.get(user=profile.user)
    assert f"/fr/volunteers/certificates/{certificate.code}/" in page.url
    assert "Samira K." in page.locator("main").inner_text()
    assert "Accueillir au campement" in page.locator("main").inner_text()
    assert_accessible(axe, page, "certificate (fr)")

    arabic = page.goto(url(network, f"/ar/volunteers/certificates/{certificate.code}/"))
    assert arabic.status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "Samira K." in page.locator("main").inner_text()
    # Nothing (the long verification address) widens the page on a phone.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_VIEWPORT["width"], width
    assert_accessible(axe, page, "certificate (ar)")
    screenshot(page, "trainings-certificate-ar-mobile.png")
    context.close()

    # 6. Verify it as an anonymous visitor.
    visitor = browser.new_context(viewport=PHONE_VIEWPORT)
    check = visitor.new_page()
    response = check.goto(url(network, f"/fr/certificates/{certificate.code}/"))
    assert response.status == 200
    facts = check.locator(".certificate-facts").inner_text()
    assert "Samira K." in facts
    assert "Accueillir au campement" in facts
    assert EMAIL not in check.content()
    assert_accessible(axe, check, "certificate check (fr)")
    missing = check.goto(url(network, "/fr/certificates/ZZZZ0000/"))
    assert missing.status == 404
    visitor.close()
