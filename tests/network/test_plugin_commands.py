"""``enable_plugin`` / ``disable_plugin``: switch one plugin of one association.

Run as manage.py runs them (``run`` from ``test_commands``): exit status 0 on
success and on a repeated run, 1 with a one-line reason on stderr when the
association or the plugin is unknown, and then nothing changes.
"""

import pytest
from django.contrib.auth.models import Permission

from directory.pages import DirectoryPage
from network.models import Association
from network.plugins import get_plugin
from tests.network.test_commands import row_counts, run  # noqa: F401

PLUGIN = "directory"


def plugin_perms():
    plugin = get_plugin(PLUGIN)
    return {
        Permission.objects.get(
            content_type__app_label=label.split(".")[0], codename=label.split(".")[1]
        ).pk
        for label in plugin.editor_permissions
    }


def group_perms(association):
    association = Association.objects.get(pk=association.pk)
    return [
        set(group.permissions.values_list("pk", flat=True))
        for group in (association.editors_group, association.moderators_group)
    ]


def test_disable_then_enable(world, run):  # noqa: F811
    alpha = world.alpha.association
    assert PLUGIN in alpha.plugins
    assert all(plugin_perms() <= perms for perms in group_perms(alpha))
    assert DirectoryPage.can_create_at(world.alpha.root)

    status, out, err = run("disable_plugin", "alpha", PLUGIN)
    assert (status, err) == (0, "")
    assert out.strip() == (
        f"{PLUGIN} is now disabled for Alpha: its pages and data are kept; "
        "its page types can no longer be created."
    )
    alpha.refresh_from_db()
    assert PLUGIN not in alpha.plugins
    assert all(not (plugin_perms() & perms) for perms in group_perms(alpha))
    assert not DirectoryPage.can_create_at(world.alpha.root)
    # the other association is untouched
    beta = world.beta.association
    beta.refresh_from_db()
    assert PLUGIN in beta.plugins
    assert all(plugin_perms() <= perms for perms in group_perms(beta))

    status, out, err = run("enable_plugin", "alpha", PLUGIN)
    assert (status, err) == (0, "")
    assert out.strip() == (
        f"{PLUGIN} is now enabled for Alpha: its editors and moderators got the "
        "plugin's permissions."
    )
    alpha.refresh_from_db()
    assert alpha.plugins.count(PLUGIN) == 1
    assert all(plugin_perms() <= perms for perms in group_perms(alpha))
    assert DirectoryPage.can_create_at(world.alpha.root)


def test_disabling_keeps_existing_pages(world, run):  # noqa: F811
    root = world.alpha.root
    page = root.add_child(instance=DirectoryPage(title="Annuaire", slug="annuaire"))
    status, _out, err = run("disable_plugin", "alpha", PLUGIN)
    assert (status, err) == (0, "")
    assert DirectoryPage.objects.filter(pk=page.pk).exists()
    assert not DirectoryPage.can_create_at(root)


@pytest.mark.parametrize("command", ["enable_plugin", "disable_plugin"])
def test_idempotent(world, run, command):  # noqa: F811
    first = run(command, "beta", PLUGIN)
    before = (row_counts(), group_perms(world.beta.association))
    plugins = Association.objects.get(slug="beta").plugins
    status, out, err = run(command, "beta", PLUGIN)
    state = "enabled" if command == "enable_plugin" else "disabled"
    assert first[0] == 0
    assert (status, err) == (0, "")
    assert out.strip() == f"{PLUGIN} is already {state} for Beta."
    assert (row_counts(), group_perms(world.beta.association)) == before
    assert Association.objects.get(slug="beta").plugins == plugins


@pytest.mark.parametrize("command", ["enable_plugin", "disable_plugin"])
@pytest.mark.parametrize(
    "args, message",
    [
        (["nowhere", PLUGIN], "No association with the slug 'nowhere'."),
        (["alpha", "nothing"], "Unknown plugin(s): nothing. Installed: "),
    ],
)
def test_refusals_change_nothing(world, run, command, args, message):  # noqa: F811
    before = (row_counts(), group_perms(world.alpha.association))
    plugins = Association.objects.get(slug="alpha").plugins
    status, out, err = run(command, *args)
    assert status == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"CommandError: {message}")
    assert (row_counts(), group_perms(world.alpha.association)) == before
    assert Association.objects.get(slug="alpha").plugins == plugins


def test_missing_arguments_refused(world, run):  # noqa: F811
    status, out, err = run("enable_plugin", "alpha")
    assert status == 2
    assert "the following arguments are required: name" in err
