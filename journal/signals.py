"""Rules that hold however a page is published or a consent changes.

* an article published without its issue being live, or without every
  contributor's web consent (a scheduled publish, a workflow, a script: the
  admin refuses it earlier, see ``journal.wagtail_hooks``) is unpublished again;
* withdrawing a web consent unpublishes every language version of the article
  and marks it, so that its address shows a short notice (410);
* unpublishing an issue unpublishes its articles, so nothing of it leaks;
* publishing an issue or an article queues the issue's print PDF
  (``journal.tasks``) unless ``JOURNAL_PDF_ON_PUBLISH`` is false.
"""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from journal.models import Channel, Consent
from journal.pages import ArticlePage, IssuePage


def _queue_pdf(issue):
    if not getattr(settings, "JOURNAL_PDF_ON_PUBLISH", True):
        return
    from journal.pdf import weasyprint_available
    from journal.tasks import generate_issue_pdf

    if weasyprint_available():
        generate_issue_pdf.enqueue(issue.pk)


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    if instance.publish_refusal():
        instance.unpublish(log_action=False)
        return
    if instance.consent_withdrawn:
        ArticlePage.objects.filter(pk=instance.pk).update(consent_withdrawn=False)
    _queue_pdf(instance.get_parent().specific)


@receiver(page_published, sender=IssuePage)
def issue_published(sender, instance, **kwargs):
    _queue_pdf(instance)


@receiver(page_unpublished, sender=IssuePage)
def issue_unpublished(sender, instance, **kwargs):
    for article in ArticlePage.objects.child_of(instance).live():
        article.unpublish()


@receiver(post_save, sender=Consent)
def consent_saved(sender, instance, **kwargs):
    if instance.channel != Channel.WEB or instance.active:
        return
    versions = ArticlePage.objects.filter(
        translation_key=instance.article.translation_key
    )
    versions.update(consent_withdrawn=True)
    for article in versions.filter(live=True):
        article.unpublish()
