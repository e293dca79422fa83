"""Admin wiring of the directory plugin.

* registers the plugin with the network (``register_network_plugin``);
* "Directory" menu group: entries (scoped to the editor's associations by
  ``network.viewsets.AssociationOwnedSnippetViewSet``) and categories;
* the CSV import view, the "still accurate today" views and the dashboard
  panel listing entries to re-check (``directory.admin_views``).
* the ``directory.import`` log action, which an imported entry's History tab
  shows (``directory.importers``).
"""

import django_filters
from django.forms import CheckboxSelectMultiple
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, DateColumn, UpdatedAtColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory import admin_views, importers, moderation
from directory.csvformat import COLUMNS, escape_cell
from directory.models import (
    Category,
    Organisation,
    StatusChoices,
    stale_q,
)
from directory.plugin import PLUGIN
from directory.widgets import MapCoordinateInput
from network.permissions import associations_for_request
from network.viewsets import AssociationOwnedSnippetViewSet


@hooks.register("register_network_plugin")
def register_directory_plugin():
    return PLUGIN


@hooks.register("register_site_search_provider")
def directory_in_site_search(request, query, language_code):
    from directory.site_search import site_search_group

    return site_search_group(request, query, language_code)


@hooks.register("register_sitepages_demo_cards")
def directory_demo_cards():
    from directory.demo import demo_card

    return [demo_card()]


class OrganisationAdminFilterSet(WagtailFilterSet):
    category = django_filters.ModelMultipleChoiceFilter(
        label=_("Category"),
        field_name="categories",
        queryset=lambda request: Category.default_locale_queryset(),
        distinct=True,
    )
    city = django_filters.CharFilter(label=_("City"), lookup_expr="iexact")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=StatusChoices.choices
    )
    association = django_filters.ModelChoiceFilter(
        label=_("Association"),
        queryset=associations_for_request,
    )
    needs_check = django_filters.BooleanFilter(
        label=_("Not checked for six months"),
        method="filter_needs_check",
    )

    class Meta:
        model = Organisation
        fields = []

    def filter_needs_check(self, queryset, name, value):
        if value is None:
            return queryset
        stale = queryset.filter(stale_q())
        return stale if value else queryset.exclude(pk__in=stale.values("pk"))


def _stop_panels():
    return [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("address"), FieldPanel("city")]),
        FieldRowPanel(
            [
                FieldPanel("latitude", widget=MapCoordinateInput),
                FieldPanel("longitude"),
            ]
        ),
        FieldPanel("opening_hours"),
        FieldPanel("last_checked", widget=AdminDateInput),
    ]


class FormulaSafeCSVMixin:
    """The admin CSV export writes formula-like cells as text (``csvformat``)."""

    def write_csv_row(self, writer, row_dict):
        cells = {}
        for field, value in row_dict.items():
            value = self.preprocess_field_value(field, value, self.FORMAT_CSV)
            # numbers too: a negative longitude is written as text ('-1.85)
            cells[field] = escape_cell(value if value is None else str(value))
        return writer.writerow(cells)


# Registered before the viewset, so that ``network`` keeps it: the association
# policy, with "publish" reserved to moderators when moderation is on.
if policy_registry.get_by_type(Organisation, fallback=False) is None:
    register_permission_policy(
        Organisation,
        moderation.OrganisationPermissionPolicy(Organisation),
        exact_class=True,
    )


class OrganisationViewSet(AssociationOwnedSnippetViewSet):
    """Directory entries of the editor's own associations (coordinators: all).

    Entries of a moderated association go through its workflow
    (``directory.moderation``).
    """

    model = Organisation
    add_view_class = moderation.ModeratedCreateView
    edit_view_class = moderation.ModeratedEditView
    icon = "site"
    menu_label = _("Entries")
    menu_name = "directory_entries"
    add_to_admin_menu = False
    list_per_page = 50
    list_display = [
        "name",
        "city",
        Column("association", label=_("Association"), accessor="association"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("last_checked", label=_("Last checked")),
        UpdatedAtColumn(),
    ]
    list_filter = None
    filterset_class = OrganisationAdminFilterSet
    # The admin export uses the import columns, so it can be re-imported.
    list_export = [
        "external_id",
        "name",
        "category_slugs",
        "description",
        "address",
        "postcode",
        "city",
        "latitude",
        "longitude",
        "phone",
        "email",
        "website",
        "language_codes",
        "opening_hours",
        "audience",
        "wheelchair",
    ]
    export_headings = {
        **{name: name for name in COLUMNS},
        "category_slugs": "categories",
        "language_codes": "languages",
    }
    export_filename = "directory-entries"
    index_view_class = type(
        "OrganisationIndexView",
        (FormulaSafeCSVMixin, AssociationOwnedSnippetViewSet.index_view_class),
        {},
    )
    copy_view_enabled = False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("association", "locale", "latest_revision")
            .prefetch_related("categories")
        )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("association"),
                    FieldPanel("name"),
                    FieldPanel("categories", widget=CheckboxSelectMultiple),
                    FieldPanel("description"),
                    FieldPanel("photo"),
                    MultiFieldPanel(
                        [
                            FieldPanel("status"),
                            FieldPanel("closed_reason"),
                            FieldPanel("closed_until", widget=AdminDateInput),
                        ],
                        heading=_("Status"),
                    ),
                ],
                heading=_("Entry"),
            ),
            ObjectList(
                [
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                    FieldRowPanel(
                        [
                            FieldPanel("latitude", widget=MapCoordinateInput),
                            FieldPanel("longitude"),
                        ]
                    ),
                    FieldPanel("opening_hours"),
                    InlinePanel(
                        "stops",
                        panels=_stop_panels(),
                        heading=_("Stops of a mobile service"),
                        label=_("Stop"),
                        help_text=_(
                            "For outreach rounds and distributions that move: "
                            "each stop has its own place and hours."
                        ),
                    ),
                ],
                heading=_("Place and hours"),
            ),
            ObjectList(
                [
                    FieldPanel("languages"),
                    FieldPanel("publics"),
                    FieldPanel("audience"),
                    FieldPanel("usual_occupancy"),
                    FieldPanel("access_conditions"),
                    FieldPanel("wheelchair"),
                ],
                heading=_("Who is welcome"),
            ),
            ObjectList(
                [
                    FieldPanel("phone"),
                    FieldPanel("email"),
                    FieldPanel("website"),
                    FieldPanel("external_id"),
                    FieldPanel("last_checked", widget=AdminDateInput),
                ],
                heading=_("Contact and checks"),
            ),
        ]
    )


class CategoryViewSet(SnippetViewSet):
    """The network-wide categories (changed by coordinators only)."""

    model = Category
    icon = "tag"
    menu_label = _("Categories")
    menu_name = "directory_categories"
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("icon"),
        FieldPanel("sort_order"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_import(request.user)


class DirectoryImportViewSet(ViewSet):
    """The CSV import (upload, preview with per-line errors, confirm)."""

    name = "directory_import"
    icon = "upload"
    menu_label = _("Import CSV")
    url_prefix = "directory/import"

    def get_urlpatterns(self):
        return [
            path("", admin_views.ImportView.as_view(), name="upload"),
        ]

    def get_menu_item(self, order=None):
        return ImportMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.name,
            icon_name=self.icon,
            order=order if order is not None else 300,
        )


class CheckViewSet(ViewSet):
    """Phone-friendly "still accurate today" confirmations."""

    name = "directory_check"
    icon = "tick"
    menu_label = _("Confirm entries")
    url_prefix = "directory/check"

    def get_urlpatterns(self):
        return [
            path("", admin_views.CheckListView.as_view(), name="list"),
            path(
                "entry/<int:pk>/",
                admin_views.ConfirmEntryView.as_view(),
                name="entry",
            ),
            path("stop/<int:pk>/", admin_views.ConfirmStopView.as_view(), name="stop"),
        ]

    def get_menu_item(self, order=None):
        return ImportMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.name,
            icon_name=self.icon,
            order=order if order is not None else 200,
        )


import_viewset = DirectoryImportViewSet()
check_viewset = CheckViewSet()


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "site"
    menu_name = "directory"
    menu_order = 250
    items = (OrganisationViewSet, CategoryViewSet)

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.append(check_viewset.get_menu_item(order=10))
        items.append(import_viewset.get_menu_item(order=11))
        return items


register_snippet(DirectoryGroup)


@hooks.register("register_admin_viewset")
def register_directory_admin_views():
    return [import_viewset, check_viewset]


hooks.register("construct_snippet_action_menu", moderation.adjust_action_menu)


@hooks.register("register_admin_urls")
def register_hours_preview_url():
    return [
        path(
            "directory/hours-preview/",
            admin_views.hours_preview,
            name="directory_hours_preview",
        )
    ]


@hooks.register("construct_homepage_panels")
def add_recheck_panel(request, panels):
    panel = admin_views.RecheckPanel(request)
    if panel.is_shown():
        panels.append(panel)


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    actions.register_action(importers.IMPORT_ACTION)(importers.ImportLogFormatter)
