"""The functions of ``network.permissions`` every plugin reuses."""

from django.test import RequestFactory
from wagtail.models import Page

from network import permissions
from network.models import Association
from tests.factories import UserFactory


def test_scope_pages_keeps_my_trees_in_every_language(world):
    pages = permissions.scope_pages(Page.objects.all(), world.alpha.editor)
    titles = set(pages.values_list("title", flat=True))
    assert "Alpha secret page" in titles
    assert "Beta secret page" not in titles and "Beta" not in titles
    locales = set(pages.filter(depth=2).values_list("locale__language_code", flat=True))
    assert locales == {"fr", "en", "ar"}
    everything = permissions.scope_pages(Page.objects.all(), world.coordinator)
    assert everything.count() == Page.objects.count()


def test_user_can_reach_page(world):
    editor = world.alpha.editor
    assert permissions.user_can_reach_page(editor, world.alpha.page)
    assert not permissions.user_can_reach_page(editor, world.beta.page)
    assert not permissions.user_can_reach_page(editor, world.hub.site.root_page)
    assert permissions.user_can_reach_page(world.coordinator, world.beta.page)


def test_user_without_association_reaches_nothing(world):
    stranger = UserFactory(username="stranger")
    assert permissions.user_association_ids(stranger) == set()
    assert not permissions.scope_pages(Page.objects.exclude(depth=1), stranger)
    assert not permissions.is_coordinator(stranger)


def test_associations_for_request(world):
    request = RequestFactory().get("/admin/")
    request.user = world.alpha.moderator
    assert list(permissions.associations_for_request(request)) == [
        world.alpha.association
    ]
    request.user = world.coordinator
    assert permissions.associations_for_request(request).count() == (
        Association.objects.count()
    )


def test_association_for_page_in_every_language(world):
    for page in Page.objects.filter(
        depth=2, translation_key=world.beta.root.translation_key
    ):
        assert Association.for_page(page) == world.beta.association
    assert Association.for_page(world.alpha.page) == world.alpha.association
