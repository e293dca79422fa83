"""Moderation and the association dashboard panel stay per association."""

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from network.provisioning import workflow_names


def submit_for_moderation(client, page, title):
    """Alpha's editor presses "Submit for moderation" in the page editor."""
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "introduction": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data["action-submit"] = "Submit for moderation"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_submission_waits_for_own_moderators_only(world, as_user):
    alpha = world.alpha
    response = submit_for_moderation(
        as_user(alpha.editor), alpha.page, "Alpha page to review"
    )
    assert response.status_code == 302, "the submission was not accepted"
    state = WorkflowState.objects.active().get(object_id=str(alpha.page.pk))
    assert state.workflow.name == workflow_names(alpha.association)[0]
    page = Page.objects.get(pk=alpha.page.pk)
    assert page.title == "Alpha secret page", "submitting published the page"

    own = as_user(alpha.moderator).get("/admin/").content.decode()
    assert "Waiting for moderation" in own or "En attente" in own
    assert "Alpha page to review" in own, "alpha's moderator does not see it"

    other = as_user(world.beta.moderator, world.beta).get("/admin/").content.decode()
    assert "Alpha page to review" not in other, "beta's moderator sees it"

    # Alpha's moderator can approve it through the task's action URL.
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{alpha.page.pk}/approve/{task_state.pk}/"
    refused = as_user(world.beta.moderator, world.beta).post(url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == "in_progress", (
        f"beta's moderator approved alpha's page ({refused.status_code})"
    )
    as_user(alpha.moderator).post(url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == "approved"
    assert Page.objects.get(pk=alpha.page.pk).title == "Alpha page to review"


def test_dashboard_lists_recent_edits_of_my_site_only(world, as_user):
    for side, other in ((world.alpha, world.beta), (world.beta, world.alpha)):
        body = as_user(side.editor, side).get("/admin/").content.decode()
        assert f"{side.association.name} secret page" in body, (
            f"{side.association.name}'s dashboard misses its recent edit"
        )
        assert f"{other.association.name} secret page" not in body, (
            f"{side.association.name}'s dashboard shows {other.association.name}'s page"
        )


def test_coordinator_dashboard_covers_every_association(world, as_user):
    body = as_user(world.coordinator).get("/admin/").content.decode()
    assert "Alpha secret page" in body and "Beta secret page" in body


def test_dashboard_query_count_does_not_grow(
    world, as_user, django_assert_max_num_queries
):
    """The panel's queries do not grow with the number of edited pages."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sitepages.models import ContentPage

    client = as_user(world.alpha.moderator)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as before:
        client.get("/admin/")
    for index in range(10):
        page = ContentPage(title=f"Extra {index}", slug=f"extra-{index}")
        world.alpha.root.add_child(instance=page)
        page.save_revision(user=world.alpha.editor)
    with django_assert_max_num_queries(len(before) + 2):
        body = client.get("/admin/").content.decode()
    assert "Extra 9" in body
