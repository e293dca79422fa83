"""The association dashboard panel on the Wagtail admin home."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from network import permissions
from network.models import Association


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
        if permissions.is_coordinator(user):
            associations = Association.objects.all()
        else:
            associations = Association.objects.filter(
                pk__in=permissions.user_association_ids(user)
            )
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
