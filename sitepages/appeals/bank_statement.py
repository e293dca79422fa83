"""Bank statement CSV: read it, then match its lines to pledges by reference.

A statement is a CSV (comma, semicolon or tab; UTF-8, UTF-16 with its byte
order mark, or Windows-1252; header row) with
at least a label column and an amount column, named in French or English
(``libellé``/``label``/``description``/``motif``, ``montant``/``amount``/
``crédit``/``credit``), optionally ``date``. Any other layout is refused with
a message naming the columns found. A line is matched when its label carries
the valid reference code of a pledge the user can see; every other line is
reported as unmatched, never guessed.
"""

import codecs
import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from sitepages.appeals import references
from sitepages.appeals.formatting import AmountError, parse_amount

LABEL_COLUMNS = {"libellé", "libelle", "label", "description", "motif", "reference"}
AMOUNT_COLUMNS = {"montant", "amount", "crédit", "credit"}
DATE_COLUMNS = {"date", "date opération", "date operation", "booking date"}
MAX_BYTES = 2 * 1024 * 1024


class StatementError(ValueError):
    """The file is not a bank statement this importer can read."""


@dataclass
class Line:
    number: int
    date: str
    label: str
    amount: Decimal | None
    pledge: object = None
    codes: list = field(default_factory=list)
    problem: str = ""

    @property
    def matched(self):
        return self.pledge is not None and not self.problem


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise StatementError(_("The file is larger than 2 MB."))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise StatementError(_("The file is not text (CSV).")) from None
    if b"\x00" in data:
        raise StatementError(_("The file is not text (CSV)."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StatementError(_("The file is not text (CSV)."))


def _amount(raw: str) -> Decimal | None:
    """``40,00``, ``1 234,56``, ``1,234.56``, ``-850,00 €``; ``None`` if not."""
    try:
        return parse_amount(raw)[0]
    except AmountError:
        return None


def read(data: bytes) -> list[Line]:
    text = _decode(data)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        raise StatementError(_("The file is not a CSV table.")) from None
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        raise StatementError(_("The file is empty.")) from None
    except csv.Error:
        raise StatementError(_("The file is not a CSV table.")) from None

    def find(names):
        for index, name in enumerate(header):
            if name in names:
                return index
        return None

    label_at, amount_at, date_at = (
        find(LABEL_COLUMNS),
        find(AMOUNT_COLUMNS),
        find(DATE_COLUMNS),
    )
    if label_at is None or amount_at is None:
        raise StatementError(
            _(
                "Unknown statement layout: expected a label column (libellé, "
                "label) and an amount column (montant, amount); found: %(columns)s."
            )
            % {"columns": ", ".join(header) or "-"}
        )

    def cell(row, index):
        return row[index].strip() if index is not None and index < len(row) else ""

    lines = []
    try:
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            lines.append(
                Line(
                    number=number,
                    date=cell(row, date_at)[:40],
                    label=cell(row, label_at)[:300],
                    amount=_amount(cell(row, amount_at)),
                )
            )
    except csv.Error as error:
        raise StatementError(
            _("Line %(number)d cannot be read: %(error)s")
            % {"number": reader.line_num, "error": error}
        ) from None
    return lines


def match(lines, pledges):
    """Attach to each line the pledge (from ``pledges``, already scoped to
    the user) whose reference its label carries."""
    from sitepages.appeals.models import PledgeStatus

    codes = {code for line in lines for code in references.find_codes(line.label)}
    by_code = {
        pledge.reference: pledge for pledge in pledges.filter(reference__in=codes)
    }
    for line in lines:
        line.codes = references.find_codes(line.label)
        found = [by_code[code] for code in line.codes if code in by_code]
        if not found:
            line.problem = (
                _("No pledge carries this reference.")
                if line.codes
                else _("No reference code in the label.")
            )
            continue
        line.pledge = found[0]
        if line.pledge.status != PledgeStatus.PLEDGED:
            line.problem = _("This pledge is already %(status)s.") % {
                "status": line.pledge.get_status_display().lower()
            }
        elif line.amount is None or line.amount != line.pledge.amount:
            line.problem = _("The amount differs from the pledge (%(amount)s).") % {
                "amount": line.pledge.amount
            }
    return lines
