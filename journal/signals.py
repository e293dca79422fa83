"""Rules that hold however a page is published or a consent changes.

The admin refuses earlier, with a form error or a message (``ArticleForm``,
``journal.wagtail_hooks``); these receivers hold the rules on every other path
(the moderator's "Approve" on the dashboard, scheduled publishing, a script):

* an article that goes live while its issue is not live (nor due to go live),
  or without every contributor's web consent, is unpublished at once, and its
  history says why ("journal.publish_refused");
* withdrawing (or deleting) a web consent unpublishes every language version
  of the article and marks it, so that its address shows a short notice (410);
* unpublishing an issue unpublishes its articles, so nothing of it leaks;
* a change to what an issue's print PDF holds (an issue or article published
  or unpublished) queues the PDF (``journal.tasks``) unless
  ``JOURNAL_PDF_ON_PUBLISH`` is false.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.signals import page_published, page_unpublished

from journal.models import Channel, Consent
from journal.pages import ArticlePage, IssuePage, issue_live_by

REFUSED = "journal.publish_refused"


def queue_pdf(issue):
    if not issue.live or not getattr(settings, "JOURNAL_PDF_ON_PUBLISH", True):
        return
    from journal.pdf import weasyprint_available
    from journal.tasks import generate_issue_pdf

    if weasyprint_available():
        generate_issue_pdf.enqueue(issue.pk)


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    if not instance.live:  # scheduled for later: checked when it goes live
        return
    issue = instance.get_parent().specific
    missing = instance.missing_web_consent()
    if missing or not issue_live_by(issue, timezone.now()):
        instance.unpublish(log_action=False)
        log(
            instance=instance,
            action=REFUSED,
            data={
                "contributors": [str(c) for c in missing],
                "issue": "" if missing else issue.title,
            },
        )
        return
    if instance.consent_withdrawn:
        ArticlePage.objects.filter(pk=instance.pk).update(consent_withdrawn=False)
    queue_pdf(issue)


@receiver(page_unpublished, sender=ArticlePage)
def article_unpublished(sender, instance, **kwargs):
    queue_pdf(instance.get_parent().specific)


@receiver(page_published, sender=IssuePage)
def issue_published(sender, instance, **kwargs):
    queue_pdf(instance)


@receiver(page_unpublished, sender=IssuePage)
def issue_unpublished(sender, instance, **kwargs):
    for article in ArticlePage.objects.child_of(instance).live():
        article.unpublish()


def withdraw(consent):
    """Take every live language version of ``consent``'s article off the web,
    marked so that its address keeps a notice (a draft simply stays one)."""
    live = ArticlePage.objects.filter(
        translation_key=consent.article.translation_key, live=True
    )
    versions = list(live)
    live.update(consent_withdrawn=True)
    for article in versions:
        article.consent_withdrawn = True
        article.unpublish()


@receiver(post_save, sender=Consent)
def consent_saved(sender, instance, **kwargs):
    if instance.channel == Channel.WEB and instance.withdrawn_at is not None:
        withdraw(instance)


@receiver(post_delete, sender=Consent)
def consent_deleted(sender, instance, **kwargs):
    if instance.channel != Channel.WEB or instance.withdrawn_at is not None:
        return
    article = ArticlePage.objects.filter(pk=instance.article_id).first()
    if article is None:  # the article itself is being deleted
        return
    still_covered = not article.missing_web_consent()
    if not still_covered:
        withdraw(instance)
