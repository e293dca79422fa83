"""Signal handlers of the directory.

* A new ``Locale`` gets the default categories in its language, so that
  category names always show in the visitor's language.
* Saving or deleting a category clears the cached ``{slug: name}`` tables.
* Publishing, unpublishing, renaming or deleting a page forgets the cached
  URLs of the directory pages (``directory.links``).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from directory import links
from directory.categories import ensure_default_categories
from directory.models import Category


@receiver(post_save, sender=Locale, dispatch_uid="directory_locale_categories")
def add_categories_for_new_locale(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_default_categories(Category, Locale)
        Category.clear_cache()


@receiver(post_save, sender=Category, dispatch_uid="directory_category_saved")
@receiver(post_delete, sender=Category, dispatch_uid="directory_category_deleted")
def clear_category_cache(sender, **kwargs):
    Category.clear_cache()


@receiver(page_published, dispatch_uid="directory_links_published")
@receiver(page_unpublished, dispatch_uid="directory_links_unpublished")
@receiver(page_slug_changed, dispatch_uid="directory_links_slug")
@receiver(post_page_move, dispatch_uid="directory_links_moved")
@receiver(post_delete, sender=Page, dispatch_uid="directory_links_deleted")
def forget_directory_links(sender, **kwargs):
    links.invalidate()
