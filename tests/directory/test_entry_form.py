"""The directory entry form for a volunteer with five minutes (issue 8 §1):
map, opening-hours rows, languages by name, phone numbers, freshness and
moderation, through the real admin URLs."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from directory import hours
from directory.models import Category, Organisation
from directory.phones import normalise_phone, phone_error, tel_uri
from tests.directory.conftest import make_org

ADMIN = "/admin/snippets/directory/organisation/"
PREVIEW = "/admin/directory/hours-preview/"


# Hours: rows <-> OpenStreetMap string --------------------------------------------
EXPRESSIBLE = [
    "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00",
    "Tu,Th 18:00-19:30",
    "Mo-We,Fr 08:30-11:00; PH off",
    "Mo-Su 00:00-24:00",
    "Mo-Fr 09:00-17:00; PH 10:00-12:00; 2026 Dec 24 09:00-12:00; 2026 Dec 25 off",
    "",
]


@pytest.mark.parametrize("text", EXPRESSIBLE)
def test_string_rows_string_round_trip(text):
    rows = hours.from_osm(text)
    assert rows is not None
    assert hours.to_osm(rows) == text
    assert hours.from_osm(hours.to_osm(rows)) == rows


def test_rows_string_rows_round_trip():
    rows = hours.Hours()
    rows.days[0] = rows.days[1] = rows.days[3] = [("09:00", "12:00")]
    rows.days[5] = [("10:00", "12:00"), ("14:00", "16:00")]
    rows.ph = []
    rows.exceptions = [(dt.date(2026, 12, 25), [])]
    text = hours.to_osm(rows)
    assert (
        text
        == "Mo,Tu,Th 09:00-12:00; Sa 10:00-12:00,14:00-16:00; PH off; 2026 Dec 25 off"
    )
    assert hours.from_osm(text) == rows


@pytest.mark.parametrize(
    "text",
    [
        "Jan-Mar Mo 10:00-12:00",
        'Mo-Fr 09:00-12:00 "on appointment"',
        "Mo-Fr 22:00-02:00",
        "Mo 09:00+",
        "Sa-Mo 10:00-12:00",
        "week 1-10 Mo 09:00-10:00",
    ],
)
def test_inexpressible_strings_stay_advanced(text):
    assert hours.from_osm(text) is None


def test_summary_in_three_languages():
    text = "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00; PH off"
    assert hours.summary(text, "en").startswith(
        "Monday to Friday 9:00–12:00 and 14:00–17:00; Saturday 10:00–12:00"
    )
    french = hours.summary(text, "fr")
    assert french.startswith("Du lundi au vendredi 9 h–12 h et 14 h–17 h; Samedi")
    assert "fériés" in french
    arabic = hours.summary(text, "ar")
    assert "الاثنين" in arabic and "الجمعة" in arabic and "إلى" in arabic


# Phones ------------------------------------------------------------------------
def test_phone_normalisation():
    assert normalise_phone("03 20 12 34 56") == "+33 3 20 12 34 56"
    assert normalise_phone("0033 6 12 34 56 78") == "+33 6 12 34 56 78"
    assert normalise_phone("+44 20 7946 0958") == "+44 20 7946 0958"
    assert tel_uri("+33 3 20 12 34 56") == "tel:+33320123456"
    assert phone_error("12") and phone_error("appelez-nous") and phone_error("9" * 60)
    assert phone_error("") is None


# Admin form --------------------------------------------------------------------
def _post(network, **extra):
    food = Category.objects.get(slug="alimentation", locale__language_code="fr")
    data = {
        "association": str(network.alpha.pk),
        "name": "Cuisine du port",
        "categories": [str(food.pk)],
        "status": "active",
        "opening_hours-mode": "rows",
        "stops-TOTAL_FORMS": "0",
        "stops-INITIAL_FORMS": "0",
        "stops-MIN_NUM_FORMS": "0",
        "stops-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def test_form_renders_the_widgets(client_for, network):
    client = client_for(network.hub, network.editor_a)
    body = client.get(ADMIN + "add/").content.decode()
    assert 'data-controller="directory-map-picker"' in body
    assert 'data-controller="directory-hours"' in body
    assert 'data-controller="directory-languages"' in body
    assert "directory/admin/entry-form.js" in body
    # Languages named in the editor's language (French admin) and in their own.
    assert "Arabe — العربية (ar)" in body and "Tigrigna — ትግርኛ (ti)" in body
    # No tile request before the map is shown: the URL is only a data value.
    assert "<img" not in body.split('data-controller="directory-map-picker"')[1][:2000]
    # The mobile stops' template form gets the same map.
    assert "stops-__prefix__-latitude" in body


def test_posted_rows_write_the_osm_string(client_for, network):
    client = client_for(network.hub, network.moderator_a)
    data = _post(
        network,
        **{
            "opening_hours-mo-start-0": "9h",
            "opening_hours-mo-end-0": "12:00",
            "opening_hours-mo-start-1": "14:00",
            "opening_hours-mo-end-1": "17",
            **{
                f"opening_hours-{day}-{part}-{index}": value
                for day in ("tu", "we", "th", "fr")
                for index, (part, value) in enumerate([])
            },
            "opening_hours-sa-start-0": "10:00",
            "opening_hours-sa-end-0": "12:00",
            "opening_hours-ph": "off",
            "opening_hours-ex-0-date": "2026-12-25",
            "opening_hours-ex-0-closed": "on",
            "languages": ["ar", "ti", "fr"],
            "phone": "03 20 12 34 56",
            "action-publish": "publish",
        },
    )
    for day in ("tu", "we", "th", "fr"):
        data.update(
            {
                f"opening_hours-{day}-start-0": "09:00",
                f"opening_hours-{day}-end-0": "12:00",
                f"opening_hours-{day}-start-1": "14:00",
                f"opening_hours-{day}-end-1": "17:00",
            }
        )
    response = client.post(ADMIN + "add/", data)
    assert response.status_code == 302, response.context["form"].errors
    entry = Organisation.objects.get(name="Cuisine du port")
    assert entry.opening_hours == (
        "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00; PH off; 2026 Dec 25 off"
    )
    assert entry.languages == ["ar", "ti", "fr"]
    assert entry.phone == "+33 3 20 12 34 56"
    assert entry.live  # a moderator publishes
    assert not entry.needs_check()  # created today: not "to re-check"
    # The edit form shows the rows again, and the summary.
    body = client.get(f"{ADMIN}edit/{entry.pk}/").content.decode()
    assert 'name="opening_hours-sa-start-0" value="10:00"' in body
    assert "Du lundi au vendredi 9 h–12 h et 14 h–17 h" in body


@pytest.mark.parametrize(
    "extra,message",
    [
        (
            {"opening_hours-mo-start-0": "25:00", "opening_hours-mo-end-0": "12:00"},
            "09:00",
        ),
        (
            {"opening_hours-mo-start-0": "14:00", "opening_hours-mo-end-0": "09:00"},
            "14:00",
        ),
        ({"opening_hours-mo-start-0": "09:00"}, "09:00"),
        (
            {
                "opening_hours-ex-0-date": "25/12/2026",
                "opening_hours-ex-0-closed": "on",
            },
            "2026-12-25",
        ),
        (
            {"opening_hours-mode": "advanced", "opening_hours": "lundi matin"},
            "OpenStreetMap",
        ),
        ({"phone": "appelez-nous"}, "03 21 00 00 00"),
        ({"languages": ["xx"]}, "xx"),
        ({"latitude": "95", "longitude": "1.8"}, "-90"),
        ({"latitude": "50.9"}, "aucune des deux"),
    ],
)
def test_bad_input_gives_form_errors(client_for, network, extra, message):
    client = client_for(network.hub, network.editor_a)
    response = client.post(ADMIN + "add/", _post(network, **extra))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.filter(name="Cuisine du port").exists()


def test_inexpressible_string_opens_in_advanced_field(client_for, network):
    entry = make_org(
        network.alpha, "Saisonnier", opening_hours="Jan-Mar Mo 10:00-12:00"
    )
    client = client_for(network.hub, network.editor_a)
    body = client.get(f"{ADMIN}edit/{entry.pk}/").content.decode()
    assert 'value="advanced" data-directory-hours-target="mode" checked' in body
    assert 'value="Jan-Mar Mo 10:00-12:00"' in body


def test_stop_hours_rows(client_for, network):
    client = client_for(network.hub, network.moderator_a)
    data = _post(
        network,
        name="Maraude",
        **{
            "stops-TOTAL_FORMS": "1",
            "stops-0-name": "Gare",
            "stops-0-latitude": "50.9536",
            "stops-0-longitude": "1.8516",
            "stops-0-opening_hours-mode": "rows",
            "stops-0-opening_hours-tu-start-0": "18:00",
            "stops-0-opening_hours-tu-end-0": "19:30",
            "stops-0-opening_hours-th-start-0": "18:00",
            "stops-0-opening_hours-th-end-0": "19:30",
            "stops-0-ORDER": "1",
            "stops-0-id": "",
        },
    )
    response = client.post(ADMIN + "add/", data)
    assert response.status_code == 302, response.context["form"].errors
    stop = Organisation.objects.get(name="Maraude").stops.get()
    assert stop.opening_hours == "Tu,Th 18:00-19:30"


def test_hours_preview_endpoint(client_for, network):
    client = client_for(network.hub, network.editor_a)
    response = client.get(
        PREVIEW,
        {
            "name": "h",
            "h-mode": "rows",
            "h-sa-start-0": "10",
            "h-sa-end-0": "12:30",
        },
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    data = response.json()
    assert data["value"] == "Sa 10:00-12:30"
    assert data["summary"] == "Samedi 10 h–12 h 30"
    assert data["open_now"] in {"Ouvert maintenant", "Fermé maintenant"}
    bad = client.get(PREVIEW, {"name": "h", "h-mode": "rows", "h-mo-start-0": "99"})
    bad = bad.json()
    assert bad["errors"] and bad["value"] == ""
    assert client.get(PREVIEW).status_code == 400
    anonymous = client_for(network.hub).get(PREVIEW, {"name": "h"})
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


# Freshness ---------------------------------------------------------------------
def test_new_entry_is_not_due_for_a_check(client_for, network):
    fresh = make_org(network.alpha, "Nouvelle")
    old = make_org(network.alpha, "Ancienne")
    Organisation.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=200)
    )
    old.refresh_from_db()
    assert not fresh.needs_check() and old.needs_check()
    client = client_for(network.hub, network.editor_a)
    body = client.get(ADMIN, {"needs_check": "true"}).content.decode()
    assert "Ancienne" in body and "Nouvelle" not in body


# Moderation --------------------------------------------------------------------
def test_editor_submits_moderator_publishes(client_for, network):
    editor = client_for(network.hub, network.editor_a)
    body = editor.get(ADMIN + "add/").content.decode()
    assert "action-submit" in body and 'name="action-publish"' not in body
    response = editor.post(
        ADMIN + "add/", _post(network, **{"action-submit": "submit"})
    )
    assert response.status_code == 302
    entry = Organisation.objects.get(name="Cuisine du port")
    assert not entry.live
    state = WorkflowState.objects.for_instance(entry).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # A forged "publish" from the editor only saves a draft.
    editor.post(f"{ADMIN}edit/{entry.pk}/", _post(network, **{"action-publish": "1"}))
    entry.refresh_from_db()
    assert not entry.live
    # The association's moderator approves and publishes.
    moderator = client_for(network.hub, network.moderator_a)
    body = moderator.get(f"{ADMIN}edit/{entry.pk}/").content.decode()
    assert "approve" in body
    task_state = state.current_task_state
    response = moderator.post(
        f"{ADMIN}workflow/action/{entry.pk}/approve/{task_state.pk}/", {}
    )
    assert response.status_code in {200, 302}
    entry.refresh_from_db()
    assert entry.live
    # The other association's moderator cannot act on it.
    other = client_for(network.hub, network.moderator_b)
    assert other.get(f"{ADMIN}edit/{entry.pk}/").status_code in {403, 404}


def test_without_moderation_editors_publish(client_for, network):
    from wagtail.models import Workflow

    # No active workflow above Alpha's pages (its own, nor Wagtail's default).
    Workflow.objects.update(active=False)
    editor = client_for(network.hub, network.editor_a)
    response = editor.post(ADMIN + "add/", _post(network, **{"action-publish": "1"}))
    assert response.status_code == 302
    assert Organisation.objects.get(name="Cuisine du port").live
