"""Drafts leak nowhere: pages, feeds, search, sitemap."""

import pytest

SECRETS = ["Numéro brouillon", "Article brouillon secret", "Brouillon du numéro trois"]


def assert_no_secret(content):
    text = content.decode() if isinstance(content, bytes) else content
    for secret in SECRETS + ["Texte en attente"]:
        assert secret not in text


@pytest.mark.parametrize(
    "path",
    [
        "/fr/journal/",
        "/fr/journal/2026/",
        "/fr/journal/numero-2/",
        "/fr/journal/feeds/issues/",
        "/fr/journal/feeds/articles/",
        "/sitemap.xml",
    ],
)
def test_drafts_do_not_leak(visit, jworld, path):
    assert_no_secret(visit(path).content)


def test_draft_pages_answer_404(visit, jworld):
    assert visit("/fr/journal/numero-3/").status_code == 404
    assert visit("/fr/journal/numero-3/b3/").status_code == 404
    assert visit("/fr/journal/numero-2/brouillon/").status_code == 404
    assert visit("/fr/journal/numero-1/attente/").status_code == 404
    assert visit("/fr/journal/numero-3/pdf/").status_code == 404


@pytest.mark.parametrize("query", ["brouillon", "secret", "attente", "trois"])
def test_search_finds_no_draft(visit, jworld, query):
    assert_no_secret(visit("/fr/journal/search/", q=query).content)
    assert_no_secret(visit("/fr/search/", q=query).content)


def test_search_finds_live_articles_in_the_visitors_language(visit, jworld):
    french = visit("/fr/journal/search/", q="dune").content.decode()
    assert "Premier texte" in french
    arabic = visit("/ar/journal/search/", q="البحر").content.decode()
    assert "قصيدة البحر" in arabic and "Premier texte" not in arabic
    assert (
        "Premier texte" not in visit("/ar/journal/search/", q="vent").content.decode()
    )


def test_sitemap_lists_live_articles(visit, jworld):
    sitemap = visit("/sitemap.xml").content.decode()
    assert "/fr/journal/numero-1/premier-texte/" in sitemap
    assert "/fr/journal/numero-3/" not in sitemap


def test_unpublishing_an_issue_unpublishes_its_articles(visit, jworld):
    from journal.models import IssuePage

    IssuePage.objects.get(pk=jworld.issue2.pk).unpublish()
    assert visit("/fr/journal/numero-2/hiver/").status_code == 404
    assert_no_secret(visit("/fr/journal/feeds/articles/").content)
    assert (
        "Les dunes en hiver"
        not in visit("/fr/journal/feeds/articles/").content.decode()
    )
    assert "Les dunes en hiver" not in visit("/sitemap.xml").content.decode()
