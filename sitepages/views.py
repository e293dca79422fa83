"""Public views of sitepages: site search and the per-site sitemap."""

import logging
import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site

from sitepages.sitemaps import SiteSitemap

#: Longer queries are cut to this length (and the visitor is told).
SEARCH_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10
#: Anything but letters, digits, spaces and apostrophes is dropped: quotes,
#: brackets and operators have a meaning in the database's full-text syntax.
SEARCH_NOISE = re.compile(r"[^\w\s']|_")

logger = logging.getLogger(__name__)


def search(request):
    """Search the live, public pages of this site in the current language.

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
    if query and site is not None:
        home = site.root_page.localized
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(home, inclusive=True)
            .filter(locale_id=home.locale_id)
            .search(query, operator="and")
        )
        try:
            results = Paginator(pages, SEARCH_RESULTS_PER_PAGE).get_page(
                request.GET.get("page")
            )
            results.object_list = list(results.object_list)
        except DatabaseError:
            # A query the search backend cannot parse: say so, never fail.
            logger.warning("Search query refused by the backend: %r", query)
            results = None
            messages.append(_("This search could not be run. Try other words."))
    return render(
        request,
        "sitepages/search.html",
        {
            "search_query": query,
            "search_max_length": SEARCH_MAX_LENGTH,
            "results": results,
            "search_messages": messages,
            "search_querystring": urlencode({"q": query}),
        },
    )


def sitemap(request):
    """``sitemap.xml`` of the requested site, in every language it publishes."""
    return wagtail_sitemap(request, sitemaps={"pages": SiteSitemap(request)})
