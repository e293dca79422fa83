"""Public directory API, served at /api/directory/ (outside the language prefix)."""

from django.urls import path

from directory import api

app_name = "directory_api"

urlpatterns = [
    path("organisations/", api.organisations, name="organisations"),
    path(
        "organisations.geojson",
        api.organisations_geojson,
        name="organisations_geojson",
    ),
    path("organisations.csv", api.organisations_csv, name="organisations_csv"),
    path("openapi.json", api.openapi, name="openapi"),
]
