from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from network.management.base import NetworkCommand
from network.provisioning import create_association


def _csv(value):
    return [item.strip() for item in value.split(",")] if value is not None else None


class Command(NetworkCommand):
    help = (
        "Create a member association: its Site, home page, collection, editors "
        "and moderators groups. Nothing is changed if any argument is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--hostname", required=True)
        parser.add_argument("--port", default="80")
        parser.add_argument("--languages", help="comma-separated, e.g. fr,en,ar")
        parser.add_argument("--plugins", help="comma-separated, e.g. directory")
        parser.add_argument("--city", default="")
        parser.add_argument("--hub", action="store_true", help="the network's hub")
        parser.add_argument("--default-site", action="store_true")

    def handle(self, *args, **options):
        try:
            association = create_association(
                name=options["name"],
                slug=options["slug"],
                hostname=options["hostname"],
                port=options["port"],
                languages=_csv(options["languages"]),
                plugins=_csv(options["plugins"]),
                city=options["city"],
                is_hub=options["hub"],
                is_default_site=options["default_site"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        site = association.site
        port = "" if site.port == 80 else f":{site.port}"
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {association.name} ({association.slug}) at "
                f"http://{site.hostname}{port}/ with languages "
                f"{','.join(association.languages)} and plugins "
                f"{','.join(association.plugins) or 'none'}."
            )
        )
