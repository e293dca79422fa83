"""The public directory page: list, filters, detail, share and print views.

Time is frozen on Tuesday 24 November 2026 at 19:00 in Paris (the young man
arriving in Calais in the issue), so opening states are hand-computable.
"""

import datetime as dt
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from directory.models import Organisation, StatusChoices
from directory.pages import SHARE_MAX_CHARS, DirectoryPage
from network.models import ThemeSettings
from sitepages.models import ContentPage, HomePage
from tests.directory.conftest import CALAIS, make_org, paris, translate
from tests.factories import make_association

NOW = paris(2026, 11, 24, 19, 0)  # a Tuesday
# Wagtail's routing and the shared base template take 10 queries on every
# page (site, locale, four page lookups, alias check, view restrictions,
# association, theme). The directory adds at most 6 (open-hours candidates,
# count, the page of entries, their categories and stops) whatever the number
# of entries.
QUERY_CEILING = 12
# About 300 m and 3 km from Calais town hall.
NEAR = (50.9540, 1.8587)
FAR = (50.9783, 1.8587)


@pytest.fixture(autouse=True)
def empty_cache():
    """Category names and town centres are cached; start every test afresh."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def add_directory_page(association, languages=("en", "ar"), **fields):
    home = association.site.root_page.specific
    page = home.add_child(
        instance=DirectoryPage(title="Annuaire", slug="annuaire", **fields)
    )
    page.save_revision().publish()
    for code in languages:
        copy = page.copy_for_translation(Locale.objects.get(language_code=code))
        copy.save_revision().publish()
    return page


@pytest.fixture
def directory_page(network):
    return add_directory_page(network.alpha)


@pytest.fixture
def entries(network, frozen_now):
    """Hand-made entries whose state at NOW is known."""
    alpha, beta = network.alpha, network.beta
    return {
        "dinner": make_org(
            alpha,
            "Repas du soir",
            categories=("alimentation",),
            opening_hours="Mo-Su 18:00-20:00",
            latitude=NEAR[0],
            longitude=NEAR[1],
            address="12 rue de la Mer",
            phone="03 21 00 00 01",
            email="repas@example.org",
            website="https://repas.example.org/",
            languages=["fr", "ar", "ps", "ti", "ku"],
            publics=["adults", "families"],
            last_checked=dt.date(2026, 11, 24),
            wheelchair="yes",
            access_conditions="Sans condition.",
        ),
        "breakfast": make_org(
            alpha,
            "Petit déjeuner",
            categories=("alimentation",),
            opening_hours="Mo-Fr 08:00-10:00",
            latitude=FAR[0],
            longitude=FAR[1],
            languages=["fr", "en"],
            publics=["women"],
            last_checked=dt.date(2026, 10, 2),
        ),
        "legal": make_org(
            alpha,
            "Permanence juridique",
            categories=("juridique",),
            opening_hours="Mo 09:00-12:00",
            latitude=CALAIS[0],
            longitude=CALAIS[1],
            languages=["fr", "en", "ar"],
        ),
        "showers": make_org(
            alpha,
            "Douches du port",
            categories=("hygiene",),
            opening_hours="Mo-Su 08:00-20:00",
            status=StatusChoices.TEMPORARILY_CLOSED,
            closed_until=dt.date(2026, 12, 3),
            closed_reason="Travaux",
            latitude=CALAIS[0],
            longitude=CALAIS[1],
        ),
        "clothes": make_org(
            beta,
            "Vestiaire",
            categories=("vetements",),
            opening_hours="",
            city="Dunkerque",
            latitude=51.0343,
            longitude=2.3768,
        ),
        "closed": make_org(
            alpha,
            "Ancien accueil",
            status=StatusChoices.CLOSED,
            opening_hours="Mo-Su 00:00-24:00",
        ),
        "draft": make_org(
            alpha, "Brouillon", live=False, opening_hours="Mo-Su 00:00-24:00"
        ),
        "round": make_org(
            beta,
            "Maraude",
            categories=("alimentation",),
            opening_hours="",
            stops=[
                {
                    "name": "Parking de la gare",
                    "city": "Calais",
                    "latitude": 50.9530,
                    "longitude": 1.8520,
                    "opening_hours": "Tu,Th 18:30-19:30",
                },
                {
                    "name": "Place d'Armes",
                    "city": "Calais",
                    "latitude": 50.9600,
                    "longitude": 1.8500,
                    "opening_hours": "Sa 12:00-13:00",
                },
            ],
        ),
    }


def names_in(response):
    """Names of the listed entries, in order."""
    html = response.content.decode()
    return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a></h3>', html)


# Rendering and languages --------------------------------------------------------------
@pytest.mark.parametrize(
    "language, direction, category",
    [("fr", "ltr", "Alimentation"), ("en", "ltr", "Food"), ("ar", "rtl", "طعام")],
)
def test_page_renders_in_each_language(
    client_for, network, directory_page, entries, language, direction, category
):
    response = client_for(network.alpha).get(f"/{language}/annuaire/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f">{category}</label>" in html
    assert "Repas du soir" in html


def test_page_renders_in_pashto(client_for, network, frozen_now):
    pashto = make_association("pashto", languages=["fr", "ps"])
    add_directory_page(pashto, languages=("ps",))
    make_org(pashto, "Repas", opening_hours="Mo-Su 18:00-20:00")
    response = client_for(pashto).get("/ps/annuaire/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ps" dir="rtl">' in html
    assert ">خواړه</label>" in html  # food
    assert "تر 20:00 پورې خلاص" in html  # "Open until 20:00"


def test_states_are_worded_in_english(client_for, network, directory_page, entries):
    html = client_for(network.alpha).get("/en/annuaire/").content.decode()
    assert "Open until 20:00" in html
    assert "Opens tomorrow at 08:00" in html
    assert "Opens Monday at 09:00" in html
    assert "Temporarily closed until 3 December" in html
    assert "Hours unknown" in html
    assert "Confirmed today by Alpha" in html
    assert "Last checked on 2 October" in html


def test_states_are_worded_in_french_and_arabic(
    client_for, network, directory_page, entries
):
    client = client_for(network.alpha)
    french = client.get("/fr/annuaire/").content.decode()
    assert "Ouvert jusqu’à 20:00" in french
    assert "Ouvre lundi à 09:00" in french
    assert "Fermé temporairement jusqu’au 3 décembre" in french
    arabic = client.get("/ar/annuaire/").content.decode()
    assert "مفتوح حتى 20:00" in arabic
    assert "3 ديسمبر" in arabic


def test_languages_spoken_by_their_own_names(
    client_for, network, directory_page, entries
):
    html = client_for(network.alpha).get("/en/annuaire/").content.decode()
    assert '<span lang="ar" dir="rtl">العربية</span>' in html
    assert '<span lang="ps" dir="rtl">پښتو</span>' in html
    assert '<span lang="ti" dir="ltr">ትግርኛ</span>' in html
    assert "kurdî (kurmancî)" in html  # CLDR's own name of Kurmanji


def test_mobile_service_shows_its_next_stop(
    client_for, network, directory_page, entries
):
    html = client_for(network.alpha).get("/en/annuaire/").content.decode()
    card = html[html.index(">Maraude</a>") :]
    card = card[: card.index("</article>")]
    assert "Open until 19:30" in card
    assert "Stop: Parking de la gare" in card


def test_api_links_lead_to_the_detail_pages(
    client_for, network, directory_page, entries
):
    """The JSON API's ``url`` of an entry opens its page on this site."""
    client = client_for(network.alpha)
    data = client.get(
        "/api/directory/organisations/", {"category": "juridique", "lang": "en"}
    ).json()
    (result,) = data["results"]
    assert "/en/annuaire/org/" in result["url"]
    response = client.get(result["url"])
    assert response.status_code == 200
    assert "Permanence juridique" in response.content.decode()


def test_list_is_network_wide_and_hides_closed_and_drafts(
    client_for, network, directory_page, entries
):
    names = names_in(client_for(network.alpha).get("/en/annuaire/"))
    assert "Vestiaire" in names  # beta's entry on alpha's site
    assert "Maraude" in names
    assert "Ancien accueil" not in names
    assert "Brouillon" not in names
    assert names == sorted(names, key=str.casefold)


def test_own_entries_only(client_for, network, entries):
    add_directory_page(network.alpha, own_entries_only=True)
    names = names_in(client_for(network.alpha).get("/en/annuaire/"))
    assert "Repas du soir" in names
    assert "Vestiaire" not in names and "Maraude" not in names


def test_untranslated_entries_are_marked_with_their_language(
    client_for, network, directory_page, entries
):
    translate(entries["legal"], "ar", name="مكتب قانوني")
    html = client_for(network.alpha).get("/ar/annuaire/").content.decode()
    assert "مكتب قانوني" in html
    assert "Permanence juridique" not in html
    assert 'lang="fr" dir="ltr">Repas du soir</a>' in html


# Filters ------------------------------------------------------------------------------
def test_filter_by_category(client_for, network, directory_page, entries):
    client = client_for(network.alpha)
    names = names_in(client.get("/en/annuaire/", {"category": "juridique"}))
    assert names == ["Permanence juridique"]
    names = names_in(
        client.get("/en/annuaire/", {"category": ["juridique", "vetements"]})
    )
    assert names == ["Permanence juridique", "Vestiaire"]


def test_filter_open_now_includes_a_stop(client_for, network, directory_page, entries):
    response = client_for(network.alpha).get(
        "/en/annuaire/", {"open_now": "1", "category": "alimentation"}
    )
    assert names_in(response) == ["Maraude", "Repas du soir"]
    html = response.content.decode()
    assert "Stop: Parking de la gare" in html
    assert 'id="id_open_now" checked' in html


def test_near_a_position_sorts_by_distance_and_shows_walking_time(
    client_for, network, directory_page, entries
):
    near = f"{CALAIS[0]},{CALAIS[1]}"
    response = client_for(network.alpha).get(
        "/en/annuaire/", {"near": near, "category": "alimentation"}
    )
    assert names_in(response) == ["Repas du soir", "Maraude", "Petit déjeuner"]
    html = response.content.decode()
    assert "300 m</span> · 5 min on foot" in html
    assert "Closest first, from your position." in html
    response = client_for(network.alpha).get(
        "/en/annuaire/",
        {"near": near, "category": "alimentation", "within_minutes": "15"},
    )
    assert names_in(response) == ["Repas du soir", "Maraude"]


def test_near_a_town_typed_without_javascript(
    client_for, network, directory_page, entries
):
    response = client_for(network.alpha).get(
        "/en/annuaire/", {"near": "calais", "category": "juridique"}
    )
    assert response.status_code == 200
    assert names_in(response) == ["Permanence juridique"]
    html = response.content.decode()
    assert "Closest first, from the centre of calais." in html
    assert 'value="calais"' in html
    assert "Vestiaire" not in names_in(
        client_for(network.alpha).get("/en/annuaire/", {"near": "Calais"})
    )


def test_filter_language_publics_and_association(
    client_for, network, directory_page, entries
):
    client = client_for(network.alpha)
    assert names_in(client.get("/en/annuaire/", {"language": "ar"})) == [
        "Permanence juridique",
        "Repas du soir",
    ]
    assert names_in(client.get("/en/annuaire/", {"publics": "women"})) == [
        "Petit déjeuner"
    ]
    assert names_in(client.get("/en/annuaire/", {"association": "beta"})) == [
        "Maraude",
        "Vestiaire",
    ]


def test_text_search(client_for, network, directory_page, entries):
    names = names_in(client_for(network.alpha).get("/en/annuaire/", {"q": "douche"}))
    assert names == ["Douches du port"]


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"near": "Atlantis"}, "id_near", "We know no place called “Atlantis”"),
        ({"near": "95,200"}, "id_near", "Latitude must lie between -90 and 90"),
        ({"category": "bakery"}, "id_category_1", "bakery"),
        ({"open_now": "maybe"}, "id_open_now", "Use 1 or 0."),
        ({"within_minutes": "15"}, "id_within_minutes", "type a town or use"),
        ({"language": "xx"}, "id_language", "ISO 639-1"),
        ({"publics": "martians"}, "id_publics_1", "martians"),
        ({"page": "last"}, "", "Enter a whole number."),
    ],
)
def test_bad_input_shows_a_form_error(
    client_for, network, directory_page, entries, params, field, message
):
    response = client_for(network.alpha).get("/en/annuaire/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert message in html
    if field:
        assert f'href="#{field}"' in html
    assert "<title>Error:" in html
    assert names_in(response) == []


@pytest.mark.parametrize(
    "params",
    [
        {"near": "\x00"},
        {"q": "a" * 5000},
        {"near": "nan,nan"},
        {"near": "1e999,0"},
        {"category": ""},
        {"page": "999999"},
        {"page": "-1"},
        {"within_minutes": "abc", "near": "50,1"},
        {"language": "ar' OR 1=1"},
        {"near": "Calais", "within_minutes": "15", "open_now": "1"},
    ],
)
def test_odd_input_never_answers_500(client_for, network, directory_page, params):
    response = client_for(network.alpha).get("/en/annuaire/", params)
    assert response.status_code in (200, 400)
    share = client_for(network.alpha).get("/en/annuaire/share/", params)
    assert share.status_code in (200, 400)
    printed = client_for(network.alpha).get("/en/annuaire/print/", params)
    assert printed.status_code in (200, 400)


def test_pagination(client_for, network, directory_page, frozen_now):
    for number in range(25):
        make_org(network.alpha, f"Lieu {number:02d}", opening_hours="Mo 09:00-10:00")
    client = client_for(network.alpha)
    first = client.get("/en/annuaire/")
    assert len(names_in(first)) == 20
    assert "25 places found" in first.content.decode()
    assert 'href="?page=2#results" rel="next"' in first.content.decode()
    second = client.get("/en/annuaire/", {"page": "2"})
    assert names_in(second) == [f"Lieu {number}" for number in range(20, 25)]
    assert '<ol class="results" start="21">' in second.content.decode()
    # A page past the end shows the last one rather than nothing.
    assert names_in(client.get("/en/annuaire/", {"page": "9"})) == names_in(second)


# Map and privacy ----------------------------------------------------------------------
def test_map_is_offered_but_nothing_loads_from_a_third_party(
    client_for, network, directory_page, entries, settings
):
    settings.DIRECTORY_MAP_TILE_URL = "https://tiles.example.net/{z}/{x}/{y}.png"
    response = client_for(network.alpha).get(
        "/ar/annuaire/", {"category": "alimentation", "open_now": "1"}
    )
    html = response.content.decode()
    assert "tiles.example.net" in html  # named on the button
    assert 'data-tile-url="https://tiles.example.net/{z}/{x}/{y}.png"' in html
    assert (
        'data-geojson-url="/api/directory/organisations.geojson?'
        "category=alimentation&amp;open_now=1&amp;lang=ar" in html
    )
    # Everything the page itself loads comes from this site.
    loaded = re.findall(
        r'<(?:script|link rel="stylesheet"|img)[^>]+(?:src|href)="([^"]+)"', html
    )
    assert loaded and all(url.startswith("/") for url in loaded)
    assert "/static/directory/vendor/leaflet/leaflet.js" in html
    assert '<script src="/static/directory/vendor' not in html  # loaded on demand


# Detail page --------------------------------------------------------------------------
def detail_url(page_url, org):
    return f"{page_url}org/{org.pk}/{org.slug}/"


def test_detail_page(client_for, network, directory_page, entries):
    org = entries["dinner"]
    response = client_for(network.alpha).get(detail_url("/en/annuaire/", org))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1><span lang="fr" dir="ltr">Repas du soir</span></h1>' in html
    assert 'href="tel:+33321000001"' in html
    assert 'href="mailto:repas@example.org"' in html
    assert 'href="https://repas.example.org/"' in html
    assert 'href="geo:50.954,1.8587?q=50.954,1.8587(Repas%20du%20soir)"' in html
    assert "https://www.openstreetmap.org/?mlat=50.954&amp;mlon=1.8587" in html
    assert "<caption>Opening hours this week</caption>" in html
    assert '<th scope="col">Day</th>' in html
    assert html.count('<th scope="row">') == 7
    assert '<tr class="is-today">' in html
    assert '<span dir="ltr">18:00–20:00</span>' in html
    assert '<span lang="ar" dir="rtl">العربية</span>' in html
    assert "Confirmed today by Alpha" in html
    assert "Adults, Families" in html
    assert "Sans condition." in html
    assert "Wheelchair access" in html


def test_detail_page_of_a_mobile_service_lists_each_stop(
    client_for, network, directory_page, entries
):
    org = entries["round"]
    html = (
        client_for(network.alpha).get(detail_url("/en/annuaire/", org)).content.decode()
    )
    assert "<h3>Parking de la gare</h3>" in html
    assert "<caption>Hours at Parking de la gare this week</caption>" in html
    assert "<caption>Hours at Place d&#x27;Armes this week</caption>" in html
    assert "Open until 19:30" in html
    assert "Opens Saturday at 12:00" in html


def test_detail_page_of_a_temporarily_closed_entry(
    client_for, network, directory_page, entries
):
    html = (
        client_for(network.alpha)
        .get(detail_url("/en/annuaire/", entries["showers"]))
        .content.decode()
    )
    assert "Temporarily closed until 3 December" in html
    assert "Travaux" in html


def test_detail_page_404s(client_for, network, directory_page, entries):
    client = client_for(network.alpha)
    assert client.get("/en/annuaire/org/999999/nothing/").status_code == 404
    for key in ("closed", "draft"):
        org = entries[key]
        assert client.get(detail_url("/en/annuaire/", org)).status_code == 404


def test_detail_page_redirects_to_its_canonical_and_translated_url(
    client_for, network, directory_page, entries
):
    client = client_for(network.alpha)
    org = entries["legal"]
    response = client.get(f"/en/annuaire/org/{org.pk}/")
    assert response.status_code == 301
    assert response["Location"].endswith(detail_url("/en/annuaire/", org))
    arabic = translate(org, "ar", name="مكتب قانوني")
    response = client.get(detail_url("/ar/annuaire/", org))
    assert response.status_code == 301
    assert f"/ar/annuaire/org/{arabic.pk}/" in response["Location"]
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert "<h1>مكتب قانوني</h1>" in response.content.decode()


# Share and print ----------------------------------------------------------------------
def test_share_text(client_for, network, directory_page, entries):
    response = client_for(network.alpha).get(
        "/en/annuaire/share/", {"category": "alimentation", "open_now": "1"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("Annuaire\n")
    assert "1. Maraude · Calais · Today \u206618:30–19:30\u2069" in text
    assert (
        "2. Repas du soir · 12 rue de la Mer, Calais · Today \u206618:00–20:00\u2069"
        " · \u206603 21 00 00 01\u2069" in text
    )
    assert (
        "Full list: http://alpha.localhost/en/annuaire/?category=alimentation" in text
    )
    assert len(text) <= SHARE_MAX_CHARS


def test_share_text_stays_short_with_many_entries(
    client_for, network, directory_page, frozen_now
):
    for number in range(30):
        make_org(
            network.alpha,
            f"Association d'entraide numéro {number}",
            address=f"{number} boulevard du Général de Gaulle",
            opening_hours="Mo-Su 08:00-20:00",
            phone="+33 3 21 00 00 00",
        )
    text = client_for(network.alpha).get("/ar/annuaire/share/").content.decode()
    assert len(text) <= SHARE_MAX_CHARS
    assert "1. Association d'entraide numéro 0" in text
    assert "http://alpha.localhost/ar/annuaire/" in text


def test_share_links_on_the_page(client_for, network, directory_page, entries):
    html = (
        client_for(network.alpha)
        .get("/en/annuaire/", {"category": "juridique"})
        .content.decode()
    )
    assert 'href="/en/annuaire/share/?category=juridique"' in html
    assert 'href="sms:?&amp;body=Annuaire%0A1.%20Permanence%20juridique' in html
    assert 'href="https://wa.me/?text=Annuaire%0A1.%20Permanence%20juridique' in html
    assert 'href="/en/annuaire/print/?category=juridique"' in html


def test_print_list(client_for, network, directory_page, entries):
    response = client_for(network.alpha).get(
        "/en/annuaire/print/", {"category": "alimentation"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<table class="print-list">' in html
    assert "3 places, list printed on 24 November 2026." in html
    assert "Mon–Fri \u206608:00–10:00\u2069" in html  # the week in one line
    assert "Repas du soir" in html and "Vestiaire" not in html


# Page tree ----------------------------------------------------------------------------
def test_allowed_parent_and_child_page_types(network, directory_page):
    assert DirectoryPage.parent_page_types == [
        "sitepages.HomePage",
        "sitepages.ContentPage",
    ]
    assert set(DirectoryPage.allowed_parent_page_models()) == {HomePage, ContentPage}
    assert DirectoryPage in ContentPage.allowed_subpage_models()
    assert DirectoryPage.allowed_subpage_models() == []
    home = network.beta.site.root_page
    assert DirectoryPage.can_create_at(home)
    content = home.add_child(instance=ContentPage(title="Ressources", slug="res"))
    assert DirectoryPage.can_create_at(content)
    assert not DirectoryPage.can_create_at(directory_page)
    assert not ContentPage.can_create_at(directory_page)


def test_cannot_be_created_where_the_plugin_is_disabled(network):
    without = make_association("nodir", plugins=[])
    assert not DirectoryPage.can_create_at(without.site.root_page)


# Performance --------------------------------------------------------------------------
def _fill(association, count, start=0):
    for number in range(start, start + count):
        make_org(
            association,
            f"Lieu {number:03d}",
            categories=("alimentation", "sante"),
            opening_hours="Mo-Su 08:00-20:00",
            latitude=CALAIS[0] + number * 0.0005,
            longitude=CALAIS[1],
            languages=["fr", "ar", "ps", "ti"],
            phone="03 21 00 00 00",
            address=f"{number} rue de la République",
            stops=[{"name": "Gare", "latitude": 50.95, "longitude": 1.85}],
        )


@pytest.mark.parametrize(
    "params",
    [
        {},
        {
            "category": "alimentation",
            "open_now": "1",
            "near": f"{CALAIS[0]},{CALAIS[1]}",
            "language": "ar",
        },
        {"near": "Calais"},
    ],
)
def test_query_count_does_not_grow_with_entries(
    client_for, network, directory_page, frozen_now, params
):
    client = client_for(network.alpha)
    counts = []
    for total in (10, 50):
        _fill(network.alpha, total - len(counts) * 10, start=len(counts) * 10)
        for _warm_up in range(2):  # per-process caches: category names, towns
            client.get("/ar/annuaire/", params)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/ar/annuaire/", params)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[1] <= QUERY_CEILING, counts


def test_query_ceiling(
    client_for, network, directory_page, frozen_now, django_assert_max_num_queries
):
    """Every route stays under the ceiling once per-process caches are warm."""
    _fill(network.alpha, 30)
    client = client_for(network.alpha)
    org = Organisation.objects.filter(live=True).first()
    for path, params in [
        ("/en/annuaire/", {"open_now": "1"}),
        ("/en/annuaire/share/", {}),
        ("/en/annuaire/print/", {}),
        (detail_url("/en/annuaire/", org), {}),
    ]:
        client.get(path, params)
        with django_assert_max_num_queries(QUERY_CEILING):
            assert client.get(path, params).status_code == 200


def test_html_weight_for_20_results(client_for, network, directory_page, frozen_now):
    _fill(network.alpha, 25)
    response = client_for(network.alpha).get("/ar/annuaire/", {"near": "Calais"})
    assert len(names_in(response)) == 20
    assert len(response.content) < 60 * 1024, len(response.content)


def test_language_switcher_keeps_the_entry_and_the_filters(
    client_for, network, directory_page, frozen_now
):
    """Switching language on a filtered list or an entry keeps what was shown."""
    _fill(network.alpha, 3)
    client = client_for(network.alpha)
    body = client.get("/fr/annuaire/", {"category": "alimentation"}).content.decode()
    assert 'href="/ar/annuaire/?category=alimentation"' in body
    org = Organisation.objects.filter(live=True).first()
    body = client.get(detail_url("/fr/annuaire/", org)).content.decode()
    assert f'href="/ar/annuaire/org/{org.pk}/' in body


# Icons (Lucide sprite, sitepages' icon tag) ------------------------------------------
ICON = (
    r'<svg class="icon[^"]*" aria-hidden="true"[^>]*>'
    r'<use href="/static/icons/sprite\.svg#{}"/></svg>'
)


def test_categories_and_actions_carry_icons_beside_their_text(
    client_for, network, directory_page, entries
):
    client = client_for(network.alpha)
    html = client.get(detail_url("/en/annuaire/", entries["dinner"])).content.decode()
    assert re.search(ICON.format("utensils") + r" Food</span>", html)
    assert re.search(ICON.format("phone") + r" Call <span dir=\"ltr\">", html)
    assert re.search(ICON.format("navigation") + r" Directions</a>", html)
    assert re.search(ICON.format("mail") + r" Email", html)
    html = client.get("/fr/annuaire/").content.decode()
    # the filter's categories, the results and the list's tools
    assert re.search(ICON.format("scale") + r"Accès aux droits</label>", html)
    assert re.search(ICON.format("share-2") + r" Copier ou partager", html)
    assert re.search(ICON.format("printer") + r" ", html)
    # the names still read as a plain list where no icon fits (print view)
    html = client.get("/en/annuaire/print/").content.decode()
    assert "(Food)" in html


# Open-data links, map counts, print list on a phone, RTL isolation ------------
def get_html(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200
    return response.content.decode()


def test_page_links_to_csv_geojson_and_api_documentation(
    client_for, network, directory_page, entries
):
    client = client_for(network.alpha)
    html = get_html(client, "/en/annuaire/", {"category": "juridique"})
    assert "Open data" in html
    csv = "/api/directory/organisations.csv?category=juridique&amp;lang=en"
    geojson = "/api/directory/organisations.geojson?category=juridique&amp;lang=en"
    assert f'href="{csv}"' in html
    assert f'href="{geojson}"' in html
    assert 'href="/api/directory/openapi.json"' in html
    # each link answers with the same entries as the page
    exported = client.get(csv.replace("&amp;", "&"))
    assert exported.status_code == 200
    rows = b"".join(exported.streaming_content).decode()
    assert "Permanence juridique" in rows
    assert "Repas du soir" not in rows
    described = client.get("/api/directory/openapi.json")
    assert described.status_code == 200
    assert "/api/directory/organisations/" in json.dumps(described.json())
    french = get_html(client, "/fr/annuaire/")
    assert "Données ouvertes" in french
    assert "Documentation de l’API (OpenAPI)" in french


def test_own_entries_only_links_name_the_association(client_for, network, entries):
    add_directory_page(network.alpha, own_entries_only=True)
    html = get_html(client_for(network.alpha), "/en/annuaire/")
    assert "organisations.geojson?lang=en&amp;association=alpha" in html
    geojson = client_for(network.alpha).get(
        "/api/directory/organisations.geojson",
        {"lang": "en", "association": "alpha"},
    )
    names = {f["properties"]["name"] for f in geojson.json()["features"]}
    assert "Vestiaire" not in names and "Repas du soir" in names


def test_map_counts_entries_and_loads_the_cluster_plugin_on_request(
    client_for, network, directory_page, entries
):
    html = get_html(
        client_for(network.alpha), "/fr/annuaire/", {"category": "alimentation"}
    )
    # the list counts entries; the map says how many of them it shows, and
    # why there are more markers (a mobile service's stops)
    assert "3 lieux trouvés" in html
    assert 'data-count-text="Lieux sur la carte : {places} sur les 3 trouvés."' in html
    assert "{points} repères : un service mobile en a un par arrêt." in html
    cluster = "/static/directory/vendor/leaflet.markercluster/leaflet.markercluster.js"
    assert f'data-cluster-js="{cluster}"' in html
    # loaded only by directory.js when the map is shown, never by a tag
    assert f'<script src="{cluster}"' not in html
    # vendored with its licence
    vendor = "directory/vendor/leaflet.markercluster/"
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MIT-LICENCE.txt"):
        assert finders.find(vendor + name), name
    # the GeoJSON has one point per place: the round's two stops are two
    # points of one entry, which the map counts once
    geojson = (
        client_for(network.alpha)
        .get("/api/directory/organisations.geojson", {"category": "alimentation"})
        .json()
    )
    points = [f for f in geojson["features"] if f["geometry"]]
    assert len(points) == 4
    assert len({f["properties"]["id"] for f in points}) == 3


def test_print_list_cells_carry_their_column_name(
    client_for, network, directory_page, entries
):
    """On a phone the table becomes one block per place (directory.css):
    each cell says which column it is."""
    html = get_html(client_for(network.alpha), "/ar/annuaire/print/")
    assert '<td data-label="العنوان"><bdi>12 rue de la Mer, Calais</bdi>' in html
    assert (
        'class="phone" data-label="الهاتف"><span dir="ltr">03 21 00 00 01</span>'
        in html
    )


def test_addresses_are_isolated_in_rtl_pages(
    client_for, network, directory_page, entries
):
    client = client_for(network.alpha)
    listing = get_html(client, "/ar/annuaire/", {"category": "alimentation"})
    assert '<html lang="ar" dir="rtl">' in listing
    assert "<bdi>12 rue de la Mer, Calais</bdi>" in listing
    assert '<span dir="ltr">03 21 00 00 01</span>' in listing
    dinner = entries["dinner"]
    detail = get_html(client, f"/ar/annuaire/org/{dinner.pk}/{dinner.slug}/")
    assert "<dd><bdi>12 rue de la Mer" in detail
    assert '<span dir="ltr">repas@example.org</span>' in detail


def test_footer_contact_is_isolated_in_rtl_pages(client_for, network):
    association = make_association("gamma", name="Gamma", languages=["fr", "ar"])
    theme = ThemeSettings.for_site(association.site)
    theme.address = "12 rue des Dunes\n59140 Dunkerque"
    theme.contact_phone = "03 28 00 00 00"
    theme.contact_email = "contact@gamma.example"
    theme.save()
    html = get_html(client_for(association), "/ar/")
    assert "<bdi>12 rue des Dunes<br>59140 Dunkerque</bdi>" in html
    assert 'dir="ltr">03 28 00 00 00</a>' in html
    assert 'dir="ltr">contact@gamma.example</a>' in html
