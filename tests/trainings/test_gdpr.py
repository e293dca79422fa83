"""Her data as JSON, account erasure (anonymous counts kept), the purge of
unconfirmed accounts."""

import datetime as dt
import json
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from tests.factories import UserFactory
from tests.trainings.conftest import RIGHT, enrol, submit
from trainings.models import (
    AnonymousCompletion,
    Certificate,
    Enrolment,
    ModuleProgress,
    QuizAttempt,
    VolunteerProfile,
)

User = get_user_model()


def _complete(client, tw):
    enrol(client, tw.basics)
    for module in tw.modules:
        submit(client, module, RIGHT)


def test_data_json_is_hers_only(as_user, tw):
    client = as_user(tw.vol_a)
    _complete(client, tw)
    enrol(as_user(tw.vol_b), tw.basics)
    response = client.get("/fr/volunteers/data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["account"]["email"] == "amina@example.org"
    assert len(data["enrolments"]) == 1
    assert len(data["progress"]) == 3
    assert len(data["quiz_attempts"]) == 3
    assert data["certificates"][0]["course"] == "Basics"
    assert "bilal" not in response.content.decode()
    assert as_user().get("/fr/volunteers/data.json").status_code == 302


def test_delete_erases_and_keeps_anonymous_counts(as_user, tw):
    client = as_user(tw.vol_a)
    _complete(client, tw)
    # her logins left throttling records (django-axes) naming her e-mail
    for password in ("correct-horse-9", "wrong-password"):
        as_user().post(
            "/fr/volunteers/login/",
            {"login": "amina@example.org", "password": password},
        )
    traces = [AccessLog, AccessAttempt]
    assert all(m.objects.filter(username="amina@example.org").exists() for m in traces)
    assert client.get("/fr/volunteers/delete/").status_code == 200
    assert client.post("/fr/volunteers/delete/", {}).status_code == 400  # unconfirmed
    assert User.objects.filter(pk=tw.vol_a.pk).exists()
    response = client.post("/fr/volunteers/delete/", {"confirm": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=tw.vol_a.pk).exists()
    for model in (
        VolunteerProfile,
        Enrolment,
        ModuleProgress,
        QuizAttempt,
        Certificate,
    ):
        assert not model.objects.filter(association=tw.alpha).exists(), model
    assert not EmailAddress.objects.filter(email="amina@example.org").exists()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert not model.objects.filter(username="amina@example.org").exists()
    kept = AnonymousCompletion.objects.get()
    assert kept.association == tw.alpha and kept.course_key == tw.basics.translation_key
    assert client.get("/fr/volunteers/").status_code == 302


def _unconfirmed(email, days, association=None):
    user = UserFactory(username=email, email=email)
    user.date_joined = timezone.now() - dt.timedelta(days=days)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    if association is not None:
        VolunteerProfile.objects.create(
            user=user, association=association, display_name=email
        )
    return user


def test_purge_unconfirmed_volunteers(tw):
    old = _unconfirmed("old@example.org", 40, tw.alpha)
    older = _unconfirmed("older@example.org", 90, tw.beta)
    recent = _unconfirmed("recent@example.org", 5, tw.alpha)
    not_a_volunteer = _unconfirmed("someone@example.org", 60)
    out = StringIO()
    call_command("purge_unconfirmed_volunteers", "--dry-run", stdout=out)
    assert out.getvalue().startswith("2 unconfirmed account(s)")
    assert User.objects.filter(pk=old.pk).exists()
    out = StringIO()
    call_command("purge_unconfirmed_volunteers", stdout=out)
    assert "2/2 deleted" in out.getvalue()  # progress
    assert out.getvalue().rstrip().endswith("2 unconfirmed account(s) deleted.")
    assert not User.objects.filter(pk__in=[old.pk, older.pk]).exists()
    assert not VolunteerProfile.objects.filter(display_name="old@example.org").exists()
    assert User.objects.filter(pk=recent.pk).exists()
    assert User.objects.filter(pk=not_a_volunteer.pk).exists()
    assert User.objects.filter(pk=tw.vol_a.pk).exists()  # confirmed
    assert User.objects.filter(pk=tw.editor_a.pk).exists()  # editors are never purged


def test_purge_refuses_bad_days(tw):
    with pytest.raises(CommandError):
        call_command("purge_unconfirmed_volunteers", "--days", "0", stdout=StringIO())
