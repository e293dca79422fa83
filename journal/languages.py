"""Language names (through Babel) and writing directions for the journal."""

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils import translation

from network.languages import RTL_LANGUAGES

# Babel (CLDR) has no locale "prs": Dari is written like Persian.
BABEL_CODES = {"prs": "fa_AF"}


def _babel(code):
    try:
        return Locale.parse(BABEL_CODES.get(code, code))
    except (UnknownLocaleError, ValueError):
        return None


def language_name(code, *, own=False):
    """``code``'s name in the current language, or in itself with ``own``."""
    target = _babel(code)
    reader = target if own else _babel(translation.get_language() or "fr")
    name = None
    if reader is not None:
        name = reader.languages.get(code)
    if not name and target is not None:
        name = target.get_display_name(reader or target)
    if not name:
        name = dict(settings.LANGUAGES).get(code, code)
    return name[:1].upper() + name[1:]


def language_dir(code):
    return "rtl" if code in RTL_LANGUAGES else "ltr"
