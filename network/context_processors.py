"""Template context every public page needs: the association, its languages."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Site

from network.languages import text_direction
from network.models import Association


def network(request):
    site = Site.find_for_request(request) if request is not None else None
    association = Association.for_site(site)
    language = translation.get_language() or settings.LANGUAGE_CODE
    names = dict(settings.LANGUAGES)
    codes = association.language_codes if association else [settings.LANGUAGE_CODE]
    return {
        "current_site": site,
        "association": association,
        "site_language_codes": codes,
        "language_names": names,
        # Theme texts (name, tagline, footer) are written once, in the
        # network's default language: templates mark them with its lang.
        "theme_language": settings.LANGUAGE_CODE,
        "text_direction": text_direction(language.split("-")[0]),
    }
