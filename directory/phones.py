"""Phone numbers: validated and normalised with ``phonenumbers``.

The stored form is the *international* format (``+33 3 20 12 34 56``): it
is what an editor reads back in the form and what visitors see, it dials from
a foreign SIM card, and ``tel_uri`` turns it into E.164 (``tel:+33320123456``)
for tap-to-call links. Numbers typed without a country prefix are read in
``DIRECTORY_PHONE_REGION`` (``FR`` unless the environment says otherwise).

* ``normalise_phone(text)`` returns the international form or raises
  ``ValidationError`` (used by the entry form; the CSV importer should call
  it on the ``phone`` column and report the error with line and column);
* ``phone_error(text)`` gives the reason as a string, or ``None``;
* ``tel_uri(text)`` returns ``tel:+33…`` or ``""`` for display code.
"""

import os

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 40


def default_region() -> str:
    return (
        getattr(settings, "DIRECTORY_PHONE_REGION", None)
        or os.environ.get("DIRECTORY_PHONE_REGION")
        or "FR"
    ).upper()


def _parse(text: str, region: str | None = None):
    text = (text or "").strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    return phonenumbers.parse(text, region or default_region())


def normalise_phone(text: str, region: str | None = None) -> str:
    """``03 20 12 34 56`` -> ``+33 3 20 12 34 56``; "" stays "".

    Raises ``ValidationError`` (code ``invalid_phone``) for anything that is
    not a valid number.
    """
    text = (text or "").strip()
    if not text:
        return ""
    message = _(
        "Not a valid phone number: %(value)s. Write it as 03 21 00 00 00 "
        "or +33 3 21 00 00 00."
    )
    short = text if len(text) <= MAX_LENGTH else text[:MAX_LENGTH] + "…"
    params = {"value": short}
    if len(text) > MAX_LENGTH:
        raise ValidationError(message, code="invalid_phone", params=params)
    try:
        number = _parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(message, code="invalid_phone", params=params) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(message, code="invalid_phone", params=params)
    return phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )


def phone_error(text: str, region: str | None = None) -> str | None:
    """Why ``text`` is not a valid phone number, or ``None`` when it is."""
    try:
        normalise_phone(text, region)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return None


def tel_uri(text: str) -> str:
    """``tel:+33320123456`` for a valid number, ``""`` otherwise."""
    try:
        number = _parse(text)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return "tel:" + phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )
