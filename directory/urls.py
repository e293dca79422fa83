"""Public directory API, served at /api/directory/ (outside the language prefix).

The URLs are those of the django-ninja API in ``directory.api``: the three
endpoints and ``openapi.json``.
"""

from directory.api import api

app_name = "directory_api"
urlpatterns = api.urls[0]
