"""The association dashboard panel and page count on the Wagtail admin home."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from network import permissions


class ScopedPagesSummaryItem(SummaryItem):
    """The dashboard's page count, over the user's associations' trees only
    (Wagtail counts from the common ancestor of the user's home pages, which
    is the tree root of the whole install)."""

    order = 100
    template_name = "wagtailadmin/home/site_summary_pages.html"

    def get_context_data(self, parent_context):
        user = self.request.user
        pages = permissions.scope_pages(Page.objects.exclude(depth=1), user)
        associations = list(
            permissions.user_associations(user).select_related("site__root_page")
        )
        if associations:
            root_page = associations[0].site.root_page
        else:
            root_page = Page.get_first_root_node()
        return {
            "root_page": root_page,
            "total_pages": pages.count(),
            "site_name": ", ".join(association.name for association in associations),
        }

    def is_shown(self):
        return user_has_any_page_permission(self.request.user)


class AssociationDashboardPanel(Component):
    """Recent edits on my site(s) and the pages waiting for moderation."""

    name = "association_dashboard"
    order = 50
    template_name = "network/panels/association_dashboard.html"

    def __init__(self, request, limit=8):
        self.request = request
        self.limit = limit

    def get_context_data(self, parent_context=None):
        user = self.request.user
        pages = permissions.scope_pages(Page.objects.all(), user)
        associations = permissions.user_associations(user)
        recent = (
            pages.exclude(depth=1)
            .filter(latest_revision_created_at__isnull=False)
            .select_related("locale", "latest_revision__user")
            .order_by("-latest_revision_created_at")[: self.limit]
        )
        # WorkflowState.object_id is text: compare with the page ids as text,
        # in one subquery rather than a list of every page id in Python
        page_ids = pages.annotate(text_pk=Cast("pk", CharField())).values("text_pk")
        waiting = (
            WorkflowState.objects.active()
            .filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=page_ids,
            )
            .select_related("current_task_state__task")
            .order_by("-created_at")[: self.limit]
        )
        return {
            "associations": associations,
            "recent_pages": recent,
            "waiting_states": waiting,
            "heading": _("My association"),
        }
