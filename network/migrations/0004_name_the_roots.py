from django.conf import settings
from django.db import migrations

# The names Wagtail's own migrations give the page tree's root and the root
# collection; English words in every admin language.
WAGTAIL_ROOT_NAME = "Root"


def name_the_roots(apps, schema_editor):
    """Name the page tree's root and the root collection after the platform
    (``WAGTAIL_SITE_NAME``), a proper noun that reads the same in every
    language of the admin, instead of Wagtail's English "Root"."""
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    name = settings.WAGTAIL_SITE_NAME
    Page.objects.filter(depth=1, title=WAGTAIL_ROOT_NAME).update(
        title=name, draft_title=name
    )
    Collection.objects.filter(depth=1, name=WAGTAIL_ROOT_NAME).update(name=name)


def restore_root_names(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    name = settings.WAGTAIL_SITE_NAME
    Page.objects.filter(depth=1, title=name).update(
        title=WAGTAIL_ROOT_NAME, draft_title=WAGTAIL_ROOT_NAME
    )
    Collection.objects.filter(depth=1, name=name).update(name=WAGTAIL_ROOT_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_home_layout"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(name_the_roots, restore_root_names)]
