"""Public links to directory entries.

An entry's public page lives under a ``DirectoryPage`` (a routable page in
``directory.pages``). The link comes from the first live ``DirectoryPage`` of
the requesting site in the wanted language (then in the default language, then
on the hub): the page's URL plus its ``organisation`` sub-route (or, failing
that, ``<DirectoryPage url>org/<id>/<slug>/``). A module-level
``directory.pages.organisation_url(organisation, request)``, if defined, takes
precedence. With no directory page at all, the site's language root is used. The page is
looked up once per request, so listing 100 entries costs no extra queries.
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.urls import NoReverseMatch
from wagtail.models import Page, Site

from network.cache import CacheVersion
from network.models import Association

CACHE_SECONDS = 300
LINK_BASE_VERSION = CacheVersion("directory:link-base")


def invalidate(**kwargs):
    """Forget cached directory page URLs (connected in ``directory.signals``)."""
    LINK_BASE_VERSION.bump()


def _directory_page_model():
    try:
        return apps.get_model("directory", "DirectoryPage")
    except LookupError:
        return None


def _pages_linker():
    try:
        from directory import pages
    except ImportError:
        return None
    return getattr(pages, "organisation_url", None)


class DetailLinker:
    def __init__(self, request, language_code=None):
        self.request = request
        self.language_code = language_code or settings.LANGUAGE_CODE
        self._base = None
        self._page = None
        self._delegate = _pages_linker()

    def base_path(self) -> str:
        """The directory page URL for this site and language (cached).

        Cached for ``CACHE_SECONDS`` under a key that changes whenever any
        page is published, unpublished, moved or deleted.
        """
        if self._base is None:
            site = Site.find_for_request(self.request) if self.request else None
            key = None
            if site is not None:
                # The root page's translation key is unique to this tree
                # (Site.find_for_request loads the root page with the site).
                key = LINK_BASE_VERSION.key(
                    site.pk, site.root_page.translation_key, self.language_code
                )
                cached = cache.get(key)
                if cached is not None:
                    self._base, has_page = cached
                    if has_page:
                        self._page = _directory_page_model()()
                    return self._base
            self._base = self._find_base()
            if key is not None:
                cache.set(key, (self._base, self._page is not None), CACHE_SECONDS)
        return self._base

    def _find_base(self) -> str:
        fallback = f"/{self.language_code}/"
        model = _directory_page_model()
        site = Site.find_for_request(self.request) if self.request else None
        if model is None or site is None:
            return fallback
        candidates = model.objects.live().filter(
            locale__language_code__in={self.language_code, settings.LANGUAGE_CODE}
        )
        url = self._first_url(candidates, site.root_page_id)
        if url is None:
            hub = Association.objects.filter(is_hub=True).select_related("site")
            hub = hub.first()
            if hub and hub.site.root_page_id != site.root_page_id:
                url = self._first_url(candidates, hub.site.root_page_id)
                if url:
                    url = hub.site.root_url + url
        return url or fallback

    def _first_url(self, candidates, root_page_id):
        """Path of the best directory page under a home page or its translations.

        Computed from ``url_path`` (as Wagtail does with language-prefixed
        URLs: ``/<language>/<path below the home page>``) so that no per-page
        site lookup is needed.
        """
        roots = dict(
            Page.objects.filter(
                depth=2,
                translation_key__in=Page.objects.filter(pk=root_page_id).values(
                    "translation_key"
                ),
            ).values_list("path", "url_path")
        )
        query = Q(pk__in=[])
        for path in roots:
            query |= Q(path__startswith=path)
        pages = list(
            candidates.filter(query).select_related("locale").order_by("path")[:20]
        )
        pages.sort(key=lambda page: page.locale.language_code != self.language_code)
        for page in pages:
            root_url_path = roots.get(page.path[: 2 * page.steplen])
            if root_url_path and page.url_path.startswith(root_url_path):
                self._page = page
                below = page.url_path[len(root_url_path) :]
                return f"/{page.locale.language_code}/{below}"
        return None

    def url(self, organisation) -> str:
        if self._delegate is not None:
            return self._delegate(organisation, self.request)
        base = self.base_path()
        path = f"{base}org/{organisation.pk}/{organisation.slug}/"
        if self._page is not None and hasattr(self._page, "reverse_subpage"):
            try:
                path = base + self._page.reverse_subpage(
                    "organisation",
                    kwargs={"pk": organisation.pk, "slug": organisation.slug},
                )
            except NoReverseMatch:
                pass
        if self.request is None or "://" in path:
            return path
        return self.request.build_absolute_uri(path)
