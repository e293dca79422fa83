"""Language names, direction and dates come from CLDR (``network.languages``)."""

import datetime as dt

from django.conf import locale
from django.utils import translation

from directory.templatetags.directory_tags import format_date, format_weekday
from network.languages import (
    day_names,
    language_name,
    language_name_local,
    month_names,
    text_direction,
)


def test_names_in_every_language():
    assert language_name("ar", "fr") == "arabe"
    assert language_name("ti", "en") == "Tigrinya"
    assert language_name("prs", "en") == "Dari"
    assert language_name("fr", "ar") == "الفرنسية"
    assert [language_name_local(c) for c in ("ar", "ps", "prs", "ti", "am")] == [
        "العربية",
        "پښتو",
        "دری",
        "ትግርኛ",
        "አማርኛ",
    ]
    assert language_name_local("zz") == "zz"


def test_direction():
    assert [text_direction(c) for c in ("ar", "ps", "prs", "fa", "ur", "dv")] == [
        "rtl"
    ] * 6
    assert [text_direction(c) for c in ("fr", "en", "ti", "am", "ku", "zz")] == [
        "ltr"
    ] * 6


def test_django_learns_the_missing_languages_once():
    # Django's get_language_info() adds "name_translated" to the entry it
    # returns, so compare only the keys network supplies.
    prs = locale.LANG_INFO["prs"]
    assert {key: prs[key] for key in ("bidi", "code", "name", "name_local")} == {
        "bidi": True,
        "code": "prs",
        "name": "Dari",
        "name_local": "دری",
    }
    assert locale.LANG_INFO["am"]["bidi"] is False
    assert translation.get_language_info("ps")["bidi"] is True


def test_month_and_day_names_for_languages_django_lacks():
    assert month_names("ti")[11] == "ታሕሳስ"
    assert day_names("am")[0] == "ሰኞ"
    assert len(month_names("prs")) == 12 and len(day_names("ps")) == 7
    day = dt.date(2026, 12, 3)  # a Thursday
    with translation.override("ti"):
        assert format_date(day, today=dt.date(2026, 1, 1)) == "3 ታሕሳስ"
        assert format_weekday(day) == "ሓሙስ"
        assert format_date(day, today=dt.date(2027, 1, 1)) == "3 ታሕሳስ 2026"
    with translation.override("fr"):
        assert format_date(day, today=dt.date(2026, 1, 1)) == "3 décembre"
