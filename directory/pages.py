"""The public directory page: any association site can place it in its tree.

``DirectoryPage`` is a routable page (``RoutablePageMixin``) listing the
network-wide partner directory: every association's published entries,
unless the editor restricts the page to the site's own association or the
visitor filters by ``association``. Filtering goes through the one
``directory.filters.DirectoryFilterSet`` shared with the JSON API and the
exports, so the page and the API can never disagree. Routes:

* ``""``: the filter form and the results, 20 a page;
* ``org/<id>/<slug>/``: an entry's detail page (``org/<id>/`` redirects);
* ``share/``: the current list as short plain text for an SMS or WhatsApp;
* ``print/``: a compact list meant for one printed page.

Everything works without JavaScript. ``directory/static/directory/directory.js``
only adds "Use my position", the share sheet and the map, which loads
nothing from a third party until the visitor presses "Show map". The page
keeps no record of what visitors searched for.

The model is imported at the bottom of ``directory/models.py`` so that Django
registers it with the app.
"""

import hashlib
from dataclasses import dataclass, field
from math import ceil
from urllib.parse import quote, urlsplit

from django.core.cache import cache
from django.db import models
from django.db.models import Avg
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.search import index

from directory import opening
from directory.filters import DirectoryFilterSet, public_organisations
from directory.icons import CategoryLabel, category_icon
from directory.models import (
    Category,
    Organisation,
    PublicChoices,
    StatusChoices,
    WheelchairChoices,
)
from directory.plugin import directory_setting
from directory.templatetags.directory_tags import (
    LRI,
    PDI,
    checked_text,
    distance_text,
    geo_href,
    language_list,
    osm_href,
    state_text,
    tel_href,
    today_text,
    walking_text,
    week_summary,
)
from network.languages import text_direction
from sitepages.models import BasePage

PAGE_SIZE = 20
# "within 15 minutes on foot" (the form's checkbox value).
WALK_MINUTES = 15
# Sharing: short enough for a few SMS or one WhatsApp message.
SHARE_MAX_ENTRIES = 5
SHARE_MAX_CHARS = 700
# The printable list: what fits on one A4 page in small print.
PRINT_MAX_ENTRIES = 24
TOWN_CACHE_SECONDS = 3600
# Languages offered in the "language spoken" menu, most asked for first
# (Dari is "fa" in ISO 639-1). Any ISO 639-1 code works in the query string.
LANGUAGE_FILTER_CODES = [
    "ar",
    "ps",
    "fa",
    "ti",
    "am",
    "ku",
    "so",
    "ur",
    "en",
    "fr",
    "es",
    "it",
    "de",
    "ru",
    "uk",
    "sq",
    "om",
    "sw",
    "ln",
    "wo",
    "ha",
    "ff",
    "bn",
    "vi",
]
# Query parameters the page passes on to links (share, print, map, pages).
FILTER_PARAMETERS = [
    "q",
    "category",
    "open_now",
    "near",
    "within_minutes",
    "language",
    "publics",
    "association",
    "city",
]


def tile_url() -> str:
    """``DIRECTORY_MAP_TILE_URL`` (settings, environment, then the default)."""
    return directory_setting("DIRECTORY_MAP_TILE_URL")


def tile_attribution() -> str:
    return directory_setting("DIRECTORY_MAP_ATTRIBUTION")


def tile_host() -> str:
    """``tile.openstreetmap.org``: named on the "Show map" button."""
    host = urlsplit(tile_url().replace("{s}.", "")).hostname or ""
    return host


def looks_like_place_name(text: str) -> bool:
    """True for "Calais" or "Grande-Synthe", False for "50.95,1.85"."""
    return any(character.isalpha() for character in text)


@dataclass
class Entry:
    """One organisation as the page shows it (all text already worded)."""

    organisation: Organisation
    url: str
    place: object  # the organisation, or the stop that matched
    stop: object | None
    state: dict
    state_text: str
    today: str
    categories: list[CategoryLabel]
    languages: list[dict]
    tel: str
    geo: str
    osm: str
    distance: str = ""
    walking: str = ""
    checked: str = ""
    checked_today: bool = False
    lang: str = ""
    dir: str = ""

    @property
    def address_line(self) -> str:
        place = self.place
        parts = [getattr(place, "address", ""), getattr(place, "city", "")]
        if self.stop is not None and not parts[1]:
            parts[1] = self.organisation.city
        return ", ".join(part for part in parts if part)


@dataclass
class Search:
    """The visitor's filters, their errors and what to show back in the form."""

    filterset: DirectoryFilterSet
    values: dict
    errors: dict = field(default_factory=dict)
    near_label: str = ""
    near_is_position: bool = False
    query: str = ""  # the filters as a query string, without the page number

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def is_filtered(self) -> bool:
        return bool(self.query)

    def error_items(self) -> list[dict]:
        """The errors for the summary: field label, message, field anchor."""
        labels = {
            "category": (_("What do you need?"), "id_category_1"),
            "open_now": (_("Open now"), "id_open_now"),
            "near": (_("Near"), "id_near"),
            "within_minutes": (
                _("Within %(minutes)s minutes on foot") % {"minutes": WALK_MINUTES},
                "id_within_minutes",
            ),
            "language": (_("Language spoken there"), "id_language"),
            "publics": (_("Who is welcome"), "id_publics_1"),
            "q": (_("Words to look for"), "id_q"),
        }
        items = []
        for name, message in self.errors.items():
            form_field = self.filterset.form.fields.get(name)
            default = form_field.label if form_field is not None else name
            label, anchor = labels.get(name, (default, ""))
            items.append({"label": label, "message": message, "anchor": anchor})
        return items


class DirectoryPage(RoutablePageMixin, BasePage):
    """The partner directory on an association's site (network-wide entries)."""

    introduction = models.TextField(
        gettext_lazy("introduction"),
        blank=True,
        help_text=gettext_lazy(
            "A few plain sentences above the search form, e.g. who the "
            "directory is for."
        ),
    )
    own_entries_only = models.BooleanField(
        gettext_lazy("only our association's entries"),
        default=False,
        help_text=gettext_lazy(
            "Leave unticked to list every association's entries (the whole "
            "network). Tick to list only the entries your association manages."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("own_entries_only"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["sitepages.HomePage", "sitepages.ContentPage"]
    subpage_types = []
    template = "directory/directory_page.html"

    class Meta:
        verbose_name = gettext_lazy("directory page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # ", " in English and French, "، " in Arabic, Pashto and Dari.
        context["list_separator"] = pgettext("list separator", ", ")
        return context

    # Listing logic ------------------------------------------------------------
    def owner_association(self):
        from network.models import Association

        return Association.for_page(self)

    def base_queryset(self, language_code):
        """Published, not closed entries in the visitor's language."""
        queryset = public_organisations(language_code)
        if self.own_entries_only:
            association = self.owner_association()
            if association is not None:
                queryset = queryset.filter(association=association)
        return queryset

    def town_centre(self, name: str):
        """The centre of the directory's entries in a town, or ``None``.

        Lets a visitor without GPS (or without JavaScript) type "Calais" in
        the "near" field: entries are then sorted by distance from the middle
        of that town's entries. Cached for an hour: towns do not move.
        """
        name = " ".join(name.split()).casefold()
        key = "directory:town-centre:" + hashlib.md5(name.encode()).hexdigest()
        centre = cache.get(key)
        if centre is None:
            found = (
                Organisation.objects.filter(
                    live=True, city__iexact=name, latitude__isnull=False
                )
                .exclude(status=StatusChoices.CLOSED)
                .aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
            )
            if found["lat"] is None:
                return None  # not cached: the town may be added any minute
            centre = (found["lat"], found["lon"])
            cache.set(key, centre, TOWN_CACHE_SECONDS)
        return tuple(centre)

    def get_search(self, request) -> Search:
        """Read the visitor's filters from the query string into the FilterSet."""
        language_code = translation.get_language()
        data = request.GET.copy()
        # The page decides these: its language, 20 results a page.
        for name in ("lang", "page_size", "radius_km", "open_at"):
            data.pop(name, None)
        values = {
            "category": data.getlist("category"),
            "publics": data.getlist("publics"),
            "open_now": data.get("open_now", "") in {"1", "true", "yes", "on"},
            "near": data.get("near", "").strip()[:120],
            "within": bool(data.get("within_minutes")),
            "language": data.get("language", "").strip().lower(),
            "q": data.get("q", "")[:200],
            "association": data.get("association", ""),
            "city": data.get("city", ""),
        }
        errors = {}
        near_label = ""
        near_is_position = False
        near = values["near"]
        if near and looks_like_place_name(near):
            centre = self.town_centre(near)
            if centre is None:
                data.pop("near")
                errors["near"] = _(
                    "We know no place called “%(place)s” in the directory. "
                    "Type a town such as Calais, or use your position."
                ) % {"place": near}
            else:
                data["near"] = f"{centre[0]:.5f},{centre[1]:.5f}"
                near_label = near
        elif near:
            near_is_position = True
        if data.get("within_minutes") and not data.get("near"):
            data.pop("within_minutes")
            if "near" not in errors:
                errors["within_minutes"] = _(
                    "To search within 15 minutes on foot, type a town or use "
                    "your position."
                )
        filterset = DirectoryFilterSet(
            data, queryset=self.base_queryset(language_code), request=request
        )
        if not filterset.is_valid():
            for name, message in filterset.error_dict().items():
                errors.setdefault(name, message)
        kept = request.GET.copy()
        for name in list(kept.keys()):
            if name not in FILTER_PARAMETERS or not any(kept.getlist(name)):
                kept.pop(name)
        return Search(
            filterset=filterset,
            values=values,
            errors=errors,
            near_label=near_label,
            near_is_position=near_is_position,
            query=kept.urlencode(),
        )

    def get_organisations(self, search: Search):
        """The matching entries, in order (``DirectoryResults``), or ``None``."""
        if not search.is_valid:
            return None
        return search.filterset.results()

    def page_number(self, request) -> int:
        try:
            return max(1, int(request.GET.get("page", "1")))
        except ValueError:
            return 1

    # Presentation -----------------------------------------------------------------
    def subpage_url(self, request, name, **kwargs) -> str:
        base = self.get_url(request) or "/"
        if not base.endswith("/"):
            base += "/"
        return base + self.reverse_subpage(name, kwargs=kwargs or None)

    def organisation_url(self, organisation, request=None) -> str:
        return self.subpage_url(
            request, "organisation", pk=organisation.pk, slug=organisation.slug
        )

    @staticmethod
    def next_stop(organisation, now):
        """For a mobile service with no hours of its own: the stop open now,
        else the one opening soonest (stops are prefetched: no query)."""
        best, best_key = None, None
        for stop in organisation.stops.all():
            state = opening.opening_state(stop, now)
            if state["state"] == opening.OPEN:
                key = (0, now)
            elif state["next_open"] is not None:
                key = (1, state["next_open"])
            else:
                continue
            if best_key is None or key < best_key:
                best, best_key = stop, key
        return best

    def present(self, organisation, request, names, now, show_distance=True) -> Entry:
        """Word one organisation for the list (state, today, links, distance).

        Distances are shown from the visitor's position only: from the middle
        of a typed town they would mislead ("1 min on foot").
        """
        stop = getattr(organisation, "matching_stop", None)
        if stop is None and not organisation.opening_hours:
            stop = self.next_stop(organisation, now)
        place = stop or organisation
        state = opening.opening_state(place, now)
        lat, lon = place.latitude, place.longitude
        if lat is None and stop is not None:
            lat, lon = organisation.latitude, organisation.longitude
        last_checked = organisation.last_checked
        if (
            stop is not None
            and stop.last_checked
            and (last_checked is None or stop.last_checked > last_checked)
        ):
            last_checked = stop.last_checked
        today = timezone.localdate(now, opening.site_zone())
        entry_language = organisation.locale.language_code
        active = translation.get_language()
        return Entry(
            organisation=organisation,
            url=self.organisation_url(organisation, request),
            place=place,
            stop=stop,
            state=state,
            state_text=state_text(state, now),
            today=today_text(place, state, now),
            categories=[
                CategoryLabel(names.get(category.slug, category.name), category.slug)
                for category in organisation.categories.all()
            ],
            languages=language_list(organisation.languages),
            tel=tel_href(organisation.phone),
            geo=geo_href(lat, lon, organisation.name),
            osm=osm_href(lat, lon),
            distance=distance_text(getattr(organisation, "distance_km", None))
            if show_distance
            else "",
            walking=walking_text(getattr(organisation, "walk_minutes", None))
            if show_distance
            else "",
            checked=checked_text(last_checked, organisation.association.name),
            checked_today=last_checked is not None and last_checked >= today,
            lang=entry_language if entry_language != active else "",
            dir=(text_direction(entry_language) if entry_language != active else ""),
        )

    def filter_form_context(self, search: Search) -> dict:
        language_code = translation.get_language()
        names = Category.names_by_slug(language_code)
        return {
            "categories": [
                {
                    "slug": slug,
                    "name": name,
                    "icon": category_icon(slug),
                    "checked": slug in search.values["category"],
                }
                for slug, name in names.items()
            ],
            "publics": [
                {
                    "value": value,
                    "label": label,
                    "checked": value in search.values["publics"],
                }
                for value, label in PublicChoices.choices
            ],
            "languages": [
                {
                    "code": item["code"],
                    "name": item["name"],
                    "dir": item["dir"],
                    "selected": item["code"] == search.values["language"],
                }
                for item in language_list(LANGUAGE_FILTER_CODES)
            ],
            "walk_minutes": WALK_MINUTES,
            "more_open": bool(
                search.values["language"]
                or search.values["publics"]
                or search.values["q"]
                or {"language", "publics", "q"} & set(search.errors)
            ),
        }

    def api_query(self, search: Search) -> str:
        """The visitor's filters as an API query string (same entries as the
        page: its language, and its association when it lists only its own)."""
        params = search.filterset.data.copy()
        for name in ("page", "page_size"):
            params.pop(name, None)
        params["lang"] = translation.get_language()
        if self.own_entries_only:
            association = self.owner_association()
            if association is not None:
                params["association"] = association.slug
        return params.urlencode()

    @staticmethod
    def api_url(name: str, default: str) -> str:
        try:
            return reverse(f"directory_api:{name}")
        except NoReverseMatch:
            return default

    def data_links(self, search: Search) -> dict:
        """The open-data versions of the current list, and the API's description."""
        query = self.api_query(search)
        return {
            "csv": self.api_url("organisations_csv", "/api/directory/organisations.csv")
            + f"?{query}",
            "geojson": self.api_url(
                "organisations_geojson", "/api/directory/organisations.geojson"
            )
            + f"?{query}",
            "json": self.api_url("organisations", "/api/directory/organisations/")
            + f"?{query}",
            "openapi": self.api_url("openapi", "/api/directory/openapi.json"),
        }

    def map_context(self, request, search: Search) -> dict:
        geojson = self.api_url(
            "organisations_geojson", "/api/directory/organisations.geojson"
        )
        return {
            "geojson_url": f"{geojson}?{self.api_query(search)}",
            "tile_url": tile_url(),
            "tile_host": tile_host(),
            "attribution": tile_attribution(),
            "leaflet_js": static("directory/vendor/leaflet/leaflet.js"),
            "leaflet_css": static("directory/vendor/leaflet/leaflet.css"),
            "cluster_js": static(
                "directory/vendor/leaflet.markercluster/leaflet.markercluster.js"
            ),
            "cluster_css": static(
                "directory/vendor/leaflet.markercluster/MarkerCluster.css"
            ),
            "cluster_default_css": static(
                "directory/vendor/leaflet.markercluster/MarkerCluster.Default.css"
            ),
            "icon_url": static("directory/vendor/leaflet/images/marker-icon.png"),
            "icon_retina_url": static(
                "directory/vendor/leaflet/images/marker-icon-2x.png"
            ),
            "shadow_url": static("directory/vendor/leaflet/images/marker-shadow.png"),
        }

    def share_text(self, request, entries, count, search: Search) -> str:
        """The list as plain text for an SMS or a WhatsApp message.

        Names, addresses, today's hours and phone numbers of the first few
        entries, then a link to the whole list; never longer than
        ``SHARE_MAX_CHARS`` characters.
        """
        link = request.build_absolute_uri(
            self.get_url(request) + (f"?{search.query}" if search.query else "")
        )
        header = self.title
        footer = _("Full list: %(url)s") % {"url": link}
        if len(footer) > SHARE_MAX_CHARS // 2:
            footer = request.build_absolute_uri(self.get_url(request))
        lines = [header]
        budget = SHARE_MAX_CHARS - len(header) - len(footer) - 2
        for number, entry in enumerate(entries[:SHARE_MAX_ENTRIES], start=1):
            parts = [f"{number}. {entry.organisation.name}"]
            if entry.address_line:
                parts.append(entry.address_line)
            parts.append(entry.today)
            if entry.organisation.phone:
                parts.append(f"{LRI}{entry.organisation.phone}{PDI}")
            block = " · ".join(parts)
            if len(block) + 1 > budget:
                break
            lines.append(block)
            budget -= len(block) + 1
        if len(lines) == 1:
            lines.append(_("No places match these filters."))
        lines.append(footer)
        return "\n".join(lines)[:SHARE_MAX_CHARS]

    # Routes -------------------------------------------------------------------------
    def _results_page(self, request, search):
        """(entries of the requested page, total count, page number, pages)."""
        results = self.get_organisations(search)
        if results is None:
            return [], 0, 1, 1
        count = results.count
        pages = max(1, ceil(count / PAGE_SIZE))
        number = min(self.page_number(request), pages)
        objects = results.page(number, PAGE_SIZE)
        names = Category.names_by_slug(translation.get_language())
        now = timezone.now()
        entries = [
            self.present(obj, request, names, now, search.near_is_position)
            for obj in objects
        ]
        return entries, count, number, pages

    def _page_link(self, search, number):
        query = f"{search.query}&" if search.query else ""
        return f"?{query}page={number}#results"

    @path("", name="index")
    def index(self, request):
        search = self.get_search(request)
        entries, count, number, pages = self._results_page(request, search)
        share = self.share_text(request, entries, count, search) if entries else ""
        suffix = f"?{search.query}" if search.query else ""
        context = {
            "search": search,
            "entries": entries,
            "count": count,
            "page_number": number,
            "first_number": (number - 1) * PAGE_SIZE + 1,
            "num_pages": pages,
            "previous_url": self._page_link(search, number - 1) if number > 1 else "",
            "next_url": self._page_link(search, number + 1) if number < pages else "",
            "share_url": self.subpage_url(request, "share") + suffix,
            "print_url": self.subpage_url(request, "print_list") + suffix,
            "sms_href": f"sms:?&body={quote(share, safe='')}" if share else "",
            "whatsapp_href": (
                f"https://wa.me/?text={quote(share, safe='')}" if share else ""
            ),
            "map": self.map_context(request, search),
            "data_links": self.data_links(search),
            **self.filter_form_context(search),
        }
        response = self.render(request, context_overrides=context)
        if not search.is_valid:
            response.status_code = 400
        return response

    @path("org/<int:pk>/", name="organisation_short")
    @re_path(r"^org/(?P<pk>\d+)/(?P<slug>[^/]+)/$", name="organisation")
    def organisation(self, request, pk, slug=None):
        """An entry's detail page, in the visitor's language when translated."""
        language_code = translation.get_language()
        organisation = (
            self.base_queryset(language_code)
            .select_related("association", "locale", "photo")
            .prefetch_related("categories", "stops")
            .filter(pk=pk)
            .first()
        )
        if organisation is None:
            # Another language's row of an entry: go to the visitor's own one.
            other = (
                Organisation.objects.filter(pk=pk, live=True)
                .exclude(status=StatusChoices.CLOSED)
                .values_list("translation_key", flat=True)
                .first()
            )
            translated = (
                self.base_queryset(language_code).filter(translation_key=other).first()
                if other
                else None
            )
            if translated is None:
                raise Http404(_("No such entry in the directory."))
            return HttpResponsePermanentRedirect(
                self.organisation_url(translated, request)
            )
        if slug != organisation.slug:
            return HttpResponsePermanentRedirect(
                self.organisation_url(organisation, request)
            )
        now = timezone.now()
        names = Category.names_by_slug(language_code)
        entry = self.present(organisation, request, names, now)
        places = [
            {
                "place": organisation,
                "name": "",
                "state_text": entry.state_text,
                "state": entry.state,
                "week": opening.week_table(organisation.opening_hours),
                "address": ", ".join(
                    part
                    for part in (
                        organisation.address,
                        organisation.postcode,
                        organisation.city,
                    )
                    if part
                ),
                "geo": geo_href(
                    organisation.latitude, organisation.longitude, organisation.name
                ),
                "osm": osm_href(organisation.latitude, organisation.longitude),
            }
        ]
        for stop in organisation.stops.all():
            stop_state = opening.opening_state(stop, now)
            places.append(
                {
                    "place": stop,
                    "name": stop.name,
                    "state_text": state_text(stop_state, now),
                    "state": stop_state,
                    "week": opening.week_table(stop.opening_hours),
                    "address": ", ".join(
                        part for part in (stop.address, stop.city) if part
                    ),
                    "geo": geo_href(stop.latitude, stop.longitude, stop.name),
                    "osm": osm_href(stop.latitude, stop.longitude),
                    "checked": (
                        checked_text(stop.last_checked, organisation.association.name)
                        if stop.last_checked
                        else ""
                    ),
                }
            )
        publics = dict(PublicChoices.choices)
        context = {
            "entry": entry,
            "organisation": organisation,
            "places": places,
            "is_mobile": bool(places[1:]),
            "publics": [
                str(publics[item]) for item in organisation.publics if item in publics
            ],
            "wheelchair": (
                str(dict(WheelchairChoices.choices)[organisation.wheelchair])
                if organisation.wheelchair
                else ""
            ),
            "occupancy": organisation.get_usual_occupancy_display()
            if organisation.usual_occupancy
            else "",
            "back_url": self.get_url(request),
        }
        return self.render(
            request,
            template="directory/organisation_detail.html",
            context_overrides=context,
        )

    @path("share/", name="share")
    def share(self, request):
        """The current list as plain text (the "Copy or share" link)."""
        search = self.get_search(request)
        if not search.is_valid:
            text = "\n".join(str(message) for message in search.errors.values())
            return HttpResponse(
                text, status=400, content_type="text/plain; charset=utf-8"
            )
        entries, count, _number, _pages = self._results_page(request, search)
        response = HttpResponse(
            self.share_text(request, entries, count, search),
            content_type="text/plain; charset=utf-8",
        )
        response["Content-Language"] = translation.get_language()
        return response

    @path("print/", name="print_list")
    def print_list(self, request):
        """A compact list of up to ``PRINT_MAX_ENTRIES`` entries for printing."""
        search = self.get_search(request)
        results = self.get_organisations(search)
        entries, count = [], 0
        if results is not None:
            count = results.count
            names = Category.names_by_slug(translation.get_language())
            now = timezone.now()
            for obj in results.slice(0, PRINT_MAX_ENTRIES):
                entry = self.present(obj, request, names, now, search.near_is_position)
                entry.week = week_summary(entry.place.opening_hours)
                entries.append(entry)
        suffix = f"?{search.query}" if search.query else ""
        response = self.render(
            request,
            template="directory/print_list.html",
            context_overrides={
                "search": search,
                "entries": entries,
                "count": count,
                "more": max(0, count - len(entries)),
                "list_url": request.build_absolute_uri(self.get_url(request) + suffix),
                "printed_on": timezone.localdate(),
            },
        )
        if not search.is_valid:
            response.status_code = 400
        return response
