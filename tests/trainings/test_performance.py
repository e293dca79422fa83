"""The volunteer dashboard keeps a constant number of queries."""

from django.urls import reverse

from tests.trainings.conftest import add
from trainings.models import CoursePage, Enrolment, ModulePage


def _courses(tw, count, modules_each, start=0):
    for c in range(count):
        course = add(
            tw.index,
            CoursePage(
                title=f"Extra {start + c}",
                slug=f"extra-{start + c}",
                summary="s",
                open_to_network=True,
            ),
        )
        for m in range(modules_each):
            add(course, ModulePage(title=f"Extra {c}.{m}", slug=f"m{m}"))
        Enrolment.objects.create(
            user=tw.vol_a, course_key=course.translation_key, association=tw.alpha
        )


def test_dashboard_queries_do_not_grow(as_user, tw, django_assert_max_num_queries):
    client = as_user(tw.vol_a)
    _courses(tw, 2, 5)
    client.get(reverse("volunteer_dashboard"))  # warm caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("volunteer_dashboard")).status_code == 200
    few = len(small.captured_queries)  # 2 courses, 10 modules
    _courses(tw, 8, 5, start=2)  # 10 courses, 50 modules in all
    client.get(reverse("volunteer_dashboard"))  # warm the site caches again
    with django_assert_max_num_queries(few):
        response = client.get(reverse("volunteer_dashboard"))
    assert response.status_code == 200
    assert response.content.decode().count("<progress") == 10
