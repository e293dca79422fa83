"""The public pledge form, validated on the server.

Amounts are typed as text (``25``, ``25,50`` or ``25.50``) and refused when
non-numeric, zero or negative, below the 1-unit minimum, above
``PLEDGE_MAX_AMOUNT`` (setting, else environment, default 100000) or with more
decimals than the currency has. ``website`` is a honeypot: hidden from people,
filled by robots, and a filled one refuses the pledge.
"""

import os
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sitepages.appeals.formatting import money
from sitepages.appeals.models import PaymentMethod, PublicDisplay, currency_decimals

MIN_AMOUNT = Decimal("1")
DEFAULT_MAX_AMOUNT = "100000"


def max_amount() -> Decimal:
    raw = getattr(settings, "PLEDGE_MAX_AMOUNT", None) or os.environ.get(
        "PLEDGE_MAX_AMOUNT", DEFAULT_MAX_AMOUNT
    )
    return Decimal(str(raw))


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
        self.fields["amount"].help_text = _("Between %(min)s and %(max)s.") % {
            "min": money(MIN_AMOUNT, appeal.currency),
            "max": money(max_amount(), appeal.currency),
        }

    def clean_amount(self):
        raw = (self.cleaned_data.get("amount") or "").strip().replace(" ", "")
        raw = raw.replace("\u00a0", "").replace("\u202f", "").replace(",", ".")
        try:
            amount = Decimal(raw)
        except InvalidOperation:
            raise forms.ValidationError(
                _("Enter an amount in figures, such as 25.")
            ) from None
        if not amount.is_finite():
            raise forms.ValidationError(_("Enter an amount in figures, such as 25."))
        if amount <= 0:
            raise forms.ValidationError(_("The amount must be more than zero."))
        currency = self.appeal.currency
        if amount < MIN_AMOUNT:
            raise forms.ValidationError(
                _("The smallest pledge is %(min)s.")
                % {"min": money(MIN_AMOUNT, currency)}
            )
        if amount > max_amount():
            raise forms.ValidationError(
                _("The largest pledge is %(max)s.")
                % {"max": money(max_amount(), currency)}
            )
        decimals = currency_decimals(currency)
        if -amount.as_tuple().exponent > decimals and amount != amount.quantize(
            Decimal(1).scaleb(-decimals)
        ):
            raise forms.ValidationError(
                _("Use at most %(count)d decimals.") % {"count": decimals}
            )
        return amount.quantize(Decimal(1).scaleb(-decimals))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website") or self.data.get("website"):
            raise forms.ValidationError(_("This pledge could not be accepted."))
        return cleaned
