"""Association-owned snippets, through the generic mechanism of
``network.permissions`` (policy, viewset, form, middleware), exercised on the
directory plugin's ``Organisation``."""

import pytest

from tests.network.utils import assert_not_listed, assert_refused

directory = pytest.importorskip("directory.models")
Organisation = directory.Organisation

BASE = "/admin/snippets/directory/organisation/"
BOTH = ("editor", "moderator")

OWNED_URLS = [
    (BASE + "edit/{pk}/", BOTH),
    (BASE + "delete/{pk}/", BOTH),
    (BASE + "history/{pk}/", BOTH),
    (BASE + "history/{pk}/revisions/compare/earliest...latest/", BOTH),
    (BASE + "usage/{pk}/", BOTH),
    (BASE + "unpublish/{pk}/", BOTH),
    ("/admin/snippets/choose/directory/organisation/chosen/{pk}/", BOTH),
    ("/admin/bulk/directory/organisation/delete/?id={pk}", BOTH),
    ("/admin/localize/api/snippets/directory/organisation/{pk}/", BOTH),
    ("/admin/localize/submit/snippet/directory/organisation/{pk}/", ()),
]


@pytest.fixture
def shelters(world):
    """One published directory entry per association."""
    entries = {}
    for side in (world.alpha, world.beta):
        entry = Organisation.objects.create(
            name=f"{side.association.name} shelter", association=side.association
        )
        revision = entry.save_revision(user=side.editor)
        revision.publish()
        entries[side.association.slug] = {"pk": entry.pk, "revision": revision.pk}
    return entries


@pytest.mark.parametrize("role", BOTH)
@pytest.mark.parametrize(
    "template,own_roles", OWNED_URLS, ids=[url for url, _r in OWNED_URLS]
)
def test_owned_snippet_views_refuse_other_association(
    world, as_user, shelters, template, own_roles, role
):
    client = as_user(getattr(world.alpha, role))
    if role in own_roles:
        own = template.format(**shelters["alpha"])
        response = client.get(own)
        assert response.status_code == 200, (
            f"{own} answered {response.status_code} to alpha's {role}"
        )
    url = template.format(**shelters["beta"])
    assert_refused(client.get(url), url, ["Beta shelter"])


@pytest.mark.parametrize(
    "url",
    [
        BASE,
        BASE + "?q=shelter",
        BASE + "results/?q=shelter",
        "/admin/snippets/choose/directory/organisation/",
        "/admin/snippets/choose/directory/organisation/results/?q=shelter",
        "/admin/localize/api/snippets/directory/organisation/",
        "/admin/bulk/directory/organisation/delete/?id=all",
    ],
)
def test_owned_snippet_listings_show_only_own_rows(world, as_user, shelters, url):
    response = as_user(world.alpha.editor).get(url)
    if "id=all" in url:
        assert_refused(response, url, ["Beta shelter"])
        return
    assert_not_listed(response, url, ["Beta shelter"])
    assert "Alpha shelter" in response.content.decode(), f"{url} misses alpha's"


def test_add_form_offers_only_own_association(world, as_user):
    body = as_user(world.alpha.editor).get(BASE + "add/").content.decode()
    select = body.split('name="association"')[1].split("</select>")[0]
    assert f'value="{world.alpha.association.pk}"' in select
    assert f'value="{world.beta.association.pk}"' not in select, (
        "the add form offers beta"
    )
    assert f'value="{world.hub.pk}"' not in select


def test_form_refuses_forged_association(world):
    """A forged POST naming beta fails validation: AssociationOwnedForm."""
    from network.forms import AssociationOwnedForm

    form_class = Organisation.get_edit_handler().get_form_class()
    assert issubclass(form_class, AssociationOwnedForm)
    form = form_class(
        data={"name": "Forged", "association": world.beta.association.pk},
        for_user=world.alpha.editor,
    )
    form.is_valid()
    assert "association" in form.errors, "a forged association was accepted"


def test_forged_post_creates_and_changes_nothing(world, as_user, shelters):
    client = as_user(world.alpha.moderator)
    before = Organisation.objects.count()
    client.post(
        BASE + "add/",
        {"name": "Forged", "association": world.beta.association.pk},
    )
    assert not Organisation.objects.filter(
        association=world.beta.association, name="Forged"
    ).exists(), "alpha created an entry for beta"
    assert Organisation.objects.count() == before
    url = BASE + f"edit/{shelters['beta']['pk']}/"
    assert_refused(client.post(url, {"name": "Hacked"}), url)
    url = BASE + f"delete/{shelters['beta']['pk']}/"
    assert_refused(client.post(url), url)
    assert Organisation.objects.get(pk=shelters["beta"]["pk"]).name == "Beta shelter"


def test_coordinator_sees_every_entry(world, as_user, shelters):
    client = as_user(world.coordinator)
    body = client.get(BASE).content.decode()
    assert "Alpha shelter" in body and "Beta shelter" in body
    url = BASE + f"edit/{shelters['beta']['pk']}/"
    assert client.get(url).status_code == 200


def test_policy_scopes_rows(world, shelters):
    from network.permissions import policy_for

    policy = policy_for(Organisation)
    editable = policy.instances_user_has_permission_for(world.alpha.editor, "change")
    assert set(editable.values_list("name", flat=True)) == {"Alpha shelter"}
    beta_entry = Organisation.objects.get(pk=shelters["beta"]["pk"])
    assert not policy.user_has_permission_for_instance(
        world.alpha.editor, "change", beta_entry
    )
    assert policy.user_has_permission_for_instance(
        world.beta.editor, "change", beta_entry
    )
    assert policy.user_has_permission_for_instance(
        world.coordinator, "delete", beta_entry
    )
