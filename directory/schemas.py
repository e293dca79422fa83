"""Typed schemas of the directory API, from which ninja generates its OpenAPI.

Parameters: ``FilterParameters`` (every endpoint) and ``ListParameters``
(the paginated list) document the parameters of
``directory.filters.DirectoryFilterSet``, one field for each of its filters.
Ninja receives each value as text (a list of texts when repeatable), so that
it never refuses a value itself: the FilterSet validates the query string and
its messages make the 400 answers, exactly as the HTML page reports them.
Each field's JSON schema documents the values the FilterSet accepts; the
category and language enumerations are read when the document is generated.

Answers: ``OrganisationPage`` (with ``Organisation``, ``Stop`` and
``OpeningState``), ``FeatureCollection`` (GeoJSON, RFC 7946) and ``Errors``,
plain pydantic models (``directory.api`` builds each answer as dictionaries,
so ninja's ORM getter has nothing to do). Ninja validates each page of the
JSON list and each 400 against them; the GeoJSON export, which holds every
matching entry, is written as is, and ``tests/directory/test_schemathesis.py``
checks it against ``FeatureCollection``.
"""

from typing import Literal

from django.conf import settings
from ninja import Schema
from pydantic import BaseModel, Field

from directory.choices import OccupancyChoices, PublicChoices, WheelchairChoices
from directory.filters import (
    DEFAULT_PAGE_SIZE,
    DEFAULT_RADIUS_KM,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_RADIUS_KM,
    MAX_WITHIN_MINUTES,
    category_choices,
)
from directory.opening import (
    CLOSED,
    CLOSED_PERMANENTLY,
    OPEN,
    TEMPORARILY_CLOSED,
    UNKNOWN,
)


# Parameters ---------------------------------------------------------------------
def parameter(description, schema, *, example=None):
    """A query parameter documented as ``schema`` (a JSON schema, or a function
    returning one when it depends on the data at generation time)."""

    def document(field_schema):
        field_schema.clear()
        field_schema.update(schema() if callable(schema) else schema)
        field_schema["description"] = description
        if example is not None:
            field_schema["example"] = example

    return Field(None, json_schema_extra=document)


def _one_of(values):
    return {"type": "array", "items": {"type": "string", "enum": list(values)}}


def _categories():
    return _one_of(slug for slug, _label in category_choices())


def _languages():
    return {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]}


class FilterParameters(Schema):
    """The filters of the list, the GeoJSON and the CSV export."""

    q: str | None = parameter(
        "Full-text search over name, description, city and category names, in "
        "every language an entry is translated into.",
        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        example="douches",
    )
    category: list[str] | None = parameter(
        "Category slug; repeat the parameter to match entries having any of them.",
        _categories,
        example=["alimentation"],
    )
    city: str | None = parameter(
        "City (case-insensitive exact match, also matches mobile stops).",
        {"type": "string", "maxLength": 120},
        example="Calais",
    )
    language: str | None = parameter(
        "ISO 639-1 code of a language spoken on site.",
        {"type": "string", "pattern": "^[a-z]{2}$"},
        example="ps",
    )
    association: str | None = parameter(
        "Slug of the association that owns the entries.",
        {"type": "string"},
        example="alpha",
    )
    open_at: str | None = parameter(
        "ISO 8601 date-time: entries open at that moment. An offset or Z is "
        "honoured; a date-time without one is read in the site's time zone "
        "(Europe/Paris). Entries with unknown hours never match.",
        {"type": "string", "format": "date-time"},
        example="2026-11-24T19:00:00+01:00",
    )
    open_now: str | None = parameter(
        "1 for entries open right now (unknown hours never match; temporarily "
        "closed entries never match). 0 changes nothing.",
        {"type": "string", "enum": ["1", "0", "true", "false"]},
        example="1",
    )
    near: str | None = parameter(
        "LAT,LON in WGS84 decimal degrees: only entries (or stops) within "
        "radius_km, sorted by distance; results carry distance_km, walk_minutes "
        "and matching_stop. Entries without coordinates never match.",
        {"type": "string", "pattern": r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?$"},
        example="50.9513,1.8587",
    )
    radius_km: str | None = parameter(
        f"Search radius around near, in km (default {DEFAULT_RADIUS_KM:g}). "
        "Needs near.",
        {
            "type": "number",
            "minimum": 0.01,
            "maximum": MAX_RADIUS_KM,
            "default": DEFAULT_RADIUS_KM,
        },
        example=2,
    )
    within_minutes: str | None = parameter(
        "Estimated walking time limit in minutes (4.5 km/h, streets 1.3 times "
        "the straight line). Needs near.",
        {"type": "integer", "minimum": 1, "maximum": MAX_WITHIN_MINUTES},
        example=15,
    )
    publics: list[str] | None = parameter(
        "Who is welcome; repeat for any of them.",
        _one_of(PublicChoices.values),
        example=["unaccompanied_minors"],
    )
    occupancy: list[str] | None = parameter(
        "How full the service usually is; repeat for any of them.",
        _one_of(OccupancyChoices.values),
        example=["low"],
    )
    lang: str | None = parameter(
        "Content language of names and descriptions (defaults to the "
        "Accept-Language header, then French). Entries not translated into it "
        "are given in French.",
        _languages,
        example="ar",
    )


class ListParameters(FilterParameters):
    """The filters and the page of the paginated list."""

    page: str | None = parameter(
        "Page number (from 1); a page past the end is empty.",
        {"type": "integer", "minimum": 1, "default": 1},
    )
    page_size: str | None = parameter(
        f"Results per page (default {DEFAULT_PAGE_SIZE}; values above "
        f"{MAX_PAGE_SIZE} are capped at {MAX_PAGE_SIZE}).",
        {"type": "integer", "minimum": 1, "default": DEFAULT_PAGE_SIZE},
    )


# Answers ---------------------------------------------------------------------------
StateName = Literal[OPEN, CLOSED, UNKNOWN, TEMPORARILY_CLOSED, CLOSED_PERMANENTLY]


class Errors(BaseModel):
    """A malformed parameter: ``{"errors": {"<parameter>": "<message>"}}``."""

    errors: dict[str, str] = Field(
        description="The message for each malformed parameter, by name.",
        examples=[{"near": "Give a position as LAT,LON, e.g. 50.9513,1.8587."}],
    )


class OpeningState(BaseModel):
    """Where a place stands now (in the site's time zone)."""

    state: StateName
    until: str | None = Field(
        description="Open: when it closes (null beyond two months).",
        json_schema_extra={"format": "date-time"},
    )
    next_open: str | None = Field(
        description="Closed: when it opens next (null beyond two months).",
        json_schema_extra={"format": "date-time"},
    )
    closed_until: str | None = Field(
        description="Temporarily closed: its last closed day.",
        json_schema_extra={"format": "date"},
    )
    today_hours: str = Field(
        description="Today's hours, e.g. 09:00–12:00, 14:00–17:00 (empty if none)."
    )


class Stop(BaseModel):
    """A stop of a mobile service."""

    id: int
    name: str
    address: str
    city: str
    latitude: float | None
    longitude: float | None
    opening_hours: str = Field(description="OpenStreetMap opening_hours syntax.")
    opening_state: OpeningState
    last_checked: str | None = Field(json_schema_extra={"format": "date"})


class Organisation(BaseModel):
    """An entry: everything public about it, nothing personal."""

    id: int
    external_id: str
    name: str
    categories: list[str] = Field(description="Category slugs.")
    category_names: list[str] = Field(description="Their names, in lang.")
    description: str
    address: str
    postcode: str
    city: str
    latitude: float | None
    longitude: float | None
    phone: str
    email: str
    website: str
    languages: list[str] = Field(description="ISO 639-1 codes spoken on site.")
    opening_hours: str = Field(description="OpenStreetMap opening_hours syntax.")
    opening_state: OpeningState
    audience: str
    publics: list[str] = Field(
        description="Who is welcome: " + ", ".join(PublicChoices.values) + "."
    )
    usual_occupancy: str = Field(
        description="Empty, or one of " + ", ".join(OccupancyChoices.values) + "."
    )
    access_conditions: str
    wheelchair: str = Field(
        description="Empty, or one of " + ", ".join(WheelchairChoices.values) + "."
    )
    status: Literal["active", "temporarily_closed"]
    closed_reason: str
    closed_until: str | None = Field(json_schema_extra={"format": "date"})
    last_checked: str | None = Field(json_schema_extra={"format": "date"})
    association: str = Field(description="Slug of the owning association.")
    association_name: str
    language: str = Field(description="Language of this text (lang, or French).")
    url: str = Field(
        description="Its public page.", json_schema_extra={"format": "iri"}
    )
    stops: list[Stop]
    matching_stop: int | None = Field(
        description=(
            "The stop of a mobile service that matched near/open_now/open_at "
            "(null: the entry's own place)."
        )
    )
    distance_km: float | None = Field(None, description="Only with near.")
    walk_minutes: int | None = Field(None, description="Only with near.")


class OrganisationPage(BaseModel):
    """One page of matching entries."""

    count: int = Field(description="Matching entries on every page.")
    next: str | None = Field(json_schema_extra={"format": "uri"})
    previous: str | None = Field(json_schema_extra={"format": "uri"})
    results: list[Organisation]


class Point(BaseModel):
    type: Literal["Point"]
    coordinates: tuple[float, float] = Field(description="[longitude, latitude]")


class FeatureProperties(BaseModel):
    """An entry, or a stop of a mobile service (``stop``, ``stop_id``)."""

    id: int = Field(description="The entry's id.")
    name: str
    categories: list[str]
    category_names: list[str]
    city: str
    address: str
    url: str = Field(json_schema_extra={"format": "iri"})
    state: StateName
    today_hours: str
    distance_km: float | None = Field(description="Set with near.")
    stop: str = Field(None, description="Only on a stop: its name.")
    stop_id: int = Field(None, description="Only on a stop: its id.")


class Feature(BaseModel):
    type: Literal["Feature"]
    id: int | str = Field(description="The entry's id, or ENTRY-STOP for a stop.")
    geometry: Point | None = Field(description="null: no coordinates.")
    properties: FeatureProperties


class FeatureCollection(BaseModel):
    """Every matching entry and stop as a point (GeoJSON, RFC 7946)."""

    type: Literal["FeatureCollection"]
    features: list[Feature]
