"""Finding 3: one cache for every process.

Two app processes are simulated by two cache clients on the same database
table (what production gets without ``REDIS_URL``). An unpublish or a new view
restriction made through process B is gone from the menu served by process A
at once. The same scene with two per-process memory caches shows the stale
menu the finding was about, so the test proves the shared backend matters.
"""

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management.commands.createcachetable import (
    Command as CreateCacheTable,
)
from wagtail.models import PageViewRestriction

from network import cache as network_cache
from sitepages import cache as sitepages_cache
from tests.conftest import site_client

TABLE = "maillage_cache_security_test"


@pytest.fixture
def menu_page(world):
    from sitepages.models import ContentPage

    page = ContentPage(title="Permanence du mardi", slug="permanence-mardi")
    page.show_in_menus = True
    world.alpha.root.add_child(instance=page)
    page.save_revision(user=world.alpha.moderator).publish()
    return page


def _use(monkeypatch, process):
    """Serve the next requests as the process whose cache client is ``process``
    (the navigation and its version counters both read Django's cache)."""
    monkeypatch.setattr(sitepages_cache, "cache", process)
    monkeypatch.setattr(network_cache, "cache", process)


def _processes(shared):
    if shared:
        command = CreateCacheTable()
        command.verbosity = 0
        command.create_table("default", TABLE, dry_run=False)
        return DatabaseCache(TABLE, {}), DatabaseCache(TABLE, {})
    return LocMemCache("process-a", {}), LocMemCache("process-b", {})


def _menu_served_by(process, monkeypatch, world):
    _use(monkeypatch, process)
    response = site_client(world.alpha.association).get("/fr/")
    assert response.status_code == 200
    return "Permanence du mardi" in response.content.decode()


def _unpublish(page):
    page.unpublish()


def _restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


@pytest.mark.parametrize("change", [_unpublish, _restrict])
def test_a_change_in_one_process_is_seen_by_every_other(
    world, menu_page, monkeypatch, change
):
    process_a, process_b = _processes(shared=True)
    assert _menu_served_by(process_a, monkeypatch, world)  # warms A's entries
    _use(monkeypatch, process_b)
    change(menu_page)  # B bumps the content version
    assert not _menu_served_by(process_a, monkeypatch, world)


def test_per_process_memory_would_keep_the_stale_menu(world, menu_page, monkeypatch):
    process_a, process_b = _processes(shared=False)
    assert _menu_served_by(process_a, monkeypatch, world)
    _use(monkeypatch, process_b)
    _unpublish(menu_page)
    assert _menu_served_by(process_a, monkeypatch, world)  # the bug, reproduced
