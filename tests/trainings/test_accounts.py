"""Volunteer accounts: sign-up with e-mail confirmation, refusals, rate
limits, the volunteer URLs per site, and no way into the Wagtail admin."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from trainings.models import VolunteerProfile

User = get_user_model()
STRONG = "Calais-maraude-2026!"


def signup(client, email="nour@example.org", password=STRONG, **extra):
    data = {"email": email, "password1": password, "display_name": "Nour", **extra}
    return client.post("/fr/volunteers/signup/", data)


def test_volunteer_urls_exist_under_every_language(as_user, tw):
    client = as_user()
    for lang in ("fr", "en", "ar"):
        for path in ("signup/", "login/", "password/reset/"):
            assert client.get(f"/{lang}/volunteers/{path}").status_code == 200
        assert client.get(f"/{lang}/volunteers/").status_code == 302


def test_signup_page_in_the_site_language(as_user, tw):
    html = as_user().get("/ar/volunteers/signup/").content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    fr = as_user().get("/fr/volunteers/signup/").content.decode()
    assert "Votre nom" in fr or "Inscription" in fr


def test_signup_confirm_then_account_works(as_user, tw):
    client = as_user()
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="nour@example.org")
    profile = VolunteerProfile.objects.get(user=user)
    assert profile.association == tw.alpha  # the site's association by default
    assert not user.is_staff
    # not confirmed: logging in does not open the dashboard
    client = as_user()
    response = client.post(
        "/fr/volunteers/login/", {"login": "nour@example.org", "password": STRONG}
    )
    assert client.get("/fr/volunteers/").status_code == 302
    assert len(mail.outbox) >= 1
    body = mail.outbox[-1].body
    link = re.search(
        r"https?://[^/\s]+(/fr/volunteers/confirm-email/[^\s]+/)", body
    ).group(1)
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    response = client.post(
        "/fr/volunteers/login/", {"login": "nour@example.org", "password": STRONG}
    )
    assert response.status_code == 302
    dashboard = client.get("/fr/volunteers/")
    assert dashboard.status_code == 200
    assert "Nour" in dashboard.content.decode()


def test_signup_needs_only_e_mail_and_password(as_user, tw):
    client = as_user()
    response = client.post(
        "/en/volunteers/signup/", {"email": "rania.k@example.org", "password1": STRONG}
    )
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user__email="rania.k@example.org")
    assert profile.association == tw.alpha
    assert profile.display_name == "rania.k"
    assert profile.language == "en"


def test_signup_chooses_another_association(as_user, tw):
    response = signup(as_user(), association=str(tw.beta.pk))
    assert response.status_code == 302
    assert (
        VolunteerProfile.objects.get(user__email="nour@example.org").association
        == tw.beta
    )


@pytest.mark.parametrize(
    "data",
    [
        {"email": "amina@example.org"},  # taken (another volunteer's)
        {"email": "AMINA@example.org"},
        {"password": "123456"},  # weak
        {"password": "password"},
        {"email": "not-an-email"},
        {"display_name": "x" * 121},
        {"association": "999999"},
        {"association": "abc"},
    ],
)
def test_refused_signup_makes_nothing(as_user, tw, data):
    before = User.objects.count()
    response = signup(as_user(), **data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert User.objects.count() == before
    assert VolunteerProfile.objects.count() == 2


def test_signup_flood_is_rate_limited(as_user, tw):
    cache.clear()
    client = as_user()
    statuses = [
        signup(client, email=f"flood{i}@example.org", password="x").status_code
        for i in range(25)
    ]
    assert 429 in statuses
    assert statuses.index(429) <= 21
    cache.clear()


def test_volunteer_never_reaches_the_admin(as_user, tw):
    client = as_user(tw.vol_a)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]
    assert client.get("/admin/pages/").status_code in (302, 403)
    # the positive control: an editor reaches the admin
    assert as_user(tw.editor_a).get("/admin/").status_code == 200


def test_volunteer_urls_404_where_trainings_are_disabled(as_user, tw):
    tw.beta.plugins = [p for p in tw.beta.plugins if p != "trainings"]
    tw.beta.save()
    cache.clear()
    client = as_user(None, tw.beta)
    for path in (
        "/fr/volunteers/signup/",
        "/fr/volunteers/login/",
        "/fr/volunteers/",
        "/fr/certificates/ABC/",
    ):
        # allauth sends a 404 on its root (/volunteers/) to the login page,
        # which answers 404 too
        assert client.get(path, follow=True).status_code == 404, path
    assert as_user().get("/fr/volunteers/signup/").status_code == 200


def test_logout_is_a_post(as_user, tw):
    client = as_user(tw.vol_a)
    assert client.get("/fr/volunteers/logout/").status_code == 200
    assert client.post("/fr/volunteers/logout/").status_code == 302
    assert client.get("/fr/volunteers/").status_code == 302
