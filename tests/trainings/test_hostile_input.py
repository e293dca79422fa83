"""Hostile input on every trainings door: never a 500, a clear refusal, and
nothing stored; the admin, crawled link by link, never shows one
association's volunteers to another's coordinator."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.network.test_admin_crawl import crawl
from tests.trainings.conftest import RIGHT, enrol, submit
from trainings.models import Certificate, QuizAttempt, VolunteerProfile

NUL = "\x00"
LONG = "9" * 5000


@pytest.mark.parametrize(
    "answers",
    [
        {"q0": [LONG], "q1": ["0", "1"]},
        {"q0": ["٠"], "q1": ["0", "1"]},  # an Arabic-Indic zero
        {"q0": [" 0"], "q1": ["0", "1"]},
        {"q0": ["1_0"], "q1": ["0", "1"]},
        {"q0": [NUL], "q1": ["0", "1"]},
        {"q0": [""], "q1": ["0", "1"]},
        {"q0": ["0"], "q1": ["0", "1"], "module": ["x", "y"]},
    ],
)
def test_hostile_quiz_answers_are_refused(as_user, tw, answers):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    module = tw.modules[0]
    data = {"module": str(module.translation_key), **answers}
    response = client.post(module.url, data)
    assert response.status_code == 400
    assert 'class="message message--error"' in response.content.decode()
    assert not QuizAttempt.objects.filter(user=tw.vol_a).exists()
    # positive control: the honest answers pass
    assert submit(client, module, RIGHT).status_code == 200
    assert QuizAttempt.objects.get(user=tw.vol_a).passed


@pytest.mark.parametrize(
    "params",
    [
        {"course_key": "not-a-uuid"},
        {"course_key": NUL},
        {"association": "abc"},
        {"association": "99999999999999999999"},
        {"status": "everything"},
        {"enrolled_after": "yesterday"},
        {"enrolled_after": "2026-02-31"},
        {"page": "-1"},
        {"page": "x" * 300},
        {"export": "pdf"},
        {"ordering": "user__password"},
    ],
)
def test_hostile_report_filters_never_fail(as_user, tw, params):
    client = as_user(tw.editor_a)
    for url in (
        "/admin/reports/trainings/progress/",
        "/admin/reports/trainings/completions/",
        "/admin/reports/trainings/progress/results/",
    ):
        response = client.get(url, params)
        assert response.status_code in (200, 400, 404), (url, params)


def test_hostile_volunteer_urls_never_fail(as_user, tw):
    anonymous = as_user()
    for code in ("a" * 17, NUL, "ABC%00", "../../etc", "ÉÉÉÉ", "abcdefghjkmn"):
        response = anonymous.get(f"/fr/certificates/{code}/")
        assert response.status_code == 404, code
    client = as_user(tw.vol_a)
    for code in ("x" * 17, "ZZZZ"):
        assert client.get(f"/fr/volunteers/certificates/{code}/").status_code == 404
    response = client.post("/fr/volunteers/profile/", {"display_name": NUL})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    response = client.post(
        "/fr/volunteers/profile/", {"display_name": "Amina", "language": "xx"}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert VolunteerProfile.objects.get(user=tw.vol_a).language == "fr"
    response = client.post("/fr/volunteers/delete/", {"confirm": ["yes", NUL]})
    assert response.status_code in (302, 400)
    # a course POST with garbage only enrols (or refuses), never fails
    other = as_user(tw.vol_b)
    response = other.post(tw.basics.url, {"action": NUL, "module": LONG})
    assert response.status_code == 302


def test_hostile_signup_makes_nothing(as_user, tw):
    cache.clear()
    client = as_user()
    before = VolunteerProfile.objects.count()
    for data in (
        {"email": f"a{NUL}@example.org", "password1": "Pivoine-1837-x"},
        {"email": "x@example.org", "password1": NUL * 20},
        {"email": "y@example.org", "password1": "Pivoine-1837-x", "association": NUL},
        {"email": "@" * 300, "password1": "Pivoine-1837-x"},
    ):
        response = client.post(
            "/fr/volunteers/signup/", {"display_name": "Nour", **data}
        )
        assert response.status_code in (200, 400), data
        assert "errorlist" in response.content.decode() or response.status_code == 400
    assert VolunteerProfile.objects.count() == before
    cache.clear()


def _plant(as_user, tw):
    """Both associations' volunteers at work; beta's coordinator revokes."""
    for user in (tw.vol_a, tw.vol_b):
        client = as_user(user)
        enrol(client, tw.basics)
        for module in tw.modules:
            submit(client, module, RIGHT)
    certificate = Certificate.objects.get(user=tw.vol_b)
    edit = reverse("training_certificates:edit", args=[certificate.pk])
    response = as_user(tw.editor_b, tw.beta).post(
        edit, {"revoked": "on", "revoked_reason": "Bilal left"}
    )
    assert response.status_code == 302
    return certificate


def test_alpha_coordinator_never_meets_beta_volunteers_in_the_admin(as_user, tw):
    beta_certificate = _plant(as_user, tw)
    markers = ["Bilal", "bilal@example.org", beta_certificate.code]
    leaks, seen_amina, pages = [], False, 0
    for url, text in crawl(as_user(tw.editor_a)):
        pages += 1
        leaks += [(url, marker) for marker in markers if marker in text]
        seen_amina = seen_amina or "amina@example.org" in text
    assert not leaks, leaks
    visited = dict(crawl.visited)
    assert visited.get("/admin/reports/trainings/progress/") == 200
    assert visited.get("/admin/reports/site-history/") == 200
    assert seen_amina  # the crawl met her own association's volunteer
    assert pages > 30
