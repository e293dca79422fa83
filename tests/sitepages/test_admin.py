"""Editors can open, create and filter-check page types in the admin."""

import json

import pytest
from django.utils.html import escape
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages.models import ActionPlanPage
from tests.sitepages.conftest import home_of, tr


@pytest.mark.parametrize("key", ["home", "content", "plan", "news", "update"])
def test_member_editor_can_open_the_edit_form(network, pages, client_for, key):
    client = client_for(network.alpha, network.editor_a)
    for language in ("fr", "ar"):
        page = pages[key][language]
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, (key, language)
        assert "css/sitepages-admin.css" in response.content.decode()


@pytest.mark.parametrize("key", ["members", "network_news"])
def test_coordinator_can_open_hub_pages(network, pages, client_for, key):
    client = client_for(network.hub, network.coordinator)
    response = client.get(f"/admin/pages/{pages[key]['fr'].pk}/edit/")
    assert response.status_code == 200


def test_add_forms_offer_the_right_page_types(network, client_for):
    client = client_for(network.alpha, network.editor_a)
    home = home_of(network.alpha)
    html = client.get(f"/admin/pages/{home.pk}/add_subpage/").content.decode()
    for model in ("contentpage", "actionplanpage", "newsindexpage"):
        assert f"/admin/pages/add/sitepages/{model}/{home.pk}/" in html
    # hub-only page types are not offered on a member site
    for model in ("memberspage", "networknewspage"):
        assert f"/add/sitepages/{model}/" not in html


def plan_form_data(years):
    """The admin form of a one-action plan 2025-2026 whose action runs in
    ``years``."""
    action = {
        "text": "Ouvrir un accueil de jour",
        "role": "responsible",
    }
    data = nested_form_data(
        {
            "title": "Plan 2025",
            "slug": "plan-2025",
            "introduction": "Notre plan.",
            "start_year": "2025",
            "end_year": "2026",
            "body": streamfield([("paragraph", rich_text("<p>Contexte</p>"))]),
            "axes": streamfield(
                [
                    (
                        "axis",
                        {
                            "title": "Un toit pour tous",
                            "description": "",
                            "objectives": {
                                "count": 1,
                                "0": {
                                    "deleted": "",
                                    "order": 0,
                                    "value": {
                                        "title": "Plus de places",
                                        "targets": {
                                            "count": 1,
                                            "0": {
                                                "deleted": "",
                                                "order": 0,
                                                "value": "100 lits",
                                            },
                                        },
                                        "actions": {
                                            "count": 1,
                                            "0": {
                                                "deleted": "",
                                                "order": 0,
                                                "value": action,
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    )
                ]
            ),
        }
    )
    # ticked checkboxes: one value per year (nested_form_data would index a list)
    data["axes-0-value-objectives-0-value-actions-0-value-years"] = years
    return data


def test_editor_creates_an_action_plan_through_the_admin(network, client_for):
    client = client_for(network.alpha, network.editor_a)
    home = home_of(network.alpha)
    data = plan_form_data(["2025", "2026"])
    response = client.post(
        f"/admin/pages/add/sitepages/actionplanpage/{home.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = ActionPlanPage.objects.get(slug="plan-2025")
    axes, shown, total = plan.get_plan(role="responsible", year=2026)
    assert total == shown == 1
    assert axes[0]["objectives"][0]["targets"] == ["100 lits"]


def test_action_outside_the_plan_years_is_refused_with_a_message(network, client_for):
    client = client_for(network.alpha, network.editor_a)
    home = home_of(network.alpha)
    response = client.post(
        f"/admin/pages/add/sitepages/actionplanpage/{home.pk}/",
        plan_form_data(["2025", "2030"]),
    )
    assert response.status_code == 200
    assert not ActionPlanPage.objects.filter(slug="plan-2025").exists()
    html = response.content.decode()
    message = "Action %(number)s runs in %(years)s, outside the plan's years."
    # StreamField errors reach the admin's JS as JSON inside an HTML attribute
    assert any(
        escape(json.dumps(tr(language, message, number=1, years="2030"))[1:-1]) in html
        for language in ("fr", "en")
    )
