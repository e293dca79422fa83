"""The directory CSV format (contract): columns, and one entry as one row.

Shared by the importer (``directory.importers``), the public CSV export
(``/api/directory/organisations.csv``) and the admin export, so that an export
can always be re-imported.

Spreadsheet formulas: a cell that starts with ``=``, ``+``, ``-`` or ``@`` is
written with a leading single quote (``escape_cell``), so that a spreadsheet
shows it as text instead of running it; the importer removes that quote again
(``unescape_cell``). A cell that itself starts with a quote gets one more, so
the round trip is exact for every value (``-1.85``, ``+33 3 21…``, ``'t Hof``).
"""

COLUMNS = [
    "external_id",
    "name",
    "categories",
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
    "opening_hours",
    "audience",
    "wheelchair",
]
REQUIRED_COLUMNS = ["external_id", "name", "categories"]
MULTI_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@")
QUOTE = "'"


def escape_cell(value):
    """``=HYPERLINK(…)`` -> ``'=HYPERLINK(…)``; other values unchanged."""
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, QUOTE)):
        return QUOTE + value
    return value


def unescape_cell(value: str) -> str:
    """The inverse of ``escape_cell`` (a cell read from an import file)."""
    if value.startswith(QUOTE) and value[1:].startswith((*FORMULA_STARTS, QUOTE)):
        return value[1:]
    return value


def _number(value):
    if value is None:
        return ""
    return repr(float(value)) if not float(value).is_integer() else f"{value:.1f}"


def organisation_row(organisation) -> list[str]:
    """The CSV cells of ``organisation`` (categories must be prefetched),
    escaped against spreadsheet formulas."""
    return [escape_cell(cell) for cell in _cells(organisation)]


def _cells(organisation) -> list[str]:
    return [
        organisation.external_id,
        organisation.name,
        MULTI_SEPARATOR.join(
            sorted(category.slug for category in organisation.categories.all())
        ),
        organisation.description,
        organisation.address,
        organisation.postcode,
        organisation.city,
        _number(organisation.latitude),
        _number(organisation.longitude),
        organisation.phone,
        organisation.email,
        organisation.website,
        MULTI_SEPARATOR.join(organisation.languages or []),
        organisation.opening_hours,
        organisation.audience,
        organisation.wheelchair,
    ]
