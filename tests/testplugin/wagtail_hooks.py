"""Registers the test plugin with the network and its two admin viewsets."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from network.plugins import NetworkPlugin
from network.viewsets import (
    AssociationOwnedModelViewSet,
    AssociationOwnedSnippetViewSet,
)
from tests.testplugin.models import Contact, Notice

PLUGIN = NetworkPlugin(
    name="testplugin",
    label="Test plugin",
    page_types=["testplugin.NoticePage"],
    owned_models=["testplugin.Notice", "testplugin.Contact"],
    admin_menu=["testplugin-contacts"],
    settings={"TESTPLUGIN_GREETING": "hello"},
    editor_permissions=[
        f"testplugin.{action}_{model}"
        for model in ("notice", "contact")
        for action in ("add", "change", "delete", "view")
    ],
)


@hooks.register("register_network_plugin")
def register_test_plugin():
    return PLUGIN


class NoticeViewSet(AssociationOwnedSnippetViewSet):
    model = Notice
    inspect_view_enabled = True
    list_display = ["title", "association"]


class ContactViewSet(AssociationOwnedModelViewSet):
    model = Contact
    name = "testplugin-contacts"
    icon = "user"
    add_to_admin_menu = True
    inspect_view_enabled = True
    form_fields = ["association", "name"]
    list_display = ["name", "association"]


register_snippet(NoticeViewSet)


@hooks.register("register_admin_viewset")
def register_contact_viewset():
    return ContactViewSet()
