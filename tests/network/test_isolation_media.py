"""Images and documents stay inside their association's collection.

Every URL is checked on alpha's own item (it must work) and on beta's (it
must be refused without showing beta's titles).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.network.utils import assert_not_listed, assert_refused, ids_of, secrets_of

BOTH = ("editor", "moderator")
MODERATOR = ("moderator",)

MEDIA_URLS = [
    ("/admin/images/{image}/", BOTH),
    ("/admin/images/{image}/delete/", MODERATOR),
    ("/admin/images/usage/{image}/", BOTH),
    ("/admin/images/{image}/preview/fill-100x100/", BOTH),
    ("/admin/images/chooser/chosen/{image}/", BOTH),
    ("/admin/images/chooser/{image}/select_format/", BOTH),
    ("/admin/api/main/images/{image}/", BOTH),
    ("/admin/bulk/wagtailimages/image/delete/?id={image}", BOTH),
    ("/admin/bulk/wagtailimages/image/add_tags/?id={image}", BOTH),
    ("/admin/documents/edit/{document}/", BOTH),
    ("/admin/documents/delete/{document}/", MODERATOR),
    ("/admin/documents/usage/{document}/", BOTH),
    ("/admin/documents/chooser/chosen/{document}/", BOTH),
    ("/admin/api/main/documents/{document}/", BOTH),
    ("/admin/bulk/wagtaildocs/document/delete/?id={document}", BOTH),
]


@pytest.mark.parametrize("role", BOTH)
@pytest.mark.parametrize(
    "template,own_roles", MEDIA_URLS, ids=[url for url, _r in MEDIA_URLS]
)
def test_media_views_refuse_other_association(
    world, as_user, template, own_roles, role
):
    client = as_user(getattr(world.alpha, role))
    if role in own_roles:
        own_url = template.format(**ids_of(world.alpha))
        response = client.get(own_url)
        assert response.status_code == 200, (
            f"{own_url} answered {response.status_code} to alpha's {role}"
        )
    url = template.format(**ids_of(world.beta))
    assert_refused(client.get(url), url, secrets_of(world.beta))


@pytest.mark.parametrize(
    "url,own",
    [
        ("/admin/images/", "Alpha image"),
        ("/admin/images/?q=image", "Alpha image"),
        ("/admin/images/chooser/", "Alpha image"),
        ("/admin/images/chooser/results/?q=image", "Alpha image"),
        ("/admin/images/chooser/chosen-multiple/?id={image}", ""),
        ("/admin/api/main/images/", "Alpha image"),
        ("/admin/api/main/images/?search=image", "Alpha image"),
        ("/admin/documents/", "Alpha document"),
        ("/admin/documents/?q=document", "Alpha document"),
        ("/admin/documents/chooser/", "Alpha document"),
        ("/admin/documents/chooser/results/?q=document", "Alpha document"),
        ("/admin/api/main/documents/", "Alpha document"),
        ("/admin/api/main/documents/?search=document", "Alpha document"),
        ("/admin/images/multiple/add/", ""),
        ("/admin/documents/multiple/add/", ""),
    ],
)
def test_media_listings_show_only_own_collection(world, as_user, url, own):
    client = as_user(world.alpha.editor)
    url = url.format(beta_image=world.beta.image.pk, **ids_of(world.alpha))
    response = client.get(url)
    secrets = secrets_of(world.beta) + [f">{world.beta.association.name}<"]
    assert_not_listed(response, url, secrets)
    assert own in response.content.decode(), f"{url} does not list {own!r}"


def test_coordinator_api_lists_every_collection(world, as_user):
    client = as_user(world.coordinator)
    titles = {
        item["title"] for item in client.get("/admin/api/main/images/").json()["items"]
    }
    assert {"Alpha image", "Beta image"} <= titles


def test_upload_into_other_collection_is_refused(world, as_user):
    """A forged collection id lands nothing in beta's collection."""
    beta_collection = world.beta.association.root_collection
    client = as_user(world.alpha.moderator)
    images = get_image_model().objects.filter(collection=beta_collection)
    documents = get_document_model().objects.filter(collection=beta_collection)
    before = (images.count(), documents.count())

    client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile(
                "forged.png", get_test_image_file().file.getvalue(), "image/png"
            ),
            "collection": beta_collection.pk,
            "title": "Forged image",
        },
    )
    client.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("forged.pdf", b"%PDF-1.4", "application/pdf"),
            "collection": beta_collection.pk,
            "title": "Forged document",
        },
    )
    client.post(
        "/admin/images/add/",
        {
            "title": "Forged single",
            "file": SimpleUploadedFile(
                "single.png", get_test_image_file().file.getvalue(), "image/png"
            ),
            "collection": beta_collection.pk,
        },
    )
    assert (images.count(), documents.count()) == before, (
        "an upload landed in beta's collection"
    )


def test_media_posts_refused(world, as_user):
    beta = world.beta
    client = as_user(world.alpha.moderator)
    for url, data in [
        (f"/admin/images/{beta.image.pk}/", {"title": "Hacked"}),
        (f"/admin/images/{beta.image.pk}/delete/", {}),
        (f"/admin/documents/edit/{beta.document.pk}/", {"title": "Hacked"}),
        (f"/admin/documents/delete/{beta.document.pk}/", {}),
    ]:
        assert_refused(client.post(url, data), url, secrets_of(beta))
    assert get_image_model().objects.get(pk=beta.image.pk).title == "Beta image"
    assert (
        get_document_model().objects.get(pk=beta.document.pk).title == "Beta document"
    )


def test_documents_are_served_only_through_wagtails_view(world, as_user):
    """Finding 14: a document's address is Wagtail's view, which checks the
    collection's privacy, never a file under MEDIA_URL; a restricted
    collection's document is refused to a visitor and served to its editor."""
    from django.conf import settings
    from wagtail.models import CollectionViewRestriction

    from tests.conftest import site_client

    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    document = world.alpha.document
    assert document.url.startswith("/documents/")
    assert not document.url.startswith(settings.MEDIA_URL)
    CollectionViewRestriction.objects.create(
        collection=document.collection,
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    refused = site_client(world.alpha.association).get(document.url)
    assert refused.status_code == 302 and "login" in refused["Location"]
    served = as_user(world.alpha.editor).get(document.url)
    assert served.status_code == 200


def test_the_deployment_guide_serves_images_only_from_media():
    """The nginx example of docs/deployment.md serves image folders of
    MEDIA_ROOT, never the whole of it, its documents or import uploads."""
    import re
    from pathlib import Path

    guide = (Path(__file__).parents[2] / "docs" / "deployment.md").read_text()
    nginx = guide.split("```nginx", 1)[1].split("```", 1)[0]
    aliases = re.findall(r"alias\s+(\S+);", nginx)
    assert aliases, "the nginx example serves no media at all"
    for alias in aliases:
        folder = alias.rstrip("/").rsplit("/", 1)[-1]
        assert folder in {"images", "original_images"}, alias
