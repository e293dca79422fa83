"""CSV import of directory entries (the contract in ARCHITECTURE.md).

Two streaming passes over the file, so memory stays flat whatever its size:

1. ``validate``: every row is checked (encoding, columns, required cells,
   categories, coordinates, language codes, opening hours, e-mail, website,
   wheelchair, lengths, duplicate ids). Each problem is reported with its line
   number and column. If anything is wrong, nothing is imported.
2. ``run``: in one transaction, rows are written in batches with bulk
   operations. A row whose ``external_id`` already exists for the association
   updates that entry; other rows create entries. Entries are published at
   once (a revision is created for each and becomes the live revision) unless
   ``draft=True``: new entries are then drafts and existing live entries keep
   their public content, with the imported version saved as a draft revision.
   The search index is updated in bulk.
   Every entry written gets Wagtail log entries, in bulk too: a
   ``directory.import`` entry (created or updated, with the import's
   revision and user), then ``wagtail.publish`` when it was published, so the
   entry's History tab shows the import like any other edit.

Used by ``manage.py import_directory`` and by the admin import view.
"""

import codecs
import csv
import io
import math
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter, get_active_log_context
from wagtail.log_actions import registry as log_registry
from wagtail.models import Locale, Revision

from directory import opening
from directory.csvformat import (
    COLUMNS,
    MULTI_SEPARATOR,
    REQUIRED_COLUMNS,
    unescape_cell,
)
from directory.languages import parse_language_list
from directory.models import Category, Organisation, list_index

BATCH_SIZE = 500
SAMPLE_ROWS = 10
MAX_ERRORS = 1000
LIMITS = {
    "external_id": 100,
    "name": 200,
    "address": 255,
    "postcode": 20,
    "city": 120,
    "phone": 40,
    "email": 254,
    "website": 200,
    "opening_hours": 255,
}
WHEELCHAIR_VALUES = {"", "yes", "no", "limited"}
# Fields an import writes (the CSV columns, minus the relations).
IMPORTED_FIELDS = [
    "name",
    "description",
    "address",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "languages",
    "language_index",
    "opening_hours",
    "audience",
    "wheelchair",
]
# Of those, the ones shared by every translation of an entry.
SYNCHRONISED_FIELDS = [
    "address",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "languages",
    "language_index",
    "opening_hours",
    "wheelchair",
]


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def __str__(self):
        if self.column:
            return _("line %(line)s, column %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("line %(line)s: %(message)s") % {
            "line": self.line,
            "message": self.message,
        }


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)
    dry_run: bool = False
    draft: bool = False
    truncated: bool = False
    # The first rows as read, for the admin preview.
    sample: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error_lines(self) -> list[int]:
        return sorted({error.line for error in self.errors})

    def summary(self) -> str:
        if self.errors:
            lines = self.error_lines()
            shown = ", ".join(str(line) for line in lines[:20])
            more = "…" if len(lines) > 20 else ""
            return _(
                "Nothing imported: %(count)s error(s) on line(s) %(lines)s%(more)s."
            ) % {"count": len(self.errors), "lines": shown, "more": more}
        if self.dry_run:
            return _(
                "Dry run: %(rows)s valid row(s); %(created)s would be created, "
                "%(updated)s updated. Nothing was saved."
            ) % {"rows": self.rows, "created": self.created, "updated": self.updated}
        return _(
            "Imported %(rows)s row(s): %(created)s created, "
            "%(updated)s updated%(draft)s."
        ) % {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "draft": _(" (as drafts)") if self.draft else "",
        }


INDEXED_FIELDS = ["name", "description", "address", "city", "audience"]


def _indexed_signature(obj, category_ids):
    """What the search index holds for ``obj`` (to skip unchanged rows)."""
    return (
        tuple(getattr(obj, name) for name in INDEXED_FIELDS),
        tuple(sorted(category_ids)),
    )


def update_rows(model, objects, field_names):
    """``UPDATE ... WHERE id = ?`` for each object with one ``executemany``.

    Django's ``bulk_update`` builds a CASE expression per field and row,
    which is slow for thousands of rows; this sends one prepared statement.
    """
    objects = [obj for obj in objects if obj.pk]
    if not objects:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    params = [
        [
            field.get_db_prep_save(getattr(obj, field.attname), connection)
            for field in fields
        ]
        + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


class ImportAbort(Exception):
    """A file-level problem (not CSV, missing columns): nothing can be read."""

    def __init__(self, error: RowError):
        super().__init__(str(error))
        self.error = error


def _decoded_lines(binary, errors_out):
    """Yield text lines from a binary file, recording undecodable lines."""
    decoder_bom = True
    for number, raw in enumerate(binary, start=1):
        if decoder_bom:
            decoder_bom = False
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors_out.append(
                RowError(
                    number,
                    "",
                    _(
                        "not UTF-8 (byte 0x%(byte)02x at position %(position)s); "
                        "save the file as CSV UTF-8."
                    )
                    % {"byte": raw[exc.start], "position": exc.start + 1},
                )
            )
            yield raw.decode("utf-8", errors="replace")


def _rows(binary, errors_out):
    """(line number, {column: cell}) for each data row; checks the header."""
    lines = _decoded_lines(binary, errors_out)
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportAbort(RowError(1, "", _("the file is empty."))) from None
    except csv.Error as exc:
        raise ImportAbort(RowError(1, "", _("not a CSV file (%s).") % exc)) from None
    header = [cell.strip().lower() for cell in header]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise ImportAbort(
            RowError(
                1,
                "",
                _("missing column(s): %(columns)s. Expected columns: %(all)s.")
                % {"columns": ", ".join(missing), "all": ", ".join(COLUMNS)},
            )
        )
    positions = {column: header.index(column) for column in COLUMNS}
    last_line = reader.line_num
    while True:
        start = last_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            errors_out.append(RowError(reader.line_num, "", _("bad CSV: %s") % exc))
            last_line = reader.line_num
            continue
        last_line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(header):
            cells = cells + [""] * (len(header) - len(cells))
        yield (
            start,
            {
                column: unescape_cell(cells[index].strip())
                for column, index in positions.items()
            },
        )


#: The log action of an imported entry (registered in ``directory.wagtail_hooks``).
IMPORT_ACTION = "directory.import"


class ImportLogFormatter(LogFormatter):
    """How an import reads in an entry's history and in the site history."""

    label = gettext_lazy("Import from a CSV file")

    def format_message(self, log_entry):
        if log_entry.data.get("created"):
            return _("Created by a CSV import")
        return _("Updated by a CSV import")


class DirectoryImporter:
    """Validate then import a directory CSV for one association."""

    def __init__(self, association, *, draft=False, user=None, progress=None):
        self.association = association
        self.draft = draft
        self.user = user
        self.progress = progress  # callable(done, total) or None
        self.locale = Locale.get_default()
        self.categories = {
            category.slug: category
            for category in Category.objects.filter(locale=self.locale)
        }
        self._email = EmailValidator()
        self._url = URLValidator(schemes=["http", "https"])

    # Validation --------------------------------------------------------------
    def clean_row(self, line, row, errors):
        """The row as model values, appending any problem to ``errors``."""

        def error(column, message):
            errors.append(RowError(line, column, message))

        values = {}
        for column in REQUIRED_COLUMNS:
            if not row[column]:
                error(column, _("required."))
        for column, limit in LIMITS.items():
            if len(row[column]) > limit:
                error(
                    column,
                    _("longer than %(limit)s characters.") % {"limit": limit},
                )
        values["external_id"] = row["external_id"]
        for column in (
            "name",
            "description",
            "address",
            "postcode",
            "city",
            "phone",
            "audience",
        ):
            values[column] = row[column]

        slugs = [slug.strip() for slug in row["categories"].split(MULTI_SEPARATOR)]
        slugs = [slug for slug in slugs if slug]
        unknown = [slug for slug in slugs if slug not in self.categories]
        if unknown:
            error(
                "categories",
                _("unknown category %(slugs)s (known: %(known)s).")
                % {
                    "slugs": ", ".join(unknown),
                    "known": ", ".join(sorted(self.categories)),
                },
            )
        values["categories"] = sorted(set(slugs) - set(unknown))

        latitude, longitude = row["latitude"], row["longitude"]
        values["latitude"] = values["longitude"] = None
        if bool(latitude) != bool(longitude):
            error(
                "latitude" if not latitude else "longitude",
                _("give both latitude and longitude, or neither."),
            )
        elif latitude:
            for column, text, bound in (
                ("latitude", latitude, 90),
                ("longitude", longitude, 180),
            ):
                try:
                    number = float(text.replace(",", "."))
                except ValueError:
                    error(column, _("not a number: %s.") % text)
                    continue
                if not math.isfinite(number) or not -bound <= number <= bound:
                    error(
                        column,
                        _("%(value)s is outside -%(bound)s..%(bound)s.")
                        % {"value": text, "bound": bound},
                    )
                    continue
                values[column] = number

        email = row["email"]
        if email:
            try:
                self._email(email)
            except ValidationError:
                error("email", _("not a valid e-mail address: %s.") % email)
        values["email"] = email

        website = row["website"]
        if website and "://" not in website:
            website = "https://" + website
        if website:
            try:
                self._url(website)
            except ValidationError:
                error("website", _("not a valid web address: %s.") % row["website"])
        values["website"] = website

        languages, invalid = parse_language_list(row["languages"])
        if invalid:
            error(
                "languages",
                _("not ISO 639-1 code(s): %(codes)s (e.g. fr;en;ar;ps;ti).")
                % {"codes": ", ".join(invalid)},
            )
        values["languages"] = languages

        hours = row["opening_hours"]
        problem = opening.parse_error(hours)
        if problem:
            error("opening_hours", problem)
        values["opening_hours"] = hours

        wheelchair = row["wheelchair"].lower()
        if wheelchair not in WHEELCHAIR_VALUES:
            error(
                "wheelchair",
                _("use yes, no or limited (or leave empty), not %s.")
                % row["wheelchair"],
            )
        values["wheelchair"] = wheelchair
        return values

    def validate(self, binary) -> ImportReport:
        """Check every row of ``binary`` (a binary file object); save nothing."""
        report = ImportReport(draft=self.draft)
        seen = {}
        try:
            for line, row in _rows(binary, report.errors):
                report.rows += 1
                before = len(report.errors)
                values = self.clean_row(line, row, report.errors)
                if len(report.sample) < SAMPLE_ROWS:
                    report.sample.append(dict(values, line=line))
                key = row["external_id"]
                if key:
                    if key in seen:
                        report.errors.append(
                            RowError(
                                line,
                                "external_id",
                                _("%(id)s already used on line %(line)s.")
                                % {"id": key, "line": seen[key]},
                            )
                        )
                    else:
                        seen[key] = line
                if len(report.errors) >= MAX_ERRORS and len(report.errors) > before:
                    report.truncated = True
                    break
        except ImportAbort as abort:
            report.errors.insert(0, abort.error)
        report.errors.sort(key=lambda error: error.line)
        if not report.errors:
            existing = set(
                Organisation.objects.filter(
                    association=self.association,
                    locale=self.locale,
                    external_id__in=list(seen),
                ).values_list("external_id", flat=True)
            )
            report.updated = len(existing)
            report.created = report.rows - report.updated
        return report

    # Import --------------------------------------------------------------------
    def run(self, open_binary, *, dry_run=False) -> ImportReport:
        """Validate, then (unless ``dry_run`` or invalid) import in one transaction.

        ``open_binary`` is a callable returning a fresh binary file object (the
        file is read twice: validation, then import).
        """
        with open_binary() as binary:
            report = self.validate(binary)
        report.dry_run = dry_run
        if not report.ok or dry_run:
            return report
        with transaction.atomic(), open_binary() as binary:
            batch = []
            done = 0
            errors = []
            for line, row in _rows(binary, errors):
                batch.append(self.clean_row(line, row, errors))
                if len(batch) >= BATCH_SIZE:
                    self._write(batch)
                    done += len(batch)
                    batch = []
                    if self.progress:
                        self.progress(done, report.rows)
            if batch:
                self._write(batch)
                done += len(batch)
                if self.progress:
                    self.progress(done, report.rows)
            if errors:  # the file changed between the two passes
                report.errors = errors
                transaction.set_rollback(True)
                return report
        Category.clear_cache()
        return report

    def _write(self, batch):
        now = timezone.now()
        by_id = {values["external_id"]: values for values in batch}
        existing = {
            obj.external_id: obj
            for obj in Organisation.objects.filter(
                association=self.association,
                locale=self.locale,
                external_id__in=list(by_id),
            ).prefetch_related("stops", "categories")
        }
        created, updated = [], []
        for key, values in by_id.items():
            obj = existing.get(key)
            if obj is None:
                obj = Organisation(
                    association=self.association,
                    locale=self.locale,
                    external_id=key,
                    live=not self.draft,
                    has_unpublished_changes=self.draft,
                    first_published_at=None if self.draft else now,
                    last_published_at=None if self.draft else now,
                )
                obj.stops = []  # no stops yet: serialising needs no query
                obj._created_by_import = True
                self._assign(obj, values)
                created.append(obj)
            else:
                before = _indexed_signature(obj, [c.pk for c in obj.categories.all()])
                if self.draft and obj.live:
                    # Keep the public version; the import becomes a draft
                    # revision (the row itself is not written).
                    self._assign(obj, values)
                    obj._draft_only = True
                else:
                    self._assign(obj, values)
                    if not self.draft:
                        obj.live = True
                        obj.has_unpublished_changes = False
                        obj.last_published_at = now
                        obj.first_published_at = obj.first_published_at or now
                obj._index_unchanged = before == _indexed_signature(
                    obj, [category.pk for category in obj._import_categories]
                )
                updated.append(obj)
        Organisation.objects.bulk_create(created, batch_size=BATCH_SIZE)
        touched = created + updated
        # Categories (the live relation is left alone for draft-only updates).
        through = Organisation.categories.through
        publish_now = [obj for obj in touched if not getattr(obj, "_draft_only", False)]
        through.objects.filter(
            organisation_id__in=[obj.pk for obj in publish_now if obj in updated]
        ).delete()
        through.objects.bulk_create(
            [
                through(organisation_id=obj.pk, category_id=category.pk)
                for obj in publish_now
                for category in obj._import_categories
            ],
            batch_size=BATCH_SIZE,
        )
        self._save_revisions(touched, now)
        live_updates = [obj for obj in updated if obj in publish_now]
        if live_updates:
            update_rows(
                Organisation,
                live_updates,
                IMPORTED_FIELDS
                + [
                    "publics_index",
                    "live",
                    "has_unpublished_changes",
                    "first_published_at",
                    "last_published_at",
                    "updated_at",
                ],
            )
            self._sync_translations(live_updates)
        # Re-importing an unchanged row leaves its search entry as it is.
        self._index(
            [obj for obj in publish_now if not getattr(obj, "_index_unchanged", False)]
        )

    def _assign(self, obj, values):
        for name in IMPORTED_FIELDS:
            if name in values:
                setattr(obj, name, values[name])
        obj.language_index = list_index(obj.languages)
        obj.publics_index = list_index(obj.publics)
        obj.updated_at = timezone.now()
        obj._import_categories = [
            self.categories[slug] for slug in values["categories"]
        ]
        # In memory, so that serializable_data() and search need no query.
        obj.categories = obj._import_categories
        obj._category_names_text = " ".join(
            sorted(
                {
                    name
                    for category in obj._import_categories
                    for name in self.category_names_by_key().get(
                        category.translation_key, []
                    )
                }
            )
        )

    def category_names_by_key(self):
        if not hasattr(self, "_names_by_key"):
            names = {}
            for key, name in Category.objects.values_list("translation_key", "name"):
                names.setdefault(key, []).append(name)
            self._names_by_key = names
        return self._names_by_key

    def _save_revisions(self, objects, now):
        if not objects:
            return
        content_type = ContentType.objects.get_for_model(Organisation)
        revisions = []
        for obj in objects:
            if not obj.pk:
                continue
            obj.stops.all()  # prefetched (updates) or empty (new)
            revisions.append(
                Revision(
                    content_type=content_type,
                    base_content_type=content_type,
                    object_id=str(obj.pk),
                    created_at=now,
                    user=self.user,
                    object_str=str(obj)[:255],
                    content=obj.serializable_data(),
                )
            )
        Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
        by_object = {int(revision.object_id): revision for revision in revisions}
        for obj in objects:
            revision = by_object.get(obj.pk)
            obj.latest_revision = revision
            draft_only = getattr(obj, "_draft_only", False)
            if draft_only:
                obj.has_unpublished_changes = True
            elif not self.draft:
                obj.live_revision = revision
        update_rows(
            Organisation,
            [obj for obj in objects if getattr(obj, "_draft_only", False)],
            ["latest_revision", "has_unpublished_changes"],
        )
        update_rows(
            Organisation,
            [obj for obj in objects if not getattr(obj, "_draft_only", False)],
            ["latest_revision", "live_revision"],
        )
        self._log(objects, by_object, now)

    def _log(self, objects, revisions, now):
        """Wagtail log entries for the written entries, in bulk."""
        log_model = log_registry.get_log_model_for_model(Organisation)
        if log_model is None:
            return
        content_type = ContentType.objects.get_for_model(
            Organisation, for_concrete_model=False
        )
        user = self.user or get_active_log_context().user
        entries = []
        for obj in objects:
            if not obj.pk:
                continue
            common = {
                "content_type": content_type,
                "object_id": str(obj.pk),
                "label": str(obj),
                "timestamp": now,
                # One uuid per entry: Wagtail's history shows the latest log
                # entry of each (uuid, action), whatever the object.
                "uuid": uuid.uuid4(),
                "user": user,
                "revision": revisions.get(obj.pk),
                "content_changed": True,
            }
            created = getattr(obj, "_created_by_import", False)
            entries.append(
                log_model(action=IMPORT_ACTION, data={"created": created}, **common)
            )
            if not self.draft:
                entries.append(log_model(action="wagtail.publish", **common))
        log_model.objects.bulk_create(entries, batch_size=BATCH_SIZE)

    def _sync_translations(self, objects):
        """Copy synchronised fields to existing translations of updated entries."""
        by_key = {obj.translation_key: obj for obj in objects}
        translations = list(
            Organisation.objects.filter(translation_key__in=list(by_key)).exclude(
                locale=self.locale
            )
        )
        through = Organisation.categories.through
        for translation in translations:
            source = by_key[translation.translation_key]
            for name in SYNCHRONISED_FIELDS:
                setattr(translation, name, getattr(source, name))
        if translations:
            update_rows(Organisation, translations, SYNCHRONISED_FIELDS)
            through.objects.filter(
                organisation_id__in=[obj.pk for obj in translations]
            ).delete()
            through.objects.bulk_create(
                [
                    through(organisation_id=obj.pk, category_id=category.pk)
                    for obj in translations
                    for category in by_key[obj.translation_key]._import_categories
                ]
            )

    def _index(self, objects):
        from wagtail.search.backends import get_search_backends

        objects = [obj for obj in objects if obj.pk]
        if not objects:
            return
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(Organisation, objects)


def open_path(path):
    """A reopenable binary file for ``DirectoryImporter.run``."""
    return lambda: open(path, "rb")  # noqa: SIM115 - closed by the caller


def open_bytes(data: bytes):
    return lambda: io.BytesIO(data)


__all__ = [
    "DirectoryImporter",
    "ImportReport",
    "RowError",
    "open_bytes",
    "open_path",
]
