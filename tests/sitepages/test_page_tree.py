"""Where each page type may be created."""

import pytest
from wagtail.models import Page

from network.plugins import declares_parent, plugin_page_models
from sitepages.models import (
    ActionPlanPage,
    AppealIndexPage,
    AppealPage,
    BasePage,
    ContentPage,
    HomePage,
    MembersPage,
    NetworkNewsPage,
    NewsIndexPage,
    UpdatePage,
)
from tests.sitepages.conftest import add_page, home_of

TREE = {
    HomePage: (
        {Page},
        {
            ContentPage,
            ActionPlanPage,
            NewsIndexPage,
            MembersPage,
            NetworkNewsPage,
            AppealPage,
            AppealIndexPage,
        },
    ),
    ContentPage: ({HomePage, ContentPage}, {ContentPage, ActionPlanPage, AppealPage}),
    ActionPlanPage: ({HomePage, ContentPage}, set()),
    NewsIndexPage: ({HomePage}, {UpdatePage}),
    UpdatePage: ({NewsIndexPage}, set()),
    MembersPage: ({HomePage}, set()),
    NetworkNewsPage: ({HomePage}, set()),
}


@pytest.mark.parametrize("model", list(TREE), ids=lambda model: model.__name__)
def test_allowed_parents_and_children(model):
    parents, children = TREE[model]
    assert set(model.allowed_parent_page_models()) == parents
    # plugin page types go under every page that accepts children and that
    # they name as a parent; a page without children takes none of them
    plugin_children = {
        plugin_model
        for plugin_model in plugin_page_models()
        if children and declares_parent(plugin_model, model)
    }
    assert set(model.allowed_subpage_models()) == children | plugin_children
    assert all(issubclass(m, BasePage) for m in plugin_children)
    assert issubclass(model, BasePage)


def test_hub_only_pages_cannot_be_created_on_a_member_site(network):
    alpha_home = home_of(network.alpha)
    hub_home = home_of(network.hub)
    for model in (MembersPage, NetworkNewsPage):
        assert not model.can_create_at(alpha_home)
        assert model.can_create_at(hub_home)
    assert ContentPage.can_create_at(alpha_home)


def test_one_news_index_per_home(network):
    home = home_of(network.alpha)
    assert NewsIndexPage.can_create_at(home)
    add_page(home, NewsIndexPage, title="Actualités")
    assert not NewsIndexPage.can_create_at(home)
    assert NewsIndexPage.can_create_at(home_of(network.beta))


def test_every_page_type_subclasses_base_page():
    from django.apps import apps

    for model in apps.get_app_config("sitepages").get_models():
        if issubclass(model, Page):
            assert issubclass(model, BasePage), model
