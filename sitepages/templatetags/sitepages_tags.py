"""Template tags of the public site: navigation, languages, alternates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from network.languages import text_direction
from sitepages import cache

register = template.Library()


def _language_links(request, page, codes, current):
    """One entry per language the association publishes in.

    Each entry links to this page's live translation when it exists
    (``is_translation`` is then true, and base.html announces it with
    ``<link rel="alternate" hreflang>``). For a page without a translation in
    that language it links to the home page in that language; for other views
    (search, errors) to the same path in that language.
    """
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = cache.page_translation_urls(request, page)
    # A routable page's sub-route (a directory entry, its print view) and the
    # visitor's filters carry over to the other languages.
    carry = ""
    own_url = translations.get(current)
    if request is not None and own_url and request.path.startswith(own_url):
        carry = request.path[len(own_url) :]
        if request.META.get("QUERY_STRING"):
            carry += "?" + request.META["QUERY_STRING"]
    links = []
    for code in codes:
        info = translation.get_language_info(code)
        url = translations.get(code)
        if url is not None and carry:
            url += carry
        if url is None:
            url = f"/{code}/"
            if request is not None and not isinstance(page, Page):
                translated = translate_url(request.get_full_path(), code)
                if translated != request.get_full_path() or code == current:
                    url = translated
        links.append(
            {
                "code": code,
                "name": info.get("name_local", code),
                "url": url,
                "current": code == current,
                "is_translation": code in translations,
                "dir": text_direction(code),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Everything the header and footer need, from the cache when possible:
    ``home``, ``menu``, ``news`` (title/url/pk dicts), ``logo``, ``languages``
    and ``x_default`` (the URL announced as hreflang="x-default")."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    current = translation.get_language() or settings.LANGUAGE_CODE
    association = context.get("association")
    codes = association.language_codes if association else [settings.LANGUAGE_CODE]
    page = context.get("page")
    chrome = {"home": None, "menu": [], "news": None, "logo": None}
    if site is not None:
        chrome = dict(cache.site_chrome(request, site, current))
    chrome["languages"] = _language_links(request, page, codes, current)
    # hreflang="x-default": the first of the site's languages the page exists in
    chrome["x_default"] = next(
        (link["url"] for link in chrome["languages"] if link["is_translation"]), None
    )
    return chrome


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` made absolute for the current request (for hreflang links)."""
    request = context.get("request")
    if request is None or not url or "://" in url:
        return url
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The current page's ancestors from the home page, as title/url dicts."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or page.depth <= 2:
        return []
    return cache.page_breadcrumbs(context.get("request"), page)


@register.simple_tag(takes_context=True)
def link_href(context, target):
    """The URL of a link: a page, or a block value with a ``page`` or ``url``.

    A page in another language than the page being shown (e.g. a link copied
    into a translation that was not synchronised) is swapped for its
    translation in the current language when there is one.
    """
    page = target if isinstance(target, Page) else None
    if page is None and target is not None:
        page = target.get("page")
        if page is None:
            return target.get("url") or ""
    if page is None:
        return ""
    current = context.get("page")
    if isinstance(current, Page) and page.locale_id != current.locale_id:
        page = page.localized
    return page.get_url(context.get("request")) or ""
