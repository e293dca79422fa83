"""Amounts and numbers written for the reader's language (Babel, CLDR)."""

import re
import unicodedata
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    format_currency,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
)
from django.utils import translation

# Django language codes Babel spells differently
BABEL_LOCALES = {"prs": "fa_AF"}
# Arabic decimal and thousands separators, as typed on an Arabic keyboard
ARABIC_SEPARATORS = {"\u066b": ".", "\u066c": ","}


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


class AmountError(ValueError):
    """Text that is not an amount in figures."""


def _plain_digits(text: str) -> str:
    """Digits of any script as ASCII digits, Arabic separators as ``.`` and
    ``,``; spaces and currency signs dropped; ``1e9`` or ``0x10`` refused."""
    out = []
    for char in text:
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            out.append(str(digit))
        elif char in ARABIC_SEPARATORS:
            out.append(ARABIC_SEPARATORS[char])
        elif char in ".,'-+":
            out.append(char)
        elif char.isspace() or unicodedata.category(char) in ("Zs", "Sc", "Cf"):
            continue
        else:
            raise AmountError(text)
    return "".join(out)


def parse_amount(text, language=None) -> tuple[Decimal, int]:
    """Read an amount a person typed: ``25``, ``25,50``, ``1 240``, ``€1,240.50``,
    ``٢٥٫٥٠``. Returns the value and how many decimals were typed.

    One separator followed by three digits is read as the reader's thousands
    separator (``1,000`` in English) unless it is the reader's decimal sign
    (``1,000`` in French is one with three decimals: too many for a currency).
    """
    plain = _plain_digits(str(text or "").strip())
    sign = ""
    if plain[:1] in "+-" and plain:
        sign, plain = plain[0].replace("+", ""), plain[1:]
    if not plain or not re.fullmatch(r"[0-9][0-9.,']*", plain):
        raise AmountError(text)
    locale = babel_locale(language)
    decimal_sign = get_decimal_symbol(locale)
    separators = [char for char in plain if char in ".,'"]
    whole, decimals = plain, ""
    if separators:
        last = separators[-1]
        tail = plain.rsplit(last, 1)[1]
        is_decimal = separators.count(last) == 1 and (
            len(set(separators)) > 1
            or len(tail) != 3
            or last == decimal_sign
            or last != get_group_symbol(locale)
        )
        if is_decimal:
            whole, decimals = plain.rsplit(last, 1)
        groups = re.split(r"[.,']", whole)
        if len(groups) > 1 and (
            not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])
        ):
            raise AmountError(text)
        whole = "".join(groups)
    return Decimal(f"{sign}{whole}.{decimals or '0'}"), len(decimals)
