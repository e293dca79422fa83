"""Create the default categories of the CSV contract in every locale."""

from django.db import migrations


def create_categories(apps, schema_editor):
    from directory.categories import ensure_default_categories

    ensure_default_categories(
        apps.get_model("directory", "Category"), apps.get_model("wagtailcore", "Locale")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("network", "0002_network_locales"),
    ]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
