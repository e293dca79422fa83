"""Admin wiring of the platform core. Models carry no admin code."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from network import permissions
from network.admin_api import (
    ScopedDocumentsAdminAPIViewSet,
    ScopedImagesAdminAPIViewSet,
)
from network.models import Association
from network.panels import AssociationDashboardPanel
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


@hooks.register("construct_reports_menu")
def hide_cross_site_reports(request, menu_items):
    if not permissions.is_coordinator(request.user):
        menu_items[:] = [
            item for item in menu_items if item.name not in {"page-types-usage"}
        ]


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
