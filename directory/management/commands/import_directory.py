"""``manage.py import_directory FILE.csv --association SLUG [--dry-run] [--draft]``.

All or nothing: every row is validated first and each bad row is reported by
line number and column on stderr; nothing is imported if any row is bad, and
the command exits non-zero with a one-line reason. A progress bar is drawn on
stderr when it is a terminal. See ``directory.importers``.
"""

import sys

from django.core.management.base import CommandError

from directory.importers import DirectoryImporter, open_path
from network.management.base import NetworkCommand
from network.models import Association


class Command(NetworkCommand):
    help = "Import directory entries from a CSV file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="UTF-8 CSV file with the contract columns.")
        parser.add_argument(
            "--association", required=True, help="Slug of the owning association."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate and report what would change, without saving.",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Keep imported entries as drafts instead of publishing them.",
        )

    def handle(self, *args, **options):
        association = Association.objects.filter(slug=options["association"]).first()
        if association is None:
            raise CommandError(f"Unknown association: {options['association']}")
        path = options["file"]
        try:
            with open(path, "rb"):
                pass
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from None
        progress = self._progress if sys.stderr.isatty() else None
        importer = DirectoryImporter(
            association, draft=options["draft"], progress=progress
        )
        report = importer.run(open_path(path), dry_run=options["dry_run"])
        if progress:
            sys.stderr.write("\n")
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            if report.truncated:
                self.stderr.write("(stopped after too many errors)")
            raise CommandError(report.summary())
        self.stdout.write(report.summary())

    @staticmethod
    def _progress(done, total):
        width = 30
        filled = int(width * done / total) if total else width
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} rows"
        )
        sys.stderr.flush()
