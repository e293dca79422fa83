"""The directory in the Wagtail admin: isolation between associations, the
admin import, one-tap confirmation, the dashboard panel and the reminder."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from directory.models import Organisation
from tests.directory.conftest import make_org
from tests.directory.test_import import GOOD, csv_bytes

ADMIN = "/admin/snippets/directory/organisation/"


@pytest.fixture
def entries(network):
    return {
        "a": make_org(network.alpha, "Alpha soup kitchen", external_id="a-1"),
        "b": make_org(
            network.beta,
            "Beta secret shelter",
            external_id="b-1",
            stops=[{"name": "Beta stop", "latitude": 50.0, "longitude": 1.0}],
        ),
    }


def as_user(client_for, network, user):
    return client_for(network.hub, user)


def test_listing_shows_only_own_entries(client_for, network, entries):
    body = as_user(client_for, network, network.editor_a).get(ADMIN).content.decode()
    assert "Alpha soup kitchen" in body
    assert "Beta secret shelter" not in body
    from tests.factories import UserFactory

    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    body = as_user(client_for, network, admin).get(ADMIN).content.decode()
    assert "Alpha soup kitchen" in body and "Beta secret shelter" in body


def test_association_filter_offers_only_own_association(client_for, network, entries):
    body = as_user(client_for, network, network.editor_a).get(ADMIN).content.decode()
    select = re.search(r'<select name="association".*?</select>', body, re.S).group(0)
    assert ">Alpha</option>" in select
    assert "Beta" not in select, "Beta offered in the association filter"
    forged = as_user(client_for, network, network.editor_a).get(
        ADMIN, {"association": network.beta.pk}
    )
    assert "Beta secret shelter" not in forged.content.decode()


def test_coordinator_sees_every_association_entries(client_for, network, entries):
    body = as_user(client_for, network, network.coordinator).get(ADMIN).content.decode()
    assert "Alpha soup kitchen" in body and "Beta secret shelter" in body


@pytest.mark.parametrize(
    "template",
    [
        "edit/{pk}/",
        "delete/{pk}/",
        "history/{pk}/",
        "usage/{pk}/",
        "unpublish/{pk}/",
        "history/{pk}/revisions/{rev}/view/",
    ],
)
def test_other_associations_entries_are_refused(client_for, network, entries, template):
    entry = entries["b"]
    url = ADMIN + template.format(pk=entry.pk, rev=entry.latest_revision_id or 0)
    client = as_user(client_for, network, network.editor_a)
    response = client.get(url)
    assert response.status_code in {302, 403, 404}, (url, response.status_code)
    assert "Beta secret shelter" not in response.content.decode()
    # the owner reaches the edit view
    own = as_user(client_for, network, network.editor_b)
    assert own.get(ADMIN + f"edit/{entry.pk}/").status_code == 200


def test_forged_posts_change_nothing(client_for, network, entries):
    entry = entries["b"]
    client = as_user(client_for, network, network.editor_a)
    client.post(ADMIN + f"delete/{entry.pk}/")
    client.post(ADMIN + f"edit/{entry.pk}/", {"name": "Hacked"})
    entry.refresh_from_db()
    assert entry.name == "Beta secret shelter"
    assert Organisation.objects.filter(pk=entry.pk).exists()


def _form(association, **extra):
    data = {
        "association": association.pk,
        "name": "New place",
        "categories": [],
        "description": "",
        "languages": "fr;ar",
        "opening_hours": "Mo-Fr 09:00-17:00",
        "status": "active",
        "stops-TOTAL_FORMS": "0",
        "stops-INITIAL_FORMS": "0",
        "stops-MIN_NUM_FORMS": "0",
        "stops-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    data.update(extra)
    return data


def test_add_form_offers_only_own_association(client_for, network, entries):
    from directory.models import Category

    client = as_user(client_for, network, network.editor_a)
    response = client.get(ADMIN + "add/")
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["association"].queryset) == [network.alpha]
    # categories offered once, in the default language
    assert form.fields["categories"].queryset.count() == 10

    food = Category.objects.get(slug="alimentation", locale__language_code="fr")
    forged = client.post(
        ADMIN + "add/", _form(network.beta, categories=[food.pk], name="Forged")
    )
    assert forged.status_code == 200  # the form is shown again with an error
    assert not Organisation.objects.filter(name="Forged").exists()

    client.post(ADMIN + "add/", _form(network.alpha, categories=[food.pk]))
    created = Organisation.objects.get(name="New place")
    # Alpha is moderated: its editor's "publish" only saves a draft
    # (tests/directory/test_entry_form.py covers the workflow).
    assert created.association == network.alpha and not created.live
    assert created.languages == ["fr", "ar"]
    assert created.external_id.startswith("maillage-")


def test_admin_form_validates_hours_and_languages(client_for, network):
    from directory.models import Category

    client = as_user(client_for, network, network.editor_a)
    food = Category.objects.get(slug="alimentation", locale__language_code="fr")
    response = client.post(
        ADMIN + "add/",
        _form(
            network.alpha,
            categories=[food.pk],
            opening_hours="lundi 9h",
            languages="fr;klingon",
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "opening_hours" in errors and "languages" in errors
    assert not Organisation.objects.exists()


def test_chooser_and_localize_api_are_scoped(client_for, network, entries):
    client = as_user(client_for, network, network.editor_a)
    chooser = client.get("/admin/snippets/choose/directory/organisation/")
    assert chooser.status_code == 200
    body = chooser.content.decode()
    assert "Alpha soup kitchen" in body and "Beta secret shelter" not in body
    api = client.get("/admin/localize/api/snippets/directory/organisation/")
    assert "Beta secret shelter" not in api.content.decode()


def test_admin_import_preview_and_confirm(client_for, network):
    client = as_user(client_for, network, network.editor_a)
    url = "/admin/directory/import/"
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert f'value="{network.alpha.pk}"' in body
    assert f'value="{network.beta.pk}"' not in body

    bad = csv_bytes(GOOD[0], GOOD[1].replace("logistique", "nope"))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        url,
        {
            "association": network.alpha.pk,
            "file": SimpleUploadedFile("x.csv", bad, "text/csv"),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing imported" in body or "Rien" in body
    assert "<td>3</td>" in body and "categories" in body
    assert not Organisation.objects.exists()

    # another association is refused
    forged = client.post(
        url,
        {
            "association": network.beta.pk,
            "file": SimpleUploadedFile("x.csv", csv_bytes(*GOOD), "text/csv"),
        },
    )
    assert 'name="token"' not in forged.content.decode()
    assert not Organisation.objects.exists()

    preview = client.post(
        url,
        {
            "association": network.alpha.pk,
            "file": SimpleUploadedFile("x.csv", csv_bytes(*GOOD), "text/csv"),
        },
    )
    assert "Le Phare" in preview.content.decode()  # the first rows are shown
    token = preview.content.decode().split('name="token" value="')[1].split('"')[0]
    assert not Organisation.objects.exists()  # preview saves nothing
    done = client.post(
        url, {"confirm": "1", "token": token, "association": network.alpha.pk}
    )
    assert done.status_code == 302
    assert (
        Organisation.objects.filter(association=network.alpha, live=True).count() == 3
    )
    # the stored upload is consumed
    again = client.post(
        url, {"confirm": "1", "token": token, "association": network.alpha.pk}
    )
    assert again.status_code == 302
    assert Organisation.objects.count() == 3


def test_import_refused_without_permission(client_for, network):
    from tests.factories import UserFactory

    outsider = UserFactory(username="outsider", is_staff=True)
    client = client_for(network.hub, outsider)
    assert client.get("/admin/directory/import/").status_code in {302, 403}


def test_one_tap_confirmation(client_for, network, entries):
    entry = entries["a"]
    client = as_user(client_for, network, network.editor_a)
    listing = client.get("/admin/directory/check/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Alpha soup kitchen" in body and "Beta secret shelter" not in body
    assert 'name="csrfmiddlewaretoken"' in body
    response = client.post(f"/admin/directory/check/entry/{entry.pk}/")
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.last_checked == timezone.localdate()
    assert entry.checked_by == network.editor_a
    # GET does not confirm
    assert client.get(f"/admin/directory/check/entry/{entry.pk}/").status_code == 405


def test_one_tap_refused_for_other_association(client_for, network, entries):
    other = entries["b"]
    client = as_user(client_for, network, network.editor_a)
    assert client.post(f"/admin/directory/check/entry/{other.pk}/").status_code in {
        302,
        403,
    }
    stop = other.stops.get()
    assert client.post(f"/admin/directory/check/stop/{stop.pk}/").status_code in {
        302,
        403,
    }
    other.refresh_from_db()
    stop.refresh_from_db()
    assert other.last_checked is None and stop.last_checked is None
    owner = as_user(client_for, network, network.editor_b)
    assert owner.post(f"/admin/directory/check/stop/{stop.pk}/").status_code == 302
    stop.refresh_from_db()
    assert stop.last_checked == timezone.localdate()


def test_dashboard_lists_entries_to_recheck(client_for, network, entries):
    old = timezone.localdate() - dt.timedelta(days=200)
    Organisation.objects.filter(pk=entries["a"].pk).update(last_checked=old)
    fresh = make_org(network.alpha, "Fresh", last_checked=timezone.localdate())
    body = as_user(client_for, network, network.editor_a).get("/admin/").content
    body = body.decode()
    assert "directory-recheck" in body
    assert "Alpha soup kitchen" in body
    assert fresh.name not in body.split("directory-recheck")[1][:3000]
    assert "Beta secret shelter" not in body


def test_weekly_reminder(network, entries):
    network.editor_a.email = "a@example.org"
    network.editor_a.save()
    network.editor_b.email = "b@example.org"
    network.editor_b.save()
    Organisation.objects.filter(pk=entries["b"].pk).update(
        last_checked=timezone.localdate()
    )
    call_command("remind_directory_checks")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "a@example.org" in message.to and "b@example.org" not in message.to
    assert "Alpha soup kitchen" in message.body
    assert "/admin/snippets/directory/organisation/edit/" in message.body


def test_editor_adds_a_mobile_stop_in_the_admin(client_for, network):
    from directory.models import Category

    client = as_user(client_for, network, network.editor_a)
    food = Category.objects.get(slug="alimentation", locale__language_code="fr")
    data = _form(
        network.alpha,
        name="Maraude du soir",
        categories=[food.pk],
        opening_hours="",
        **{
            "stops-TOTAL_FORMS": "1",
            "stops-0-name": "Parking de la gare",
            "stops-0-city": "Calais",
            "stops-0-latitude": "50.9536",
            "stops-0-longitude": "1.8516",
            "stops-0-opening_hours": "Tu,Th 18:00-19:30",
            "stops-0-ORDER": "1",
            "stops-0-DELETE": "",
            "stops-0-id": "",
        },
    )
    response = client.post(ADMIN + "add/", data)
    assert response.status_code == 302, response.context["form"].errors
    entry = Organisation.objects.get(name="Maraude du soir")
    stop = entry.stops.get()
    assert stop.opening_hours == "Tu,Th 18:00-19:30" and not entry.live  # moderated
    bad = dict(data, name="Bad stop", **{"stops-0-opening_hours": "mardi soir"})
    response = client.post(ADMIN + "add/", bad)
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Bad stop").exists()


def test_admin_csv_export_can_be_reimported(client_for, network, entries):
    import csv
    import io

    from directory.csvformat import COLUMNS
    from directory.importers import DirectoryImporter, open_bytes

    client = as_user(client_for, network, network.editor_a)
    response = client.get(ADMIN + "?export=csv")
    assert response.status_code == 200
    data = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    assert [row[1] for row in rows[1:]] == ["Alpha soup kitchen"]
    report = DirectoryImporter(network.alpha).run(open_bytes(data))
    assert report.ok and report.updated == 1, [str(e) for e in report.errors]


def test_admin_filters(client_for, network, entries):
    fresh = make_org(
        network.alpha, "Checked kitchen", last_checked=timezone.localdate()
    )
    make_org(network.alpha, "Lille place", city="Lille", categories=["sante"])
    # Never checked and created a year ago: both are due (a new entry is not).
    Organisation.objects.filter(name__in=["Alpha soup kitchen", "Lille place"]).update(
        created_at=timezone.now() - dt.timedelta(days=365)
    )
    client = as_user(client_for, network, network.editor_a)

    def listed(**params):
        body = client.get(ADMIN, params).content.decode()
        names = ["Alpha soup kitchen", "Checked kitchen", "Lille place"]
        return [name for name in names if name in body]

    assert listed(needs_check="true") == ["Alpha soup kitchen", "Lille place"]
    assert listed(needs_check="false") == [fresh.name]
    assert listed(city="lille") == ["Lille place"]
    from directory.models import Category

    health = Category.objects.get(slug="sante", locale__language_code="fr")
    assert listed(category=health.pk) == ["Lille place"]
    assert listed(status="temporarily_closed") == []


# Creating a directory page under a content page ---------------------------------------
def _content_page(association, title):
    from sitepages.models import ContentPage

    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"))
    association.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_directory_page_can_be_added_under_a_content_page(client_for, network):
    from directory.pages import DirectoryPage

    parent = _content_page(network.alpha, "Ressources")
    client = as_user(client_for, network, network.editor_a)
    url = f"/admin/pages/add/directory/directorypage/{parent.pk}/"
    assert client.get(url).status_code == 200
    choices = client.get(f"/admin/pages/{parent.pk}/add_subpage/")
    assert "/admin/pages/add/directory/directorypage/" in choices.content.decode()
    response = client.post(
        url,
        {"title": "Annuaire local", "slug": "annuaire-local", "action-publish": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = DirectoryPage.objects.get(slug="annuaire-local")
    assert created.get_parent().pk == parent.pk


def test_directory_page_refused_under_a_content_page_without_the_plugin(
    client_for, network
):
    from directory.pages import DirectoryPage

    network.beta.plugins = []
    network.beta.save()
    parent = _content_page(network.beta, "Ressources")
    client = as_user(client_for, network, network.editor_b)
    url = f"/admin/pages/add/directory/directorypage/{parent.pk}/"
    # Wagtail answers a PermissionDenied in the admin with a redirect to the
    # dashboard and a "no permission" message
    refused = client.get(url)
    assert (refused.status_code, refused.url) == (302, "/admin/")
    posted = client.post(url, {"title": "Annuaire", "slug": "annuaire"})
    assert (posted.status_code, posted.url) == (302, "/admin/")
    choices = client.get(f"/admin/pages/{parent.pk}/add_subpage/")
    assert choices.status_code == 200
    assert "/admin/pages/add/directory/directorypage/" not in choices.content.decode()
    assert not DirectoryPage.objects.filter(slug="annuaire").exists()
    # positive control: a core page type is still offered there
    assert "/admin/pages/add/sitepages/contentpage/" in choices.content.decode()
