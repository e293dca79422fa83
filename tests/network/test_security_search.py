"""Finding 2: a draft's text never reaches the public search or the API.

An editor saves a draft of a live directory entry and of a live page through
the real admin URLs; the directory API's ``q`` and the site search page only
find the draft's words once it is published.
"""

from wagtail.models import DraftStateMixin, Page
from wagtail.search import index
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from directory.models import Category, Organisation
from network.search import (
    PublishedIndexMixin,
    check_draft_models_index_published_values,
    models_indexing_drafts,
)
from tests.conftest import site_client
from tests.directory.conftest import make_org

ADMIN = "/admin/snippets/directory/organisation/"
API = "/api/directory/organisations/"


def _entry_form(entry, **extra):
    food = Category.objects.get(slug="alimentation", locale__language_code="fr")
    data = {
        "association": entry.association_id,
        "name": entry.name,
        "categories": [food.pk],
        "description": entry.description,
        "city": entry.city,
        "languages": "fr",
        "opening_hours": "",
        "status": "active",
        "stops-TOTAL_FORMS": "0",
        "stops-INITIAL_FORMS": "0",
        "stops-MIN_NUM_FORMS": "0",
        "stops-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def _api_names(client, **params):
    response = client.get(API, params)
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def test_a_directory_draft_is_not_searchable_until_published(world):
    entry = make_org(
        world.alpha.association, "Accueil du port", description="Soupe chaude"
    )
    public = site_client(world.hub)
    editor = site_client(world.alpha.association, world.alpha.editor)
    draft = _entry_form(
        entry, name="Accueil zanzibar", description="Soupe quetzalcoatl"
    )
    response = editor.post(f"{ADMIN}edit/{entry.pk}/", draft)
    assert response.status_code == 302, response.context["form"].errors
    stored = Organisation.objects.get(pk=entry.pk)
    assert stored.has_unpublished_changes and stored.name == "Accueil du port"

    assert _api_names(public, q="quetzalcoatl") == []
    assert _api_names(public, q="zanzibar") == []
    assert _api_names(public, q="Soupe") == ["Accueil du port"]
    # the HTML directory page and the CSV / GeoJSON exports use the same filters
    csv = public.get("/api/directory/organisations.csv", {"q": "quetzalcoatl"})
    assert b"zanzibar" not in b"".join(csv.streaming_content)
    # even an explicit re-index of the in-memory draft keeps the live values
    entry.description = "Soupe quetzalcoatl"
    index.insert_or_update_object(entry)
    assert _api_names(public, q="quetzalcoatl") == []

    # alpha's moderation is on: its moderator publishes
    moderator = site_client(world.alpha.association, world.alpha.moderator)
    published = moderator.post(
        f"{ADMIN}edit/{entry.pk}/", dict(draft, **{"action-publish": "publish"})
    )
    assert published.status_code == 302
    assert _api_names(public, q="quetzalcoatl") == ["Accueil zanzibar"]
    assert _api_names(public, q="zanzibar") == ["Accueil zanzibar"]


def _site_search(client, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_draft_is_not_in_the_site_search_until_published(world):
    from sitepages.models import ContentPage

    side = world.alpha
    page = ContentPage(
        title="Horaires du port", slug="horaires-port", introduction="Ouvert"
    )
    side.root.add_child(instance=page)
    page.save_revision(user=side.editor).publish()
    public = site_client(side.association)
    editor = site_client(side.association, side.editor)

    data = nested_form_data(
        {
            "title": "Horaires du port",
            "slug": "horaires-port",
            "introduction": "Rendez-vous xylophone",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert Page.objects.get(pk=page.pk).has_unpublished_changes
    assert "Horaires du port" not in _site_search(public, "xylophone")
    # re-indexing the in-memory draft still indexes the published row
    draft = ContentPage.objects.get(pk=page.pk)
    draft.introduction = "Rendez-vous xylophone"
    index.insert_or_update_object(draft)
    assert "Horaires du port" not in _site_search(public, "xylophone")
    assert "Horaires du port" in _site_search(public, "Ouvert")

    # editors submit for moderation; the association's moderator publishes
    moderator = site_client(side.association, side.moderator)
    response = moderator.post(
        f"/admin/pages/{page.pk}/edit/", dict(data, **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    assert "Horaires du port" in _site_search(public, "xylophone")
    # the other association's site never lists it
    assert "Horaires du port" not in _site_search(
        site_client(world.beta.association), "xylophone"
    )


def test_every_indexed_model_with_drafts_indexes_published_values(world):
    from sitepages.models import ContentPage

    assert issubclass(Organisation, PublishedIndexMixin)
    assert issubclass(ContentPage, PublishedIndexMixin)


def test_the_check_refuses_a_draft_model_that_forgets_the_mixin(world):
    from django.db import models

    class Forgetful(DraftStateMixin, index.Indexed, models.Model):
        """Stands for a later plugin's snippet that forgot the mixin."""

        class Meta:
            abstract = True
            app_label = "directory"

    class Careful(PublishedIndexMixin, Forgetful):
        class Meta:
            abstract = True
            app_label = "directory"

    assert models_indexing_drafts([Forgetful, Careful, Organisation]) == [Forgetful]
    assert check_draft_models_index_published_values() == []
