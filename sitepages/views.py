"""Public views of sitepages: site search and the per-site sitemap."""

import logging
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site

from network import search as network_search
from sitepages.search import SearchHit, provider_groups
from sitepages.sitemaps import SiteSitemap

#: Longer queries are cut to this length (and the visitor is told).
SEARCH_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10
#: Anything but letters, digits, spaces and apostrophes is dropped: quotes,
#: brackets and operators have a meaning in the database's full-text syntax.
SEARCH_NOISE = re.compile(r"[^\w\s']|_")

logger = logging.getLogger(__name__)


def search(request):
    """Search the live, public pages of this site in the current language,
    then the groups plugins add (``sitepages.search``).

    Each word matches as typed, through its stem or as the start of a word
    (``network.search.search_query``); each result has an excerpt with the
    matched words highlighted.

    The localized home page is the root of the site's tree in the active
    language (translations are siblings at depth 2), so searching its
    descendants keeps results to this site and this language. Empty, very
    long or odd queries and any ``?page=`` value render a page, never an error.
    """
    site = Site.find_for_request(request)
    raw_query = request.GET.get("q", "")
    if not isinstance(raw_query, str):
        raw_query = ""
    query = " ".join(SEARCH_NOISE.sub(" ", raw_query).split())
    messages = []
    if len(query) > SEARCH_MAX_LENGTH:
        query = query[:SEARCH_MAX_LENGTH]
        messages.append(
            _(
                "Your search was too long; only its first %(count)s characters "
                "were used."
            )
            % {"count": SEARCH_MAX_LENGTH}
        )
    results = None
    groups = []
    language_code = get_language() or settings.LANGUAGE_CODE
    if query and site is not None:
        home = site.root_page.localized
        language_code = home.locale.language_code
        search_query = network_search.search_query(query, [language_code], prefix=True)
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(home, inclusive=True)
            .filter(locale_id=home.locale_id)
            .specific()
        )
        try:
            results = Paginator(
                pages.search(search_query) if search_query else pages.none(),
                SEARCH_RESULTS_PER_PAGE,
            ).get_page(request.GET.get("page"))
            results.object_list = [
                page_hit(request, page, query, language_code)
                for page in results.object_list
            ]
        except DatabaseError:
            # A query the search backend cannot parse: say so, never fail.
            logger.warning("Search query refused by the backend: %r", query)
            results = None
            messages.append(_("This search could not be run. Try other words."))
        groups = provider_groups(request, query, language_code)
    return render(
        request,
        "sitepages/search.html",
        {
            "search_query": query,
            "search_max_length": SEARCH_MAX_LENGTH,
            "results": results,
            "search_groups": groups,
            "search_messages": messages,
            "search_querystring": urlencode({"q": query}),
        },
    )


def page_hit(request, page, query: str, language_code: str) -> SearchHit:
    """A page as a search result: its description (or text), highlighted."""
    text = page.search_description or " ".join(
        network_search.indexed_texts(page, exclude=("title", "search_description"))
    )
    return SearchHit(
        title=page.title,
        url=page.get_url(request),
        excerpt=network_search.highlight(text, query, language_code),
    )


def sitemap(request):
    """``sitemap.xml`` of the requested site, in every language it publishes."""
    return wagtail_sitemap(request, sitemaps={"pages": SiteSitemap(request)})
