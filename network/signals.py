"""Keep association rights in step with new translations of a home page."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page


@receiver(post_save)
def grant_rights_on_translated_home(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    from network.models import Association
    from network.provisioning import grant_tree_permissions

    association = Association.for_page(instance)
    if association is not None:
        grant_tree_permissions(association, instance)


def _forget_site_lookups(sender, instance, **kwargs):
    """Drop the cached association and theme of the instance's site."""
    from network.models import Association, ThemeSettings

    cache.delete_many(
        [
            Association.cache_key_for_site(instance.site_id),
            ThemeSettings.cache_key_for_site(instance.site_id),
        ]
    )


def connect_cache_invalidation():
    from network.models import Association, ThemeSettings

    for model in (Association, ThemeSettings):
        post_save.connect(
            _forget_site_lookups, sender=model, dispatch_uid=f"forget-{model.__name__}"
        )
        post_delete.connect(
            _forget_site_lookups,
            sender=model,
            dispatch_uid=f"forget-d-{model.__name__}",
        )
