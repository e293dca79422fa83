"""The directory CSV format (contract): columns, and one entry as one row.

Shared by the importer (``directory.importers``), the public CSV export
(``/api/directory/organisations.csv``) and the admin export, so that an export
can always be re-imported.
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


def _number(value):
    if value is None:
        return ""
    return repr(float(value)) if not float(value).is_integer() else f"{value:.1f}"


def organisation_row(organisation) -> list[str]:
    """The CSV cells of ``organisation`` (categories must be prefetched)."""
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
