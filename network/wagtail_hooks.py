"""Admin wiring of the platform core. Models carry no admin code."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse
from wagtail import hooks
from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet
from wagtail.admin.views.reports.audit_logging import (
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
)
from wagtail.models import Page, PageLogEntry, Site, Task, Workflow, WorkflowState

from network import owners, permissions
from network.admin_api import (
    ScopedDocumentsAdminAPIViewSet,
    ScopedImagesAdminAPIViewSet,
)
from network.models import Association
from network.panels import AssociationDashboardPanel, ScopedPagesSummaryItem
from network.plugins import is_page_type_enabled


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    """The chooser lists and searches only the user's associations' pages."""
    return permissions.scope_pages(pages, request.user)


@hooks.register("construct_admin_api", order=100)
def scope_admin_api(router):
    """Replace Wagtail's image and document endpoints with scoped ones."""
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


# URL names of the reports that span every site; refused to association
# users by ``network.middleware.AssociationAdminScopeMiddleware``.
CROSS_SITE_REPORTS = [
    "wagtailadmin_reports:page_types_usage",
    "wagtail_localize:translations_report",
]


@hooks.register("construct_reports_menu")
def hide_cross_site_reports(request, menu_items):
    """Association users don't see the reports that span every site."""
    if not permissions.is_coordinator(request.user):
        hidden = set()
        for name in CROSS_SITE_REPORTS:
            try:
                hidden.add(reverse(name))
            except NoReverseMatch:
                continue
        menu_items[:] = [item for item in menu_items if item.url not in hidden]


@hooks.register("before_create_page")
def refuse_disabled_plugin_pages(request, parent_page, page_class):
    association = Association.for_page(parent_page)
    if not is_page_type_enabled(page_class, association):
        raise PermissionDenied


@hooks.register("construct_homepage_panels")
def add_association_panel(request, panels):
    user = request.user
    if permissions.is_coordinator(user) or permissions.user_association_ids(user):
        panels.insert(0, AssociationDashboardPanel(request))


@hooks.register("construct_homepage_summary_items", order=100)
def scope_page_count(request, items):
    """The dashboard counts only the user's associations' pages (Wagtail's
    own item counts every page of the install for a user with several home
    pages); the image and document counts already follow collections."""
    if permissions.is_coordinator(request.user):
        return
    from wagtail.admin.site_summary import PagesSummaryItem

    items[:] = [
        ScopedPagesSummaryItem(request) if type(item) is PagesSummaryItem else item
        for item in items
    ]


def _filter_sites(request):
    """Sites offered by the page explorer's "Site" filter."""
    return owners.visible(Site, request.user).order_by("site_name")


def _filter_owners(request):
    """People offered by the explorer's "Owner" filter: owners of my pages."""
    pages = permissions.scope_pages(Page.objects.all(), request.user)
    return get_user_model().objects.filter(pk__in=pages.order_by().values("owner_id"))


def _filter_editors(request):
    """People offered by the explorer's "Edited by" filter."""
    pages = permissions.scope_pages(Page.objects.all(), request.user)
    return get_user_model().objects.filter(
        pk__in=PageLogEntry.objects.filter(
            action="wagtail.edit", page_id__in=pages.values("pk")
        )
        .order_by()
        .values("user_id")
    )


def scope_page_listing_filters():
    """The page explorer's filters list every site and every page owner and
    editor of the install; Wagtail offers no hook for them, so their choices
    are narrowed here, through django-filter's callable ``queryset``."""
    for filterset in (PageFilterSet, GenericPageFilterSet):
        for name, queryset in (
            ("site", _filter_sites),
            ("owner", _filter_owners),
            ("edited_by", _filter_editors),
        ):
            for filters in (filterset.base_filters, filterset.declared_filters):
                if name in filters:
                    filters[name].queryset = queryset


def _my_workflows(request):
    """Workflows attached to my associations' pages (every one for coordinators)."""
    return owners.visible(Workflow, request.user)


def _my_tasks(request):
    return owners.visible(Task, request.user)


def _my_requesters(request):
    """People who submitted my associations' pages for moderation."""
    states = WorkflowState.objects.all()
    if not permissions.is_coordinator(request.user):
        pages = permissions.scope_pages(Page.objects.all(), request.user)
        states = states.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
        )
    return get_user_model().objects.filter(
        pk__in=states.order_by().values("requested_by_id")
    )


def _site_history_users(filterset):
    """Only people whose log entries the user may see: Wagtail's function
    reads ``viewable_by_user``, which ``network.owners`` narrows."""
    return get_users_for_filter(filterset.request.user)


def _lock_holders(request):
    """People holding a lock on my associations' pages, among my colleagues
    (Wagtail lists everyone who locked any page of the install)."""
    pages = permissions.scope_pages(Page.objects.all(), request.user)
    holders = get_user_model().objects.filter(
        pk__in=pages.filter(locked_by__isnull=False).values("locked_by_id")
    )
    return owners.visible(get_user_model(), request.user, holders).order_by(
        get_user_model().USERNAME_FIELD
    )


def scope_report_filters():
    """The workflow reports' filters list every workflow, task and requester
    of the install, the locked-pages report every lock holder, and the site
    history's "User" filter every author of a log entry; their choices are
    narrowed to the user's associations."""
    for filterset, name, queryset in (
        (WorkflowReportFilterSet, "requested_by", _my_requesters),
        (WorkflowReportFilterSet, "workflow", _my_workflows),
        (WorkflowTasksReportFilterSet, "workflow", _my_workflows),
        (WorkflowTasksReportFilterSet, "task", _my_tasks),
        (LockedPagesReportFilterSet, "locked_by", _lock_holders),
    ):
        for filters in (filterset.base_filters, filterset.declared_filters):
            if name in filters:
                filters[name].queryset = queryset
    SiteHistoryReportFilterSet.get_users_queryset = _site_history_users


scope_page_listing_filters()
scope_report_filters()
