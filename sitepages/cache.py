"""Cached navigation data, so that every public page stays within a small,
constant number of database queries.

What every page repeats (the localized home, the main menu, the logo, the news
index, the languages of the current page, the paths of private sections) is
computed once and kept in Django's cache, under keys that include a *content
version*. Publishing, unpublishing, moving or deleting a page, changing view
restrictions, theme settings or an association bumps the version (see
``connect_signals``), so stale navigation is never served: old keys simply
stop being read and expire.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from network.cache import CacheVersion
from network.logos import logo_data

CONTENT_VERSION = CacheVersion("sitepages")
TIMEOUT = 60 * 60  # one hour; the version makes stale entries unreachable


def content_version():
    return CONTENT_VERSION.get()


def bump_content_version(*args, **kwargs):
    CONTENT_VERSION.bump()


def _cached(name, *parts, compute):
    key = CONTENT_VERSION.key(name, *parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def restricted_paths():
    """Tree paths of every page with a view restriction (private sections)."""
    return _cached(
        "restricted",
        compute=lambda: list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        ),
    )


def exclude_private(queryset):
    """Like ``PageQuerySet.public()``, without a query once the cache is warm."""
    condition = Q()
    for path in restricted_paths():
        condition |= Q(path__startswith=path)
    return queryset.exclude(condition) if condition else queryset


def _page_link(page, request):
    return {"pk": page.pk, "title": page.title, "url": page.get_url(request)}


def _hub_link(site, language):
    """The network's hub, for a member site's "Member of …" link: its
    display name and its home page in ``language`` (or its first language);
    None on the hub itself or when the network has no hub."""
    from network.models import Association, ThemeSettings

    hub = (
        Association.objects.filter(is_hub=True)
        .exclude(site_id=site.pk)
        .select_related("site")
        .first()
    )
    if hub is None:
        return None
    codes = hub.language_codes
    code = language if language in codes else codes[0]
    theme = ThemeSettings.for_site(hub.site)
    return {
        "name": theme.display_name or hub.name,
        "url": f"{hub.site.root_url}/{code}/",
        "language": code,
    }


def site_chrome(request, site, language):
    """Home, menu, logo, news page and hub link of ``site`` in ``language``.

    Returns plain data (titles and URLs), cached per site and language.
    """

    def compute():
        from network.models import ThemeSettings
        from sitepages.models import NetworkNewsPage, NewsIndexPage

        locale = Locale.objects.filter(language_code=language).first()
        home = site.root_page
        if locale is not None and home.locale_id != locale.pk:
            home = home.get_translation_or_none(locale) or home
            if not home.live:
                home = site.root_page
        menu = exclude_private(
            home.get_children().live().in_menu().order_by("path")
        ).only("id", "title", "url_path", "path", "depth", "locale_id")
        # The site's news: the hub's is the network news, when it has one.
        news = None
        for model in (NetworkNewsPage, NewsIndexPage):
            news = news or (
                exclude_private(model.objects.live().child_of(home))
                .only("id", "title", "url_path", "path", "depth", "locale_id")
                .first()
            )
        theme = ThemeSettings.for_request(request)
        logo = logo_data(theme.logo) if theme.logo_id else None
        return {
            "home": _page_link(home, request),
            "logo": logo,
            "menu": [_page_link(page, request) for page in menu],
            "news": _page_link(news, request) if news else None,
            "hub": _hub_link(site, language),
        }

    return _cached("chrome", site.pk, language, compute=compute)


def page_translation_urls(request, page):
    """``{language_code: url}`` of the live translations of ``page``."""

    def compute():
        from django.utils import translation

        urls = {}
        for other in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            code = other.locale.language_code
            with translation.override(code):
                urls[code] = other.get_url(request)
        return urls

    return _cached("translations", page.pk, compute=compute)


def page_breadcrumbs(request, page):
    """Links to the ancestors of ``page`` below the tree root (home first)."""

    def compute():
        ancestors = (
            page.get_ancestors()
            .filter(depth__gt=1)
            .only("id", "title", "url_path", "path", "depth", "locale_id")
        )
        return [_page_link(ancestor, request) for ancestor in ancestors]

    return _cached("breadcrumbs", page.pk, compute=compute)


def associations_by_tree():
    """``{depth-2 path: association}`` for every translation of every site's
    home page: tells which association a page belongs to from its path."""

    def compute():
        from network.models import Association

        return {
            path: {"name": association.name, "slug": association.slug}
            for path, association in Association.by_tree_path().items()
        }

    return _cached("associations-by-tree", compute=compute)


def connect_signals():
    """Bump the content version whenever cached data may change."""
    from network.models import Association, ThemeSettings

    page_published.connect(bump_content_version, dispatch_uid="sitepages-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="sitepages-unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="sitepages-moved")
    post_save.connect(
        _theme_saved, sender=ThemeSettings, dispatch_uid="sitepages-theme"
    )
    post_delete.connect(
        bump_content_version, sender=ThemeSettings, dispatch_uid="sitepages-theme-del"
    )
    for model in (PageViewRestriction, Association, Locale):
        post_save.connect(
            bump_content_version, sender=model, dispatch_uid=f"sitepages-{model}"
        )
        post_delete.connect(
            bump_content_version,
            sender=model,
            dispatch_uid=f"sitepages-del-{model}",
        )
    post_delete.connect(_page_deleted, dispatch_uid="sitepages-page-deleted")


def _theme_saved(sender, instance, created=False, **kwargs):
    # A theme is created with its defaults on a site's first request; only
    # later edits can change what the cache holds (the logo).
    if not created:
        bump_content_version()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()
