"""Benchmark: the trainings progress report over 5,000 volunteers.

Run: ``.venv/bin/python bench/trainings_bench.py`` (test settings; set
``DATABASE_URL=postgres://...`` for PostgreSQL). It builds, in a throwaway test
database, one association with a course of 5 modules and 5,000 enrolled
volunteers at different stages, then times the report's first page, a
filtered page and the CSV export through the real admin URL (server time,
measured around Django's test client): the wall time, the CPU time of the
process (Python, and SQLite's work) and the time spent in SQL (PostgreSQL's
work is outside the process), with the number of queries.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

VOLUNTEERS = int(os.environ.get("BENCH_VOLUNTEERS", "5000"))


def build():
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone
    from wagtail.models import Page

    from tests.factories import make_association
    from trainings.models import (
        Certificate,
        CoursePage,
        Enrolment,
        ModulePage,
        ModuleProgress,
        TrainingIndexPage,
        VolunteerProfile,
    )

    association = make_association("bench", name="Bench", languages=["fr"])
    home = Page.objects.get(pk=association.site.root_page_id)
    index = TrainingIndexPage(title="Formations", slug="formations")
    home.add_child(instance=index)
    course = CoursePage(title="Bases", slug="bases", summary="s")
    index.add_child(instance=course)
    modules = []
    for i in range(5):
        module = ModulePage(title=f"M{i}", slug=f"m{i}")
        course.add_child(instance=module)
        module.save_revision().publish()
        modules.append(module)
    course.save_revision().publish()
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(username=f"v{i}@example.org", email=f"v{i}@example.org")
            for i in range(VOLUNTEERS)
        ]
    )
    VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(
                user=u, association=association, display_name=f"Volunteer {i}"
            )
            for i, u in enumerate(users)
        ]
    )
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                user=u, association=association, course_key=course.translation_key
            )
            for u in users
        ]
    )
    now = timezone.now()
    progress, certificates = [], []
    for i, (user, enrolment) in enumerate(zip(users, enrolments, strict=True)):
        done = i % 6
        for module in modules[:done]:
            progress.append(
                ModuleProgress(
                    enrolment=enrolment,
                    user=user,
                    association=association,
                    module_key=module.translation_key,
                    viewed_at=now,
                    passed_at=now,
                    best_score=100,
                    attempt_count=1,
                )
            )
        if done == 5:
            certificates.append(
                Certificate(
                    user=user,
                    association=association,
                    course_key=course.translation_key,
                    course_title="Bases",
                    display_name=f"Volunteer {i}",
                    content_version="x",
                    code=f"B{i:011d}",
                    module_versions={
                        str(m.translation_key): [m.pk, m.live_revision_id]
                        for m in modules
                    },
                )
            )
    ModuleProgress.objects.bulk_create(progress, batch_size=2000)
    Certificate.objects.bulk_create(certificates, batch_size=2000)
    coordinator = User.objects.create(
        username="bench-coordinator", is_superuser=True, is_staff=True
    )
    coordinator.groups.add(Group.objects.get(name=settings.NETWORK_COORDINATORS_GROUP))
    return association, coordinator


def timed(client, url, params, runs=7):
    """Median wall time, CPU time of this process, and SQL time (ms), and
    the number of SQL queries of one request."""
    from django.test.utils import CaptureQueriesContext

    walls, cpus, sqls, count = [], [], [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            response = client.get(url, params)
            if response.streaming:
                b"".join(response.streaming_content)
            walls.append((time.perf_counter() - start) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, response.status_code
        sqls.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        count = len(queries.captured_queries)
    median = statistics.median
    return median(walls), median(cpus), median(sqls), count


def main():
    from django.test import Client

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        start = time.perf_counter()
        association, coordinator = build()
        sys.stdout.write(
            f"built {VOLUNTEERS} volunteers in {time.perf_counter() - start:.1f} s\n"
        )
        client = Client(HTTP_HOST=association.site.hostname)
        client.force_login(coordinator)
        url = "/admin/reports/trainings/progress/"
        rows = [
            ("progress report, first page", timed(client, url, {})),
            (
                "progress report, completed only",
                timed(client, url, {"status": "completed"}),
            ),
            (
                "progress report, CSV export (all rows)",
                timed(client, url, {"export": "csv"}, runs=3),
            ),
            (
                "completions report",
                timed(client, "/admin/reports/trainings/completions/", {}),
            ),
        ]
        vendor = connection.vendor
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        sys.stdout.write(
            f"{vendor}, {VOLUNTEERS} volunteers, load average {load}\n"
            "| measure | median wall | median CPU | median SQL time | queries |\n"
            "|---|---|---|---|---|\n"
        )
        for label, (wall, cpu, sql, count) in rows:
            sys.stdout.write(
                f"| {label} | {wall:.0f} ms | {cpu:.0f} ms | {sql:.0f} ms | {count} |\n"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
