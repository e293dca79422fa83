"""The core names no plugin, and works without one.

``network`` and ``sitepages`` find plugins only through the
``register_network_plugin`` hook: no import, label, URL, setting or class name
of a plugin may appear in them, not even in a string or a docstring. Removing
a plugin from ``INSTALLED_APPS`` leaves the rest working.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from network.plugins import get_plugins

ROOT = Path(__file__).resolve().parent.parent
CORE = ("network", "sitepages")
# network/settings lists the installed apps: naming them is its job.
SKIPPED = {ROOT / "network" / "settings"}
SUFFIXES = {".py", ".html", ".txt", ".js", ".css", ".po"}


def core_files():
    for package in CORE:
        for path in sorted((ROOT / package).rglob("*")):
            if path.suffix not in SUFFIXES or "migrations" in path.parts:
                continue
            if any(skipped in path.parents for skipped in SKIPPED):
                continue
            yield path


def name_patterns(name):
    """How code names a plugin: its module or label (``name.``, ``"name"``,
    ``name_…``, ``name:``, ``/name/``), its settings (``NAME_…``) and its
    classes (``Name…``). A plain English word in a sentence is not a name."""
    camel = name.capitalize()
    return re.compile(
        rf"(?<![\w-])(?:{name}\.[A-Za-z_]|[\"']{name}[\"']|{name}_\w|{name}:)|/{name}/"
        rf"|\b{name.upper()}_[A-Z]|\b{camel}[A-Z][a-z]"
    )


@pytest.mark.parametrize("name", sorted(get_plugins()))
def test_core_packages_name_no_plugin(name):
    pattern = name_patterns(name)
    hits = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in core_files()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert hits == []


def test_the_pattern_catches_names():
    pattern = name_patterns("journal")
    for named in (
        "from journal.models import X",
        'apps.get_model("journal.ArticlePage")',
        'plugin = get_plugin("journal")',
        "def journal_link():",
        "reverse('journal:feed')",
        "JOURNAL_PAGE_SIZE = 10",
        "class JournalIndexPage:",
        "url = '/api/journal/'",
    ):
        assert pattern.search(named), named
    assert not pattern.search("A journal of the network's news.")


WITHOUT_PLUGIN = """
from network.settings.test import *  # noqa
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != {app!r}]
NETWORK_PLUGIN_APPS = [app for app in NETWORK_PLUGIN_APPS if app != {app!r}]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
"""

SMOKE = """
from django.test import Client
from tests.factories import make_association
from network.plugins import get_plugins
hub = make_association("hub", hostname="localhost", is_hub=True, is_default_site=True)
assert {app!r} not in get_plugins(), list(get_plugins())
for path in ("/fr/", "/en/", "/sitemap.xml"):
    status = Client(HTTP_HOST="localhost").get(path).status_code
    assert status == 200, (path, status)
print("ok", sorted(get_plugins()))
"""


@pytest.mark.parametrize("app", ["directory", "tests.testplugin"])
def test_removing_a_plugin_leaves_the_rest_working(tmp_path, app):
    settings_dir = tmp_path / "without"
    settings_dir.mkdir()
    (settings_dir / "__init__.py").write_text("")
    (settings_dir / "settings.py").write_text(
        WITHOUT_PLUGIN.format(app=app, db=str(tmp_path / "db.sqlite3"))
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "without.settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
    }
    env.pop("DATABASE_URL", None)

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    check = manage("check")
    assert check.returncode == 0, check.stderr
    migrate = manage("migrate", "--noinput", "-v", "0")
    assert migrate.returncode == 0, migrate.stderr
    smoke = manage("shell", "-c", SMOKE.format(app=app.rsplit(".", 1)[-1]))
    assert smoke.returncode == 0, smoke.stderr
    assert smoke.stdout.strip().splitlines()[-1].startswith("ok ")
