"""Directory entries in the site search (``register_site_search_provider``)
and words matched through their stems in the directory's ``q``."""

import pytest
from django.utils import translation

from tests.directory.conftest import make_org, translate
from tests.directory.test_pages import add_directory_page


def tr(language, message):
    with translation.override(language):
        return translation.gettext(message)


def see_all(language, count):
    with translation.override(language):
        text = translation.ngettext(
            "See the %(count)s place in the directory",
            "See the %(count)s places in the directory",
            count,
        )
    return text % {"count": count}


@pytest.fixture
def places(network):
    alpha, beta = network.alpha, network.beta
    showers = make_org(
        alpha,
        "Douches du port",
        categories=("hygiene",),
        description="Des douches chaudes et une laverie, sans rendez-vous.",
    )
    translate(
        showers,
        "en",
        name="Harbour showers",
        description="Hot showers and a laundry, no appointment.",
    )
    make_org(
        beta,
        "Maraudes du soir",
        description="Une maraude passe chaque soir avec du thé.",
        city="Dunkerque",
    )
    make_org(beta, "Pharmacie solidaire", categories=("sante",))
    return showers


def site_search(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def group_of(html):
    """The directory group's HTML, or "" when the page has none."""
    if 'id="search-group-directory"' not in html:
        return ""
    return html.split('id="search-group-directory"', 1)[1].split("</section>", 1)[0]


def test_member_site_search_lists_directory_entries(network, places, client_for):
    add_directory_page(network.alpha)
    html = site_search(client_for(network.alpha), "fr", "douche")
    group = group_of(html)
    assert tr("fr", "Places in the directory") in group
    assert tr("fr", "Places in the directory") == "Lieux de l’annuaire"
    assert "Douches du port" in group
    assert "Des <mark>douches</mark> chaudes et une laverie" in group
    assert (
        f'/fr/annuaire/org/{places.pk}/douches-du-port/">Douches du port</a>' in group
    )
    assert 'href="/fr/annuaire/?q=douche#results"' in group
    assert see_all("fr", 1) in group
    # a query matching no entry shows no group
    assert group_of(site_search(client_for(network.alpha), "fr", "piscine")) == ""


def test_hub_search_covers_the_network_directory(network, places, client_for):
    add_directory_page(network.hub)
    client = client_for(network.hub)
    group = group_of(site_search(client, "fr", "douche"))
    assert "Douches du port" in group
    # singular or plural, either way round
    assert "Maraudes du soir" in group_of(site_search(client, "fr", "maraude"))
    assert "Maraudes du soir" in group_of(site_search(client, "fr", "maraudes"))


def test_entries_are_shown_in_the_visitors_language(network, places, client_for):
    add_directory_page(network.alpha)
    client = client_for(network.alpha)
    group = group_of(site_search(client, "en", "showers"))
    assert "Harbour showers" in group
    assert "Douches du port" not in group
    assert "Hot <mark>showers</mark> and a laundry" in group
    # an entry not translated into Arabic appears in French
    assert "Douches du port" in group_of(site_search(client, "ar", "douches"))


def test_own_entries_only_and_plugin_switched_off(network, places, client_for):
    add_directory_page(network.alpha, own_entries_only=True)
    client = client_for(network.alpha)
    assert group_of(site_search(client, "fr", "maraude")) == ""
    assert "Douches du port" in group_of(site_search(client, "fr", "douche"))
    network.alpha.plugins = [
        name for name in network.alpha.plugins if name != "directory"
    ]
    network.alpha.save()
    assert group_of(site_search(client, "fr", "douche")) == ""


def test_site_search_with_entries_has_a_query_ceiling(
    network, places, client_for, django_assert_max_num_queries
):
    add_directory_page(network.alpha)
    for number in range(8):
        make_org(network.alpha, f"Douche {number}", external_id=f"douche-{number}")
    client = client_for(network.alpha)
    site_search(client, "fr", "douche")
    with django_assert_max_num_queries(16):
        html = site_search(client, "fr", "douche")
    assert group_of(html).count("<li>") == 5
    assert see_all("fr", 9) == "Voir les 9 lieux dans l’annuaire"
    assert see_all("fr", 9) in html


def api_names(api, **params):
    response = api(**params)
    assert response.status_code == 200, response.content
    return sorted(row["name"] for row in response.json()["results"])


def test_api_q_matches_singular_and_plural(network, places, api):
    assert api_names(api, q="maraude") == ["Maraudes du soir"]
    assert api_names(api, q="maraudes") == ["Maraudes du soir"]
    assert api_names(api, q="douche") == ["Douches du port"]
    assert api_names(api, q="laveries") == ["Douches du port"]
    # a stem is no prefix: "phare" does not find the "pharmacie"
    assert api_names(api, q="phare") == []
    assert api_names(api, q="pharmacie") == ["Pharmacie solidaire"]
