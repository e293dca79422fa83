"""Template tags for every public page: identity, navigation, languages."""

from django import template
from django.conf import settings
from wagtail.models import Site

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
