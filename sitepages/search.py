"""Site search: the pages of this site, then groups of results from plugins.

A plugin adds a group (its own kind of results, shown under its own heading
beside the pages) by implementing the ``register_site_search_provider``
Wagtail hook. The hook function is the provider itself: it is called with
the request, the cleaned query and the visitor's language, and returns a
``SearchGroup`` or ``None`` (nothing to show)::

    @hooks.register("register_site_search_provider")
    def things_in_site_search(request, query, language_code):
        found = ...  # at most SEARCH_GROUP_SIZE, in language_code
        return SearchGroup(
            key="things",
            heading=_("Things"),
            hits=[SearchHit(thing.name, thing.url, highlight(thing.text, query,
                  language_code)) for thing in found],
            count=total,
            more_url=..., more_label=...,
        )

sitepages never imports a plugin: it only reads this hook.
"""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from wagtail import hooks

SITE_SEARCH_PROVIDER_HOOK = "register_site_search_provider"
#: How many results a provider's group shows (it links to the rest).
SEARCH_GROUP_SIZE = 5


@dataclass
class SearchHit:
    """One result: its title, its URL and an excerpt (safe HTML with the
    matched words in ``<mark>``; ``network.search.highlight`` makes one)."""

    title: str
    url: str
    excerpt: SafeString | str = ""
    meta: str = ""


@dataclass
class SearchGroup:
    """A plugin's results for the site search."""

    key: str
    heading: str
    hits: list[SearchHit] = field(default_factory=list)
    count: int = 0
    more_url: str = ""
    more_label: str = ""


def provider_groups(request, query: str, language_code: str) -> list[SearchGroup]:
    """The groups every registered provider returns for ``query``."""
    groups = []
    for provider in hooks.get_hooks(SITE_SEARCH_PROVIDER_HOOK):
        group = provider(request, query, language_code)
        if group is not None and group.count:
            groups.append(group)
    return groups
