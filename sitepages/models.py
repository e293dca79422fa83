"""Pages every association site uses.

Page tree of each site (one tree per language, siblings at depth 2)::

    HomePage                      hero, introduction, featured links, body
    ├── ContentPage               introduction + body of shared blocks
    │   ├── ContentPage
    │   └── ActionPlanPage
    ├── ActionPlanPage            axes → objectives → targets + actions
    ├── NewsIndexPage             one per site: the site's news
    │   └── UpdatePage            a dated news item
    ├── MembersPage               hub only: the member associations
    └── NetworkNewsPage           hub only: latest updates of every site

Field names (stable; demo content and plugins rely on them):

- ``HomePage``: ``hero_title``, ``hero_text``, ``hero_image``,
  ``hero_cta_label``, ``hero_cta_page``, ``hero_cta_url``, ``introduction``
  (plain text, also shown on the hub's members page), ``featured_links``
  (StreamField of ``link`` blocks: title, text, page or url), ``body``.
- ``ContentPage``: ``introduction``, ``body``.
- ``ActionPlanPage``: ``introduction``, ``start_year``, ``end_year``, ``body``
  (context shown above the table), ``axes`` (StreamField of ``axis`` blocks:
  ``title``, ``description``, ``objectives`` → ``title``, ``targets`` (list of
  strings), ``actions`` → ``text``, ``role``, ``years`` (list of "2024"…)).
- ``NewsIndexPage``: ``introduction``.
- ``UpdatePage``: ``date``, ``summary``, ``image``, ``image_alt_text``,
  ``body``.
- ``MembersPage`` and ``NetworkNewsPage``: ``introduction``.

Every page type subclasses :class:`BasePage`, which carries the check that a
page type of a plugin the association disabled cannot be created.
"""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from network.logos import logo_data
from network.models import Association, ThemeSettings
from network.plugins import NetworkPageMixin, declares_parent, plugin_page_models
from sitepages.blocks import (
    ACTION_ROLE_DEFINITIONS,
    ACTION_ROLES,
    ActionPlanAxisBlock,
    BaseStreamBlock,
    FeaturedLinkBlock,
)
from sitepages.cache import associations_by_tree, exclude_private, restricted_paths

Image = get_image_model()

#: How many items listing pages show per page.
UPDATES_PER_PAGE = 10
#: How many of the site's latest updates the home page shows.
HOME_LATEST_UPDATES = 3


def current_year():
    return datetime.date.today().year


def two_years_from_now():
    return datetime.date.today().year + 2


def paginate(request, items, per_page):
    """A page of ``items`` from ``?page=``; bad or out-of-range values never fail.

    ``Paginator.get_page`` turns a non-number into page 1 and a number past the
    end into the last page.
    """
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def without_label(title, label):
    """``title`` without a leading ``label`` the page already shows.

    Action plan headings read "Axis 2 · <title>"; an editor who typed the
    number into the title ("Axe 2 — Défendre les droits") would otherwise see
    it twice. The label is compared in the page's language, case-insensitively,
    with the separator after it ("—", "–", "-", ":", "·", ".").
    """
    pattern = rf"\s*{re.escape(label)}(?![\d.])\s*(?:[—–\-:·.]\s*)?(?=\S)"
    match = re.match(pattern, title, re.IGNORECASE)
    return title[match.end() :] if match else title


class BasePage(NetworkPageMixin, Page):
    """Abstract base of every page type, core or plugin.

    ``NetworkPageMixin.can_create_at`` refuses page types of plugins that the
    association owning the parent page has disabled.
    """

    class Meta:
        abstract = True

    @classmethod
    def clean_subpage_models(cls):
        """The declared child types, plus every plugin page type that names
        this page type in its own ``parent_page_types``.

        A plugin page type declares where it goes (``parent_page_types``) and
        can then be created under any sitepages page that accepts children
        (``subpage_types`` not empty), still only where the association enables
        the plugin (``NetworkPageMixin.can_create_at``). sitepages imports no
        plugin: plugins are found through the ``register_network_plugin`` hook.
        """
        if cls._clean_subpage_models is None:
            models_ = list(super().clean_subpage_models())
            if models_ and cls._meta.app_label == BasePage._meta.app_label:
                models_ += [
                    model
                    for model in plugin_page_models()
                    if declares_parent(model, cls) and model not in models_
                ]
            cls._clean_subpage_models = models_
        return cls._clean_subpage_models

    @cached_property
    def association(self):
        return Association.for_page(self)

    def get_view_restrictions(self):
        """Skip Wagtail's two queries (ancestors, restrictions) per request
        while no page of the install has a view restriction; the cached list
        of restricted paths is dropped whenever a restriction changes."""
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HubOnlyPageMixin:
    """Page types that only make sense on the network's hub site."""

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        association = Association.for_page(parent)
        return association is not None and association.is_hub


class HomePage(BasePage):
    """The root of an association's site (one per language).

    Created by ``network.provisioning.create_association`` (named by the
    ``NETWORK_HOME_PAGE_MODEL`` setting). It shows a hero, an introduction,
    featured links, the body and the site's latest updates.
    """

    hero_title = models.CharField(
        _("hero title"),
        max_length=160,
        blank=True,
        help_text=_("Large title at the top. Leave empty to use the page title."),
    )
    hero_text = models.TextField(
        _("hero text"),
        blank=True,
        max_length=500,
        help_text=_("One or two sentences saying who you are and who you help."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Keep it light: visitors often have little data."),
    )
    hero_cta_label = models.CharField(
        _("button label"),
        max_length=60,
        blank=True,
        help_text=_("e.g. 'Find help near you'. Leave empty for no button."),
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the button leads to…"),
    )
    hero_cta_url = models.URLField(
        _("button web address"),
        blank=True,
        help_text=_("…or an address on another website."),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "A short presentation of the association. The network's members "
            "page shows it too."
        ),
    )
    featured_links = StreamField(
        [("link", FeaturedLinkBlock())],
        blank=True,
        max_num=6,
        verbose_name=_("featured links"),
        help_text=_("Up to six important pages, shown as cards."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldRowPanel(
                    [FieldPanel("hero_cta_page"), FieldPanel("hero_cta_url")]
                ),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("featured_links"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    # the core demo content, run first by ``load_demo`` (plugins name theirs
    # in ``NetworkPlugin.demo``)
    demo = "sitepages.demo.load"
    subpage_types = [
        "sitepages.ContentPage",
        "sitepages.ActionPlanPage",
        "sitepages.NewsIndexPage",
        "sitepages.MembersPage",
        "sitepages.NetworkNewsPage",
        "sitepages.AppealPage",
        "sitepages.AppealIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        if self.hero_cta_label and not (self.hero_cta_page or self.hero_cta_url):
            raise ValidationError(
                {"hero_cta_label": _("Choose the page or address the button leads to.")}
            )
        if self.hero_cta_page and self.hero_cta_url:
            raise ValidationError(
                {"hero_cta_url": _("Choose either a page or a web address, not both.")}
            )

    def get_latest_updates(self):
        """This site's latest live updates, in this home page's language.

        The hub presents the network: its home page lists the latest updates
        of every site in its language (its one news list, the network news),
        each named with its association.
        """
        association = self.association
        if association is not None and association.is_hub:
            updates = UpdatePage.objects.live().filter(locale_id=self.locale_id)
        else:
            updates = UpdatePage.objects.live().descendant_of(self)
        updates = list(
            exclude_private(updates)
            .order_by("-date", "-pk")
            .only(
                "id", "title", "url_path", "path", "depth", "date", "summary", "locale"
            )
            .select_related("locale")[:HOME_LATEST_UPDATES]
        )
        if association is not None and association.is_hub:
            by_tree = associations_by_tree()
            for update in updates:
                update.network_association = by_tree.get(Association.tree_path(update))
        return updates

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_updates"] = self.get_latest_updates()
        context["home_layout"] = ThemeSettings.for_request(request).home_layout
        return context


class ContentPage(BasePage):
    """A free page built from the shared blocks (missions, resources, FAQ…)."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional wide picture under the title. Keep it light: visitors "
            "often have little data."
        ),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["sitepages.HomePage", "sitepages.ContentPage"]
    subpage_types = [
        "sitepages.ContentPage",
        "sitepages.ActionPlanPage",
        "sitepages.AppealPage",
    ]

    class Meta:
        verbose_name = _("content page")


class ActionFilterForm(forms.Form):
    """The action plan's filters, read from the query string (no JS needed)."""

    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[("", _("All roles"))] + ACTION_ROLES,
        error_messages={"invalid_choice": _("This role does not exist.")},
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("The plan has no such year.")},
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [
            (str(year), str(year)) for year in years
        ]


class ActionPlanPage(BasePage):
    """A structured action plan: axes → objectives → targets and actions.

    Modelled on Quebec City's 2024–2026 homelessness plan: each action has a
    role (responsible, mobiliser, collaborator, contributor) and the years it
    runs. The plan is one nested StreamField (axis → objective → action
    StructBlocks) rather than three levels of InlinePanel on a
    ClusterableModel, because:

    - editors see and reorder the whole plan on one screen, collapsed per
      axis and objective, and Wagtail supports nesting in StreamField but not
      nested InlinePanels;
    - wagtail-localize translates a StreamField segment by segment (texts are
      translated, roles and years stay synchronised), with no extra
      translatable models to bootstrap;
    - a plan holds tens of actions, not thousands: filtering them in Python
      costs no query, so the page renders in a constant number of queries.

    Actions are numbered automatically in plan order, so inserting one never
    leaves a gap; a filtered view keeps each action's number.
    """

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the plan is for and who carries it."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("first year"),
        default=current_year,
        help_text=_("First year of the plan, e.g. 2024."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"),
        default=two_years_from_now,
        help_text=_("Last year of the plan, e.g. 2026 (at most 10 years)."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("context"),
        help_text=_("Context shown above the plan: history, partners, risks."),
    )
    axes = StreamField(
        [("axis", ActionPlanAxisBlock())],
        blank=True,
        verbose_name=_("axes"),
        help_text=_("The plan's axes, each with objectives, targets and actions."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("body"),
        FieldPanel("axes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("axes"),
    ]
    parent_page_types = ["sitepages.HomePage", "sitepages.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("action plan")

    @property
    def years(self):
        if not self.start_year or not self.end_year:
            return []
        return list(range(self.start_year, self.end_year + 1))

    def clean(self):
        super().clean()
        if self.start_year and self.end_year:
            if self.end_year < self.start_year:
                raise ValidationError(
                    {"end_year": _("The last year comes before the first year.")}
                )
            if self.end_year - self.start_year > 9:
                raise ValidationError(
                    {"end_year": _("A plan can cover at most 10 years.")}
                )
            allowed = {str(year) for year in self.years}
            for number, action in self._iter_actions():
                outside = sorted(set(action["years"]) - allowed)
                if outside:
                    raise ValidationError(
                        {
                            "axes": _(
                                "Action %(number)s runs in %(years)s, outside "
                                "the plan's years."
                            )
                            % {"number": number, "years": ", ".join(outside)}
                        }
                    )

    def _iter_actions(self):
        number = 0
        for axis in self.axes:
            for objective in axis.value["objectives"]:
                for action in objective["actions"]:
                    number += 1
                    yield number, action

    def get_plan(self, role=None, year=None):
        """The plan as plain data for the template, filtered by role and year.

        Returns ``(axes, shown, total)`` where ``axes`` keeps only objectives
        with at least one matching action (targets are always kept with their
        objective) and each action carries its plan-wide ``number``.
        """
        axes = []
        number = shown = 0
        year_text = str(year) if year else None
        for axis_number, axis in enumerate(self.axes, start=1):
            objectives = []
            for objective_number, objective in enumerate(
                axis.value["objectives"], start=1
            ):
                actions = []
                for action in objective["actions"]:
                    number += 1
                    if role and action["role"] != role:
                        continue
                    if year_text and year_text not in action["years"]:
                        continue
                    actions.append(
                        {
                            "number": number,
                            "text": action["text"],
                            "role": action["role"],
                            "role_label": dict(ACTION_ROLES).get(action["role"], ""),
                            "years": [str(y) in action["years"] for y in self.years],
                        }
                    )
                shown += len(actions)
                if actions or not (role or year):
                    objectives.append(
                        {
                            "number": f"{axis_number}.{objective_number}",
                            # for ids: "1.11" and "11.1" must differ
                            "anchor": f"{axis_number}-{objective_number}",
                            "title": without_label(
                                objective["title"],
                                gettext("Objective %(number)s")
                                % {"number": f"{axis_number}.{objective_number}"},
                            ),
                            "targets": list(objective["targets"]),
                            "actions": actions,
                        }
                    )
            if objectives:
                axes.append(
                    {
                        "number": axis_number,
                        "title": without_label(
                            axis.value["title"],
                            gettext("Axis %(number)s") % {"number": axis_number},
                        ),
                        "description": axis.value["description"],
                        "objectives": objectives,
                    }
                )
        return axes, shown, number

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ActionFilterForm(request.GET or None, years=self.years)
        role = year = None
        if form.is_bound and form.is_valid():
            role = form.cleaned_data["role"] or None
            year = form.cleaned_data["year"]
        elif form.is_bound:
            # Keep the filters that are valid; the template names the others.
            role_value = request.GET.get("role", "")
            if role_value in dict(ACTION_ROLES) and "role" not in form.errors:
                role = role_value
            if "year" not in form.errors:
                year_value = request.GET.get("year", "")
                year = int(year_value) if year_value.isdigit() else None
        axes, shown, total = self.get_plan(role=role, year=year)
        context.update(
            {
                "filter_form": form,
                "plan_axes": axes,
                "plan_years": self.years,
                "actions_shown": shown,
                "actions_total": total,
                "selected_role": role,
                "selected_role_label": dict(ACTION_ROLES).get(role, ""),
                "selected_year": year,
                "is_filtered": bool(role or year),
                "role_definitions": [
                    (code, label, ACTION_ROLE_DEFINITIONS[code])
                    for code, label in ACTION_ROLES
                ],
            }
        )
        return context


class NewsIndexPage(BasePage):
    """The site's news: its updates, newest first, paginated."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.UpdatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_updates(self):
        return (
            exclude_private(UpdatePage.objects.live().child_of(self))
            .order_by("-date", "-pk")
            .only(
                "id", "title", "url_path", "path", "depth", "date", "summary", "locale"
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["updates"] = paginate(request, self.get_updates(), UPDATES_PER_PAGE)
        return context


class UpdatePage(BasePage):
    """A dated news item of one association, listed on its home and news pages
    and, on the hub, in the network news."""

    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        help_text=_("The date shown on the update and used to sort the news."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences shown in news listings."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Only shown on the update itself, to save data."),
    )
    image_alt_text = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["sitepages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")


class MembersPage(HubOnlyPageMixin, BasePage):
    """The hub's presentation of the member associations, as cards.

    Each card shows the member's name, city, languages (in their own names),
    the introduction of its home page in the visitor's language when it is
    translated, and a link to its site in that language when it publishes in
    it, with its logo. A constant number of queries whatever the number of
    members.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("members page")

    def get_members(self):
        language = translation.get_language() or settings.LANGUAGE_CODE
        associations = list(
            Association.objects.filter(is_hub=False)
            .select_related("site", "site__root_page")
            .order_by("name")
        )
        keys = [a.site.root_page.translation_key for a in associations]
        root_ids = {a.site.root_page_id for a in associations}
        homes = HomePage.objects.filter(translation_key__in=keys).filter(
            models.Q(locale__language_code=language) | models.Q(pk__in=root_ids)
        )
        homes = homes.only("id", "translation_key", "introduction", "locale", "live")
        logos = {
            theme.site_id: logo_data(theme.logo)
            for theme in ThemeSettings.objects.filter(
                site__in=[a.site_id for a in associations], logo__isnull=False
            ).prefetch_related(
                models.Prefetch("logo", queryset=Image.objects.prefetch_renditions())
            )
        }
        localized, fallback = {}, {}
        for home in homes.select_related("locale"):
            if home.pk in root_ids:
                fallback[home.translation_key] = home
            if home.locale.language_code == language and home.live:
                localized[home.translation_key] = home
        members = []
        for association in associations:
            key = association.site.root_page.translation_key
            home = localized.get(key) or fallback.get(key)
            codes = association.language_codes
            link_language = language if language in codes else codes[0]
            members.append(
                {
                    "association": association,
                    "name": association.name,
                    "logo": logos.get(association.site_id),
                    "city": association.city,
                    "languages": [
                        {
                            "code": code,
                            "name": translation.get_language_info(code)["name_local"],
                        }
                        for code in codes
                    ],
                    "introduction": home.introduction if home else "",
                    "introduction_language": (
                        home.locale.language_code if home else link_language
                    ),
                    "url": f"{association.site.root_url}/{link_language}/",
                    "url_language": link_language,
                }
            )
        return members

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["members"] = self.get_members()
        return context


class NetworkNewsPage(HubOnlyPageMixin, BasePage):
    """The hub's network news: the latest updates of every association's site,
    in the visitor's language, each with the name of its association."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network news page")

    def get_updates(self):
        return (
            exclude_private(UpdatePage.objects.live().filter(locale_id=self.locale_id))
            .order_by("-date", "-pk")
            .only(
                "id",
                "title",
                "url_path",
                "path",
                "depth",
                "date",
                "summary",
                "locale",
            )
            .select_related("locale")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        updates = paginate(request, self.get_updates(), UPDATES_PER_PAGE)
        # Name each update's association from its depth-2 ancestor (the home
        # page in its language); the mapping is cached, so no query per item.
        by_tree = associations_by_tree()
        for update in updates:
            update.network_association = by_tree.get(Association.tree_path(update))
        context["updates"] = updates
        return context


# Fundraising appeals live in their own package; importing them here registers
# the models with the sitepages app (they subclass ``BasePage`` above).
from sitepages.appeals.models import (  # noqa: E402
    AppealIndexPage,
    AppealPage,
    Contribution,
    Pledge,
)

__all__ = [
    "ActionPlanPage",
    "AppealIndexPage",
    "AppealPage",
    "BasePage",
    "Contribution",
    "ContentPage",
    "HomePage",
    "MembersPage",
    "NetworkNewsPage",
    "NewsIndexPage",
    "Pledge",
    "UpdatePage",
]
