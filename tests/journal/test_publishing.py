"""No article goes on the web without every contributor's web consent, on
every path that publishes: the editor's "Publish" (now or scheduled), "Submit
for moderation", the moderator's approval (in the editor and on the
dashboard), bulk publishing and scheduled publishing."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from journal.models import ArticlePage, Channel, Consent, IssuePage
from tests.conftest import site_client
from tests.journal.conftest import article, article_form

REFUSAL = "ne couvre pas le web"


def admin(jworld, user):
    return site_client(jworld.alpha, user)


def edit(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", article_form(page, **changes))


def give_web_consent(jworld, page, contributor):
    return Consent.objects.create(
        association=jworld.alpha,
        contributor=contributor,
        article=page,
        channel=Channel.WEB,
    )


def test_publish_is_a_form_error_and_saves_nothing(jworld):
    page = ArticlePage.objects.get(pk=jworld.pending.pk)
    revisions = page.revisions.count()
    client = admin(jworld, jworld.moderator_a)
    response = edit(client, page, title="Nouveau titre", **{"action-publish": "1"})
    assert response.status_code == 200  # the form again, with the reason
    assert REFUSAL in response.content.decode()
    assert "Samir" in response.content.decode()
    page.refresh_from_db()
    assert not page.live and page.title == "Texte en attente"
    assert page.revisions.count() == revisions  # not even a draft
    # positive control: once her consent is recorded, the same POST publishes
    give_web_consent(jworld, page, jworld.shy)
    response = edit(client, page, **{"action-publish": "1"})
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=page.pk).live


def test_adding_a_contributor_without_consent_refuses_the_publish(jworld):
    page = ArticlePage.objects.get(pk=jworld.article_fr.pk)
    data = article_form(page, **{"action-publish": "1"})
    data.update(
        {
            "contributors-TOTAL_FORMS": "2",
            "contributors-1-id": "",
            "contributors-1-contributor": str(jworld.shy.pk),
            "contributors-1-role": "dessin",
            "contributors-1-ORDER": "2",
            "contributors-1-DELETE": "",
        }
    )
    response = admin(jworld, jworld.moderator_a).post(
        f"/admin/pages/{page.pk}/edit/", data
    )
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert ArticlePage.objects.get(pk=page.pk).contributors.count() == 1


def test_a_new_article_cannot_be_published_before_consent(jworld):
    issue = jworld.issue1
    url = f"/admin/pages/add/journal/articlepage/{issue.pk}/"
    client = admin(jworld, jworld.moderator_a)
    data = article_form(
        ArticlePage(title="Tout neuf", slug="tout-neuf"), **{"action-publish": "1"}
    )
    data.update(
        {
            "contributors-TOTAL_FORMS": "1",
            "contributors-0-id": "",
            "contributors-0-contributor": str(jworld.nour.pk),
            "contributors-0-role": "",
            "contributors-0-ORDER": "1",
            "contributors-0-DELETE": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not ArticlePage.objects.filter(slug="tout-neuf").exists()
    # saving it as a draft works: consent is then recorded for the article
    data.pop("action-publish")
    assert client.post(url, data).status_code == 302
    assert not ArticlePage.objects.get(slug="tout-neuf").live


def test_scheduling_is_refused_too(jworld):
    page = ArticlePage.objects.get(pk=jworld.pending.pk)
    later = (timezone.now() + dt.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    response = edit(
        admin(jworld, jworld.moderator_a),
        page,
        go_live_at=later,
        **{"action-publish": "1"},
    )
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_an_article_waits_for_its_issue(jworld):
    page = ArticlePage.objects.get(pk=jworld.draft_article.pk)
    draft_issue_article = ArticlePage.objects.get(
        slug="b3", path__startswith=jworld.draft_issue.path
    )
    client = admin(jworld, jworld.moderator_a)
    response = edit(client, draft_issue_article, **{"action-publish": "1"})
    assert response.status_code == 200
    assert "Numéro brouillon" in response.content.decode()
    assert not ArticlePage.objects.get(pk=draft_issue_article.pk).live
    # an article of a live issue, with consent: published
    response = edit(client, page, **{"action-publish": "1"})
    assert response.status_code == 302, response.context["form"].errors
    assert ArticlePage.objects.get(pk=page.pk).live


def test_submitting_for_moderation_is_refused_without_consent(jworld):
    page = ArticlePage.objects.get(pk=jworld.pending.pk)
    client = admin(jworld, jworld.editor_a)
    response = edit(client, page, **{"action-submit": "1"})
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not ArticlePage.objects.get(pk=page.pk).workflow_in_progress
    give_web_consent(jworld, page, jworld.shy)
    assert edit(client, page, **{"action-submit": "1"}).status_code == 302
    assert ArticlePage.objects.get(pk=page.pk).workflow_in_progress


def in_moderation(jworld):
    """The pending article, submitted with consent, whose consent then goes."""
    page = ArticlePage.objects.get(pk=jworld.pending.pk)
    consent = give_web_consent(jworld, page, jworld.shy)
    page.save_revision(user=jworld.editor_a)
    page.get_workflow().start(page, jworld.editor_a)
    consent.delete()  # recorded by mistake: it never covered the web
    return ArticlePage.objects.get(pk=page.pk)


def test_approving_in_the_editor_is_refused_without_consent(jworld):
    page = in_moderation(jworld)
    data = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    response = edit(admin(jworld, jworld.moderator_a), page, **data)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live and page.workflow_in_progress
    # positive control: with consent, the same approval publishes it
    give_web_consent(jworld, page, jworld.shy)
    response = edit(admin(jworld, jworld.moderator_a), page, **data)
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=page.pk).live


def test_approving_on_the_dashboard_never_puts_it_online(jworld, visit):
    page = in_moderation(jworld)
    state = page.current_workflow_task_state
    url = f"/admin/pages/{page.pk}/workflow/action/approve/{state.pk}/"
    response = admin(jworld, jworld.moderator_a).post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert visit("/fr/journal/numero-1/attente/").status_code == 404
    entry = PageLogEntry.objects.filter(
        page=page, action="journal.publish_refused"
    ).get()
    assert "Samir" in entry.message
    history = admin(jworld, jworld.moderator_a).get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200 and "Samir" in history.content.decode()


def bulk_publish(client, *pages, descendants=False):
    ids = "&".join(f"id={page.pk}" for page in pages)
    url = f"/admin/bulk/wagtailcore/page/publish/?{ids}&next=/admin/"
    data = {"include_descendants": "on"} if descendants else {}
    return client.post(url, data, follow=True)


def test_bulk_publish_refuses_the_whole_batch(jworld):
    client = admin(jworld, jworld.moderator_a)
    pending = ArticlePage.objects.get(pk=jworld.pending.pk)
    draft = ArticlePage.objects.get(pk=jworld.draft_article.pk)
    response = bulk_publish(client, pending, draft)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not ArticlePage.objects.get(pk=pending.pk).live
    assert not ArticlePage.objects.get(pk=draft.pk).live  # nothing half-done
    response = bulk_publish(client, draft)  # positive control
    assert response.status_code == 200
    assert ArticlePage.objects.get(pk=draft.pk).live


def test_bulk_publish_of_an_issue_with_its_drafts(jworld):
    client = admin(jworld, jworld.moderator_a)
    response = bulk_publish(client, jworld.draft_issue, descendants=True)
    assert response.status_code == 200
    assert IssuePage.objects.get(pk=jworld.draft_issue.pk).live
    assert ArticlePage.objects.get(slug="b3").live  # consent given: it goes too
    issue1 = IssuePage.objects.get(pk=jworld.issue1.pk)
    response = bulk_publish(client, issue1, descendants=True)
    assert REFUSAL in response.content.decode()
    assert not ArticlePage.objects.get(pk=jworld.pending.pk).live


def schedule(page, when):
    revision = page.save_revision()
    revision.approved_go_live_at = when
    revision.save(update_fields=["approved_go_live_at"])


def test_scheduled_publishing_without_consent_stays_offline(jworld, visit):
    past = timezone.now() - dt.timedelta(minutes=5)
    pending = ArticlePage.objects.get(pk=jworld.pending.pk)
    draft = ArticlePage.objects.get(pk=jworld.draft_article.pk)
    schedule(pending, past)
    schedule(draft, past)
    call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=pending.pk).live
    assert PageLogEntry.objects.filter(
        page=pending, action="journal.publish_refused"
    ).exists()
    assert ArticlePage.objects.get(pk=draft.pk).live  # positive control
    assert visit("/fr/journal/numero-2/brouillon/").status_code == 200


def test_an_issue_and_its_articles_scheduled_together_go_live(jworld, visit):
    when = timezone.now() - dt.timedelta(minutes=1)
    b3 = ArticlePage.objects.get(slug="b3")
    schedule(b3, when)  # the article's revision comes first
    schedule(IssuePage.objects.get(pk=jworld.draft_issue.pk), when)
    call_command("publish_scheduled")
    assert IssuePage.objects.get(pk=jworld.draft_issue.pk).live
    assert ArticlePage.objects.get(pk=b3.pk).live
    assert visit("/fr/journal/numero-3/b3/").status_code == 200


def test_a_live_article_loses_its_place_when_the_web_consent_is_deleted(jworld, visit):
    consent = Consent.objects.get(
        article=jworld.issue2_article, contributor=jworld.nour, channel=Channel.WEB
    )
    url = f"/admin/journal_consents/delete/{consent.pk}/"
    response = admin(jworld, jworld.editor_a).post(url)
    assert response.status_code == 302
    assert not ArticlePage.objects.get(pk=jworld.issue2_article.pk).live
    assert visit("/fr/journal/numero-2/hiver/").status_code == 410


def test_an_article_without_contributors_needs_no_consent(jworld):
    page = article(jworld.issue2, "Édito de l'équipe", [], slug="equipe")
    assert page.live


def test_the_editor_says_whose_consent_is_missing(jworld):
    client = admin(jworld, jworld.editor_a)
    pending = client.get(f"/admin/pages/{jworld.pending.pk}/edit/").content.decode()
    assert "Consentement web manquant pour Samir" in pending
    assert 'href="/admin/journal_consents/new/"' in pending
    ready = client.get(f"/admin/pages/{jworld.article_fr.pk}/edit/").content.decode()
    assert "Consentement web manquant" not in ready
    assert "couvre le web" in ready
