"""Totals never lose a pledge under concurrent submissions.

* PostgreSQL: 50 threads, each with its own connection, post a pledge through
  the real page at once; the ledger then holds exactly 50 pledges and their sum.
* SQLite: with the project's ``SQLITE_OPTIONS`` (WAL, busy timeout, immediate
  transactions), a burst of threaded read-then-write transactions on a file
  database never raises "database is locked".

These tests commit (``transaction=True``), so they live outside tests/appeals,
whose package-scoped data sits in one rolled-back transaction.
"""

import datetime
import sqlite3
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client, override_settings

from network.settings.base import SQLITE_OPTIONS
from tests.factories import make_association

# They commit and flush the database, taking the rows made by migrations with
# them: they run in a process of their own, after the suite (Makefile, .ci/run).
pytestmark = pytest.mark.concurrency

THREADS = 50


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL=postgres://...)",
)
# serialized_rollback: the flush after a committing test would otherwise take
# the rows made by migrations (locales, the root page) from the next tests
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(PLEDGE_RATE_LIMIT="1000/m")
def test_fifty_concurrent_pledges_leave_exact_totals():
    from sitepages.models import AppealPage, Pledge

    alpha = make_association("alpha", name="Alpha", languages=["fr"])
    appeal = AppealPage(
        title="Appel",
        slug="appel",
        summary="Résumé",
        goal=Decimal("100000"),
        start_date=datetime.date.today(),
    )
    alpha.site.root_page.add_child(instance=appeal)
    appeal.save_revision().publish()
    barrier = threading.Barrier(THREADS)
    statuses, errors = [], []

    def submit(index):
        try:
            client = Client(HTTP_HOST="alpha.localhost", REMOTE_ADDR=f"10.0.0.{index}")
            barrier.wait()
            response = client.post(
                "/fr/appel/",
                {
                    "amount": f"{index + 1}.25",
                    "payment_method": "transfer",
                    "public_display": "anonymous",
                    "consent": "on",
                },
            )
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses == [303] * THREADS
    expected = sum(Decimal(f"{i + 1}.25") for i in range(THREADS))
    assert Pledge.objects.count() == THREADS
    for pledge in Pledge.objects.all():
        pledge.mark_received()
    totals = AppealPage.objects.get(pk=appeal.pk).ledger()
    assert totals.received == expected
    assert totals.supporters == THREADS
    assert len(set(Pledge.objects.values_list("reference", flat=True))) == THREADS


def _wrapper(path, options=SQLITE_OPTIONS):
    return DatabaseWrapper(
        {
            "NAME": str(path),
            "ENGINE": "django.db.backends.sqlite3",
            "OPTIONS": dict(options),
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        },
        alias=f"burst-{threading.get_ident()}",
    )


def _burst(path, threads=20, writes=10, options=SQLITE_OPTIONS):
    setup = _wrapper(path, options)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE pledge (amount INTEGER NOT NULL)")
    setup.close()
    errors = []
    barrier = threading.Barrier(threads)

    def writer():
        db = _wrapper(path, options)
        try:
            barrier.wait()
            for _ in range(writes):
                _read_then_write(db)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(repr(error))
        finally:
            db.close()

    workers = [threading.Thread(target=writer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    check = sqlite3.connect(path)
    count = check.execute("SELECT COUNT(*) FROM pledge").fetchone()[0]
    check.close()
    return errors, count


def _read_then_write(db):
    """One transaction that reads the total then inserts, through Django's
    wrapper (so ``transaction_mode`` decides how it begins)."""
    from django.db import transaction

    connections[db.alias] = db
    try:
        with transaction.atomic(using=db.alias):
            with db.cursor() as cursor:
                cursor.execute("SELECT COALESCE(SUM(amount), 0) FROM pledge")
                cursor.fetchone()
                cursor.execute("INSERT INTO pledge (amount) VALUES (1)")
    finally:
        del connections[db.alias]


def test_sqlite_burst_never_reports_database_is_locked(tmp_path, django_db_blocker):
    with django_db_blocker.unblock():  # a scratch file, not the test database
        errors, count = _burst(tmp_path / "burst.sqlite3")
    assert errors == []
    assert count == 20 * 10


def test_sqlite_options_are_those_of_the_settings():
    assert SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in SQLITE_OPTIONS["init_command"]
    assert "busy_timeout" in SQLITE_OPTIONS["init_command"]


def test_sqlite_burst_without_immediate_transactions_does_lock(
    tmp_path, django_db_blocker
):
    """Control: the same burst with deferred transactions and no busy
    timeout fails, so the test above can fail."""
    with django_db_blocker.unblock():
        errors, _count = _burst(
            tmp_path / "control.sqlite3",
            options={"init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=0"},
        )
    assert any("locked" in error for error in errors)
