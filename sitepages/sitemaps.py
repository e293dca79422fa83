"""The per-site sitemap, in every language of the site.

Wagtail's own ``Sitemap`` lists the descendants of ``site.root_page`` only.
Under wagtail-localize the translations of a site's home page are siblings of
it at depth 2, so the English and Arabic trees would be missing. This sitemap
lists the live, public pages of every translation of the requested site's
home page, and nothing from other sites.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        root = site.root_page
        roots = Page.objects.filter(
            depth=root.depth, translation_key=root.translation_key
        ).values_list("path", flat=True)
        in_trees = Q()
        for path in roots:
            in_trees |= Q(path__startswith=path)
        return (
            Page.objects.live()
            .public()
            .filter(in_trees)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
