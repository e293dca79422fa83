"""Site settings, reports, management screens and group rights stay per
association; coordinators see everything."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from network.models import Association, ThemeSettings
from network.permissions import FORBIDDEN_FOR_ASSOCIATIONS
from network.provisioning import workflow_names
from tests.network.utils import assert_not_listed, assert_refused, secrets_of

SETTINGS_URL = "/admin/settings/network/themesettings/{site}/"


def association_groups():
    ids = set()
    for association in Association.objects.all():
        ids |= {association.editors_group_id, association.moderators_group_id}
    return Group.objects.filter(pk__in=ids)


def test_no_association_group_holds_management_permissions(world):
    groups = association_groups()
    assert groups.count() == 6  # hub, alpha and beta: editors and moderators
    forbidden = Q(pk__in=[])
    for app_label, codename in FORBIDDEN_FOR_ASSOCIATIONS:
        forbidden |= Q(content_type__app_label=app_label, codename=codename)
    for group in groups:
        held = group.permissions.filter(forbidden).values_list("codename", flat=True)
        assert not list(held), f"{group.name} holds {sorted(held)}"


def test_association_groups_have_rights_only_on_their_own_tree(world):
    """Page and collection rights sit on the association's own roots only."""
    for association in Association.objects.all():
        homes = set(
            Page.objects.filter(
                depth=2, translation_key=association.site.root_page.translation_key
            ).values_list("pk", flat=True)
        )
        for group in (association.editors_group, association.moderators_group):
            pages = set(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", flat=True
                )
            )
            assert pages == homes, f"{group.name} has rights on pages {pages}"
            collections = set(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", flat=True
                )
            )
            assert collections == {association.root_collection_id}, (
                f"{group.name} has rights on collections {collections}"
            )


def test_coordinators_group_reaches_everything(world):
    group = Group.objects.get(name=settings.NETWORK_COORDINATORS_GROUP)
    root = Page.get_first_root_node()
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames


MANAGEMENT_URLS = [
    "/admin/users/",
    "/admin/users/add/",
    "/admin/groups/",
    "/admin/groups/add/",
    "/admin/sites/",
    "/admin/sites/add/",
    "/admin/workflows/list/",
    "/admin/workflows/add/",
    "/admin/workflows/tasks/index/",
    "/admin/redirects/",
    "/admin/redirects/add/",
    "/admin/locales/",
    "/admin/locales/add/",
]


@pytest.mark.parametrize("role", ["editor", "moderator"])
@pytest.mark.parametrize("url", MANAGEMENT_URLS)
def test_association_users_cannot_manage_the_install(world, as_user, url, role):
    client = as_user(getattr(world.alpha, role))
    assert_refused(client.get(url), url)


def test_admin_menu_offers_no_management_screens(world, as_user):
    body = as_user(world.alpha.moderator).get("/admin/").content.decode()
    for url in MANAGEMENT_URLS:
        assert f'"{url}"' not in body, f"the admin menu links to {url}"
    assert '"/admin/reports/page-types-usage/"' not in body
    assert '"/admin/localize/reports/translations/"' not in body


def test_moderators_collections_list_only_their_own(world, as_user):
    client = as_user(world.alpha.moderator)
    url = "/admin/collections/"
    response = client.get(url)
    assert_not_listed(response, url, [">Beta<", "Beta\n"])
    assert "Alpha" in response.content.decode()


# Settings ------------------------------------------------------------------


def test_moderator_edits_own_theme_and_not_another(world, as_user):
    client = as_user(world.alpha.moderator)
    own = SETTINGS_URL.format(site=world.alpha.association.site.pk)
    response = client.get(own)
    assert response.status_code == 200, "alpha's moderator cannot open alpha's theme"
    assert world.beta.association.site.hostname not in response.content.decode(), (
        "alpha's theme screen offers beta's site in its site switcher"
    )
    other = SETTINGS_URL.format(site=world.beta.association.site.pk)
    assert_refused(client.get(other), other, secrets_of(world.beta))
    hub = SETTINGS_URL.format(site=world.hub.site.pk)
    assert_refused(client.get(hub), hub)


def test_forged_theme_post_on_other_site_changes_nothing(world, as_user):
    client = as_user(world.alpha.moderator)
    url = SETTINGS_URL.format(site=world.beta.association.site.pk)
    response = client.post(url, {"primary_colour": "#000000", "display_name": "X"})
    assert_refused(response, url)
    theme = ThemeSettings.for_site(world.beta.association.site)
    assert theme.display_name == "" and theme.primary_colour == "#1d4e89"


def test_editors_cannot_open_settings(world, as_user):
    client = as_user(world.alpha.editor)
    url = SETTINGS_URL.format(site=world.alpha.association.site.pk)
    assert_refused(client.get(url), url)
    assert "/admin/settings/" not in client.get("/admin/").content.decode()


# Reports -------------------------------------------------------------------


def _beta_activity(world):
    """Give beta a locked page and a page in moderation."""
    page = Page.objects.get(pk=world.beta.page.pk).specific
    page.locked = True
    page.locked_by = world.beta.moderator
    page.save()
    workflow = page.get_workflow()
    assert workflow is not None, "beta's tree has no workflow"
    workflow.start(page, world.beta.editor)


REPORT_URLS = [
    ("/admin/reports/site-history/", ("editor", "moderator")),
    ("/admin/reports/site-history/results/", ("editor", "moderator")),
    ("/admin/reports/aging-pages/", ("editor", "moderator")),
    ("/admin/reports/locked/", ("moderator",)),
    ("/admin/reports/workflow/", ("editor", "moderator")),
    ("/admin/reports/workflow_tasks/", ("editor", "moderator")),
]


@pytest.mark.parametrize("url,roles", REPORT_URLS, ids=[u for u, _r in REPORT_URLS])
def test_reports_show_nothing_of_other_association(world, as_user, url, roles):
    _beta_activity(world)
    for role in roles:
        client = as_user(getattr(world.alpha, role))
        response = client.get(url)
        assert_not_listed(
            response,
            f"{url} as {role}",
            secrets_of(world.beta)
            + [world.beta.editor.username, " Beta<"]
            + list(workflow_names(world.beta.association)),
        )


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/page-types-usage/",
        "/admin/reports/page-types-usage/results/",
        "/admin/pages/usage/sitepages/contentpage/",
    ],
)
def test_page_types_usage_refused_or_scoped(world, as_user, url):
    client = as_user(world.alpha.moderator)
    response = client.get(url)
    if "/reports/" in url:
        assert_refused(response, url, secrets_of(world.beta))
    else:
        assert_not_listed(response, url, secrets_of(world.beta))
        assert "Alpha secret page" in response.content.decode()


def test_reports_open_to_coordinators(world, as_user):
    _beta_activity(world)
    client = as_user(world.coordinator)
    for url in ("/admin/reports/page-types-usage/", "/admin/reports/locked/"):
        response = client.get(url)
        assert response.status_code == 200, f"coordinator refused {url}"
    assert "Beta secret page" in client.get("/admin/reports/locked/").content.decode()
