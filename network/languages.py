"""Languages of the network: names and text direction from CLDR (Babel).

Django 5.2 ships no language info for Pashto (ps), Dari (prs), Tigrinya (ti)
or Amharic (am), and does not list Pashto as right-to-left. Wagtail's
``Locale`` raises ``KeyError`` for a code Django does not know, so the missing
entries are added to ``django.conf.locale.LANG_INFO`` once, when the settings
are imported: this module is the one place that does it. Names (in any
language), direction and month and day names come from Babel's CLDR data;
CLDR files Dari under ``fa_AF``, hence ``BABEL_CODES``.
"""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.conf import global_settings, locale
from django.utils.functional import lazy

# Codes Django uses that CLDR spells differently.
BABEL_CODES = {"prs": "fa_AF"}

# Interface and content languages, French (the default) first.
NETWORK_LANGUAGE_CODES = ["fr", "en", "ar", "ps", "prs", "ti"]
# Languages Django lacks, added to LANG_INFO from CLDR.
EXTRA_LANGUAGE_CODES = ["ps", "prs", "ti", "am"]


@lru_cache(maxsize=512)
def babel_locale(code: str) -> Locale | None:
    """Babel's locale for a Django language code, or None if CLDR lacks it."""
    code = code.replace("-", "_")
    try:
        return Locale.parse(BABEL_CODES.get(code, code))
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=2048)
def language_name(code: str, in_language: str = "en") -> str:
    """``code``'s name in ``in_language`` (``language_name("ar", "fr")`` is
    "arabe"); the language's own name when ``in_language == code``."""
    where = babel_locale(in_language)
    if where is not None:
        name = where.languages.get(BABEL_CODES.get(code, code)) or where.languages.get(
            code
        )
        if name:
            return name
    return code


def language_name_local(code: str) -> str:
    """The language's own name: العربية, پښتو, دری, ትግርኛ."""
    name = language_name(code, code)
    return name if name != code else language_name(code, "en")


@lru_cache(maxsize=512)
def is_rtl(code: str) -> bool:
    """True for a language written right to left (CLDR's character order)."""
    found = babel_locale(code)
    return found is not None and found.character_order == "right-to-left"


def text_direction(code: str) -> str:
    return "rtl" if is_rtl(code) else "ltr"


def month_names(code: str) -> list[str]:
    """January to December in ``code`` (from CLDR)."""
    names = babel_locale(code).months["format"]["wide"]
    return [names[number] for number in range(1, 13)]


def day_names(code: str) -> list[str]:
    """Monday to Sunday in ``code`` (from CLDR)."""
    names = babel_locale(code).days["format"]["wide"]
    return [names[number] for number in range(7)]


def language_name_in_current(code: str) -> str:
    """``code``'s name in the active language ("anglais" in French); in
    English when no language is active (management commands, migrations)."""
    from django.utils import translation

    return language_name(code, (translation.get_language() or "en").split("-")[0])


#: Lazy: each name reads in the visitor's or editor's language, so the
#: admin's language badges and choosers say "anglais" in French, not "English".
language_name_lazy = lazy(language_name_in_current, str)

NETWORK_LANGUAGES = [
    (code, language_name_lazy(code)) for code in NETWORK_LANGUAGE_CODES
]
# Django's LANGUAGES_BIDI: its own list plus the network's right-to-left
# languages it misses (Pashto, Dari). For any other code, ask ``is_rtl``.
RTL_LANGUAGES = frozenset(global_settings.LANGUAGES_BIDI) | {
    code for code in NETWORK_LANGUAGE_CODES if is_rtl(code)
}


def extra_lang_info() -> dict:
    return {
        code: {
            "bidi": is_rtl(code),
            "code": code,
            "name": language_name(code),
            "name_local": language_name_local(code),
        }
        for code in EXTRA_LANGUAGE_CODES
    }


def install_language_info():
    """Teach Django the languages it does not know yet (idempotent)."""
    for code, info in extra_lang_info().items():
        locale.LANG_INFO.setdefault(code, info)
