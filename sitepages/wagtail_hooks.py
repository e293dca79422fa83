"""Admin integration of sitepages: editor styles for the shared blocks."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def action_plan_editor_css():
    """Lay out an action's year checkboxes on one wrapping row."""
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/sitepages-admin.css")
    )
