"""Languages of the network.

Django 5.2 ships no language info for Pashto (ps), Dari (prs) or Tigrinya (ti),
and does not list Pashto as right-to-left. Wagtail's ``Locale`` raises
``KeyError`` for a code Django does not know, so the missing entries are added
to ``django.conf.locale.LANG_INFO`` once, when the settings are imported.
"""

from django.conf import locale

EXTRA_LANG_INFO = {
    "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
    "prs": {"bidi": True, "code": "prs", "name": "Dari", "name_local": "دری"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}

# Interface and content languages: (code, English name). French is the default.
NETWORK_LANGUAGES = [
    ("fr", "French"),
    ("en", "English"),
    ("ar", "Arabic"),
    ("ps", "Pashto"),
    ("prs", "Dari"),
    ("ti", "Tigrinya"),
]

RTL_LANGUAGES = {"ar", "ps", "prs", "fa", "ur", "he", "ckb"}


def install_language_info():
    """Teach Django the languages it does not know yet (idempotent)."""
    for code, info in EXTRA_LANG_INFO.items():
        locale.LANG_INFO.setdefault(code, info)
    # Django's bidi list lives in settings.LANGUAGES_BIDI; Pashto is missing.
