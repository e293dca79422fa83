"""Another association's editor can neither see nor change this journal.

Through the real admin URLs, with a positive control for the owner."""

import pytest

from journal.models import Consent
from tests.conftest import site_client
from tests.network.utils import assert_refused


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def admin(jworld, user):
    return site_client(jworld.alpha, user)


def test_contributor_listing_is_scoped(jworld):
    owner = admin(jworld, jworld.editor_a).get("/admin/snippets/journal/contributor/")
    assert owner.status_code == 200
    assert "Nour" in owner.content.decode()
    assert "Beta writer" not in owner.content.decode()
    other = admin(jworld, jworld.editor_b).get("/admin/snippets/journal/contributor/")
    assert other.status_code == 200
    assert "Nour" not in other.content.decode()
    assert "Beta writer" in other.content.decode()


@pytest.mark.parametrize("view", ["edit", "delete", "history"])
def test_contributor_object_views_refused(jworld, view):
    url = f"/admin/snippets/journal/contributor/{view}/{jworld.nour.pk}/"
    assert admin(jworld, jworld.editor_a).get(url).status_code == 200
    assert_refused(admin(jworld, jworld.editor_b).get(url), url, ["Nour"])


def test_contributor_cannot_be_changed_by_another_association(jworld):
    url = f"/admin/snippets/journal/contributor/edit/{jworld.nour.pk}/"
    response = admin(jworld, jworld.editor_b).post(
        url, {"association": jworld.beta.pk, "name": "Volé", "bio": ""}
    )
    assert_refused(response, url)
    jworld.nour.refresh_from_db()
    assert jworld.nour.name == "Nour"


def test_consent_records_are_scoped(jworld):
    consent = Consent.objects.filter(contributor=jworld.nour).first()
    listing = "/admin/journal_consents/"
    owner = admin(jworld, jworld.editor_a).get(listing)
    assert owner.status_code == 200 and "Nour" in owner.content.decode()
    other = admin(jworld, jworld.editor_b).get(listing)
    assert other.status_code == 200 and "Nour" not in other.content.decode()
    for url in (
        f"/admin/journal_consents/edit/{consent.pk}/",
        f"/admin/journal_consents/delete/{consent.pk}/",
    ):
        assert admin(jworld, jworld.editor_a).get(url).status_code == 200
        assert_refused(admin(jworld, jworld.editor_b).get(url), url, ["Nour"])
    url = f"/admin/journal_consents/delete/{consent.pk}/"
    assert_refused(admin(jworld, jworld.editor_b).post(url), url)
    assert Consent.objects.filter(pk=consent.pk).exists()


def test_a_forged_consent_naming_another_associations_rows_is_refused(jworld):
    url = "/admin/journal_consents/new/"
    data = {
        "association": jworld.alpha.pk,
        "contributor": jworld.nour.pk,
        "article": jworld.article_fr.pk,
        "channel": "web",
        "given_at": "2025-01-01 10:00",
        "withdrawn_at": "",
        "note": "",
    }
    before = Consent.objects.count()
    forged = admin(jworld, jworld.editor_b).post(url, data)
    assert forged.status_code == 200  # the form again, with its errors
    assert Consent.objects.count() == before
    owner = admin(jworld, jworld.editor_a).post(url, data)
    assert owner.status_code == 302
    assert Consent.objects.count() == before + 1


@pytest.mark.parametrize("view", ["edit", "history"])
def test_journal_pages_refused(jworld, view):
    url = f"/admin/pages/{jworld.issue1.pk}/{view}/"
    assert admin(jworld, jworld.editor_a).get(url).status_code == 200
    assert_refused(admin(jworld, jworld.editor_b).get(url), url, ["La traversée"])


def test_site_history_report_hides_the_journal(jworld):
    url = "/admin/reports/site-history/"
    owner = admin(jworld, jworld.editor_a).get(url)
    assert owner.status_code == 200
    other = admin(jworld, jworld.editor_b).get(url)
    assert other.status_code == 200
    text = other.content.decode()
    assert "La traversée" not in text and "Journal des Jungles" not in text


def test_site_history_shows_contributor_and_consent_entries_to_their_owner(jworld):
    """Entries logged for contributors and consent records (through the real
    admin views) are listed for alpha's editor, and for nobody else."""
    owner = admin(jworld, jworld.editor_a)
    created = owner.post(
        "/admin/snippets/journal/contributor/add/",
        {"association": jworld.alpha.pk, "name": "Zeinab Plume", "bio": ""},
    )
    assert created.status_code == 302
    consent = Consent.objects.filter(contributor=jworld.nour).first()
    edited = owner.post(
        f"/admin/journal_consents/edit/{consent.pk}/",
        {
            "association": jworld.alpha.pk,
            "contributor": jworld.nour.pk,
            "article": consent.article_id,
            "channel": consent.channel,
            "given_at": "2025-01-10 10:00",
            "withdrawn_at": "",
            "note": "Note secrète de consentement",
        },
    )
    assert edited.status_code == 302
    report = "/admin/reports/site-history/"
    for url in (report, report + "?export=csv"):
        seen = owner.get(url)
        assert seen.status_code == 200
        text = body(seen)
        assert "Zeinab Plume" in text and "Nour" in text
        hidden = admin(jworld, jworld.editor_b).get(url)
        assert hidden.status_code == 200
        text = body(hidden)
        assert "Zeinab Plume" not in text and "Nour" not in text
    history = f"/admin/journal_consents/history/{consent.pk}/"
    assert owner.get(history).status_code == 200
    assert_refused(admin(jworld, jworld.editor_b).get(history), history, ["Nour"])


def test_no_api_lists_the_journal_to_outsiders(jworld):
    from django.test import Client

    url = "/admin/api/main/pages/?type=journal.ArticlePage&fields=title"
    owner = admin(jworld, jworld.editor_a).get(url)
    assert owner.status_code == 200
    assert "Article brouillon secret" in owner.content.decode()  # her own draft
    other = admin(jworld, jworld.editor_b).get(url)
    assert other.status_code == 200
    for title in ("Article brouillon secret", "Premier texte"):
        assert title not in other.content.decode()
    anonymous = Client(HTTP_HOST="alpha.localhost").get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    # there is no public pages API at all
    assert Client(HTTP_HOST="alpha.localhost").get("/api/v2/pages/").status_code in (
        302,
        404,
    )
