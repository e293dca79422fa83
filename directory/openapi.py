"""The OpenAPI 3.1 description of the directory API (served as JSON).

Written by hand from ``directory.filters`` so that every parameter carries a
description, an example and its constraints; ``tests/directory`` checks that
each FilterSet parameter is documented here.
"""

from directory.filters import (
    DEFAULT_PAGE_SIZE,
    DEFAULT_RADIUS_KM,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_RADIUS_KM,
    MAX_WITHIN_MINUTES,
)
from directory.models import OccupancyChoices, PublicChoices


def _param(name, description, schema, *, example=None, explode=None):
    param = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }
    if example is not None:
        param["example"] = example
    if explode is not None:
        param["style"] = "form"
        param["explode"] = explode
    return param


def filter_parameters(languages, categories):
    return [
        _param(
            "q",
            "Full-text search over name, description, city and category names, "
            "in every language an entry is translated into.",
            {"type": "string", "maxLength": MAX_QUERY_LENGTH},
            example="douches",
        ),
        _param(
            "category",
            "Category slug; repeat the parameter to match entries having any of them.",
            {"type": "array", "items": {"type": "string", "enum": categories}},
            example=["alimentation"],
            explode=True,
        ),
        _param(
            "city",
            "City (case-insensitive exact match, also matches mobile stops).",
            {"type": "string", "maxLength": 120},
            example="Calais",
        ),
        _param(
            "language",
            "ISO 639-1 code of a language spoken on site.",
            {"type": "string", "pattern": "^[a-z]{2}$"},
            example="ps",
        ),
        _param(
            "association",
            "Slug of the association that owns the entries.",
            {"type": "string"},
            example="alpha",
        ),
        _param(
            "open_at",
            "ISO 8601 date-time: entries open at that moment. An offset or Z is "
            "honoured; a date-time without one is read in the site's time zone "
            "(Europe/Paris). Entries with unknown hours never match.",
            {"type": "string", "format": "date-time"},
            example="2026-11-24T19:00:00+01:00",
        ),
        _param(
            "open_now",
            "1 for entries open right now (unknown hours never match; "
            "temporarily closed entries never match).",
            {"type": "string", "enum": ["1", "0", "true", "false"]},
            example="1",
        ),
        _param(
            "near",
            "LAT,LON in WGS84 decimal degrees: only entries (or stops) within "
            "radius_km, sorted by distance; results carry distance_km, "
            "walk_minutes and matching_stop. Entries without coordinates never "
            "match.",
            {"type": "string", "pattern": r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?$"},
            example="50.9513,1.8587",
        ),
        _param(
            "radius_km",
            f"Search radius around near, in km (default {DEFAULT_RADIUS_KM:g}).",
            {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": MAX_RADIUS_KM,
                "default": DEFAULT_RADIUS_KM,
            },
            example=2,
        ),
        _param(
            "within_minutes",
            "Estimated walking time limit in minutes (4.5 km/h, streets 1.3 times "
            "the straight line). Needs near.",
            {"type": "integer", "minimum": 1, "maximum": MAX_WITHIN_MINUTES},
            example=15,
        ),
        _param(
            "publics",
            "Who is welcome; repeat for any of them.",
            {
                "type": "array",
                "items": {"type": "string", "enum": list(PublicChoices.values)},
            },
            example=["unaccompanied_minors"],
            explode=True,
        ),
        _param(
            "occupancy",
            "How full the service usually is; repeat for any of them.",
            {
                "type": "array",
                "items": {"type": "string", "enum": list(OccupancyChoices.values)},
            },
            example=["low"],
            explode=True,
        ),
        _param(
            "lang",
            "Content language of names and descriptions (defaults to the "
            "Accept-Language header, then French). Entries not translated into "
            "it are given in French.",
            {"type": "string", "enum": languages},
            example="ar",
        ),
    ]


PAGE_PARAMETERS = [
    _param("page", "Page number (from 1).", {"type": "integer", "minimum": 1}),
    _param(
        "page_size",
        f"Results per page (default {DEFAULT_PAGE_SIZE}; values above "
        f"{MAX_PAGE_SIZE} are capped at {MAX_PAGE_SIZE}).",
        {"type": "integer", "minimum": 1, "default": DEFAULT_PAGE_SIZE},
    ),
]

ERROR_RESPONSE = {
    "description": "A malformed parameter, named in errors.",
    "content": {
        "application/json": {
            "schema": {"$ref": "#/components/schemas/Errors"},
            "example": {"errors": {"near": "Give a position as LAT,LON."}},
        }
    },
}

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}

STATE_SCHEMA = {
    "type": "object",
    "properties": {
        "state": {
            "type": "string",
            "enum": [
                "open",
                "closed",
                "unknown",
                "temporarily_closed",
                "closed_permanently",
            ],
        },
        "until": {**NULLABLE_STRING, "format": "date-time"},
        "next_open": {**NULLABLE_STRING, "format": "date-time"},
        "closed_until": {**NULLABLE_STRING, "format": "date"},
        "today_hours": {"type": "string", "example": "09:00–12:00, 14:00–17:00"},
    },
}


def openapi_schema(*, server, languages, categories):
    filters = filter_parameters(languages, categories)
    string = {"type": "string"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Maillage partner directory API",
            "version": "1.0.0",
            "description": (
                "Read-only, public. Only published, active (or temporarily "
                "closed) entries appear. Nothing about visitors is stored."
            ),
        },
        "servers": [{"url": server.rstrip("/")}],
        "paths": {
            "/api/directory/organisations/": {
                "get": {
                    "operationId": "listOrganisations",
                    "summary": "Matching entries, paginated.",
                    "parameters": filters + PAGE_PARAMETERS,
                    "responses": {
                        "200": {
                            "description": "A page of results.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Page"}
                                }
                            },
                        },
                        "400": ERROR_RESPONSE,
                    },
                }
            },
            "/api/directory/organisations.geojson": {
                "get": {
                    "operationId": "organisationsGeoJSON",
                    "summary": "Every matching entry (and stop) as GeoJSON points.",
                    "parameters": filters,
                    "responses": {
                        "200": {
                            "description": "A GeoJSON FeatureCollection (RFC 7946).",
                            "content": {
                                "application/geo+json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["type", "features"],
                                        "properties": {
                                            "type": {"const": "FeatureCollection"},
                                            "features": {"type": "array"},
                                        },
                                    }
                                }
                            },
                        },
                        "400": ERROR_RESPONSE,
                    },
                }
            },
            "/api/directory/organisations.csv": {
                "get": {
                    "operationId": "organisationsCSV",
                    "summary": "Every matching entry in the import CSV format.",
                    "parameters": filters,
                    "responses": {
                        "200": {
                            "description": "UTF-8 CSV with the import columns.",
                            "content": {"text/csv": {"schema": string}},
                        },
                        "400": ERROR_RESPONSE,
                    },
                }
            },
            "/api/directory/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document.",
                    "responses": {"200": {"description": "OpenAPI 3.1 JSON."}},
                }
            },
        },
        "components": {
            "schemas": {
                "Errors": {
                    "type": "object",
                    "required": ["errors"],
                    "properties": {
                        "errors": {
                            "type": "object",
                            "additionalProperties": string,
                        }
                    },
                },
                "Page": {
                    "type": "object",
                    "required": ["count", "next", "previous", "results"],
                    "properties": {
                        "count": {"type": "integer"},
                        "next": {**NULLABLE_STRING, "format": "uri"},
                        "previous": {**NULLABLE_STRING, "format": "uri"},
                        "results": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Organisation"},
                        },
                    },
                },
                "Stop": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "name": string,
                        "address": string,
                        "city": string,
                        "latitude": NULLABLE_NUMBER,
                        "longitude": NULLABLE_NUMBER,
                        "opening_hours": string,
                        "opening_state": STATE_SCHEMA,
                        "last_checked": {**NULLABLE_STRING, "format": "date"},
                    },
                },
                "Organisation": {
                    "type": "object",
                    "required": [
                        "id",
                        "name",
                        "categories",
                        "city",
                        "latitude",
                        "longitude",
                        "languages",
                        "opening_hours",
                        "url",
                    ],
                    "properties": {
                        "id": {"type": "integer"},
                        "external_id": string,
                        "name": string,
                        "categories": {"type": "array", "items": string},
                        "category_names": {"type": "array", "items": string},
                        "description": string,
                        "address": string,
                        "postcode": string,
                        "city": string,
                        "latitude": NULLABLE_NUMBER,
                        "longitude": NULLABLE_NUMBER,
                        "phone": string,
                        "email": string,
                        "website": string,
                        "languages": {"type": "array", "items": string},
                        "opening_hours": string,
                        "opening_state": STATE_SCHEMA,
                        "audience": string,
                        "publics": {"type": "array", "items": string},
                        "usual_occupancy": string,
                        "access_conditions": string,
                        "wheelchair": {"enum": ["", "yes", "no", "limited"]},
                        "status": {"enum": ["active", "temporarily_closed"]},
                        "closed_reason": string,
                        "closed_until": {**NULLABLE_STRING, "format": "date"},
                        "last_checked": {**NULLABLE_STRING, "format": "date"},
                        "association": string,
                        "association_name": string,
                        "language": string,
                        "url": {"type": "string", "format": "uri"},
                        "stops": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Stop"},
                        },
                        "distance_km": {
                            **NULLABLE_NUMBER,
                            "description": "Only with near.",
                        },
                        "walk_minutes": {
                            "type": ["integer", "null"],
                            "description": "Only with near.",
                        },
                        "matching_stop": {
                            "type": ["integer", "null"],
                            "description": (
                                "The stop of a mobile service that matched "
                                "near/open_now/open_at (null: the entry's own "
                                "place)."
                            ),
                        },
                    },
                },
            }
        },
    }
