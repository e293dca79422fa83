"""The journal's demo loader: two issues in four languages, idempotent."""

import io

from journal.demo import load
from journal.models import ArticlePage, Contributor, IssuePage, JournalIndexPage


def test_demo_loads_once(jworld, visit):
    out = io.StringIO()
    load(out, [jworld.hub, jworld.alpha])
    journal = JournalIndexPage.objects.get(
        slug="journal",
        locale__language_code="fr",
        path__startswith=jworld.hub.site.root_page.path,
    )
    issues = IssuePage.objects.child_of(journal).live()
    assert issues.count() == 2
    for issue in issues:
        articles = ArticlePage.objects.child_of(issue).live()
        assert articles.count() >= 4
        assert {a.original_language for a in articles} == {"fr", "ar", "en", "ps"}
    assert Contributor.objects.filter(association=jworld.hub, anonymous=True).exists()
    count = ArticlePage.objects.count()
    load(io.StringIO(), [jworld.hub])
    assert ArticlePage.objects.count() == count
    translated = ArticlePage.objects.filter(
        locale__language_code="fr",
        original_language="ar",
        path__startswith=journal.path,
    ).first()
    html = visit(
        translated.url.split("localhost", 1)[1], association=jworld.hub
    ).content.decode()
    assert "Traduit de arabe par Léa" in html or "par Léa" in html
    assert 'lang="ar" dir="rtl"' in html
