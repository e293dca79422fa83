"""Template tags for every public page: identity, navigation, languages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from network.languages import RTL_LANGUAGES
from network.models import Association, ThemeSettings

register = template.Library()


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def site_display_name(context):
    site = _site(context)
    if site is None:
        return settings.WAGTAIL_SITE_NAME
    theme = ThemeSettings.for_request(context["request"])
    if theme.display_name:
        return theme.display_name
    association = Association.for_site(site)
    return (
        association.name
        if association
        else site.site_name or settings.WAGTAIL_SITE_NAME
    )


@register.simple_tag(takes_context=True)
def localized_home(context):
    site = _site(context)
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    """Pages shown in the main menu: live children of the localized home."""
    home = localized_home(context)
    if home is None:
        return []
    return list(
        home.get_children()
        .live()
        .in_menu()
        .public()
        .only(
            "id",
            "title",
            "url_path",
            "slug",
            "locale_id",
            "path",
            "depth",
            "draft_title",
            "live",
        )
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language the association publishes in, to this page's
    translation when it exists, otherwise to the home page in that language."""
    request = context.get("request")
    page = context.get("page")
    association = context.get("association")
    codes = association.language_codes if association else [settings.LANGUAGE_CODE]
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    translations = {}
    if isinstance(page, Page):
        for other in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            translations[other.locale.language_code] = other
    links = []
    for code in codes:
        info = translation.get_language_info(code) if code in names else {}
        target = translations.get(code)
        if target is not None:
            with translation.override(code):
                url = target.get_url(request)
        elif request is not None:
            url = translate_url(request.path, code)
            if url == request.path and code != current:
                url = f"/{code}/"
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": info.get("name_local", names.get(code, code)),
                "url": url,
                "current": code == current,
                "dir": "rtl" if code in RTL_LANGUAGES else "ltr",
            }
        )
    return links


@register.simple_tag
def text_direction_for(code):
    return "rtl" if (code or "").split("-")[0] in RTL_LANGUAGES else "ltr"


@register.simple_tag
def active_locale():
    return Locale.get_active()
