"""Import uploads are deleted on confirm, on cancel, or after a day (finding 14)."""

import os
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from directory.models import Organisation
from directory.uploads import UPLOAD_DIR, upload_path
from tests.directory.test_admin import as_user
from tests.directory.test_import import GOOD, csv_bytes

URL = "/admin/directory/import/"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def stored(media):
    folder = media / UPLOAD_DIR
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def preview(client, network):
    response = client.post(
        URL,
        {
            "association": network.alpha.pk,
            "file": SimpleUploadedFile("x.csv", csv_bytes(*GOOD), "text/csv"),
        },
    )
    body = response.content.decode()
    return body.split('name="token" value="')[1].split('"')[0]


def age(media, name, hours):
    path = media / UPLOAD_DIR / name
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_confirm_deletes_the_upload(client_for, network, media):
    client = as_user(client_for, network, network.editor_a)
    token = preview(client, network)
    assert stored(media) == [f"{token}.csv"]
    done = client.post(
        URL, {"confirm": "1", "token": token, "association": network.alpha.pk}
    )
    assert done.status_code == 302
    assert Organisation.objects.filter(association=network.alpha).count() == 3
    assert stored(media) == []


def test_cancel_deletes_the_upload_and_imports_nothing(client_for, network, media):
    client = as_user(client_for, network, network.editor_a)
    token = preview(client, network)
    page = client.get(URL)
    assert page.status_code == 200
    cancelled = client.post(
        URL, {"cancel": "1", "token": token, "association": network.alpha.pk}
    )
    assert cancelled.status_code == 302
    assert stored(media) == []
    assert not Organisation.objects.exists()
    # the token is gone: confirming it afterwards imports nothing
    late = client.post(
        URL, {"confirm": "1", "token": token, "association": network.alpha.pk}
    )
    assert late.status_code == 302
    assert not Organisation.objects.exists()


def test_the_preview_offers_a_cancel_button(client_for, network, media):
    client = as_user(client_for, network, network.editor_a)
    response = client.post(
        URL,
        {
            "association": network.alpha.pk,
            "file": SimpleUploadedFile("x.csv", csv_bytes(*GOOD), "text/csv"),
        },
    )
    body = response.content.decode()
    assert 'name="cancel"' in body and 'name="confirm"' in body


def test_a_new_import_purges_uploads_older_than_a_day(client_for, network, media):
    default_storage.save(upload_path("old"), ContentFile(b"x"))
    default_storage.save(upload_path("recent"), ContentFile(b"x"))
    age(media, "old.csv", 25)
    age(media, "recent.csv", 2)
    client = as_user(client_for, network, network.editor_a)
    token = preview(client, network)
    assert stored(media) == sorted([f"{token}.csv", "recent.csv"])


def test_purge_command(media):
    for name, hours in [("a", 30), ("b", 25), ("c", 23)]:
        default_storage.save(upload_path(name), ContentFile(b"x"))
        age(media, f"{name}.csv", hours)
    out = StringIO()
    call_command("purge_directory_uploads", "--dry-run", stdout=out)
    assert "Would delete 2 upload(s) older than 24 h." in out.getvalue()
    assert f"{UPLOAD_DIR}/a.csv (1)" in out.getvalue()
    assert stored(media) == ["a.csv", "b.csv", "c.csv"]
    out = StringIO()
    call_command("purge_directory_uploads", stdout=out)
    assert "Deleted 2 upload(s)" in out.getvalue()
    assert stored(media) == ["c.csv"]
    out = StringIO()
    call_command("purge_directory_uploads", "--older-than-hours", "1", stdout=out)
    assert "Deleted 1 upload(s) older than 1 h." in out.getvalue()
    assert stored(media) == []


def test_purge_command_without_uploads_and_bad_age(media):
    out = StringIO()
    call_command("purge_directory_uploads", stdout=out)
    assert "Deleted 0 upload(s)" in out.getvalue()
    with pytest.raises(CommandError, match="older-than-hours"):
        call_command("purge_directory_uploads", "--older-than-hours", "-1")
