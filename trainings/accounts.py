"""allauth's account views, mounted under ``/<lang>/volunteers/``.

The sign-up view adds the volunteer's name and association and writes the
account in one transaction (a refused sign-up leaves nothing behind), and
every flow ends on the volunteer's dashboard. ``trainings.urls`` answers 404
for all of them where the site's association has not enabled trainings.
"""

from allauth.account import views as allauth_views
from django.db import transaction
from django.urls import reverse, reverse_lazy

from trainings.forms import VolunteerSignupForm
from trainings.views import site_association


class VolunteerSignupView(allauth_views.SignupView):
    success_url = reverse_lazy("volunteer_dashboard")

    def get_form_class(self):
        return VolunteerSignupForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["site_association"] = site_association(self.request)
        return kwargs

    def get_success_url(self):
        return self.get_next_url() or str(self.success_url)

    def form_valid(self, form):
        with transaction.atomic():
            return super().form_valid(form)


class VolunteerLoginView(allauth_views.LoginView):
    def get_default_success_url(self):
        return reverse("volunteer_dashboard")


class VolunteerConfirmEmailView(allauth_views.ConfirmEmailView):
    def get_redirect_url(self):
        return self.get_next_url() or reverse("volunteer_dashboard")
