"""Atom feeds, parsed with feedparser: live pages only, in the page's language."""

import feedparser


def parse(visit, path):
    response = visit(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_issues_feed(visit, jworld):
    feed = parse(visit, "/fr/journal/feeds/issues/")
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Les dunes", "La traversée"]
    assert all(entry.summary for entry in feed.entries)
    assert len({entry.updated for entry in feed.entries}) == len(feed.entries)
    assert all(
        entry.link.startswith("http://alpha.localhost/fr/") for entry in feed.entries
    )
    assert b'xml:lang="fr"' in visit("/fr/journal/feeds/issues/").content


def test_articles_feed_lists_live_articles_of_live_issues(visit, jworld):
    feed = parse(visit, "/fr/journal/feeds/articles/")
    titles = {entry.title for entry in feed.entries}
    assert titles == {"Premier texte", "قصيدة البحر", "Les dunes en hiver"}
    assert all(entry.summary for entry in feed.entries)
    assert len({entry.updated for entry in feed.entries}) == len(feed.entries)
    raw = visit("/fr/journal/feeds/articles/").content.decode()
    assert raw.count('<entry xml:lang="fr">') == 3


def test_arabic_feed_is_arabic(visit, jworld):
    feed = parse(visit, "/ar/journal/feeds/articles/")
    assert [entry.title for entry in feed.entries] == ["قصيدة البحر"]
    assert (
        feed.feed.language == "ar"
        or 'xml:lang="ar"' in visit("/ar/journal/feeds/articles/").content.decode()
    )
    issues = parse(visit, "/ar/journal/feeds/issues/")
    assert [entry.title for entry in issues.entries] == ["العبور"]
