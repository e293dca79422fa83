"""``create_association`` and ``add_editor``: validated, atomic, idempotent.

Commands run through ``run_from_argv``, as ``manage.py`` runs them, so a
refusal is checked as the shell sees it: exit status 1 and one line on stderr.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import load_command_class
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from network.models import Association
from network.provisioning import workflow_names
from tests.factories import UserFactory

COUNTED = [
    Association,
    Site,
    Page,
    Collection,
    Group,
    GroupPagePermission,
    GroupCollectionPermission,
    GroupSitePermission,
    Workflow,
    WorkflowTask,
    WorkflowPage,
    Task,
    Locale,
]


def row_counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def run(capsys, monkeypatch):
    """Run a command as manage.py does; return (exit status, stdout, stderr).

    ``run_from_argv`` closes every database connection when it ends, which
    would end the test's transaction; the connection is kept open here.
    """
    from django.core.management import base

    monkeypatch.setattr(base.connections, "close_all", lambda: None)

    def run_command(name, *args):
        command = load_command_class("network", name)
        status = 0
        try:
            command.run_from_argv(["manage.py", name, *args])
        except SystemExit as exit_:
            status = exit_.code
        out, err = capsys.readouterr()
        return status, out, err

    return run_command


GOOD = ["--name", "Gamma", "--slug", "gamma", "--hostname", "gamma.localhost"]


def test_create_association_builds_everything(world, run):
    status, out, err = run(
        "create_association",
        *GOOD,
        "--port",
        "8000",
        "--languages",
        "fr,ar",
        "--plugins",
        "directory",
        "--city",
        "Calais",
    )
    assert status == 0, err
    assert "gamma.localhost:8000" in out and len(out.strip().splitlines()) == 1
    gamma = Association.objects.get(slug="gamma")
    assert (gamma.site.hostname, gamma.site.port) == ("gamma.localhost", 8000)
    assert gamma.languages == ["fr", "ar"] and gamma.plugins == ["directory"]
    assert gamma.city == "Calais"
    homes = Page.objects.filter(
        depth=2, translation_key=gamma.site.root_page.translation_key
    )
    assert sorted(homes.values_list("locale__language_code", flat=True)) == [
        "ar",
        "fr",
    ]
    assert all(page.live for page in homes)
    assert type(gamma.site.root_page.specific).__name__ == "HomePage"
    assert gamma.root_collection.get_parent() == Collection.get_first_root_node()
    for group, codenames in (
        (gamma.editors_group, {"add_page", "change_page"}),
        (
            gamma.moderators_group,
            {"add_page", "change_page", "publish_page", "lock_page"},
        ),
    ):
        for home in homes:
            held = set(
                GroupPagePermission.objects.filter(group=group, page=home).values_list(
                    "permission__codename", flat=True
                )
            )
            assert codenames <= held, f"{group.name} lacks {codenames - held}"
        assert group.permissions.filter(codename="access_admin").exists()
        assert GroupCollectionPermission.objects.filter(
            group=group, collection=gamma.root_collection
        ).exists()
    assert GroupSitePermission.objects.filter(
        group=gamma.moderators_group,
        site=gamma.site,
        permission__codename="change_themesettings",
    ).exists()
    assert not GroupSitePermission.objects.filter(group=gamma.editors_group).exists()
    workflow = Workflow.objects.get(name=workflow_names(gamma)[0])
    assert set(workflow.workflow_pages.values_list("page_id", flat=True)) == set(
        homes.values_list("pk", flat=True)
    )
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [gamma.moderators_group]


def test_create_association_defaults_to_every_language_and_plugin(world, run):
    from django.conf import settings

    from network.plugins import get_plugins

    status, _out, err = run("create_association", *GOOD)
    assert status == 0, err
    gamma = Association.objects.get(slug="gamma")
    assert gamma.languages == [code for code, _name in settings.LANGUAGES]
    assert gamma.plugins == list(get_plugins())
    assert gamma.site.port == 80


BAD = [
    (["--slug", "alpha"], "slug 'alpha' already exists"),
    (["--hostname", "alpha.localhost"], "alpha.localhost:80 is already used"),
    (["--hostname", "bad_host!"], "not a valid hostname"),
    (["--hostname", "bad-.localhost"], "not a valid hostname"),
    (["--hostname", "exa mple.org"], "not a valid hostname"),
    (["--slug", "Not A Slug"], "not a valid slug"),
    (["--plugins", "directory,nosuchplugin"], "Unknown plugin(s): nosuchplugin"),
    (["--languages", "fr,xx"], "Unknown language(s): xx"),
    (["--languages", ","], "at least one language"),
    (["--port", "99999"], "not a valid port"),
    (["--port", "eighty"], "not a valid port"),
    (["--name", "  "], "name cannot be empty"),
]


@pytest.mark.parametrize("override,message", BAD, ids=[m for _o, m in BAD])
def test_create_association_refuses_bad_input_and_changes_nothing(
    world, run, override, message
):
    args = list(GOOD)
    for index in range(0, len(override), 2):
        flag, value = override[index], override[index + 1]
        if flag in args:
            args[args.index(flag) + 1] = value
        else:
            args += [flag, value]
    before = row_counts()
    status, out, err = run("create_association", *args)
    assert status == 1, f"exit status {status} for {override}"
    assert message in err, f"{err!r} does not say {message!r}"
    assert len(err.strip().splitlines()) == 1, f"not one line: {err!r}"
    assert row_counts() == before, "a refused create_association changed rows"


def test_add_editor(world, run):
    user = UserFactory(username="newcomer")
    alpha = world.alpha.association

    status, out, _err = run("add_editor", "alpha", "newcomer")
    assert status == 0 and "newcomer" in out
    assert user.groups.filter(pk=alpha.editors_group_id).exists()

    status, out, _err = run("add_editor", "alpha", "newcomer")
    assert status == 0 and "already" in out
    assert user.groups.filter(pk=alpha.editors_group_id).count() == 1

    status, out, _err = run("add_editor", "alpha", "newcomer", "--role", "moderator")
    assert status == 0
    assert user.groups.filter(pk=alpha.moderators_group_id).exists()
    assert not user.groups.filter(
        pk__in=[
            world.beta.association.editors_group_id,
            world.beta.association.moderators_group_id,
        ]
    ).exists()


@pytest.mark.parametrize(
    "args,message",
    [
        (["alpha", "nobody"], "No user named 'nobody'"),
        (["nowhere", "editor_a"], "No association with the slug 'nowhere'"),
    ],
)
def test_add_editor_refuses_unknown_names(world, run, args, message):
    before = {user: list(user.groups.all()) for user in [world.alpha.editor]}
    status, _out, err = run("add_editor", *args)
    assert status == 1
    assert message in err and len(err.strip().splitlines()) == 1
    assert before == {user: list(user.groups.all()) for user in before}


def test_add_editor_refuses_unknown_role(world, run):
    status, _out, err = run("add_editor", "alpha", "editor_a", "--role", "owner")
    assert status == 2 and "invalid choice" in err
