"""Public links to directory entries.

An entry's public page lives under a ``DirectoryPage`` (a routable page in
``directory.pages``). The link comes from the first live ``DirectoryPage`` of
the requesting site in the wanted language (then in the default language, then
on the hub): its ``organisation_url(organisation, request)`` builds it (or,
failing that, ``<DirectoryPage url>org/<id>/<slug>/``). A module-level
``directory.pages.organisation_url(organisation, request)``, if defined, takes
precedence. With no directory page at all, the site's language root is used. The page is
looked up once per request, so listing 100 entries costs no extra queries.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from wagtail.models import Site

from network.models import Association


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
        if self._base is None:
            self._base = self._find_base()
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
        associations = [Association.for_site(site)]
        hub = Association.objects.filter(is_hub=True).first()
        if hub and (associations[0] is None or hub.pk != associations[0].pk):
            associations.append(hub)
        for association in associations:
            if association is None:
                continue
            query = Q(pk__in=[])
            for path in association.tree_root_paths():
                query |= Q(path__startswith=path)
            pages = list(
                candidates.filter(query).select_related("locale").order_by("path")[:20]
            )
            pages.sort(key=lambda page: page.locale.language_code != self.language_code)
            for page in pages:
                url = page.get_url(self.request)
                if url:
                    self._page = page
                    return url if url.endswith("/") else url + "/"
        return fallback

    def url(self, organisation) -> str:
        if self._delegate is not None:
            return self._delegate(organisation, self.request)
        base = self.base_path()
        if self._page is not None and hasattr(self._page, "organisation_url"):
            path = self._page.organisation_url(organisation, self.request)
        else:
            path = f"{base}org/{organisation.pk}/{organisation.slug}/"
        if self.request is None or "://" in path:
            return path
        return self.request.build_absolute_uri(path)
