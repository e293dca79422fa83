"""A test-only URLconf: the install's URLs plus two admin views with an id
that no owner rule covers (used by ``test_admin_url_walk`` only)."""

from django.http import HttpResponse
from django.urls import path

from network.urls import urlpatterns as install_urlpatterns


def throwaway(request, **kwargs):
    """Shows whatever it is given: a plugin view whose author forgot the owner."""
    return HttpResponse(f"Beta secret {sorted(kwargs.items())}")


urlpatterns = [
    path("admin/throwaway/<int:secret_id>/", throwaway, name="throwaway_named"),
    path("admin/throwaway/pk/<int:pk>/", throwaway, name="throwaway_pk"),
    *install_urlpatterns,
]
