"""Amounts and numbers written for the reader's language (Babel, CLDR)."""

from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, format_decimal
from django.utils import translation

# Django language codes Babel spells differently
BABEL_LOCALES = {"prs": "fa_AF"}


def babel_locale(language=None) -> str:
    code = (language or translation.get_language() or "fr").replace("-", "_")
    code = BABEL_LOCALES.get(code, code)
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return "fr"
    return code


def money(amount, currency="EUR", language=None) -> str:
    """``1 240 €`` in French, ``€1,240`` in English; cents only when present."""
    amount = Decimal(amount or 0)
    locale = babel_locale(language)
    if amount != amount.to_integral_value():
        return format_currency(amount, currency, locale=locale)
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    whole = pattern.split(";")[0].replace(".00", "").replace(".0", "")
    return format_currency(
        amount, currency, format=whole, locale=locale, currency_digits=False
    )


def number(value, language=None) -> str:
    return format_decimal(value, locale=babel_locale(language))
