"""``manage.py load_demo``: what a newcomer sees after ``make demo``.

The demo is loaded once for the module (``demo_output``), so the checks a
visitor or an editor would make share it; each test runs in a savepoint.
"""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from wagtail import hooks
from wagtail.models import Page, Revision, Site

from directory.models import Organisation, OrganisationStop, StatusChoices
from network.colours import contrast_with_white
from network.management.commands.load_demo import DEMO_PASSWORD
from network.models import Association, ThemeSettings
from network.plugins import NetworkPlugin
from sitepages.models import (
    ActionPlanPage,
    ContentPage,
    HomePage,
    MembersPage,
    NetworkNewsPage,
    NewsIndexPage,
    UpdatePage,
)
from tests.conftest import built_once

# One worker runs the whole module under pytest-xdist (``--dist loadgroup``),
# so the demo is loaded once, not once per worker.
pytestmark = [pytest.mark.django_db(transaction=False), pytest.mark.xdist_group("demo")]

MEMBER_HOSTS = ["exod.localhost", "toit-commun.localhost", "dunes.localhost"]


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "associations": Association.objects.count(),
        "sites": Site.objects.count(),
        "entries": Organisation.objects.count(),
        "stops": OrganisationStop.objects.count(),
    }


def load(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


DEMO_CALLS = []


def record_demo_call(stdout, associations):
    """The demo loader of the temporary plugin below."""
    DEMO_CALLS.append([association.slug for association in associations])


def extra_plugin(demo):
    return lambda: NetworkPlugin(name="extra", label="Extra", demo=demo)


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module (the first run's output); each
    test then runs in its own savepoint."""
    yield from built_once(django_db_blocker, load)


def test_load_demo_builds_the_network_and_a_second_run_changes_nothing(demo_output):
    output = demo_output
    first = counts()
    assert re.search(
        r"Plateforme des Soutiens du Littoral: [1-9]\d* pages created", output
    )
    # Each loader reports per site what it wrote: the directory's loader its
    # page in each language, and the home pages that now link to it.
    directory_report = output.split("Loading demo content: directory.demo.load")[1]
    assert "  EXOD Lille: 3 pages created, 3 updated, 0 unchanged" in directory_report
    DEMO_CALLS.clear()
    with hooks.register_temporarily(
        "register_network_plugin", extra_plugin("tests.test_demo.record_demo_call")
    ):
        output_again = load("--skip-index")
    assert counts() == first
    # A plugin's demo loader gets every demo association, hub first.
    assert DEMO_CALLS == [["plateforme", "exod", "toit-commun", "dunes"]]
    # The second run says it wrote nothing.
    site_lines = [line for line in output_again.splitlines() if "pages created" in line]
    assert site_lines and all(
        re.search(r": 0 pages created, 0 updated, [1-9]\d* unchanged$", line)
        for line in site_lines
    ), site_lines

    # The hub is the default site at localhost:8000, members at <slug>.localhost.
    hub = Association.objects.get(is_hub=True)
    assert (hub.site.hostname, hub.site.port, hub.site.is_default_site) == (
        "localhost",
        8000,
        True,
    )
    members = Association.objects.filter(is_hub=False)
    assert sorted(m.site.hostname for m in members) == sorted(MEMBER_HOSTS)
    assert all(m.site.port == 8000 for m in members)

    # URLs and logins are printed, and the printed password works.
    for text in (output, output_again):
        assert "http://localhost:8000/" in text
        assert "http://exod.localhost:8000/" in text
        assert DEMO_PASSWORD in text
    for username in ["admin", "coordinator", "exod-editor", "dunes-moderator"]:
        assert username in output
        # (authenticate() needs a request under django-axes: check the hash)
        user = get_user_model().objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
    assert get_user_model().objects.get(username="admin").is_superuser
    exod = Association.objects.get(slug="exod")
    editor = get_user_model().objects.get(username="exod-editor")
    assert editor.groups.filter(pk=exod.editors_group_id).exists()
    assert not editor.is_superuser

    # Every theme is readable: white text on the primary colour reaches 4.5:1.
    for association in Association.objects.all():
        theme = ThemeSettings.for_site(association.site)
        assert theme.display_name and theme.footer_text and theme.donation_url
        assert contrast_with_white(theme.primary_colour) >= 4.5

    # Every sitepages page type exists, in French, English and Arabic.
    for model in (
        HomePage,
        ContentPage,
        ActionPlanPage,
        NewsIndexPage,
        UpdatePage,
        MembersPage,
        NetworkNewsPage,
    ):
        languages = set(
            model.objects.live().values_list("locale__language_code", flat=True)
        )
        assert {"fr", "en", "ar"} <= languages, model

    # The action plan has at least 20 numbered actions with roles and years.
    plan = ActionPlanPage.objects.get(locale__language_code="fr")
    actions = [
        action
        for axis in plan.axes
        for objective in axis.value["objectives"]
        for action in objective["actions"]
    ]
    assert len(actions) >= 20
    assert {action["role"] for action in actions} == {
        "responsible",
        "mobiliser",
        "collaborator",
        "contributor",
    }
    assert {year for action in actions for year in action["years"]} == {
        "2024",
        "2025",
        "2026",
    }

    # The eviction collective's nine poles and six steps.
    collective = ContentPage.objects.get(
        slug="plan-contre-les-expulsions", locale__language_code="fr"
    )
    blocks = {block.block_type: block.value for block in collective.body}
    assert len(blocks["team_grid"]["members"]) == 9
    assert len(blocks["procedure"]["steps"]) == 6

    # The directory: 60+ entries in five areas, some closed for now, rounds.
    entries = Organisation.objects.filter(live=True)
    assert entries.count() >= 60
    cities = set(entries.values_list("city", flat=True))
    for city in ["Calais", "Grande-Synthe", "Lille", "Cherbourg-en-Cotentin", "Paris"]:
        assert city in cities
    closed = entries.filter(status=StatusChoices.TEMPORARILY_CLOSED)
    assert closed.count() >= 3
    assert all(entry.closed_reason and entry.closed_until for entry in closed)
    assert OrganisationStop.objects.values("organisation").distinct().count() >= 4
    owners = set(entries.values_list("association__slug", flat=True))
    assert owners == {"plateforme", "exod", "toit-commun", "dunes"}

    # Every live page of every site answers 200 on its own hostname, except
    # pages for signed-in visitors only (a training module), which send an
    # anonymous visitor to the login page.
    for page in Page.objects.live().filter(depth__gte=2).specific():
        url = page.get_full_url()
        host = url.split("/")[2]
        response = Client(HTTP_HOST=host).get(page.get_url())
        if response.status_code == 302:
            assert "/login/" in response.url, url
        else:
            assert response.status_code == 200, url


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_demo_sites_answer_in_french_english_and_arabic(demo_output):
    hosts = ["localhost:8000"] + [f"{host}:8000" for host in MEMBER_HOSTS]
    for language in ["fr", "en", "ar"]:
        direction = "rtl" if language == "ar" else "ltr"
        for host in hosts:
            client = Client(HTTP_HOST=host)
            for path in ["/", "/annuaire/", "/actualites/"]:
                response = client.get(f"/{language}{path}")
                assert response.status_code == 200, (host, language, path)
                assert html_tag(response) == (
                    f'<html lang="{language}" dir="{direction}">'
                ), (host, path)
        hub = Client(HTTP_HOST="localhost:8000")
        for path in [
            "/membres/",
            "/actualites-du-reseau/",
            "/plan-d-action-2024-2026/",
        ]:
            assert hub.get(f"/{language}{path}").status_code == 200, path

    # Texts are written in each language, not copied from French.
    client = Client(HTTP_HOST="toit-commun.localhost:8000")
    pages = {
        language: client.get(
            f"/{language}/plan-contre-les-expulsions/"
        ).content.decode()
        for language in ["fr", "en", "ar"]
    }
    assert "Les neuf pôles" in pages["fr"]
    assert "The nine poles" in pages["en"]
    assert "الأقطاب التسعة" in pages["ar"]

    # Sites that publish in Pashto, Dari or Tigrinya answer in them too.
    for host, language, direction in [
        ("localhost:8000", "ps", "rtl"),
        ("localhost:8000", "prs", "rtl"),
        ("dunes.localhost:8000", "ti", "ltr"),
    ]:
        response = Client(HTTP_HOST=host).get(f"/{language}/annuaire/")
        assert response.status_code == 200, (host, language)
        assert f'dir="{direction}"' in html_tag(response)


def test_load_demo_refuses_under_production_settings(settings):
    settings.NETWORK_IS_PRODUCTION = True
    before = counts()
    with pytest.raises(CommandError, match="production.*--force"):
        load()
    assert counts() == before


def test_load_demo_runs_under_production_settings_when_forced(settings, demo_output):
    settings.NETWORK_IS_PRODUCTION = True
    output = load("--force", "--skip-index")
    assert "The demo network is ready." in output
    assert Association.objects.count() == 4


def test_load_demo_rejects_a_bad_port():
    before = counts()
    with pytest.raises(CommandError, match="port"):
        load("--port", "70000")
    assert counts() == before


def test_load_demo_names_a_loader_it_cannot_import():
    before = counts()
    with hooks.register_temporarily(
        "register_network_plugin", extra_plugin("nowhere.demo.load")
    ):
        with pytest.raises(CommandError, match="nowhere.demo.load"):
            load()
    assert counts() == before
