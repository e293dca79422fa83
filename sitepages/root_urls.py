"""Site-level URLs served outside the language prefix (one per hostname)."""

from django.urls import path

from sitepages import views

urlpatterns = [path("sitemap.xml", views.sitemap, name="sitemap")]
