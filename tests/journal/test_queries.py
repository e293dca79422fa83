"""An issue page's query count does not grow with its articles."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.journal.conftest import article, issue


def test_issue_page_query_count_is_constant(
    visit, jworld, django_assert_max_num_queries
):
    big = issue(jworld.journal, 40, "Grand numéro", dt.date(2025, 6, 1))
    for n in range(3):
        article(big, f"Texte {n}", [jworld.nour, jworld.anon], slug=f"t{n}")
    url = "/fr/journal/numero-40/"
    visit(url)  # warm caches (site, theme, renditions)
    connection.queries_log.clear()  # a full log (maxlen) would count nothing
    with CaptureQueriesContext(connection) as three:
        assert visit(url).status_code == 200
    count = len(three.captured_queries)
    assert count > 5
    for n in range(3, 30):
        article(big, f"Texte {n}", [jworld.nour, jworld.anon], slug=f"t{n}")
    visit(url)
    connection.queries_log.clear()
    with django_assert_max_num_queries(count):
        response = visit(url)
    assert response.content.decode().count('class="toc__item"') == 30
