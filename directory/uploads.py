"""Stored import uploads: kept only between preview and confirmation.

The admin import view (``directory.admin_views``) stores an uploaded CSV in
the default storage under ``UPLOAD_DIR`` so that the editor can confirm the
previewed file. The file is deleted when the import is confirmed or
cancelled, and ``purge_uploads`` deletes leftovers older than a day (run by
``manage.py purge_directory_uploads`` from cron and at the start of each new
import).
"""

import datetime as dt

from django.core.files.storage import default_storage
from django.utils import timezone

UPLOAD_DIR = "directory-imports"
MAX_AGE_HOURS = 24


def upload_path(token) -> str:
    return f"{UPLOAD_DIR}/{token}.csv"


def delete_upload(token) -> None:
    """Forget the stored upload ``token`` (nothing happens if it is gone)."""
    path = upload_path(token)
    if default_storage.exists(path):
        default_storage.delete(path)


def stale_uploads(older_than_hours: float = MAX_AGE_HOURS, now=None) -> list[str]:
    """Paths of stored uploads last modified more than ``older_than_hours`` ago."""
    if not default_storage.exists(UPLOAD_DIR):
        return []
    cutoff = (now or timezone.now()) - dt.timedelta(hours=older_than_hours)
    _dirs, files = default_storage.listdir(UPLOAD_DIR)
    stale = []
    for name in sorted(files):
        path = f"{UPLOAD_DIR}/{name}"
        try:
            modified = default_storage.get_modified_time(path)
        except FileNotFoundError:
            continue  # deleted meanwhile by a confirmation
        if timezone.is_naive(modified):
            modified = timezone.make_aware(modified, dt.UTC)
        if modified < cutoff:
            stale.append(path)
    return stale


def purge_uploads(older_than_hours: float = MAX_AGE_HOURS, *, dry_run=False, now=None):
    """Delete (or with ``dry_run`` only list) stale uploads; yield each path."""
    for path in stale_uploads(older_than_hours, now=now):
        if not dry_run:
            try:
                default_storage.delete(path)
            except FileNotFoundError:
                continue
        yield path
