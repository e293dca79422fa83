"""Admin wiring of the journal plugin.

* registers the plugin with the network (``register_network_plugin``) and
  the owner of an article's credit rows (``network.owners``);
* "Journal" menu group: contributors (a snippet, scoped to the editor's
  associations by ``AssociationOwnedSnippetViewSet``) and consent records
  (``AssociationOwnedModelViewSet``);
* bulk "Publish" refuses, with a message, a batch holding an article that
  may not go live (the page forms refuse it for "Publish", "Submit" and the
  final "Approve": ``journal.pages.ArticleForm``);
* the history entry left when an article is taken off the web again
  (``journal.signals``).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column, DateColumn, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.log_actions import LogFormatter

from journal.models import (
    ArticleContributor,
    ArticlePage,
    Consent,
    Contributor,
    IssuePage,
)
from journal.pages import issue_refusal
from journal.signals import REFUSED
from network import owners, permissions
from network.plugins import NetworkPlugin
from network.viewsets import (
    AssociationOwnedModelViewSet,
    AssociationOwnedSnippetViewSet,
)


def credits_on_visible_pages(user, queryset):
    """An article's credit rows belong to whoever may see the article."""
    articles = permissions.scope_pages(ArticlePage.objects.all(), user)
    return queryset.filter(page__in=articles.values("pk"))


owners.register_owner(ArticleContributor, credits_on_visible_pages)


@hooks.register("register_network_plugin")
def register_journal_plugin():
    return NetworkPlugin(
        name="journal",
        label=_("Journal"),
        description=_(
            "A journal written in residencies: issues, articles in many "
            "languages, contributors and their consent, feeds and print PDF."
        ),
        page_types=[
            "journal.JournalIndexPage",
            "journal.IssuePage",
            "journal.ArticlePage",
        ],
        # contributors and consent records belong to one association each
        # (``AssociationOwned``): editors see and change only their own
        owned_models=["journal.Contributor", "journal.Consent"],
        admin_menu=["journal"],
        demo="journal.demo.load",
        editor_permissions=[
            "journal.add_contributor",
            "journal.change_contributor",
            "journal.delete_contributor",
            "journal.add_consent",
            "journal.change_consent",
            "journal.delete_consent",
            "journal.view_consent",
        ],
    )


class ContributorViewSet(AssociationOwnedSnippetViewSet):
    """Contributors of the editor's own associations (coordinators: all)."""

    model = Contributor
    icon = "user"
    menu_label = _("Contributors")
    menu_name = "journal_contributors"
    add_to_admin_menu = False
    list_display = [
        "name",
        Column("association", label=_("Association"), accessor="association"),
        Column("anonymous", label=_("Anonymous"), accessor="anonymous"),
        Column("listed", label=_("Listed"), accessor="listed"),
        UpdatedAtColumn(),
    ]
    list_filter = ["anonymous", "listed"]
    search_fields = ["name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("association"),
        FieldPanel("name"),
        FieldPanel("bio"),
        FieldRowPanel([FieldPanel("anonymous"), FieldPanel("listed")]),
    ]


class ConsentViewSet(AssociationOwnedModelViewSet):
    """Consent records: one per contributor, article and channel."""

    model = Consent
    icon = "tick"
    menu_label = _("Consents")
    name = "journal_consents"
    add_to_admin_menu = False
    list_display = [
        "contributor",
        "article",
        Column("channel", label=_("Channel"), accessor="get_channel_display"),
        DateColumn("given_at", label=_("Given at")),
        DateColumn("withdrawn_at", label=_("Withdrawn at")),
    ]
    list_filter = ["channel"]
    copy_view_enabled = False
    inspect_view_enabled = False
    panels = [
        FieldPanel("association"),
        FieldPanel("contributor"),
        FieldPanel("article"),
        FieldPanel("channel"),
        FieldRowPanel([FieldPanel("given_at"), FieldPanel("withdrawn_at")]),
        FieldPanel("note"),
    ]

    def get_queryset(self, request):
        return Consent.objects.select_related("contributor", "article")


class JournalGroup(ModelViewSetGroup):
    menu_label = _("Journal")
    menu_name = "journal"
    menu_icon = "doc-full"
    menu_order = 310
    items = (ContributorViewSet, ConsentViewSet)


@hooks.register("register_admin_viewset")
def register_journal_viewsets():
    return JournalGroup()


@hooks.register("register_log_actions")
def register_journal_log_actions(actions):
    @actions.register_action(REFUSED)
    class PublishRefused(LogFormatter):
        label = _("Publication refused")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if data.get("contributors"):
                return _(
                    "Taken off the web again: the consent of %(names)s does "
                    "not cover the web."
                ) % {"names": ", ".join(data["contributors"])}
            return _("Taken off the web again: its issue “%(issue)s” is not live.") % {
                "issue": data.get("issue", "")
            }


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_consent(request, action_type, objects, action):
    """Bulk "Publish": nothing is published if one of the articles it would
    publish (selected, or a draft below a selected issue) may not go live."""
    if action_type != "publish":
        return None
    form = getattr(action, "cleaned_form", None)
    descendants = bool(form and form.cleaned_data.get("include_descendants"))
    pages = [page.specific for page in objects]
    issues = {page.pk for page in pages if isinstance(page, IssuePage)}
    articles = [page for page in pages if isinstance(page, ArticlePage)]
    if descendants:  # Wagtail publishes them in tree order: issues first
        for page in pages:
            drafts = page.get_descendants().not_live()
            issues.update(drafts.type(IssuePage).values_list("pk", flat=True))
            articles += ArticlePage.objects.filter(pk__in=drafts.type(ArticlePage))
    refusals = []
    for article in articles:
        issue = article.get_parent()
        reason = article.consent_refusal()
        if reason is None and issue.pk not in issues:
            reason = issue_refusal(issue.specific, timezone.now())
        if reason is not None:
            refusals.append(f"{article.title}: {reason}")
    if not refusals:
        return None
    messages.error(
        request,
        _("Nothing was published. %(reasons)s") % {"reasons": " ".join(refusals)},
    )
    return redirect(action.next_url)
