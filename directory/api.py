"""The public, read-only directory API (contract in ARCHITECTURE.md).

* ``GET /api/directory/organisations/``: paginated JSON;
* ``GET /api/directory/organisations.geojson``: a GeoJSON FeatureCollection;
* ``GET /api/directory/organisations.csv``: the import columns (re-importable);
* ``GET /api/directory/openapi.json``: the OpenAPI 3.1 description.

All of them take the parameters of ``directory.filters.DirectoryFilterSet``
(the same FilterSet as the HTML directory page). A malformed parameter
answers 400 with ``{"errors": {"<parameter>": "<message>"}}``. Nothing about
visitors is stored or logged here.
"""

import csv
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from directory import opening
from directory.csvformat import COLUMNS, organisation_row
from directory.filters import DirectoryFilterSet
from directory.links import DetailLinker
from directory.models import Category
from directory.openapi import openapi_schema

# Answers change when "open now" changes, so keep them short-lived.
CACHE_SECONDS = 60


def _cacheable(response):
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    patch_vary_headers(response, ["Accept-Language"])
    return response


def _bad_request(filterset):
    response = JsonResponse({"errors": filterset.error_dict()}, status=400)
    response["Cache-Control"] = "no-store"
    return response


def _filterset(request):
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


@require_GET
def organisations(request):
    """Paginated JSON list of matching entries."""
    filterset, valid = _filterset(request)
    if not valid:
        return _bad_request(filterset)
    results = filterset.results()
    number, size = filterset.get_page_number(), filterset.get_page_size()
    count = results.count
    objects = results.page(number, size)
    language_code = filterset.get_language()
    linker = DetailLinker(request, language_code)
    names = Category.names_by_slug(language_code)
    now = timezone.now()
    near = bool(filterset.form.cleaned_data.get("near"))
    payload = {
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
    return _cacheable(JsonResponse(payload, json_dumps_params={"ensure_ascii": False}))


@require_GET
def organisations_geojson(request):
    """Every matching entry as a GeoJSON FeatureCollection (one feature per place).

    An entry is a Point at its own coordinates, and each stop of a mobile
    service is a Point too (``properties.stop`` names it). An entry with no
    coordinates at all has a ``null`` geometry.
    """
    filterset, valid = _filterset(request)
    if not valid:
        return _bad_request(filterset)
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
    response = HttpResponse(
        json.dumps(
            {"type": "FeatureCollection", "features": features}, ensure_ascii=False
        ),
        content_type="application/geo+json",
    )
    return _cacheable(response)


class _Echo:
    def write(self, value):
        return value


@require_GET
def organisations_csv(request):
    """Every matching entry in the import format (UTF-8, header row)."""
    filterset, valid = _filterset(request)
    if not valid:
        return _bad_request(filterset)
    writer = csv.writer(_Echo())
    results = filterset.results()

    def rows():
        yield writer.writerow(COLUMNS)
        for obj in results.iterator():
            yield writer.writerow(organisation_row(obj))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="directory.csv"'
    return _cacheable(response)


@require_GET
def openapi(request):
    """The OpenAPI 3.1 description of this API."""
    schema = openapi_schema(
        server=request.build_absolute_uri("/"),
        languages=[code for code, _name in settings.LANGUAGES],
        categories=sorted(Category.names_by_slug(get_language())),
    )
    response = JsonResponse(schema, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=3600)
    return response
