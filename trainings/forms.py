"""Forms of the volunteer accounts: sign-up (allauth's, plus the name on her
certificates and her association) and her profile."""

from allauth.account.forms import SignupForm
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from network.models import Association
from trainings.models import VolunteerProfile


def training_associations():
    """Associations that run trainings (the plugin is enabled)."""
    return [
        a for a in Association.objects.order_by("name") if a.has_plugin("trainings")
    ]


class VolunteerSignupForm(SignupForm):
    """E-mail and password (allauth), her name and her association.

    Only the e-mail and the password are required: the association defaults
    to the site's, the name to the start of the e-mail address. The user and
    her profile are written in one transaction by ``VolunteerSignupView``: a
    refused sign-up leaves nothing behind.
    """

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        required=False,
        help_text=_(
            "As it should appear on your certificates. Left empty, the part of "
            "your e-mail address before the @ is used; you can change it in "
            "your profile."
        ),
    )
    association = forms.ModelChoiceField(
        label=_("The association you volunteer with"),
        queryset=Association.objects.none(),
        empty_label=None,
        required=False,
        help_text=_("Leave as it is if you volunteer with this site's association."),
    )

    field_order = ["email", "password1", "display_name", "association"]

    def __init__(self, *args, site_association=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site_association = site_association
        ids = [a.pk for a in training_associations()]
        self.fields["association"].queryset = Association.objects.filter(
            pk__in=ids
        ).order_by("name")
        if site_association is not None and site_association.pk in ids:
            self.fields["association"].initial = site_association.pk
        self.fields["email"].label = _("E-mail")

    def clean_association(self):
        association = self.cleaned_data.get("association")
        if association is None:
            site = self.site_association
            if site is None or not site.has_plugin("trainings"):
                raise forms.ValidationError(_("Choose your association."))
            association = site
        return association

    def custom_signup(self, request, user):
        super().custom_signup(request, user)
        VolunteerProfile.objects.create(
            user=user,
            association=self.cleaned_data["association"],
            display_name=self.cleaned_data["display_name"]
            or user.email.split("@")[0][:120],
            language=(get_language() or "fr").split("-")[0],
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = VolunteerProfile
        fields = ["display_name", "language"]
        labels = {"display_name": _("Your name"), "language": _("Language")}
