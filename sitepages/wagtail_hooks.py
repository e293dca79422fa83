"""Admin integration of sitepages: editor styles for the shared blocks, and
the treasurer's fundraising admin (``sitepages.appeals.admin``)."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks

from sitepages.appeals import admin as appeals_admin


@hooks.register("insert_global_admin_css")
def action_plan_editor_css():
    """Lay out an action's year checkboxes on one wrapping row."""
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/sitepages-admin.css")
    )


@hooks.register("register_association_permissions")
def appeals_permissions():
    """Every association's editors and moderators are its treasurers: they
    see and process its pledges and record its offline gifts (rows narrowed
    to their associations by ``AssociationOwnedPermissionPolicy``)."""
    return [
        "sitepages.view_pledge",
        "sitepages.change_pledge",
        "sitepages.view_contribution",
        "sitepages.add_contribution",
        "sitepages.change_contribution",
        "sitepages.delete_contribution",
    ]


@hooks.register("register_admin_viewset")
def register_fundraising():
    return appeals_admin.FundraisingViewSetGroup()


@hooks.register("register_admin_urls")
def fundraising_urls():
    return [
        path("", include((appeals_admin.admin_urls(), "appeals_admin"))),
    ]


@hooks.register("register_page_header_buttons")
def appeal_pledges_button(page, user, view_name, next_url=None):
    return appeals_admin.appeal_pledges_buttons(page, user)


@hooks.register("construct_homepage_panels")
def pledges_panel(request, panels):
    panels.append(appeals_admin.PledgesPanel(request))
