"""The project's URLs with sitepages' per-site, every-language sitemap in
front (what network/urls.py should route /sitemap.xml to)."""

from django.urls import path

from network.urls import handler404, handler500
from network.urls import urlpatterns as network_urlpatterns
from sitepages.views import sitemap

urlpatterns = [path("sitemap.xml", sitemap, name="sitemap")] + network_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]
