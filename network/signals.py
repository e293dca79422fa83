"""Keep association rights in step with new translations of a home page."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page


@receiver(post_save)
def grant_rights_on_translated_home(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    from network.models import Association
    from network.provisioning import grant_tree_permissions

    association = Association.objects.filter(
        site__root_page__translation_key=instance.translation_key
    ).first()
    if association is not None:
        grant_tree_permissions(association, instance)
