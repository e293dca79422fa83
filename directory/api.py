"""The public, read-only directory API (contract in ARCHITECTURE.md).

A django-ninja ``NinjaAPI`` mounted at ``/api/directory/`` (``directory.urls``):

* ``GET /api/directory/organisations/``: paginated JSON;
* ``GET /api/directory/organisations.geojson``: a GeoJSON FeatureCollection;
* ``GET /api/directory/organisations.csv``: the import columns (re-importable);
* ``GET /api/directory/openapi.json``: the OpenAPI 3.1 description, generated
  by ninja from the typed schemas in ``directory.schemas``.

All of them take the parameters of ``directory.filters.DirectoryFilterSet``
(the same FilterSet as the HTML directory page), which validates them: a
malformed parameter answers 400 with ``{"errors": {"<parameter>": "<message>"}}``.
Nothing about visitors is stored or logged here.
"""

import csv
import json

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from ninja import NinjaAPI, Query, Router, Status
from ninja.errors import ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.renderers import JSONRenderer

from directory import opening, schemas
from directory.csvformat import COLUMNS, organisation_row
from directory.filters import DirectoryFilterSet
from directory.links import DetailLinker
from directory.models import Category

# Answers change when "open now" changes, so keep them short-lived.
CACHE_SECONDS = 60
OPENAPI_CACHE_SECONDS = 3600
GEOJSON = "application/geo+json"
CSV = "text/csv; charset=utf-8"
# operationId -> the media type of its 200 answer, where it is not JSON
MEDIA_TYPES = {"organisationsGeoJSON": GEOJSON, "organisationsCSV": "text/csv"}


class DirectoryJSONRenderer(JSONRenderer):
    """JSON with non-ASCII text as is (names in Arabic, Pashto, Tigrinya...)."""

    json_dumps_params = {"ensure_ascii": False}


class DirectoryOpenAPI(OpenAPISchema):
    """Ninja's OpenAPI document, with the media type of each non-JSON answer."""

    def responses(self, operation):
        responses = super().responses(operation)
        media_type = MEDIA_TYPES.get(operation.operation_id)
        ok = responses.get(200, {})
        if media_type and "content" in ok:
            ok["content"] = {media_type: ok["content"][self.api.renderer.media_type]}
        return responses


class DirectoryAPI(NinjaAPI):
    """A ``NinjaAPI`` whose JSON answers are ``application/json`` (no charset
    parameter: JSON is always UTF-8) and whose document knows ``MEDIA_TYPES``."""

    def get_content_type(self):
        return self.renderer.media_type

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return DirectoryOpenAPI(self, path_prefix)


def _openapi_view(view):
    """The document answers GET only and may be cached for an hour."""
    return require_GET(cache_control(public=True, max_age=OPENAPI_CACHE_SECONDS)(view))


api = DirectoryAPI(
    title="Maillage partner directory API",
    version="1.0.0",
    description=(
        "Read-only, public. Only published, active (or temporarily closed) "
        "entries appear. Nothing about visitors is stored."
    ),
    urls_namespace="directory_api",
    openapi_url="/openapi.json",
    docs_url=None,  # no interactive page: it would load scripts from elsewhere
    docs_decorator=_openapi_view,
    renderer=DirectoryJSONRenderer(),
)
router = Router(tags=["directory"])
# Every endpoint answers a malformed parameter with a 400 naming it.
REFUSED = {400: schemas.Errors}


@api.exception_handler(ValidationError)
def malformed_query(request, exc):
    """Ninja's own refusal of a query string, as the contract's 400.

    The parameters are declared as text, so ninja takes any value and leaves
    validation to the FilterSet; this keeps the contract should it refuse one.
    """
    errors = {str(error["loc"][-1]): error["msg"] for error in exc.errors}
    response = api.create_response(request, {"errors": errors}, status=400)
    response["Cache-Control"] = "no-store"
    return response


def _cacheable(response):
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    patch_vary_headers(response, ["Accept-Language"])
    return response


def _bad_request(response, filterset):
    """The FilterSet's 400: every malformed parameter named, never cached."""
    response["Cache-Control"] = "no-store"
    return Status(400, {"errors": filterset.error_dict()})


def _filterset(request):
    """The FilterSet on the query string, and whether the query is valid.

    It reads ``request.GET`` itself (every value of a repeated parameter);
    the ``parameters`` an operation declares document them for ninja.
    """
    filterset = DirectoryFilterSet(request.GET, request=request)
    return filterset, filterset.is_valid()


def _iso(value):
    return value.isoformat() if value else None


def _place_state(place, now, language_code):
    state = opening.opening_state(place, now)
    return {
        "state": state["state"],
        "until": _iso(state["until"]),
        "next_open": _iso(state["next_open"]),
        "closed_until": _iso(state["closed_until"]),
        "today_hours": opening.today_hours(place.opening_hours, now),
    }


def serialise_stop(stop, now, language_code):
    return {
        "id": stop.pk,
        "name": stop.name,
        "address": stop.address,
        "city": stop.city,
        "latitude": stop.latitude,
        "longitude": stop.longitude,
        "opening_hours": stop.opening_hours,
        "opening_state": _place_state(stop, now, language_code),
        "last_checked": _iso(stop.last_checked),
    }


def serialise(organisation, *, linker, names, now, language_code, near=False):
    """One API result (everything public about an entry; nothing personal)."""
    slugs = sorted(category.slug for category in organisation.categories.all())
    stops = [
        serialise_stop(stop, now, language_code) for stop in organisation.stops.all()
    ]
    result = {
        "id": organisation.pk,
        "external_id": organisation.external_id,
        "name": organisation.name,
        "categories": slugs,
        "category_names": [names.get(slug, slug) for slug in slugs],
        "description": organisation.description,
        "address": organisation.address,
        "postcode": organisation.postcode,
        "city": organisation.city,
        "latitude": organisation.latitude,
        "longitude": organisation.longitude,
        "phone": organisation.phone,
        "email": organisation.email,
        "website": organisation.website,
        "languages": organisation.languages,
        "opening_hours": organisation.opening_hours,
        "opening_state": _place_state(organisation, now, language_code),
        "audience": organisation.audience,
        "publics": organisation.publics,
        "usual_occupancy": organisation.usual_occupancy,
        "access_conditions": organisation.access_conditions,
        "wheelchair": organisation.wheelchair,
        "status": organisation.status,
        "closed_reason": organisation.closed_reason,
        "closed_until": _iso(organisation.closed_until),
        "last_checked": _iso(organisation.last_checked),
        "association": organisation.association.slug,
        "association_name": organisation.association.name,
        "language": organisation.locale.language_code,
        "url": linker.url(organisation),
        "stops": stops,
    }
    stop = getattr(organisation, "matching_stop", None)
    result["matching_stop"] = stop.pk if stop else None
    if near:
        result["distance_km"] = getattr(organisation, "distance_km", None)
        result["walk_minutes"] = getattr(organisation, "walk_minutes", None)
    return result


def _page_link(request, number):
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@router.get(
    "/organisations/",
    response={200: schemas.OrganisationPage, **REFUSED},
    exclude_unset=True,  # distance_km and walk_minutes only with near
    url_name="organisations",
    operation_id="listOrganisations",
    summary="Matching entries, paginated.",
)
def organisations(
    request, response: HttpResponse, parameters: Query[schemas.ListParameters]
):
    """Matching entries in pages (sorted by name, or by distance with near)."""
    filterset, valid = _filterset(request)
    if not valid:
        return _bad_request(response, filterset)
    results = filterset.results()
    number, size = filterset.get_page_number(), filterset.get_page_size()
    count = results.count
    objects = results.page(number, size)
    language_code = filterset.get_language()
    linker = DetailLinker(request, language_code)
    names = Category.names_by_slug(language_code)
    now = timezone.now()
    near = bool(filterset.form.cleaned_data.get("near"))
    _cacheable(response)
    return {
        "count": count,
        "next": _page_link(request, number + 1) if number * size < count else None,
        "previous": _page_link(request, number - 1) if number > 1 else None,
        "results": [
            serialise(
                obj,
                linker=linker,
                names=names,
                now=now,
                language_code=language_code,
                near=near,
            )
            for obj in objects
        ],
    }


@router.get(
    "/organisations.geojson",
    response={200: schemas.FeatureCollection, **REFUSED},
    url_name="organisations_geojson",
    operation_id="organisationsGeoJSON",
    summary="Every matching entry (and stop) as GeoJSON points.",
)
def organisations_geojson(
    request, response: HttpResponse, parameters: Query[schemas.FilterParameters]
):
    """Every matching entry as a GeoJSON FeatureCollection (one feature per place).

    An entry is a Point at its own coordinates, and each stop of a mobile
    service is a Point too (``properties.stop`` names it). An entry with no
    coordinates at all has a ``null`` geometry. page and page_size do not apply.
    """
    # An export holds every matching entry (the map loads it), so it is
    # written as is rather than validated feature by feature at each request:
    # ``schemas.FeatureCollection`` documents it, and
    # tests/directory/test_schemathesis.py checks the answers against it.
    filterset, valid = _filterset(request)
    if not valid:
        return _bad_request(response, filterset)
    language_code = filterset.get_language()
    linker = DetailLinker(request, language_code)
    names = Category.names_by_slug(language_code)
    now = timezone.now()
    features = []
    for obj in filterset.results().iterator():
        slugs = sorted(category.slug for category in obj.categories.all())
        state = opening.opening_state(obj, now)
        base = {
            "id": obj.pk,
            "name": obj.name,
            "categories": slugs,
            "category_names": [names.get(slug, slug) for slug in slugs],
            "city": obj.city,
            "address": obj.address,
            "url": linker.url(obj),
            "state": state["state"],
            "today_hours": opening.today_hours(obj.opening_hours, now),
            "distance_km": getattr(obj, "distance_km", None),
        }
        places = []
        if obj.has_coordinates:
            places.append((obj.longitude, obj.latitude, None, base["state"]))
        for stop in obj.stops.all():
            if stop.has_coordinates:
                stop_state = opening.opening_state(stop, now)["state"]
                places.append((stop.longitude, stop.latitude, stop, stop_state))
        if not places:
            features.append(
                {"type": "Feature", "id": obj.pk, "geometry": None, "properties": base}
            )
        for lon, lat, stop, place_state in places:
            properties = dict(base, state=place_state)
            if stop is not None:
                properties.update(
                    stop=stop.name,
                    stop_id=stop.pk,
                    address=stop.address,
                    city=stop.city or obj.city,
                    today_hours=opening.today_hours(stop.opening_hours, now),
                )
            features.append(
                {
                    "type": "Feature",
                    "id": f"{obj.pk}-{stop.pk}" if stop else obj.pk,
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": properties,
                }
            )
    collection = {"type": "FeatureCollection", "features": features}
    return _cacheable(
        HttpResponse(json.dumps(collection, ensure_ascii=False), content_type=GEOJSON)
    )


class _Echo:
    def write(self, value):
        return value


@router.get(
    "/organisations.csv",
    response={200: str, **REFUSED},
    url_name="organisations_csv",
    operation_id="organisationsCSV",
    summary="Every matching entry in the import CSV format.",
)
def organisations_csv(
    request, response: HttpResponse, parameters: Query[schemas.FilterParameters]
):
    """Every matching entry in the import format (UTF-8, header row), to be
    imported again. page and page_size do not apply."""
    filterset, valid = _filterset(request)
    if not valid:
        return _bad_request(response, filterset)
    writer = csv.writer(_Echo())
    results = filterset.results()

    def rows():
        yield writer.writerow(COLUMNS)
        for obj in results.iterator():
            yield writer.writerow(organisation_row(obj))

    export = StreamingHttpResponse(rows(), content_type=CSV)
    export["Content-Disposition"] = 'attachment; filename="directory.csv"'
    return _cacheable(export)


api.add_router("", router)
