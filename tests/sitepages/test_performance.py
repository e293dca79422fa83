"""Query ceilings (at most 12 per page, not growing with the number of items)
and page weight (HTML + CSS + JS under 100 KB, uncompressed).

Navigation data is cached (sitepages.cache); each measurement is taken on a
second request, as for every visitor after the first one since the last
publication.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sitepages.models import MembersPage, NetworkNewsPage, NewsIndexPage
from tests.factories import make_association
from tests.sitepages.conftest import add_page, add_updates, home_of, path_of

MAX_QUERIES = 12
# the site search also asks each plugin for its group of results (the directory)
SEARCH_MAX_QUERIES = 16
PAGE_WEIGHT_LIMIT = 100 * 1024


def count_queries(client, url):
    for _warm_up in range(2):  # per-site caches: navigation, theme, association
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("key", ["home", "content", "plan", "news", "update"])
def test_member_pages_stay_under_the_query_ceiling(
    network, pages, client_for, django_assert_max_num_queries, key
):
    client = client_for(network.alpha)
    for page in pages[key].values():
        client.get(path_of(page))
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(path_of(page)).status_code == 200


@pytest.mark.parametrize("key", ["members", "network_news"])
def test_hub_pages_stay_under_the_query_ceiling(
    network, pages, client_for, django_assert_max_num_queries, key
):
    client = client_for(network.hub)
    for page in pages[key].values():
        client.get(path_of(page))
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(path_of(page)).status_code == 200


def test_search_and_404_stay_under_the_query_ceiling(
    network, client_for, django_assert_max_num_queries
):
    client = client_for(network.alpha)
    for url, ceiling in (
        ("/ar/search/?q=permanence", SEARCH_MAX_QUERIES),
        ("/en/missing/", MAX_QUERIES),
    ):
        client.get(url)
        with django_assert_max_num_queries(ceiling):
            assert client.get(url).status_code in (200, 404)


def test_news_queries_do_not_grow_with_updates(network, client_for):
    home = home_of(network.alpha)
    news = add_page(home, NewsIndexPage, title="Actualités")
    hub_news = add_page(home_of(network.hub), NetworkNewsPage, title="Réseau")
    alpha, hub = client_for(network.alpha), client_for(network.hub)
    add_updates(news, 3, prefix="First")
    few = [
        count_queries(alpha, "/fr/"),
        count_queries(alpha, path_of(news)),
        count_queries(hub, path_of(hub_news)),
    ]
    add_updates(news, 27, prefix="More")
    many = [
        count_queries(alpha, "/fr/"),
        count_queries(alpha, path_of(news)),
        count_queries(hub, path_of(hub_news)),
    ]
    assert few == many
    assert max(many) <= MAX_QUERIES


def test_members_queries_do_not_grow_with_members(network, client_for):
    members = add_page(home_of(network.hub), MembersPage, title="Membres")
    hub = client_for(network.hub)
    make_association("gamma", name="Gamma", languages=["fr"])
    few = count_queries(hub, path_of(members))
    assert few <= MAX_QUERIES
    for number in range(27):
        make_association(f"member{number}", languages=["fr", "ar"])
    response = hub.get(path_of(members))
    assert response.content.decode().count('class="card member"') == 30
    assert count_queries(hub, path_of(members)) == few


def test_text_pages_weigh_under_100_kb(network, pages, client_for):
    css = Path(settings.BASE_DIR, "static", "css", "site.css").read_bytes()
    client = client_for(network.alpha)
    for key in ("home", "content", "plan", "news", "update"):
        for page in pages[key].values():
            html = client.get(path_of(page)).content
            assert b"<script" not in html  # no JS needed
            assert len(html) + len(css) < PAGE_WEIGHT_LIMIT, key


def quebec_sized_plan():
    """5 axes x 3 objectives x 4 actions = 60 actions (the Quebec plan has 58),
    with action texts as long as the real ones."""
    text = (
        "Renouveler et bonifier les ententes avec les organismes qui interviennent "
        "de façon concertée dans la prévention, l'intervention et la sortie de rue."
    )
    roles = ["responsible", "mobiliser", "collaborator", "contributor"]
    return [
        {
            "type": "axis",
            "value": {
                "title": f"Axe numéro {axis}",
                "description": "Une description de l'axe en une phrase.",
                "objectives": [
                    {
                        "title": f"Objectif {axis}.{objective} : " + text[:90],
                        "targets": ["Une cible mesurable", "Une autre cible"],
                        "actions": [
                            {
                                "text": text,
                                "role": roles[action],
                                "years": ["2024", "2025", "2026"][action % 3 :],
                            }
                            for action in range(4)
                        ],
                    }
                    for objective in range(1, 4)
                ],
            },
        }
        for axis in range(1, 6)
    ]


def test_a_sixty_action_plan_weighs_under_100_kb(network, client_for):
    from sitepages.models import ActionPlanPage

    plan = add_page(
        home_of(network.alpha),
        ActionPlanPage,
        title="Plan d'action",
        start_year=2024,
        end_year=2026,
        axes=quebec_sized_plan(),
    )
    css = Path(settings.BASE_DIR, "static", "css", "site.css").read_bytes()
    html = client_for(network.alpha).get(path_of(plan)).content
    assert html.count(b'class="plan-table__action"') == 60
    assert len(html) + len(css) < PAGE_WEIGHT_LIMIT
