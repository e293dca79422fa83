"""The plugin contract, exercised by the test plugin (``tests/testplugin``).

The test plugin is installed only by ``network.settings.test``. Its page type
goes under a content page where the association enables it; its two
association-owned models, a snippet (``AssociationOwnedSnippetViewSet``) and
a plain model (``AssociationOwnedModelViewSet``), are isolated between
associations through the real admin URLs: the other association's editor
gets the exact refusal, the owner (and a coordinator) is served.
"""

import re

import pytest
from wagtail.models import Page

from network.models import Association
from network.plugins import get_plugin, owned_models
from network.provisioning import switch_plugin
from sitepages.models import ContentPage
from tests.testplugin.models import Contact, Notice, NoticePage

NOTICES = "/admin/snippets/testplugin/notice/"
CONTACTS = "/admin/testplugin-contacts/"


@pytest.fixture
def rows(world):
    return {
        side: {
            "notice": Notice.objects.create(
                association=getattr(world, side).association, title=f"{side} notice"
            ),
            "contact": Contact.objects.create(
                association=getattr(world, side).association, name=f"{side} contact"
            ),
        }
        for side in ("alpha", "beta")
    }


def test_plugin_is_registered_with_its_declarations(world):
    plugin = get_plugin("testplugin")
    assert plugin.page_models == [NoticePage]
    assert {Notice, Contact} <= set(owned_models())
    assert plugin.setting("TESTPLUGIN_GREETING") == "hello"
    alpha = Association.objects.get(pk=world.alpha.association.pk)
    assert "testplugin" in alpha.plugins


def test_setting_reads_settings_then_environment(world, settings, monkeypatch):
    plugin = get_plugin("testplugin")
    monkeypatch.setenv("TESTPLUGIN_GREETING", "salut")
    assert plugin.setting("TESTPLUGIN_GREETING") == "salut"
    settings.TESTPLUGIN_GREETING = "مرحبا"
    assert plugin.setting("TESTPLUGIN_GREETING") == "مرحبا"
    with pytest.raises(KeyError):
        plugin.setting("TESTPLUGIN_UNDECLARED")


# Page type under a content page ---------------------------------------------------
def test_page_type_goes_under_a_content_page_only(world):
    assert set(NoticePage.allowed_parent_page_models()) == {ContentPage}
    assert NoticePage in ContentPage.allowed_subpage_models()
    assert NoticePage.can_create_at(world.alpha.page)
    assert not NoticePage.can_create_at(world.alpha.root)


def test_page_added_through_the_admin_where_enabled(world, as_user):
    client = as_user(world.alpha.editor)
    url = f"/admin/pages/add/testplugin/noticepage/{world.alpha.page.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Avis", "slug": "avis", "summary": "x"})
    assert response.status_code == 302
    page = NoticePage.objects.get(slug="avis")
    assert Page.objects.get(pk=page.pk).get_parent().pk == world.alpha.page.pk


def test_page_refused_where_disabled_and_pages_kept(world, as_user):
    beta = Association.objects.get(pk=world.beta.association.pk)
    existing = NoticePage(title="Ancien avis", slug="ancien")
    world.beta.page.add_child(instance=existing)
    switch_plugin(beta, "testplugin", enabled=False)
    client = as_user(world.beta.editor, world.beta)
    url = f"/admin/pages/add/testplugin/noticepage/{world.beta.page.pk}/"
    refused = client.get(url)
    assert (refused.status_code, refused.url) == (302, "/admin/")
    assert not NoticePage.can_create_at(world.beta.page)
    assert NoticePage.objects.filter(pk=existing.pk).exists()
    edit = client.get(f"/admin/pages/{existing.pk}/edit/")
    assert edit.status_code == 200  # existing pages stay editable
    # the other association still has it
    assert (
        as_user(world.alpha.editor)
        .get(f"/admin/pages/add/testplugin/noticepage/{world.alpha.page.pk}/")
        .status_code
        == 200
    )


# Snippet isolation -----------------------------------------------------------------
def snippet_urls(notice):
    return {
        "edit": f"{NOTICES}edit/{notice.pk}/",
        "delete": f"{NOTICES}delete/{notice.pk}/",
        "inspect": f"{NOTICES}inspect/{notice.pk}/",
        "history": f"{NOTICES}history/{notice.pk}/",
        "usage": f"{NOTICES}usage/{notice.pk}/",
        "chosen": f"/admin/snippets/choose/testplugin/notice/chosen/{notice.pk}/",
    }


def test_snippet_listing_and_chooser_show_own_rows(world, as_user, rows):
    editor = as_user(world.alpha.editor)
    for url in (NOTICES, "/admin/snippets/choose/testplugin/notice/"):
        response = editor.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "alpha notice" in body and "beta notice" not in body, url
    coordinator = as_user(world.coordinator).get(NOTICES).content.decode()
    assert "alpha notice" in coordinator and "beta notice" in coordinator


@pytest.mark.parametrize(
    "view", ["edit", "delete", "inspect", "history", "usage", "chosen"]
)
def test_snippet_object_views_refused_to_the_other_association(
    world, as_user, rows, view
):
    editor = as_user(world.alpha.editor)
    own = editor.get(snippet_urls(rows["alpha"]["notice"])[view])
    assert own.status_code == 200, view
    other = editor.get(snippet_urls(rows["beta"]["notice"])[view])
    assert other.status_code == 403, (view, other.status_code)
    assert "beta notice" not in other.content.decode()


def test_snippet_of_the_other_association_cannot_be_changed(world, as_user, rows):
    editor = as_user(world.alpha.editor)
    beta = rows["beta"]["notice"]
    urls = snippet_urls(beta)
    posted = editor.post(
        urls["edit"], {"association": world.alpha.association.pk, "title": "taken"}
    )
    assert posted.status_code == 403
    assert editor.post(urls["delete"]).status_code == 403
    beta.refresh_from_db()
    assert (beta.title, beta.association_id) == (
        "beta notice",
        world.beta.association.pk,
    )
    # positive control: the owner edits it
    owner = as_user(world.beta.editor, world.beta)
    response = owner.post(
        urls["edit"], {"association": world.beta.association.pk, "title": "edited"}
    )
    assert response.status_code == 302
    beta.refresh_from_db()
    assert beta.title == "edited"


def test_snippet_add_form_offers_only_own_association(world, as_user, rows):
    body = as_user(world.alpha.editor).get(f"{NOTICES}add/").content.decode()
    select = re.search(r'<select name="association".*?</select>', body, re.S)
    assert select is not None
    assert ">Alpha</option>" in select.group(0)
    assert ">Beta</option>" not in select.group(0)


# Plain ModelViewSet isolation --------------------------------------------------------
def model_urls(contact):
    return {
        "edit": f"{CONTACTS}edit/{contact.pk}/",
        "delete": f"{CONTACTS}delete/{contact.pk}/",
        "inspect": f"{CONTACTS}inspect/{contact.pk}/",
        "history": f"{CONTACTS}history/{contact.pk}/",
    }


def test_model_listing_shows_own_rows(world, as_user, rows):
    response = as_user(world.alpha.editor).get(CONTACTS)
    assert response.status_code == 200
    body = response.content.decode()
    assert "alpha contact" in body and "beta contact" not in body
    coordinator = as_user(world.coordinator).get(CONTACTS).content.decode()
    assert "alpha contact" in coordinator and "beta contact" in coordinator


def refused(client, url):
    """The mechanism resolves the id to its owner and refuses it (403)."""
    response = client.get(url)
    assert response.status_code == 403
    assert "beta contact" not in response.content.decode()


@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history"])
def test_model_object_views_refused_to_the_other_association(
    world, as_user, rows, view
):
    editor = as_user(world.alpha.editor)
    own = editor.get(model_urls(rows["alpha"]["contact"])[view])
    assert own.status_code == 200, view
    refused(editor, model_urls(rows["beta"]["contact"])[view])


def test_model_of_the_other_association_cannot_be_deleted(world, as_user, rows):
    beta = rows["beta"]["contact"]
    editor = as_user(world.alpha.editor)
    assert editor.post(model_urls(beta)["delete"]).status_code == 403
    assert Contact.objects.filter(pk=beta.pk).exists()
    owner = as_user(world.beta.editor, world.beta)
    assert owner.post(model_urls(beta)["delete"]).status_code == 302
    assert not Contact.objects.filter(pk=beta.pk).exists()


def test_admin_menu_hidden_where_no_association_enables_the_plugin(
    world, as_user, rows
):
    editor = as_user(world.alpha.editor)
    assert CONTACTS in editor.get("/admin/").content.decode()
    alpha = Association.objects.get(pk=world.alpha.association.pk)
    switch_plugin(alpha, "testplugin", enabled=False)
    assert CONTACTS not in editor.get("/admin/").content.decode()
    # the coordinator still sees it
    assert CONTACTS in as_user(world.coordinator).get("/admin/").content.decode()


def test_system_check_refuses_bad_declarations():
    from wagtail import hooks

    from network.plugins import NetworkPlugin, check_plugins

    assert check_plugins() == []
    bad = NetworkPlugin(
        name="bad",
        label="Bad",
        page_types=["testplugin.Notice", "testplugin.Missing"],
        owned_models=["sitepages.ContentPage"],
    )
    with hooks.register_temporarily("register_network_plugin", lambda: bad):
        messages = [(error.id, error.msg) for error in check_plugins()]
    assert messages == [
        (
            "network.E002",
            "Plugin 'bad': page type 'testplugin.Notice' must inherit "
            "wagtail.models.Page.",
        ),
        (
            "network.E001",
            "Plugin 'bad' declares the unknown page type 'testplugin.Missing'.",
        ),
        (
            "network.E002",
            "Plugin 'bad': owned model 'sitepages.ContentPage' must inherit "
            "network.permissions.AssociationOwned.",
        ),
    ]
