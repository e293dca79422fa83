from django.urls import path

from sitepages import views

urlpatterns = [path("search/", views.search, name="search")]
