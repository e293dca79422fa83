"""Shared fixtures for the Playwright browser tests (Debian's Chromium).

Run them with ``make browser`` or ``.venv/bin/pytest -m browser tests/browser``
(the default ``pytest`` run deselects them). Never run ``playwright install``:
the tests drive ``/usr/bin/chromium`` (``apt-get install chromium``).

- Without Chromium the tests are skipped on a developer's machine, but fail
  when the ``CI`` environment variable is set: CI must never skip them.
- ``live_server`` tests are transactional: the database is emptied after each
  test, so every fixture here rebuilds what it needs through the real
  provisioning code, with ``serialized_rollback`` restoring the rows created by
  migrations (locales, the root page, the directory categories).
- Sites are served on the live server's port. Chromium maps every
  ``*.localhost`` name to 127.0.0.1, so a member site is reached at
  ``http://exod.localhost:<port>/``.
"""

import os
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

from network.provisioning import create_association

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP *.localhost 127.0.0.1",
]
# WCAG 2.2 level A and AA rules of axe-core.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}
PHONE_VIEWPORT = {"width": 360, "height": 740}
DESKTOP_VIEWPORT = {"width": 1280, "height": 800}


def require_chromium():
    if Path(CHROMIUM).exists():
        return
    message = (
        f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` "
        "(never `playwright install`)."
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session", autouse=True)
def allow_async_unsafe():
    """Playwright's sync API runs an event loop in the main thread, and Django
    refuses database access from async contexts unless told otherwise.

    Set only while browser tests run: the rest of the suite (and the
    ``check --deploy`` subprocesses it starts) must not inherit it.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch arguments, pointed at Debian's Chromium."""
    require_chromium()
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP_VIEWPORT}


@dataclass
class LiveNetwork:
    """The associations of a network served by ``live_server``."""

    port: int
    associations: dict

    def url(self, slug, path="/"):
        site = self.associations[slug].site
        return f"http://{site.hostname}:{self.port}{path}"


def _live_port(live_server):
    return int(live_server.url.rsplit(":", 1)[1])


@pytest.fixture
def live_db(transactional_db, django_db_serialized_rollback):
    """A transactional database whose migration rows survive each test."""
    cache.clear()  # cached navigation or settings must not outlive the rows
    yield
    cache.clear()


@pytest.fixture
def small_network(live_db, live_server):
    """A hub at ``localhost`` and one member, ``exod.localhost``, in fr/en/ar,
    on the live server's port; fast to build, with empty home pages."""
    port = _live_port(live_server)
    hub = create_association(
        name="Plateforme",
        slug="plateforme",
        hostname="localhost",
        port=port,
        languages=["fr", "en", "ar"],
        is_hub=True,
        is_default_site=True,
    )
    exod = create_association(
        name="EXOD Lille",
        slug="exod",
        hostname="exod.localhost",
        port=port,
        languages=["fr", "en", "ar"],
        city="Lille",
    )
    return LiveNetwork(port=port, associations={"plateforme": hub, "exod": exod})


@pytest.fixture
def demo_network(live_db, live_server):
    """The whole ``load_demo`` network (four sites, their pages, the directory)
    on the live server's port. About 20 seconds to build."""
    from network.models import Association

    port = _live_port(live_server)
    call_command("load_demo", "--port", str(port), "--skip-index", stdout=StringIO())
    return LiveNetwork(
        port=port,
        associations={a.slug: a for a in Association.objects.select_related("site")},
    )


@pytest.fixture
def axe():
    """Run axe-core's WCAG 2.2 A/AA rules on a page; return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    runner = Axe()

    def run(page):
        results = runner.run(page, options=AXE_OPTIONS)
        return results.response["violations"], results.generate_report()

    return run


@pytest.fixture
def screenshot():
    """Save a screenshot under docs/screenshots/ (the README shows them)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name):
        path = SCREENSHOTS / name
        page.screenshot(path=str(path))
        return path

    return save
