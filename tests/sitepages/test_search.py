"""Site search: this site and this language only; any input gives a page."""

import pytest
from django.core.management import call_command

from sitepages.models import ContentPage
from tests.sitepages.conftest import add_page, home_of, ntr, tr, translate


@pytest.fixture
def searchable(network):
    alpha_page = add_page(
        home_of(network.alpha),
        ContentPage,
        title="Permanence juridique",
        introduction="Conseils sur le droit des étrangers",
    )
    translate(alpha_page, "en", title="Legal drop-in", introduction="Legal advice")
    add_page(
        home_of(network.beta),
        ContentPage,
        title="Permanence santé",
        introduction="Soins et premiers secours",
    )
    for number in range(12):
        add_page(
            home_of(network.alpha),
            ContentPage,
            title=f"Maraude {number}",
            slug=f"maraude-{number}",
        )
    call_command("update_index", verbosity=0)
    return alpha_page


def RESULTS(language, count, query):
    return ntr(
        language,
        "%(counter)s result for “%(query)s”",
        "%(counter)s results for “%(query)s”",
        count,
        query=query,
    )


def search(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_results_come_from_this_site_only(network, searchable, client_for):
    html = search(client_for(network.alpha), "fr", q="permanence")
    assert "Permanence juridique" in html
    assert "Permanence santé" not in html
    html = search(client_for(network.beta), "fr", q="permanence")
    assert "Permanence santé" in html
    assert "Permanence juridique" not in html


def test_results_come_from_this_language_only(network, searchable, client_for):
    html = search(client_for(network.alpha), "en", q="legal")
    assert "Legal drop-in" in html
    assert "Permanence juridique" not in html
    html = search(client_for(network.alpha), "fr", q="juridique")
    assert "Permanence juridique" in html
    assert "Legal drop-in" not in html
    assert '<html lang="fr" dir="ltr">' in html


def test_results_are_paginated(network, searchable, client_for):
    client = client_for(network.alpha)
    first = search(client, "fr", q="maraude")
    assert RESULTS("fr", 12, "maraude") in first
    assert first.count('<li><a href="/fr/maraude-') == 10
    assert "page=2" in first and "q=maraude" in first
    second = search(client, "fr", q="maraude", page="2")
    assert second.count('<li><a href="/fr/maraude-') == 2
    for bad in ("abc", "999999", "-1", ""):
        search(client, "fr", q="maraude", page=bad)


def test_empty_query_invites_to_search(network, client_for):
    html = search(client_for(network.alpha), "ar")
    assert (
        tr(
            "ar",
            "Type one or more words, then press Search. Only this site, in this "
            "language, is searched.",
        )
        in html
    )
    assert '<html lang="ar" dir="rtl">' in html


def test_nothing_found_says_so(network, searchable, client_for):
    html = search(client_for(network.alpha), "fr", q="introuvable")
    assert RESULTS("fr", 0, "introuvable") in html
    assert tr("fr", "Nothing was found. Try other words, or fewer words.") in html


@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"unbalanced',
        "AND OR NOT",
        "*",
        "%",
        "\u202e\u200f",
        "日本語 العربية ትግርኛ",
        "   ",
    ],
)
def test_odd_queries_never_fail(network, searchable, client_for, query):
    html = search(client_for(network.alpha), "fr", q=query)
    assert "<script>alert(1)</script>" not in html


def test_long_query_is_cut_and_the_visitor_told(network, client_for):
    html = search(client_for(network.alpha), "fr", q="permanence " * 50)
    message = "Your search was too long; only its first %(count)s characters were used."
    assert tr("fr", message, count=200) in html


def test_search_query_count_is_bounded(
    network, searchable, client_for, django_assert_max_num_queries
):
    client = client_for(network.alpha)
    search(client, "fr", q="maraude")
    # pages (about 7) and each plugin's group (the directory's: about 7,
    # with the savepoint around its search); not one more per result
    with django_assert_max_num_queries(16):
        search(client, "fr", q="maraude")


@pytest.fixture
def words_pages(network):
    """Pages whose words differ from what a visitor types (plural, accents)."""
    home = home_of(network.alpha)
    add_page(
        home,
        ContentPage,
        title="Nos maraudes",
        introduction="Des maraudes le soir, avec du thé et des couvertures.",
    )
    add_page(
        home,
        ContentPage,
        title="Santé",
        introduction="Une infirmière reçoit sans rendez-vous le mardi.",
    )
    add_page(home, ContentPage, title="La maraude du jeudi", slug="jeudi")
    english = add_page(home, ContentPage, title="Pharmacie", slug="pharmacie")
    translate(english, "en", title="Showers", introduction="Hot showers every day.")
    return home


def titles(html):
    """The titles of the page results (the first list of results)."""
    if '<ul class="search-results"' not in html:
        return []
    results = html.split('<ul class="search-results"', 1)[1].split("</ul>", 1)[0]
    return sorted(
        item.split('">', 1)[1].split("</a>", 1)[0]
        for item in results.split('<li><a href="')[1:]
    )


@pytest.mark.parametrize("query", ["maraude", "maraudes", "MARAUDES", "marau"])
def test_singular_plural_and_prefixes_find_the_same_pages(
    network, words_pages, client_for, query
):
    html = search(client_for(network.alpha), "fr", q=query)
    assert titles(html) == ["La maraude du jeudi", "Nos maraudes"]


def test_accents_and_stems_are_matched(network, words_pages, client_for):
    client = client_for(network.alpha)
    assert titles(search(client, "fr", q="sante")) == ["Santé"]
    assert titles(search(client, "fr", q="infirmieres")) == ["Santé"]
    # a stem is not a prefix: "phare" finds no "pharmacie"
    assert titles(search(client, "fr", q="phare")) == []
    # English pages are stemmed in English
    assert titles(search(client, "en", q="shower")) == ["Showers"]


def test_every_word_must_match(network, words_pages, client_for):
    client = client_for(network.alpha)
    assert titles(search(client, "fr", q="maraudes soir")) == ["Nos maraudes"]
    assert titles(search(client, "fr", q="maraudes mardi")) == []


def test_results_have_a_highlighted_excerpt(network, words_pages, client_for):
    html = search(client_for(network.alpha), "fr", q="couverture")
    assert (
        '<p class="search-hit__excerpt">Des maraudes le soir, avec du thé et des '
        "<mark>couvertures</mark>.</p>"
    ) in html
    html = search(client_for(network.alpha), "fr", q="maraude")
    assert "Des <mark>maraudes</mark> le soir" in html


def test_results_page_is_a_plain_form(network, words_pages, client_for):
    """Works without JavaScript: a GET form, results in the HTML."""
    html = search(client_for(network.alpha), "fr", q="maraude")
    assert '<form class="search-form" role="search" method="get"' in html
    assert 'name="q" value="maraude"' in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]
