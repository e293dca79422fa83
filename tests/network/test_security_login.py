"""Finding 9: login throttling with django-axes, through the real login URL.

30 wrong passwords for alpha's editor from one address, then the right one:
refused during the cool-off, served after it. The same user from another
address, and another user from the attacker's address, are not locked out.
"""

import datetime as dt

import axes.attempts
import axes.handlers.proxy
from django.conf import settings
from django.test import Client
from django.utils import timezone

LOGIN = "/admin/login/"
PASSWORD = "correct-horse-9"  # tests.factories.UserFactory
ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.23"


def _login(username, password, address, host):
    client = Client(HTTP_HOST=host, REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": username, "password": password})
    return response, client


def _logged_in(client, host):
    return client.get("/admin/", HTTP_HOST=host).status_code == 200


def test_settings_key_on_username_and_address_with_a_cool_off():
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == dt.timedelta(minutes=15)
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_thirty_wrong_passwords_then_a_cool_off(world, monkeypatch):
    host = world.alpha.association.site.hostname
    victim = world.alpha.editor.username
    statuses = {
        _login(victim, f"wrong-{n}", ATTACKER, host)[0].status_code for n in range(30)
    }
    assert statuses <= {200, 429}  # the form again, then "locked"
    assert 429 in statuses

    response, client = _login(victim, PASSWORD, ATTACKER, host)
    assert response.status_code == 429
    assert not _logged_in(client, host)

    # the real user, from her own address, still logs in
    response, client = _login(victim, PASSWORD, ELSEWHERE, host)
    assert response.status_code == 302 and _logged_in(client, host)
    # another user from the attacker's address is not locked either
    other = world.beta.editor.username
    response, client = _login(other, PASSWORD, ATTACKER, host)
    assert response.status_code == 302 and _logged_in(client, host)

    # 16 minutes later the cool-off is over
    later = timezone.now() + dt.timedelta(minutes=16)
    for module in (axes.attempts, axes.handlers.proxy):
        monkeypatch.setattr(module, "now", lambda: later)
    response, client = _login(victim, PASSWORD, ATTACKER, host)
    assert response.status_code == 302 and _logged_in(client, host)


def test_the_lockout_says_why_in_the_visitors_language(world):
    host = world.alpha.association.site.hostname
    victim = world.alpha.moderator.username
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(victim, f"wrong-{n}", ATTACKER, host)
    client = Client(HTTP_HOST=host, REMOTE_ADDR=ATTACKER, HTTP_ACCEPT_LANGUAGE="fr")
    response = client.post(LOGIN, {"username": victim, "password": PASSWORD})
    assert response.status_code == 429
    assert "Compte verrouillé" in response.content.decode()
