"""The journal's page types: ``JournalIndexPage`` → ``IssuePage`` → ``ArticlePage``.

``JournalIndexPage`` (routable) serves:

* ``""``: the issues as a grid of covers, newest first, grouped by year;
* ``<year>/``: the archive of one year;
* ``feeds/issues/`` and ``feeds/articles/``: Atom feeds of this journal in
  the page's language (``journal.feeds``), advertised in the page's ``<head>``;
* ``search/?q=``: articles of this journal in the visitor's language;
* ``contributors/<id>/``: a contributor's page with her published articles,
  only if she agreed to be listed (otherwise 404).

``IssuePage`` serves ``pdf/``: the uploaded print PDF, or the one generated
from the issue's pages (``journal.pdf``), never a broken link.

Nothing of an unpublished issue leaks: an article can be published only once
its issue is live and every contributor's web consent stands, and
unpublishing an issue unpublishes its articles (``journal.signals``).

Imported at the bottom of ``journal/models.py`` so that Django registers
the models with the app.
"""

import json
from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import _json_script_escapes
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    Panel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Task
from wagtail.search import index
from wagtail.url_routing import RouteResult

from journal.blocks import ArticleStreamBlock
from journal.languages import language_dir, language_name
from journal.models import Contributor, reading_minutes, without_web_consent
from network.forms import AssociationScopedFormMixin
from sitepages.models import BasePage
from sitepages.views import SEARCH_NOISE

# Three reading sizes (``?size=`` or the ``journal_size`` cookie).
TEXT_SIZES = ("small", "medium", "large")
SIZE_COOKIE = "journal_size"
SEARCH_MAX_LENGTH = 200


def json_ld(data) -> str:
    """JSON for a ``<script type="application/ld+json">``, safe in HTML."""
    return json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)


def live_issue_articles(queryset):
    """Only the articles whose issue is live too."""
    return queryset.annotate(
        issue_path=Substr("path", 1, Length("path") - Page.steplen)
    ).filter(issue_path__in=IssuePage.objects.live().values("path"))


def text_size(request):
    size = request.GET.get("size") or request.COOKIES.get(SIZE_COOKIE)
    return size if size in TEXT_SIZES else "medium"


class JournalIndexPage(RoutablePageMixin, BasePage):
    """A journal: its issues by year, its feeds, its search."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=1000,
        help_text=_("Who writes the journal, where and how often it is printed."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["sitepages.HomePage", "sitepages.ContentPage"]
    subpage_types = ["journal.IssuePage"]

    class Meta:
        verbose_name = _("journal")

    def get_issues(self, year=None):
        issues = (
            IssuePage.objects.child_of(self)
            .live()
            .public()
            .select_related("cover")
            .prefetch_related("cover__renditions")
            .order_by("-publication_date", "-number")
        )
        if year is not None:
            issues = issues.filter(publication_date__year=year)
        return issues

    def get_articles(self):
        return live_issue_articles(
            ArticlePage.objects.descendant_of(self).live().public()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        issues = list(context.get("issues_queryset") or self.get_issues())
        context["years"] = [
            (year, list(items))
            for year, items in groupby(issues, key=lambda i: i.publication_date.year)
        ]
        context["issue_count"] = len(issues)
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("<int:year>/")
    def year_route(self, request, year):
        if not 1900 <= year <= 2200:
            raise Http404
        issues = self.get_issues(year)
        if not issues.exists():
            raise Http404
        return self.render(
            request,
            context_overrides={"issues_queryset": issues, "archive_year": year},
        )

    @path("feeds/issues/")
    def issues_feed(self, request):
        from journal.feeds import IssuesFeed

        return IssuesFeed()(request, page=self)

    @path("feeds/articles/")
    def articles_feed(self, request):
        from journal.feeds import ArticlesFeed

        return ArticlesFeed()(request, page=self)

    @path("search/")
    def search_route(self, request):
        # the site search's cleaning: operators and control characters go
        query = " ".join(SEARCH_NOISE.sub(" ", request.GET.get("q", "")).split())
        query = query[:SEARCH_MAX_LENGTH]
        results = []
        if query:
            articles = (
                ArticlePage.objects.descendant_of(self)
                .live()
                .public()
                .filter(locale=self.locale)
            )
            live_issues = set(
                IssuePage.objects.child_of(self).live().values_list("path", flat=True)
            )
            try:
                found = list(articles.search(query, operator="and")[:50])
            except DatabaseError:  # a query the search backend cannot parse
                found = []
            results = [a for a in found if a.path[: -Page.steplen] in live_issues]
        return TemplateResponse(
            request,
            "journal/search.html",
            {
                "page": self,
                "self": self,
                "search_query": query,
                "results": results,
                "search_max_length": SEARCH_MAX_LENGTH,
            },
        )

    @path("contributors/<int:pk>/")
    def contributor_route(self, request, pk):
        # only a contributor who agreed to a public page has one
        contributor = (
            Contributor.objects.filter(
                pk=pk, association=self.association, anonymous=False, listed=True
            ).first()
            if self.association
            else None
        )
        if contributor is None:
            raise Http404
        articles = list(
            self.get_articles()
            .filter(locale=self.locale, contributors__contributor=contributor)
            .exclude(consent_withdrawn=True)
            .distinct()
            .order_by("-first_published_at")
        )
        return TemplateResponse(
            request,
            "journal/contributor.html",
            {
                "page": self,
                "self": self,
                "contributor": contributor,
                "articles": articles,
            },
        )


class JournalPageForm(AssociationScopedFormMixin, WagtailAdminPageForm):
    """Choosers and selects offer only what the editor's associations own
    (contributors, images, documents, pages); a forged id is a form error."""


class IssueForm(JournalPageForm):
    """Checks that need the parent page: one number per journal."""

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("number")
        parent = getattr(self, "parent_page", None)
        if number is not None and parent is not None:
            clash = IssuePage.objects.child_of(parent).filter(number=number)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "number",
                    _("Issue number %(number)s already exists in this journal.")
                    % {"number": number},
                )
        return cleaned


class IssuePage(RoutablePageMixin, BasePage):
    """One issue of the journal, written during one residency."""

    number = models.PositiveIntegerField(
        _("number"), help_text=_("Unique in this journal, e.g. 12.")
    )
    publication_date = models.DateField(_("publication date"), default=timezone.now)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt_text = models.CharField(
        _("cover description"),
        max_length=250,
        blank=True,
        help_text=_("What the cover shows, for people who cannot see it."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("Two or three sentences shown under the cover and in feeds."),
    )
    editorial = RichTextField(
        _("editorial"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
    )
    print_run = models.PositiveIntegerField(
        _("print run"), null=True, blank=True, help_text=_("Copies printed.")
    )
    residency_place = models.CharField(
        _("place of the residency"), max_length=160, blank=True
    )
    residency_start = models.DateField(_("residency start"), null=True, blank=True)
    residency_end = models.DateField(_("residency end"), null=True, blank=True)
    residency_participants = models.PositiveIntegerField(
        _("number of writers"), null=True, blank=True
    )
    print_pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("hand-made print PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional. When set, readers download this file instead of the "
            "PDF generated from the issue's pages."
        ),
    )
    funding_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("funding appeal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the page of the appeal that funds the next issue."),
    )

    base_form_class = IssueForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("publication_date")]),
        FieldPanel("cover"),
        FieldPanel("cover_alt_text"),
        FieldPanel("summary"),
        FieldPanel("editorial"),
        MultiFieldPanel(
            [
                FieldPanel("residency_place"),
                FieldRowPanel(
                    [FieldPanel("residency_start"), FieldPanel("residency_end")]
                ),
                FieldPanel("residency_participants"),
            ],
            heading=_("Residency"),
        ),
        MultiFieldPanel(
            [FieldPanel("print_run"), FieldPanel("print_pdf")], heading=_("Print")
        ),
        FieldPanel("funding_page"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("editorial"),
        index.FilterField("number"),
    ]
    parent_page_types = ["journal.JournalIndexPage"]
    subpage_types = ["journal.ArticlePage"]

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.residency_start
            and self.residency_end
            and self.residency_end < self.residency_start
        ):
            errors["residency_end"] = _("The residency cannot end before it starts.")
        if self.print_pdf_id and not _is_pdf(self.print_pdf):
            errors["print_pdf"] = _(
                "This file is not a PDF. Upload the print file as a PDF document."
            )
        if errors:
            raise ValidationError(errors)

    def get_articles(self):
        return (
            ArticlePage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .select_related("locale")
            .prefetch_related("contributors__contributor")
        )

    @cached_property
    def pdf(self):
        from journal.pdf import issue_pdf

        return issue_pdf(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = list(self.get_articles())
        context["pdf"] = self.pdf
        context["json_ld"] = json_ld(
            {
                "@context": "https://schema.org",
                "@type": "PublicationIssue",
                "issueNumber": str(self.number),
                "name": self.title,
                "datePublished": self.publication_date.isoformat(),
                "inLanguage": self.locale.language_code,
                "url": self.full_url,
                "isPartOf": {"@type": "Periodical", "name": self.get_parent().title},
                "hasPart": [
                    {"@type": "Article", "headline": a.title, "url": a.full_url}
                    for a in context["articles"]
                ],
            }
        )
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("pdf/")
    def pdf_route(self, request):
        pdf = self.pdf
        if pdf.uploaded:
            return redirect(self.print_pdf.url)
        if not pdf.ready and pdf.available:
            from journal.tasks import generate_issue_pdf

            generate_issue_pdf.enqueue(self.pk)
            self.__dict__.pop("pdf", None)
            pdf = self.pdf
        if not pdf.ready:
            return TemplateResponse(
                request,
                "journal/pdf_unavailable.html",
                {"page": self, "self": self, "pdf": pdf},
                status=503 if pdf.available else 404,
            )
        from django.http import FileResponse

        response = FileResponse(
            pdf.open(),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"{self.slug}.pdf",
        )
        return response


def _is_pdf(document) -> bool:
    try:
        with document.file.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except (OSError, ValueError):
        return False


def issue_live_by(issue, when) -> bool:
    """True when ``issue`` is live, or approved to go live by ``when``."""
    if issue.live:
        return True
    return issue.revisions.filter(approved_go_live_at__lte=when).exists()


def issue_refusal(issue, when):
    """Why an article of ``issue`` cannot go live at ``when``, or ``None``."""
    if issue_live_by(issue, when):
        return None
    return _(
        "Publish the issue “%(issue)s” first (or schedule it to go live no "
        "later than this article): its articles go on the web with it."
    ) % {"issue": issue.title}


def approval_publishes(page) -> bool:
    """True when approving ``page``'s current workflow task ends its
    workflow, which publishes it."""
    state = page.current_workflow_state
    task = page.current_workflow_task
    if state is None or task is None:
        return False
    return not (
        Task.objects.filter(workflow_tasks__workflow=state.workflow, active=True)
        .exclude(task_states__in=state.successful_task_states)
        .exclude(pk=task.pk)
        .exists()
    )


class ArticleForm(JournalPageForm):
    """Refuses to publish, schedule, submit for moderation or give the final
    approval to an article that may not go on the web (see
    ``ArticlePage.publish_refusal``): a form error, and nothing is saved."""

    def requested_action(self):
        data = self.data
        if data.get("action-publish"):
            return "publish"
        if data.get("action-submit") or data.get("action-restart-workflow"):
            return "submit"
        if (
            data.get("action-workflow-action")
            and data.get("workflow-action-name") == "approve"
            and self.instance.pk
            and approval_publishes(self.instance)
        ):
            return "publish"
        return None

    def credited_contributors(self):
        """The contributors the form credits, or None while its rows are invalid."""
        formset = self.formsets.get("contributors")
        if formset is None:
            return [credit.contributor for credit in self.instance.contributors.all()]
        if not formset.is_valid():
            return None
        return [
            form.cleaned_data["contributor"]
            for form in formset.forms
            if form.cleaned_data.get("contributor")
            and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        cleaned = super().clean()
        action = self.requested_action()
        contributors = self.credited_contributors() if action else None
        if contributors is None:
            return cleaned
        refusal = self.instance.consent_refusal(contributors)
        if refusal is None and action == "publish" and self.parent_page is not None:
            when = cleaned.get("go_live_at") or timezone.now()
            refusal = issue_refusal(self.parent_page.specific, when)
        if refusal is not None:
            self.add_error(None, refusal)
        return cleaned


class ConsentStatusPanel(Panel):
    """Tells the editor, above the article, whose web consent is missing."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "journal/admin/consent_status_panel.html"

        def is_shown(self):
            return self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["missing"] = [str(c) for c in self.instance.missing_web_consent()]
            context["consents_url"] = reverse("journal_consents:add")
            return context


class ArticlePage(BasePage):
    """A text, poem or drawing of an issue, with its contributors."""

    rubric = models.CharField(
        _("rubric"),
        max_length=60,
        blank=True,
        help_text=_("e.g. 'Paroles', 'Dessins', 'Droits'."),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=8,
        choices=[(code, name) for code, name in settings.LANGUAGES],
        default="fr",
        help_text=_("The language the author wrote in."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences for the table of contents and feeds."),
    )
    body = StreamField(ArticleStreamBlock(), blank=True, verbose_name=_("body"))
    translator = models.CharField(
        _("translated by"),
        max_length=160,
        blank=True,
        help_text=_("For a translation: who translated it (a pseudonym is fine)."),
    )
    consent_withdrawn = models.BooleanField(
        _("consent withdrawn"),
        default=False,
        editable=False,
        help_text=_("Set when a contributor withdrew her web consent."),
    )

    base_form_class = ArticleForm
    content_panels = [ConsentStatusPanel(heading=_("Web consent"))] + [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("rubric"), FieldPanel("original_language")]),
        InlinePanel("contributors", heading=_("Contributors"), label=_("Contributor")),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("translator"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("rubric"),
        index.FilterField("locale_id"),
    ]
    parent_page_types = ["journal.IssuePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    # consent ---------------------------------------------------------------

    def missing_web_consent(self, contributors=None):
        """Credited contributors whose web consent is missing or withdrawn."""
        if contributors is None:
            contributors = [credit.contributor for credit in self.contributors.all()]
        return without_web_consent(self.translation_key, contributors)

    def consent_refusal(self, contributors=None):
        """Why the consent recorded keeps this article off the web, or ``None``."""
        missing = self.missing_web_consent(contributors)
        if not missing:
            return None
        return _(
            "This article cannot be published on the web: the consent of "
            "%(names)s does not cover the web. Record it under Journal → "
            "Consents first."
        ) % {"names": ", ".join(str(c) for c in missing)}

    def publish_refusal(self, when=None):
        """Why this article cannot go live (at ``when``, default now), or ``None``."""
        issue = self.get_parent().specific
        return issue_refusal(issue, when or timezone.now()) or self.consent_refusal()

    # reading ---------------------------------------------------------------

    @property
    def reading_time(self):
        return reading_minutes(self.body)

    @property
    def is_translation(self):
        return self.original_language != self.locale.language_code

    @property
    def original_dir(self):
        return language_dir(self.original_language)

    @property
    def original_language_name(self):
        return language_name(self.original_language)

    @cached_property
    def original_page(self):
        """The live version in the original language (another locale), if any."""
        if not self.is_translation:
            return None
        return (
            ArticlePage.objects.live()
            .public()
            .filter(
                translation_key=self.translation_key,
                locale__language_code=self.original_language,
            )
            .first()
        )

    def get_sitemap_urls(self, request=None):
        if self.consent_withdrawn or not self.get_parent().live:
            return []
        return super().get_sitemap_urls(request)

    def route(self, request, path_components):
        if not path_components and self.consent_withdrawn and not self.live:
            return RouteResult(self)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        if self.consent_withdrawn and not self.live:
            return TemplateResponse(
                request,
                "journal/article_withdrawn.html",
                {"page": self.get_parent().specific, "article": self},
                status=410,
            )
        if not self.get_parent().live:
            raise Http404
        response = super().serve(request, *args, **kwargs)
        size = request.GET.get("size")
        if size in TEXT_SIZES:
            response.set_cookie(
                SIZE_COOKIE, size, max_age=365 * 24 * 3600, samesite="Lax"
            )
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        issue = self.get_parent().specific
        siblings = ArticlePage.objects.child_of(issue).live().public()
        context["issue"] = issue
        context["previous_article"] = (
            siblings.filter(path__lt=self.path).order_by("-path").first()
        )
        context["next_article"] = (
            siblings.filter(path__gt=self.path).order_by("path").first()
        )
        context["credits"] = list(self.contributors.select_related("contributor").all())
        context["translations"] = [
            (page, language_name(page.locale.language_code, own=True))
            for page in self.get_translations()
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        ]
        context["text_size"] = text_size(request)
        context["text_sizes"] = TEXT_SIZES
        context["original"] = self.original_page if self.translator else None
        context["json_ld"] = json_ld(
            {
                "@context": "https://schema.org",
                "@type": "Article",
                "headline": self.title,
                "inLanguage": self.locale.language_code,
                "url": self.full_url,
                "datePublished": (
                    self.first_published_at.isoformat()
                    if self.first_published_at
                    else None
                ),
                "author": [
                    {"@type": "Person", "name": str(credit.contributor.public_name)}
                    for credit in context["credits"]
                ],
                "isPartOf": {
                    "@type": "PublicationIssue",
                    "issueNumber": str(issue.number),
                    "name": issue.title,
                },
            }
        )
        return context
