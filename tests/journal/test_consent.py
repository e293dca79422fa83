"""Consent: no web publication without it, withdrawal, anonymity, listing."""

from django.utils import timezone
from wagtail.models import Page

from journal.models import ArticlePage, Channel, Consent
from tests.conftest import site_client


def test_article_without_web_consent_stays_unpublished(jworld):
    pending = ArticlePage.objects.get(pk=jworld.pending.pk)
    assert not pending.live
    assert "Samir" in str(pending.publish_refusal())


def test_admin_refuses_to_publish_without_web_consent(jworld):
    client = site_client(jworld.alpha, jworld.moderator_a)
    page = ArticlePage.objects.get(pk=jworld.pending.pk)
    edit = f"/admin/pages/{page.pk}/edit/"
    form = client.get(edit)
    assert form.status_code == 200
    data = {
        "title": page.title,
        "slug": page.slug,
        "rubric": "",
        "original_language": "fr",
        "summary": "",
        "translator": "",
        "body-count": "0",
        "contributors-TOTAL_FORMS": "1",
        "contributors-INITIAL_FORMS": "1",
        "contributors-MIN_NUM_FORMS": "0",
        "contributors-MAX_NUM_FORMS": "1000",
        "contributors-0-id": str(page.contributors.first().pk),
        "contributors-0-contributor": str(jworld.shy.pk),
        "contributors-0-role": "",
        "contributors-0-ORDER": "1",
        "contributors-0-DELETE": "",
        "action-publish": "publish",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    response = client.post(edit, data, follow=True)
    assert response.status_code == 200
    form = response.context.get("form")
    assert form is None or not form.errors, form.errors
    assert "ne couvre pas le web" in response.content.decode()
    assert not ArticlePage.objects.get(pk=page.pk).live


def test_publishing_after_consent_works(jworld):
    page = ArticlePage.objects.get(pk=jworld.pending.pk)
    Consent.objects.create(
        association=jworld.alpha,
        contributor=jworld.shy,
        article=page,
        channel=Channel.WEB,
    )
    page.save_revision().publish()
    assert ArticlePage.objects.get(pk=page.pk).live


def test_withdrawing_web_consent_unpublishes_and_leaves_a_notice(jworld, visit):
    url = "/fr/journal/numero-1/premier-texte/"
    assert visit(url).status_code == 200
    consent = Consent.objects.get(
        article=jworld.article_fr, contributor=jworld.nour, channel=Channel.WEB
    )
    consent.withdrawn_at = timezone.now()
    consent.save()
    assert not Page.objects.get(pk=jworld.article_fr.pk).live
    notice = visit(url)
    assert notice.status_code == 410
    html = notice.content.decode()
    assert "Texte retiré" in html
    assert "Le vent souffle" not in html
    assert "Texte retiré" not in visit("/fr/journal/").content.decode()
    arabic = visit("/ar/journal/numero-1/poeme-mer/")
    assert arabic.status_code == 200  # another article is untouched
    # the table of contents no longer lists it
    assert "Premier texte" not in visit("/fr/journal/numero-1/").content.decode()


def test_withdrawal_notice_in_the_readers_language(jworld, visit):
    consent = Consent.objects.get(
        article=jworld.article_ar, contributor=jworld.anon, channel=Channel.WEB
    )
    consent.withdrawn_at = timezone.now()
    consent.save()
    response = visit("/ar/journal/numero-1/poeme-mer/")
    assert response.status_code == 410
    assert "نص مسحوب" in response.content.decode()
    assert visit("/fr/journal/numero-1/poeme-mer/").status_code == 410


def test_withdrawing_print_consent_leaves_the_web_version(jworld, visit):
    consent = Consent.objects.get(
        article=jworld.article_fr, contributor=jworld.nour, channel=Channel.PRINT
    )
    consent.withdrawn_at = timezone.now()
    consent.save()
    assert visit("/fr/journal/numero-1/premier-texte/").status_code == 200


def test_contributor_page_lists_articles_only_if_she_consented(jworld, visit):
    listed = visit(f"/fr/journal/contributors/{jworld.nour.pk}/").content.decode()
    assert "Premier texte" in listed and "Les dunes en hiver" in listed
    assert "Article brouillon secret" not in listed
    unlisted = visit(f"/fr/journal/contributors/{jworld.shy.pk}/")
    assert unlisted.status_code == 200
    assert "قصيدة البحر" not in unlisted.content.decode()
    assert visit(f"/fr/journal/contributors/{jworld.anon.pk}/").status_code == 404
    other = jworld.other_contributor.pk
    assert visit(f"/fr/journal/contributors/{other}/").status_code == 404
    assert visit("/fr/journal/contributors/999999/").status_code == 404
