"""The directory's group in the site search (``sitepages.search``).

On a site whose association enables the directory, a search also lists the
directory entries matching the words, in the visitor's language: the entries
the site's directory page lists (the whole network, or only the
association's own when the page says so), found as the directory's ``q``
filter finds them. The group links to the directory page with the same
words, where every result and the filters are.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Site

from directory.filters import public_organisations, search_q
from directory.links import DetailLinker
from directory.pages import DirectoryPage
from directory.plugin import PLUGIN
from network.models import Association
from network.search import highlight
from sitepages.search import SEARCH_GROUP_SIZE, SearchGroup, SearchHit


def directory_page_for(site, language_code):
    """The site's live, public directory page in ``language_code``, if any."""
    home = site.root_page.localized
    return (
        DirectoryPage.objects.live()
        .public()
        .descendant_of(home)
        .filter(locale__language_code=language_code)
        .order_by("path")
        .first()
    )


def site_search_group(request, query: str, language_code: str):
    site = Site.find_for_request(request)
    association = Association.for_site(site)
    if association is None or not association.has_plugin(PLUGIN.name):
        return None
    page = directory_page_for(site, language_code)
    entries = (
        page.base_queryset(language_code)
        if page is not None
        else public_organisations(language_code)
    )
    entries = entries.filter(search_q(query, language_code)).order_by("name", "pk")
    count = entries.count()
    if not count:
        return None
    linker = DetailLinker(request, language_code)
    hits = [
        SearchHit(
            title=entry.name,
            url=linker.url(entry),
            excerpt=highlight(entry.description, query, language_code),
            meta=entry.city,
        )
        for entry in entries[:SEARCH_GROUP_SIZE]
    ]
    more_url = more_label = ""
    base = page.get_url(request) if page is not None else linker.base_path()
    if base:
        more_url = f"{base}?{urlencode({'q': query})}#results"
        more_label = ngettext(
            "See the %(count)s place in the directory",
            "See the %(count)s places in the directory",
            count,
        ) % {"count": count}
    return SearchGroup(
        key="directory",
        heading=_("Places in the directory"),
        hits=hits,
        count=count,
        more_url=more_url,
        more_label=more_label,
    )
