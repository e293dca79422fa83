"""``manage.py purge_directory_uploads``: delete forgotten import uploads.

An import upload is stored between its preview and its confirmation, and
deleted on confirmation or cancellation. This command deletes the ones that
were previewed and then abandoned, once they are older than
``--older-than-hours`` (24 by default). Run it hourly from cron::

    0 * * * *  cd /srv/maillage && .venv/bin/python manage.py purge_directory_uploads

``--dry-run`` lists what would be deleted.
"""

from django.core.management.base import BaseCommand, CommandError

from directory.uploads import MAX_AGE_HOURS, purge_uploads


class Command(BaseCommand):
    help = "Delete directory import uploads older than a day (never confirmed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-hours",
            type=float,
            default=MAX_AGE_HOURS,
            help=f"Age above which an upload is deleted (default {MAX_AGE_HOURS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List without deleting."
        )

    def handle(self, *args, **options):
        hours = options["older_than_hours"]
        if not hours >= 0 or hours == float("inf"):
            raise CommandError("--older-than-hours must be a number of hours >= 0.")
        dry_run = options["dry_run"]
        verb = "Would delete" if dry_run else "Deleted"
        count = 0
        for count, path in enumerate(purge_uploads(hours, dry_run=dry_run), start=1):
            if options["verbosity"] >= 1:
                self.stdout.write(f"{verb} {path} ({count})")
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {count} upload(s) older than {hours:g} h.")
        )
