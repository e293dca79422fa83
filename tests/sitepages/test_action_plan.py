"""The action plan: an accessible table that visitors filter without JS.

The sample plan (tests/sitepages/conftest.py SAMPLE_AXES) has six actions:

    1 responsible  2024 2025 2026      4 contributor  2024 2025 2026
    2 responsible  2024 2025           5 mobiliser         2025
    3 collaborator           2026      6 responsible       2025 2026
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sitepages.models import ActionPlanPage
from tests.sitepages.conftest import (
    SAMPLE_AXES,
    add_page,
    home_of,
    ntr,
    path_of,
    tr,
)

BAD_ROLE = "This role does not exist."
BAD_YEAR = "The plan has no such year."


@pytest.fixture
def plan(network):
    return add_page(
        home_of(network.alpha),
        ActionPlanPage,
        title="Plan d'action 2024-2026",
        start_year=2024,
        end_year=2026,
        axes=SAMPLE_AXES,
    )


def action_numbers(html):
    """Numbers of the action rows shown, in order."""
    return [
        int(number)
        for number in re.findall(
            r'<th scope="row" class="plan-table__action">'
            r'<span class="plan-table__number">(\d+)\.</span>',
            html,
        )
    ]


def get(client, plan, query=""):
    response = client.get(path_of(plan) + query)
    assert response.status_code == 200
    return response.content.decode()


def test_plan_renders_an_accessible_table(network, plan, client_for):
    html = get(client_for(network.alpha), plan)
    assert action_numbers(html) == [1, 2, 3, 4, 5, 6]
    # one table per objective that has actions, each with a caption
    assert html.count("<table") == 3
    assert html.count("<caption") == 3
    assert tr("fr", "Actions of objective %(number)s", number="1.1") in html
    for year in ("2024", "2025", "2026"):
        assert f'<th scope="col">{year}</th>' in html
    assert f'<th scope="col">{tr("fr", "Action")}</th>' in html
    # targets, axes, objectives and the role glossary are shown
    assert "A drop-in centre in every district" in html
    assert tr("fr", "Axis %(number)s", number=2) + " · A roof for everyone" in html
    assert f"<dt>{tr('fr', 'Mobiliser')}</dt>" in html
    assert ntr("fr", "%(counter)s action", "%(counter)s actions", 6) in html
    # a tick is explained to screen readers
    assert f'<span class="visually-hidden">{tr("fr", "yes")}</span>' in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?role=responsible", [1, 2, 6]),
        ("?role=collaborator", [3]),
        ("?role=mobiliser", [5]),
        ("?role=contributor", [4]),
        ("?year=2024", [1, 2, 4]),
        ("?year=2025", [1, 2, 4, 5, 6]),
        ("?year=2026", [1, 3, 4, 6]),
        ("?role=responsible&year=2024", [1, 2]),
        ("?role=responsible&year=2026", [1, 6]),
        ("?role=&year=", [1, 2, 3, 4, 5, 6]),
    ],
)
def test_filter_by_role_and_year(network, plan, client_for, query, expected):
    html = get(client_for(network.alpha), plan, query)
    assert action_numbers(html) == expected
    shown = ntr(
        "fr",
        "%(counter)s of %(total)s actions shown",
        "%(counter)s of %(total)s actions shown",
        len(expected),
        total=6,
    )
    assert shown in html or "role=&" in query


def test_filter_with_no_match_says_so(network, plan, client_for):
    html = get(client_for(network.alpha), plan, "?role=collaborator&year=2024")
    assert action_numbers(html) == []
    assert tr("fr", "No action matches these filters.") in html
    assert tr("fr", "Show all actions") in html


def test_filter_form_keeps_the_selection(network, plan, client_for):
    html = get(client_for(network.alpha), plan, "?role=mobiliser&year=2025")
    assert '<option value="mobiliser" selected>' in html
    assert '<option value="2025" selected>' in html
    assert 'method="get"' in html


@pytest.mark.parametrize(
    "query, expected, message",
    [
        ("?role=<script>alert(1)</script>", [1, 2, 3, 4, 5, 6], BAD_ROLE),
        ("?role=boss", [1, 2, 3, 4, 5, 6], BAD_ROLE),
        ("?year=abc", [1, 2, 3, 4, 5, 6], BAD_YEAR),
        ("?year=2030", [1, 2, 3, 4, 5, 6], BAD_YEAR),
        ("?year=-1", [1, 2, 3, 4, 5, 6], BAD_YEAR),
        ("?year=99999999999999999999", [1, 2, 3, 4, 5, 6], BAD_YEAR),
        ("?role=responsible&year=abc", [1, 2, 6], BAD_YEAR),
        ("?role=nobody&year=2024", [1, 2, 4], BAD_ROLE),
        ("?role=responsible&role=mobiliser", [5], None),
    ],
)
def test_hostile_filters_show_a_message_never_an_error(
    network, plan, client_for, query, expected, message
):
    html = get(client_for(network.alpha), plan, query)
    assert action_numbers(html) == expected
    assert "<script>alert(1)</script>" not in html
    if message:
        assert tr("fr", message, escaped=True) in html
        assert 'role="alert"' in html


def test_plan_in_arabic_is_right_to_left(network, plan, client_for):
    from tests.sitepages.conftest import translate

    arabic = translate(plan, "ar", title="خطة العمل")
    html = get(client_for(network.alpha), arabic, "?year=2025")
    assert '<html lang="ar" dir="rtl">' in html
    assert action_numbers(html) == [1, 2, 4, 5, 6]


def test_action_years_must_fall_within_the_plan(plan):
    plan.end_year = 2025
    with pytest.raises(ValidationError) as error, translation.override("en"):
        plan.clean()
    assert "Action 1 runs in 2026" in str(error.value)


def test_last_year_cannot_precede_first_year(plan):
    plan.start_year, plan.end_year = 2026, 2024
    with pytest.raises(ValidationError):
        plan.clean()


def test_actions_are_numbered_across_the_plan(plan):
    axes, shown, total = plan.get_plan()
    numbers = [
        action["number"]
        for axis in axes
        for objective in axis["objectives"]
        for action in objective["actions"]
    ]
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert shown == total == 6
    assert [objective["number"] for objective in axes[0]["objectives"]] == [
        "1.1",
        "1.2",
    ]
