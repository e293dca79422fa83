"""Consent: no web publication without it, withdrawal, anonymity, listing."""

from django.utils import timezone
from wagtail.models import Page

from journal.models import ArticlePage, Channel, Consent


def test_article_without_web_consent_stays_unpublished(jworld):
    pending = ArticlePage.objects.get(pk=jworld.pending.pk)
    assert not pending.live
    assert "Samir" in str(pending.publish_refusal())


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
    # no public page at all without her consent to one
    assert visit(f"/fr/journal/contributors/{jworld.shy.pk}/").status_code == 404
    assert visit(f"/fr/journal/contributors/{jworld.anon.pk}/").status_code == 404
    other = jworld.other_contributor.pk
    assert visit(f"/fr/journal/contributors/{other}/").status_code == 404
    assert visit("/fr/journal/contributors/999999/").status_code == 404


def test_a_consent_stays_within_one_association(jworld):
    import pytest
    from django.core.exceptions import ValidationError

    consent = Consent(
        association=jworld.beta,
        contributor=jworld.other_contributor,
        article=jworld.article_fr,  # alpha's article
        channel=Channel.WEB,
    )
    with pytest.raises(ValidationError) as error:
        consent.full_clean()
    assert "article" in error.value.message_dict
    consent.contributor = jworld.nour
    consent.association = jworld.alpha
    consent.full_clean()  # positive control: all of alpha
