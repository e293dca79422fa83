"""The volunteer's journey beyond the happy path: resuming where she left
off, her language on every screen and in every e-mail, the password reset,
the failed-login limit, and the stale-content warning in Arabic."""

import datetime as dt
import re
from urllib.parse import urlsplit

from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.trainings.conftest import RIGHT, enrol, submit, translate
from trainings.models import ModulePage

ARABIC = re.compile(r"[\u0600-\u06FF]")
PASSWORD = "correct-horse-9"  # tests.factories.UserFactory


def path(page):
    return urlsplit(page.url).path


def test_she_resumes_where_she_left_off(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    html = client.get(reverse("volunteer_dashboard")).content.decode()
    assert f'href="{path(tw.modules[0])}"' in html  # start with module 1
    submit(client, tw.modules[0], RIGHT)
    client.get(tw.modules[1].url)  # opened module 2, then put the phone away
    # later, on another device: log in, land on the dashboard, resume at module 2
    phone = as_user()
    response = phone.post(
        "/fr/volunteers/login/", {"login": "amina@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/volunteers/"
    html = phone.get(response["Location"]).content.decode()
    assert 'value="1" max="3"' in html
    resume = re.search(r'<a class="button" href="([^"]+)">([^<]+)</a>', html)
    assert resume.group(1) == path(tw.modules[1])
    assert tw.modules[1].title in resume.group(2)
    # the course page opens module 2 and keeps module 3 closed
    course = phone.get(tw.basics.url).content.decode()
    assert f'href="{path(tw.modules[1])}"' in course
    assert f'href="{path(tw.modules[2])}"' not in course
    # in English, the dashboard resumes at the English copy of module 2
    with translation.override("en"):
        html = phone.get(reverse("volunteer_dashboard")).content.decode()
    english = tw.modules[1].get_translation(Locale.objects.get(language_code="en"))
    assert f'href="{path(english)}"' in html


def test_failed_logins_lock_the_account_with_a_message(as_user, tw):
    cache.clear()
    client = as_user()
    login = "/fr/volunteers/login/"
    statuses = [
        client.post(
            login, {"login": "amina@example.org", "password": f"wrong-{i}"}
        ).status_code
        for i in range(6)
    ]
    assert statuses[0] == 200 and set(statuses) <= {200, 429}, statuses
    # now even the right password is refused, with a clear message
    response = client.post(login, {"login": "amina@example.org", "password": PASSWORD})
    assert response.status_code in (200, 429)
    html = response.content.decode()
    assert "Trop de tentatives" in html, html[-3000:]
    assert client.get("/fr/volunteers/").status_code == 302
    # positive control: another volunteer is not locked out by her neighbour's limit
    cache.clear()
    response = as_user(None, tw.beta).post(
        login, {"login": "bilal@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    cache.clear()


def test_signup_e_mail_and_screens_in_arabic(as_user, tw):
    cache.clear()
    client = as_user()
    page = client.get("/ar/volunteers/signup/").content.decode()
    assert 'lang="ar"' in page and ARABIC.search(page)
    response = client.post(
        "/ar/volunteers/signup/",
        {
            "email": "layla@example.org",
            "password1": "Lagune-Pivoine-1837",
            "display_name": "ليلى",
        },
    )
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert ARABIC.search(message.subject), message.subject
    assert ARABIC.search(message.body)
    assert "/ar/volunteers/confirm-email/" in message.body
    sent = client.get(response["Location"]).content.decode()
    assert 'lang="ar"' in sent and ARABIC.search(sent)
    cache.clear()


def test_password_reset_by_e_mail(as_user, tw):
    cache.clear()
    client = as_user()
    assert client.get("/fr/volunteers/password/reset/").status_code == 200
    response = client.post(
        "/fr/volunteers/password/reset/", {"email": "amina@example.org"}
    )
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["amina@example.org"]
    link = re.search(
        r"https?://[^/\s]+(/fr/volunteers/password/reset/key/\S+)", message.body
    )
    assert link, message.body
    response = client.get(link.group(1))
    assert response.status_code == 302  # allauth moves the key into the session
    form_url = response["Location"]
    new = "Pivoine-Lagune-2048"
    weak = client.post(form_url, {"password1": "123", "password2": "123"})
    assert weak.status_code == 200 and "errorlist" in weak.content.decode()
    done = client.post(form_url, {"password1": new, "password2": new})
    assert done.status_code == 302
    fresh = as_user()
    response = fresh.post(
        "/fr/volunteers/login/", {"login": "amina@example.org", "password": new}
    )
    assert response.status_code == 302
    assert fresh.get("/fr/volunteers/").status_code == 200
    cache.clear()


def test_stale_warning_in_arabic(as_user, tw):
    module = ModulePage.objects.get(pk=tw.modules[0].pk)
    module.review_by = dt.date.today() - dt.timedelta(days=1)
    module.save_revision().publish()
    translate(tw.index, "ar")
    translate(tw.basics, "ar", title="أساسيات")
    arabic = translate(module, "ar", title="الوحدة الأولى")
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    html = client.get(arabic.url).content.decode()
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    warning = re.search(
        r'<p class="message message--error" role="note">([^<]+)</p>', html
    )
    assert warning and ARABIC.search(warning.group(1))
    # positive control: a module within its review date carries no warning
    fresh = translate(tw.modules[1], "ar", title="الوحدة الثانية")
    submit(client, arabic, RIGHT)
    assert 'role="note"' not in client.get(fresh.url).content.decode()


def test_every_volunteer_screen_in_three_languages(as_user, tw):
    client = as_user(tw.vol_a)
    enrol(client, tw.basics)
    submit(client, tw.modules[0], RIGHT)
    screens = ["", "profile/", "delete/", "password/change/", "logout/"]
    expected = {"fr": "Mes formations", "en": "My trainings", "ar": "دوراتي"}
    for lang, words in expected.items():
        for screen in screens:
            response = client.get(f"/{lang}/volunteers/{screen}")
            assert response.status_code == 200, (lang, screen)
            html = response.content.decode()
            assert f'lang="{lang}"' in html, (lang, screen)
            assert words in html, (lang, screen)
    anonymous = as_user()
    for lang in expected:
        for screen in ("signup/", "login/", "password/reset/"):
            html = anonymous.get(f"/{lang}/volunteers/{screen}").content.decode()
            assert f'lang="{lang}"' in html
            if lang == "ar":
                assert ARABIC.search(html.split("<main", 1)[-1]), screen
