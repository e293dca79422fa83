"""The test plugin's models: one page type and two association-owned models.

Installed only by ``network.settings.test``; it exercises the plugin contract
without the directory: ``NoticePage`` goes under a content page, ``Notice``
is a snippet and ``Contact`` a plain model, both ``AssociationOwned``.
"""

from django.db import models
from wagtail.models import Page

from network.permissions import AssociationOwned
from sitepages.models import BasePage


class NoticePage(BasePage):
    """A page a plugin adds under the core's content pages."""

    summary = models.CharField(max_length=200, blank=True)

    content_panels = Page.content_panels
    parent_page_types = ["sitepages.ContentPage"]
    subpage_types = []


class Notice(AssociationOwned):
    """A snippet owned by one association."""

    title = models.CharField(max_length=200)

    def __str__(self):
        return self.title


class Contact(AssociationOwned):
    """A plain model owned by one association, shown through a ModelViewSet."""

    name = models.CharField(max_length=200)

    def __str__(self):
        return self.name
