"""Enrolment, quiz scoring and tampering, order and prerequisites, progress
across languages, certificates, stale-content warnings."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import translation

from tests.trainings.conftest import RIGHT, WRONG, enrol, submit
from trainings.models import (
    Certificate,
    Enrolment,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)


def test_page_tree(tw):
    from trainings.models import CoursePage, ModulePage, TrainingIndexPage

    assert CoursePage.parent_page_types == ["trainings.TrainingIndexPage"]
    assert ModulePage.parent_page_types == ["trainings.CoursePage"]
    assert TrainingIndexPage.subpage_types == ["trainings.CoursePage"]


def test_anonymous_module_redirects_to_login(as_user, tw):
    response = as_user().get(tw.modules[0].url)
    assert response.status_code == 302
    assert "/volunteers/login/" in response["Location"]


def test_enrol_then_open_first_module(as_user, tw):
    client = as_user(tw.vol_a)
    assert client.get(tw.modules[0].url).status_code == 403  # not enrolled
    response = enrol(client, tw.basics)
    assert response.status_code == 302
    assert response["Location"] == tw.modules[0].url
    assert Enrolment.objects.filter(user=tw.vol_a, association=tw.alpha).count() == 1
    enrol(client, tw.basics)  # twice: still one
    assert Enrolment.objects.filter(user=tw.vol_a).count() == 1
    assert client.get(tw.modules[0].url).status_code == 200
    progress = ModuleProgress.objects.get(user=tw.vol_a)
    assert progress.viewed_at is not None and not progress.passed


def test_course_page_has_enrol_form(as_user, tw):
    html = as_user(tw.vol_a).get(tw.basics.url).content.decode()
    assert '<form method="post"' in html and "enrol" in html


def test_quiz_form_shape_and_no_answers_before_submission(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    html = client.get(tw.modules[0].url).content.decode()
    assert html.count('<form method="post"') == 1
    assert html.count("<fieldset>") == 2
    first = html.index("Where is an asylum claim registered?")
    second = html.index("Which documents can prove an address?")
    assert first < second
    assert html.count('type="radio" name="q0"') == 2
    assert html.count('type="checkbox" name="q1"') == 3
    assert "correct" not in html.lower()
    assert "EXPLAIN-" not in html


def test_fail_then_pass(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    module = tw.modules[0]
    response = submit(client, module, WRONG)
    assert response.status_code == 200
    html = response.content.decode()
    assert "0 %" in html
    assert "EXPLAIN-TOWNHALL" in html and "EXPLAIN-GUDA" in html
    progress = ModuleProgress.objects.get(
        user=tw.vol_a, module_key=module.translation_key
    )
    assert (progress.passed, progress.best_score, progress.attempt_count) == (
        False,
        0,
        1,
    )
    half = {"q0": ["0"], "q1": ["0"]}
    submit(client, module, half)
    progress.refresh_from_db()
    assert (progress.passed, progress.best_score, progress.attempt_count) == (
        False,
        50,
        2,
    )
    submit(client, module, WRONG)  # a worse attempt never lowers the best score
    progress.refresh_from_db()
    assert progress.best_score == 50
    response = submit(client, module, RIGHT)
    progress.refresh_from_db()
    assert (
        progress.passed and progress.best_score == 100 and progress.attempt_count == 4
    )
    attempts = QuizAttempt.objects.filter(user=tw.vol_a).order_by("submitted_at")
    assert [a.score for a in attempts] == [0, 50, 0, 100]
    assert [a.passed for a in attempts] == [False, False, False, True]


def test_replay_after_passing_is_ignored(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    module = tw.modules[0]
    submit(client, module, RIGHT)
    response = submit(client, module, WRONG)
    assert response.status_code == 409
    progress = ModuleProgress.objects.get(
        user=tw.vol_a, module_key=module.translation_key
    )
    assert (
        progress.passed and progress.best_score == 100 and progress.attempt_count == 1
    )
    assert QuizAttempt.objects.filter(user=tw.vol_a).count() == 1


def test_tampered_submissions_are_refused(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    module = tw.modules[0]
    hostile = [
        {"q0": ["7"], "q1": ["0", "1"]},  # unknown choice
        {"q0": ["-1"], "q1": ["0", "1"]},
        {"q0": ["abc"], "q1": ["0", "1"]},  # non-integer
        {"q0": ["0.5"], "q1": ["0", "1"]},
        {"q0": ["0"]},  # missing answer
        {"q0": ["0", "1"], "q1": ["0", "1"]},  # two answers to a radio question
        {"q0": ["0", "0"], "q1": ["0", "1"]},
        {**RIGHT, "q9": ["0"]},  # an extra question
    ]
    for data in hostile:
        response = submit(client, module, data)
        assert response.status_code == 400, data
        assert 'class="message message--error"' in response.content.decode()
    # answers for another module
    response = submit(client, module, RIGHT, key=tw.modules[1].translation_key)
    assert response.status_code == 400
    response = client.post(module.url, RIGHT)  # no module field at all
    assert response.status_code == 400
    assert QuizAttempt.objects.filter(user=tw.vol_a).count() == 0
    assert not ModuleProgress.objects.filter(
        user=tw.vol_a, passed_at__isnull=False
    ).exists()


def test_modules_open_in_order(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    second = tw.modules[1]
    response = client.get(second.url)
    assert response.status_code == 403
    assert tw.modules[0].title in response.content.decode()
    assert submit(client, second, RIGHT).status_code == 403  # nor by POST
    submit(client, tw.modules[0], RIGHT)
    assert client.get(second.url).status_code == 200


def test_prerequisite_course_enforced(as_user, tw):
    client = as_user(tw.vol_a)
    response = enrol(client, tw.dropin)
    assert response.status_code == 302 and response["Location"] == tw.dropin.url
    assert not Enrolment.objects.filter(
        user=tw.vol_a, course_key=tw.dropin.translation_key
    ).exists()
    # even with an enrolment forged in the database, the modules stay closed
    Enrolment.objects.create(
        user=tw.vol_a, course_key=tw.dropin.translation_key, association=tw.alpha
    )
    response = client.get(tw.dropin_modules[0].url)
    assert response.status_code == 403
    assert "Basics" in response.content.decode()
    enrol(client, tw.basics)
    for module in tw.modules:
        submit(client, module, RIGHT)
    assert client.get(tw.dropin_modules[0].url).status_code == 200


def test_course_closed_to_other_associations(as_user, tw):
    client = as_user(tw.vol_b)
    assert client.post(tw.closed.url).status_code == 403
    assert not Enrolment.objects.filter(user=tw.vol_b).exists()
    # a network-open course is open to beta's volunteer
    assert enrol(client, tw.basics).status_code == 302
    assert Enrolment.objects.get(user=tw.vol_b).association == tw.beta


def test_progress_survives_a_change_of_language(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    submit(client, tw.modules[0], RIGHT)
    english = [m.get_translation(_locale("en")) for m in tw.modules]
    # the English copy of module 1 is passed, module 2 is open
    html = client.get(english[0].url).content.decode()
    assert "You passed this module" in html or "Vous avez réussi ce module" in html
    assert client.get(english[1].url).status_code == 200
    submit(client, english[1], RIGHT)
    with translation.override("en"):
        dashboard = client.get(reverse("volunteer_dashboard")).content.decode()
    assert 'value="2" max="3"' in dashboard
    assert "Basics EN" in dashboard


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def _complete(client, tw):
    enrol(client, tw.basics)
    for module in tw.modules:
        response = submit(client, module, RIGHT)
    return response


def test_certificate_issued_and_verified(as_user, tw):
    client = as_user(tw.vol_a)
    response = _complete(client, tw)
    certificate = Certificate.objects.get(user=tw.vol_a)
    assert certificate.association == tw.alpha
    assert len(certificate.code) == 12 and certificate.code.isalnum()
    assert certificate.code in response.content.decode()
    own = client.get(reverse("volunteer_certificate", args=[certificate.code]))
    assert own.status_code == 200
    html = own.content.decode()
    assert "<svg" in html and "Amina" in html and certificate.content_version in html
    with translation.override("fr"):
        verify_url = reverse("certificate_verify", args=[certificate.code])
    assert verify_url == f"/fr/certificates/{certificate.code}/"
    public = as_user().get(verify_url)
    assert public.status_code == 200
    text = public.content.decode()
    assert "Amina" in text and "Basics" in text and certificate.content_version in text
    assert "amina@example.org" not in text
    # exactly four facts, and a page search engines leave alone
    facts = re.search(r'<dl class="certificate-facts">(.*?)</dl>', text, re.S)
    assert re.findall(r"<dt>", facts.group(1)) == ["<dt>"] * 4
    assert '<meta name="robots" content="noindex' in text
    # another volunteer cannot open the printable certificate
    other = as_user(tw.vol_b, tw.alpha)
    assert (
        other.get(reverse("volunteer_certificate", args=[certificate.code])).status_code
        == 404
    )


def test_unknown_certificate_is_404(as_user, tw):
    client = as_user()
    for code in ("NOPE12345678", "x" * 40, "%3Cscript%3E", "ABC-DEF"):
        assert client.get(f"/fr/certificates/{code}/").status_code == 404


def test_revoked_certificate_says_so(as_user, tw):
    client = as_user(tw.vol_a)
    _complete(client, tw)
    certificate = Certificate.objects.get(user=tw.vol_a)
    certificate.revoked = True
    certificate.revoked_reason = "Fraud"
    certificate.save()
    html = as_user().get(f"/en/certificates/{certificate.code}/").content.decode()
    assert "revoked" in html
    assert "Fraud" not in html  # the reason stays internal


def test_updated_since_you_passed(as_user, tw):
    client = as_user(tw.vol_a)
    _complete(client, tw)
    module = ModulePage.objects.get(pk=tw.modules[1].pk)
    assert (
        "Mis à jour depuis votre réussite"
        not in client.get(module.url).content.decode()
    )
    module.lesson = [{"type": "text", "value": "<p>New law</p>"}]
    module.save_revision().publish()
    assert "Mis à jour depuis votre réussite" in client.get(module.url).content.decode()
    dashboard = client.get(reverse("volunteer_dashboard")).content.decode()
    assert "Mis à jour depuis votre réussite" in dashboard


def test_stale_module_warning_in_her_language(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    module = ModulePage.objects.get(pk=tw.modules[0].pk)
    assert "doit être révisé" not in client.get(module.url).content.decode()
    module.review_by = dt.date.today() - dt.timedelta(days=1)
    module.save_revision().publish()
    html = client.get(module.url).content.decode()
    assert "doit être révisé" in html
    assert client.get(module.url).wsgi_request.LANGUAGE_CODE == "fr"
