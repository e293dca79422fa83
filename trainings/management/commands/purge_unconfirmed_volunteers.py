"""``manage.py purge_unconfirmed_volunteers [--days 30] [--dry-run]``

Deletes volunteer accounts (users with a volunteer profile) whose e-mail was
never confirmed, older than ``--days`` days (30 by default). Any other
account, staff, superusers and members of any group (editors, moderators,
coordinators) are never touched. Shows progress, and
``--dry-run`` only counts.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from trainings.views import forget_login_traces


class Command(BaseCommand):
    help = "Delete volunteer accounts left unconfirmed for more than N days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days, dry_run, **options):
        from allauth.account.models import EmailAddress

        if days < 1:
            raise CommandError("--days must be at least 1")
        limit = timezone.now() - dt.timedelta(days=days)
        verified = EmailAddress.objects.filter(verified=True).values("user")
        unverified = EmailAddress.objects.filter(verified=False).values("user")
        users = (
            get_user_model()
            .objects.filter(
                volunteer_profile__isnull=False,
                pk__in=unverified,
                date_joined__lt=limit,
                is_staff=False,
                is_superuser=False,
                groups__isnull=True,
            )
            .exclude(pk__in=verified)
            .order_by("pk")
        )
        ids = list(users.values_list("pk", flat=True))
        total = len(ids)
        if dry_run:
            self.stdout.write(
                f"{total} unconfirmed account(s) older than {days} days "
                "would be deleted (dry run)."
            )
            return
        done = 0
        for start in range(0, total, 200):
            batch = ids[start : start + 200]
            with transaction.atomic():
                doomed = get_user_model().objects.filter(pk__in=batch)
                forget_login_traces(doomed)
                doomed.delete()
            done += len(batch)
            self.stdout.write(f"\r{done}/{total} deleted", ending="")
        self.stdout.write(f"\n{total} unconfirmed account(s) deleted.")
