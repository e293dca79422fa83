from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def remove_wagtail_welcome_page(apps, schema_editor):
    """Wagtail's initial migration creates a "Welcome" page and a default
    Site; every site here belongs to an association, so both go."""
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    welcome = Page.objects.filter(depth=2, content_type=page_type)
    Site.objects.filter(root_page__in=welcome).delete()
    root = Page.objects.filter(depth=1).first()
    deleted = welcome.count()
    welcome.delete()
    if root is not None and deleted:
        root.numchild = Page.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_locales, migrations.RunPython.noop),
        migrations.RunPython(remove_wagtail_welcome_page, migrations.RunPython.noop),
    ]
