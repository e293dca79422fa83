"""Admin wiring of the journal plugin.

* registers the plugin with the network (``register_network_plugin``);
* "Journal" menu group: contributors (a snippet, scoped to the editor's
  associations by ``AssociationOwnedSnippetViewSet``) and consent records
  (``AssociationOwnedModelViewSet``);
* refuses to publish an article whose issue is not live or whose
  contributors' consent does not cover the web (``before_publish_page``).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column, DateColumn, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup

from journal.models import ArticlePage, Consent, Contributor
from network.plugins import NetworkPlugin
from network.viewsets import (
    AssociationOwnedModelViewSet,
    AssociationOwnedSnippetViewSet,
)


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
        # the viewset's own queryset is the user's rows (network.viewsets)
        return super().get_queryset(request).select_related("contributor", "article")


class JournalGroup(ModelViewSetGroup):
    menu_label = _("Journal")
    menu_icon = "doc-full"
    menu_order = 310
    items = (ContributorViewSet, ConsentViewSet)


@hooks.register("register_admin_viewset")
def register_journal_viewsets():
    return JournalGroup()


@hooks.register("before_publish_page")
def refuse_article_without_consent(request, page):
    if not isinstance(page, ArticlePage):
        return None
    reason = page.publish_refusal()
    if reason is None:
        return None
    messages.error(request, reason)
    return redirect("wagtailadmin_pages:edit", page.pk)
