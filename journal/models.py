"""The journal: index → issues → articles, contributors and their consent.

Page tree (``parent_page_types`` / ``subpage_types``)::

    sitepages.HomePage or sitepages.ContentPage (where the association
    │                     enables the journal plugin)
    └── JournalIndexPage       the journal: covers by year, Atom feeds, search
        └── IssuePage          one issue: number, residency, editorial, PDF
            └── ArticlePage    a text, poem or drawing, with its contributors

People are ``Contributor`` snippets owned by an association (a pseudonym, a
short bio, "anonymous", "listed"). ``ArticleContributor`` orders them on an
article; ``Consent`` records what each contributor agreed to for one article
(web, print, translation, photo, audio), when, and when it was withdrawn.
An article is published on the web only while every contributor's web consent
stands (``ArticlePage.missing_web_consent``); withdrawing it unpublishes every
language version (``journal.signals``) and leaves a notice at its address.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from journal.forms import ConsentForm
from network.forms import AssociationOwnedForm
from network.permissions import AssociationOwned

# Average reading speed (words a minute) for the reading-time estimate.
WORDS_PER_MINUTE = 200


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class Contributor(AssociationOwned):
    """A person who writes or draws for the journal, under the name she chose.

    No legal name and no e-mail: a pseudonym is normal and stays the same
    across issues and languages.
    """

    name = models.CharField(
        _("display name"),
        max_length=120,
        help_text=_("The name printed under her texts; a pseudonym is normal."),
    )
    bio = models.TextField(
        _("short bio"),
        blank=True,
        max_length=600,
        help_text=_("Two or three sentences, written with her."),
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_("Her texts are signed 'Anonymous' and she has no public page."),
    )
    listed = models.BooleanField(
        _("listed"),
        default=False,
        help_text=_("She agreed to a public page listing her published articles."),
    )

    base_form_class = AssociationOwnedForm

    class Meta:
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def public_name(self):
        return _("Anonymous") if self.anonymous else self.name


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    PRINT = "print", _("Print")
    TRANSLATION = "translation", _("Translation")
    PHOTO = "photo", _("Photo")
    AUDIO = "audio", _("Audio")


class Consent(AssociationOwned):
    """What one contributor agreed to for one article, channel by channel.

    The consent holds for every language version of the article (it is
    matched on the article's ``translation_key``).
    """

    contributor = models.ForeignKey(
        Contributor,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("contributor"),
    )
    article = models.ForeignKey(
        "journal.ArticlePage",
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("article"),
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(
        _("withdrawn at"),
        null=True,
        blank=True,
        help_text=_(
            "Set it when she takes her consent back. Withdrawing the web "
            "consent unpublishes the article at once."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=250,
        blank=True,
        help_text=_("How it was given, e.g. 'orally, in Pashto, with a witness'."),
    )

    base_form_class = ConsentForm

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.contributor} · {self.get_channel_display()} · {self.article}"

    def clean(self):
        super().clean()
        errors = {}
        if self.withdrawn_at and self.given_at and self.withdrawn_at < self.given_at:
            errors["withdrawn_at"] = _(
                "Consent cannot be withdrawn before it was given."
            )
        if (
            self.contributor_id
            and self.association_id
            and self.contributor.association_id != self.association_id
        ):
            errors["contributor"] = _(
                "This contributor belongs to another association."
            )
        if self.article_id and self.association_id:
            owner = self.article.association
            if owner is not None and owner.pk != self.association_id:
                errors["article"] = _("This article belongs to another association.")
        if errors:
            raise ValidationError(errors)


class ArticleContributor(Orderable):
    """A contributor of an article, in the order they are credited."""

    page = ParentalKey(
        "journal.ArticlePage", on_delete=models.CASCADE, related_name="contributors"
    )
    contributor = models.ForeignKey(
        Contributor,
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name=_("contributor"),
    )
    role = models.CharField(
        _("role"),
        max_length=60,
        blank=True,
        help_text=_("e.g. 'text', 'drawing', 'photo'. Leave empty for the author."),
    )

    panels = [FieldPanel("contributor"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("contributor")


def without_web_consent(translation_key, contributors):
    """Those of ``contributors`` whose web consent for the article (any
    language version, ``translation_key``) is missing or withdrawn now."""
    contributors = list(contributors)
    if not contributors:
        return []
    now = timezone.now()
    consented = set(
        Consent.objects.filter(
            article__translation_key=translation_key,
            channel=Channel.WEB,
            contributor__in=contributors,
            given_at__lte=now,
            withdrawn_at__isnull=True,
        ).values_list("contributor_id", flat=True)
    )
    return [c for c in contributors if c.pk not in consented]


def reading_minutes(body) -> int:
    """Minutes to read a body StreamField at ``WORDS_PER_MINUTE``."""
    from django.utils.html import strip_tags

    words = 0
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            text = strip_tags(value.source)
        elif block.block_type in ("poem", "pull_quote", "quote"):
            text = value.get("text") or value.get("quote") or ""
        else:
            text = ""
        words += len(text.split())
    return max(1, round(words / WORDS_PER_MINUTE))


# The page types live in journal.pages; importing them here registers them.
from journal.pages import ArticlePage, IssuePage, JournalIndexPage  # noqa: E402

__all__ = [
    "ArticleContributor",
    "ArticlePage",
    "Channel",
    "Consent",
    "Contributor",
    "IssuePage",
    "JournalIndexPage",
    "reading_minutes",
    "without_web_consent",
]
