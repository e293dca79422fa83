from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from network.management.base import NetworkCommand
from network.models import Association


class Command(NetworkCommand):
    help = "Add an existing user to an association's editors or moderators group."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the association's slug")
        parser.add_argument("username")
        parser.add_argument("--role", choices=["editor", "moderator"], default="editor")

    def handle(self, *args, slug, username, role, **options):
        association = Association.objects.filter(slug=slug).first()
        if association is None:
            raise CommandError(f"No association with the slug '{slug}'.")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named '{username}'. Create the account first.")
        group = (
            association.moderators_group
            if role == "moderator"
            else association.editors_group
        )
        if user.groups.filter(pk=group.pk).exists():
            self.stdout.write(f"{username} is already a {role} of {association.name}.")
            return
        user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(f"{username} is now a {role} of {association.name}.")
        )
