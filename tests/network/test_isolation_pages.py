"""An association's editors and moderators cannot see or change another
association's pages, through any admin URL (issue 2, "network/").

Each URL is requested twice by alpha's editor or moderator: on alpha's own
page (it must work, so the URL is right) and on beta's (it must be refused and
show nothing of beta's).
"""

import pytest

from tests.network.utils import assert_not_listed, assert_refused, ids_of, secrets_of

BOTH = ("editor", "moderator")
MODERATOR = ("moderator",)
NOBODY = ()

# (URL template, roles for which alpha's own object answers 200)
PAGE_URLS = [
    ("/admin/pages/{root}/", BOTH),
    ("/admin/pages/{page}/", BOTH),
    ("/admin/pages/{page}/edit/", BOTH),
    ("/admin/pages/{page}/history/", BOTH),
    ("/admin/pages/{page}/history/results/", BOTH),
    ("/admin/pages/{page}/revisions/{rev1}/view/", BOTH),
    ("/admin/pages/{page}/revisions/compare/{rev1}...{rev2}/", BOTH),
    ("/admin/pages/{page}/revisions/compare/earliest...latest/", BOTH),
    ("/admin/pages/{page}/revisions/{rev1}/revert/", BOTH),
    ("/admin/pages/{page}/copy/", BOTH),
    ("/admin/pages/{page}/move/", MODERATOR),
    ("/admin/pages/{page}/move/{root}/confirm/", BOTH),
    ("/admin/pages/{page}/unpublish/", MODERATOR),
    ("/admin/pages/{page}/edit/preview/", BOTH),
    ("/admin/pages/{page}/view_draft/", BOTH),
    ("/admin/pages/{page}/delete/", MODERATOR),
    ("/admin/pages/{page}/usage/", BOTH),
    ("/admin/pages/{page}/privacy/", MODERATOR),
    ("/admin/pages/{page}/workflow_history/", BOTH),
    ("/admin/pages/{root}/add_subpage/", BOTH),
    ("/admin/pages/add/sitepages/contentpage/{root}/", BOTH),
    ("/admin/bulk/wagtailcore/page/delete/?id={page}", BOTH),
    ("/admin/bulk/wagtailcore/page/unpublish/?id={page}", BOTH),
    ("/admin/bulk/wagtailcore/page/move/?id={page}", BOTH),
    ("/admin/bulk/wagtailcore/page/delete/?id=all&childOf={root}", BOTH),
    ("/admin/choose-page/{root}/", BOTH),
    ("/admin/choose-page/chosen-multiple/?id={page}", BOTH),
    ("/admin/api/main/pages/{page}/", BOTH),
    ("/admin/api/main/pages/?child_of={root}", BOTH),
    # wagtail-localize: submitting needs a right association groups lack,
    # the translation editor's side views work on one's own translations.
    ("/admin/localize/submit/page/{page}/", NOBODY),
    ("/admin/localize/update/{source}/", NOBODY),
    ("/admin/localize/translate/{translation}/pofile/download/", BOTH),
    ("/admin/localize/translate/{translation}/preview/", BOTH),
]


@pytest.mark.parametrize("role", BOTH)
@pytest.mark.parametrize(
    "template,own_roles", PAGE_URLS, ids=[url for url, _r in PAGE_URLS]
)
def test_page_views_refuse_other_association(world, as_user, template, own_roles, role):
    client = as_user(getattr(world.alpha, role))
    if role in own_roles:
        own_url = template.format(**ids_of(world.alpha))
        response = client.get(own_url)
        assert response.status_code == 200, (
            f"{own_url} answered {response.status_code} to alpha's {role} "
            "on alpha's own page"
        )
    url = template.format(**ids_of(world.beta))
    assert_refused(client.get(url), url, secrets_of(world.beta))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/bulk/wagtailcore/page/delete/?id=all",
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
    ],
)
def test_cross_site_page_views_refused(world, as_user, url):
    """Views that would list every site's pages are refused outright."""
    client = as_user(world.alpha.moderator)
    assert_refused(client.get(url), url, secrets_of(world.beta))


def test_cross_site_page_views_open_to_coordinators(world, as_user):
    client = as_user(world.coordinator)
    response = client.get("/admin/localize/reports/translations/")
    assert response.status_code == 200
    assert "Beta secret page" in response.content.decode()


def test_page_posts_refused(world, as_user):
    """Changing beta's pages by POST is refused and changes nothing."""
    from wagtail.models import Page

    beta = world.beta
    client = as_user(world.alpha.moderator)
    ids = ids_of(beta)
    for url, data in [
        ("/admin/pages/{page}/edit/", {"title": "Hacked", "slug": "hacked"}),
        ("/admin/pages/{page}/delete/", {}),
        ("/admin/pages/{page}/unpublish/", {}),
        ("/admin/pages/{page}/lock/", {}),
        ("/admin/pages/{page}/move/{root}/confirm/", {}),
        ("/admin/pages/{page}/revisions/{rev1}/revert/", {"title": "Hacked"}),
        ("/admin/pages/{page}/copy/", {"new_title": "Copy", "new_slug": "copy"}),
        ("/admin/bulk/wagtailcore/page/delete/?id={page}", {}),
    ]:
        full = url.format(**ids)
        assert_refused(client.post(full, data), full, secrets_of(beta))
    page = Page.objects.get(pk=beta.page.pk)
    assert page.title == "Beta secret page"
    assert page.live and not page.locked
    assert Page.objects.filter(title="Copy").count() == 0


@pytest.mark.parametrize(
    "url,own",
    [
        ("/admin/pages/search/?q=secret", "Alpha secret page"),
        ("/admin/pages/search/results/?q=secret", "Alpha secret page"),
        ("/admin/pages/", "Alpha"),
        ("/admin/pages/{root}/?q=secret&search_all=1", "Alpha secret page"),
        ("/admin/choose-page/", "Alpha"),
        ("/admin/choose-page/search/?q=secret", "Alpha secret page"),
        ("/admin/api/main/pages/", "Alpha secret page"),
        ("/admin/api/main/pages/?search=secret", "Alpha secret page"),
    ],
)
def test_page_listings_and_searches_show_only_own_pages(world, as_user, url, own):
    client = as_user(world.alpha.editor)
    url = url.format(**ids_of(world.alpha))
    response = client.get(url)
    assert_not_listed(response, url, secrets_of(world.beta))
    assert own in response.content.decode(), f"{url} does not list {own!r}"


def test_explorer_filters_offer_only_own_site_and_people(world, as_user):
    """The explorer's filters (site, owner, edited by) name no one of beta's."""
    client = as_user(world.alpha.editor)
    body = client.get(f"/admin/pages/{world.alpha.root.pk}/").content.decode()
    assert " Alpha</label>" in body, "the site filter does not offer alpha's site"
    assert " Beta</label>" not in body, "the site filter offers beta's site"
    assert " Plateforme" not in body, "the site filter offers the hub's site"
    assert world.beta.editor.username not in body, "a filter names beta's editor"


def test_coordinator_sees_every_association(world, as_user):
    client = as_user(world.coordinator)
    for side in (world.alpha, world.beta):
        for template in (
            "/admin/pages/{root}/",
            "/admin/pages/{page}/edit/",
            "/admin/choose-page/{root}/",
        ):
            url = template.format(**ids_of(side))
            assert client.get(url).status_code == 200, f"coordinator refused {url}"
    body = client.get("/admin/choose-page/search/?q=secret").content.decode()
    assert "Alpha secret page" in body and "Beta secret page" in body


def test_editor_edits_every_home_translation_of_own_site_only(world, as_user):
    """Rights are granted on every depth-2 translation of the home page."""
    from wagtail.models import Page

    client = as_user(world.alpha.editor)
    for side, expected in ((world.alpha, 200), (world.beta, None)):
        homes = Page.objects.filter(
            depth=2, translation_key=side.root.translation_key
        ).select_related("locale")
        assert {page.locale.language_code for page in homes} == {"fr", "en", "ar"}
        for home in homes:
            url = f"/admin/pages/{home.pk}/edit/"
            response = client.get(url)
            if expected:
                assert response.status_code == 200, (
                    f"alpha's editor cannot edit alpha's {home.locale} home page"
                )
            else:
                assert_refused(response, url, secrets_of(side))


def _body_with_image(image_pk):
    return {
        "body-count": "1",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-type": "image",
        "body-0-id": "",
        "body-0-value-image": str(image_pk),
        "body-0-value-alt_text": "",
        "body-0-value-caption": "",
    }


def test_a_block_cannot_newly_choose_another_associations_image(world):
    """Finding 6 in a StreamField: an image block of alpha's page naming
    beta's image is a form error (without beta's title); alpha's own image,
    or an image already in the page, is accepted."""
    from wagtail.models import Page

    page = Page.objects.get(pk=world.alpha.page.pk).specific
    form_class = type(page).get_edit_handler().get_form_class()
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }

    def form_for(image_pk, instance=page, user=world.alpha.editor):
        form = form_class(
            data={**data, **_body_with_image(image_pk)},
            instance=instance,
            parent_page=page.get_parent(),
            for_user=user,
        )
        form.is_valid()
        return form

    forged = form_for(world.beta.image.pk)
    assert "body" in forged.errors
    assert "Beta image" not in str(forged.errors)
    assert "body" not in form_for(world.alpha.image.pk).errors
    # a coordinator may, and an image already chosen stays usable
    assert "body" not in form_for(world.beta.image.pk, user=world.coordinator).errors
    page.body = [("image", {"image": world.beta.image, "alt_text": "", "caption": ""})]
    assert "body" not in form_for(world.beta.image.pk, instance=page).errors
