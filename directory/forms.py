"""Admin and import forms for the directory.

``OrganisationForm`` is the snippet edit form (``Organisation.base_form_class``):
it keeps the association field limited to the editor's own associations
(``network.forms.AssociationOwnedForm``), offers only the default-locale
categories, and turns the language and publics lists into friendly fields.
"""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from directory.choices import PublicChoices
from directory.languages import parse_language_list
from directory.phones import normalise_phone
from directory.widgets import LanguageSelect
from network.forms import AssociationOwnedForm


class LanguageListField(forms.CharField):
    """ISO 639-1 codes typed as ``fr;en;ar`` (commas and spaces also work)."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ";".join(value)
        return value

    def to_python(self, value):
        value = super().to_python(value) or ""
        value = value.replace(",", ";").replace(" ", ";")
        valid, invalid = parse_language_list(value)
        if invalid:
            raise forms.ValidationError(
                _("Not ISO 639-1 language codes: %(codes)s"),
                params={"codes": ", ".join(invalid)},
                code="invalid_language",
            )
        return valid


class OrganisationForm(AssociationOwnedForm):
    languages = LanguageListField(
        label=_("Languages spoken"),
        required=False,
        widget=LanguageSelect,
        help_text=_("Tick every language someone on site speaks."),
    )
    publics = forms.MultipleChoiceField(
        label=_("Publics"),
        required=False,
        choices=PublicChoices.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Who can come."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        if field is not None:
            Category = apps.get_model("directory", "Category")
            field.queryset = Category.objects.filter(locale=Locale.get_default())

    def clean_phone(self):
        """Any way of writing a number, stored in international form."""
        return normalise_phone(self.cleaned_data.get("phone", ""))
