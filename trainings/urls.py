"""Volunteer URLs, mounted under the language prefix (``i18n_urls``).

``/<lang>/volunteers/``: allauth's flows (sign-up, login, logout, e-mail
confirmation, password reset and change) with the plugin's own sign-up, login
and confirmation views, then the dashboard, profile, data export, erasure and
printable certificates; ``/<lang>/certificates/<code>/``: the public check.
Every URL answers 404 on a site whose association has not enabled trainings.
"""

from allauth.account import urls as allauth_urls
from django.urls import URLPattern, include, path, re_path

from trainings import accounts, views

OWN_ACCOUNT_VIEWS = {
    "account_signup": accounts.VolunteerSignupView.as_view(),
    "account_login": accounts.VolunteerLoginView.as_view(),
    "account_confirm_email": accounts.VolunteerConfirmEmailView.as_view(),
}


def _account_patterns():
    patterns = []
    for pattern in allauth_urls.urlpatterns:
        if not isinstance(pattern, URLPattern):
            continue
        callback = OWN_ACCOUNT_VIEWS.get(pattern.name, pattern.callback)
        patterns.append(
            URLPattern(
                pattern.pattern,
                views.plugin_required(callback),
                pattern.default_args,
                pattern.name,
            )
        )
    return patterns


volunteer_patterns = [
    path("", views.dashboard, name="volunteer_dashboard"),
    path("profile/", views.profile_view, name="volunteer_profile"),
    path("data.json", views.data_json, name="volunteer_data"),
    path("delete/", views.delete_account, name="volunteer_delete"),
    re_path(
        r"^certificates/(?P<code>[A-Za-z0-9]{1,16})/$",
        views.certificate_view,
        name="volunteer_certificate",
    ),
    *_account_patterns(),
]

urlpatterns = [
    path("volunteers/", include(volunteer_patterns)),
    path(
        "certificates/<str:code>/",
        views.certificate_verify,
        name="certificate_verify",
    ),
]
