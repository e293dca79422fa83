"""The public pledge form, validated on the server.

Amounts are typed as text in the reader's way (``25``, ``25,50``, ``1 240``,
``1,240.50``, Arabic-Indic digits; see ``formatting.parse_amount``) and
refused when non-numeric (``1e9``, ``NaN``), zero or negative, below the
1-unit minimum, above ``PLEDGE_MAX_AMOUNT`` (setting, else environment,
default 100000; never above what the ledger's columns hold) or with more
decimals than the currency has. The ways to give offered are those the
appeal gives instructions for (``AppealPage.payment_methods``). ``website``
is a honeypot: hidden from people, filled by robots, and a filled one refuses
the pledge.
"""

import os
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sitepages.appeals.formatting import AmountError, money, parse_amount
from sitepages.appeals.models import PaymentMethod, PublicDisplay, currency_decimals

MIN_AMOUNT = Decimal("1")
DEFAULT_MAX_AMOUNT = "100000"


# the largest amount ``Pledge.amount`` (12 digits, 2 decimals) holds
LEDGER_MAX_AMOUNT = Decimal("9999999999.99")


def max_amount() -> Decimal:
    raw = getattr(settings, "PLEDGE_MAX_AMOUNT", None) or os.environ.get(
        "PLEDGE_MAX_AMOUNT", DEFAULT_MAX_AMOUNT
    )
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value < MIN_AMOUNT:
        raise ImproperlyConfigured(
            f"PLEDGE_MAX_AMOUNT={raw!r}: expected an amount of at least 1."
        )
    return min(value, LEDGER_MAX_AMOUNT)


class PledgeForm(forms.Form):
    amount = forms.CharField(
        label=_("Amount"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "autocomplete": "transaction-amount"}
        ),
    )
    payment_method = forms.ChoiceField(
        label=_("How will you give?"),
        choices=PaymentMethod.choices,
        initial=PaymentMethod.TRANSFER,
        widget=forms.RadioSelect,
    )
    donor_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=160,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    public_display = forms.ChoiceField(
        label=_("On the list of supporters"),
        choices=PublicDisplay.choices,
        initial=PublicDisplay.ANONYMOUS,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label=_("Your e-mail (optional, to receive the instructions)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("A message for the association (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent_to_contact = forms.BooleanField(
        label=_("The association may contact me about this appeal."),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I understand that this is a promise to give, and that my details "
            "are used only to process it."
        ),
        error_messages={"required": _("Please tick this box to confirm.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, appeal, **kwargs):
        self.appeal = appeal
        super().__init__(*args, **kwargs)
        methods = appeal.payment_methods()
        self.fields["payment_method"].choices = [(m.value, m.label) for m in methods]
        self.fields["payment_method"].initial = methods[0].value
        self.fields["amount"].help_text = _("Between %(min)s and %(max)s.") % {
            "min": money(MIN_AMOUNT, appeal.currency),
            "max": money(max_amount(), appeal.currency),
        }

    def clean_amount(self):
        try:
            amount, typed_decimals = parse_amount(self.cleaned_data.get("amount"))
        except AmountError:
            raise forms.ValidationError(
                _("Enter an amount in figures, such as 25."), code="invalid"
            ) from None
        currency = self.appeal.currency
        if amount <= 0:
            raise forms.ValidationError(
                _("The amount must be more than zero."), code="min_value"
            )
        if amount < MIN_AMOUNT:
            raise forms.ValidationError(
                _("The smallest pledge is %(min)s.")
                % {"min": money(MIN_AMOUNT, currency)},
                code="min_value",
            )
        if amount > max_amount():
            raise forms.ValidationError(
                _("The largest pledge is %(max)s.")
                % {"max": money(max_amount(), currency)},
                code="max_value",
            )
        decimals = currency_decimals(currency)
        if typed_decimals > decimals:
            raise forms.ValidationError(
                ngettext(
                    "Use at most %(count)d decimal.",
                    "Use at most %(count)d decimals.",
                    decimals,
                )
                % {"count": decimals},
                code="max_decimal_places",
            )
        return amount.quantize(Decimal(1).scaleb(-decimals))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website") or self.data.get("website"):
            raise forms.ValidationError(_("This pledge could not be accepted."))
        return cleaned
