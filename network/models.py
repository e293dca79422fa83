"""The platform core: associations, their sites and their look.

An ``Association`` is bound one-to-one to a Wagtail ``Site``. It owns the
site's page tree, a root collection for images and documents, an editors group
and a moderators group. See ``network.provisioning`` for how they are created
and ``network.permissions`` for how they are kept apart.
"""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Collection, Site

from network.colours import validate_primary_colour

# How long per-site lookups stay in the shared cache; saving the row drops
# the entry at once, so this only bounds memory.
CACHE_SECONDS = 60 * 60

slug_validator = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$",
    _("Use lowercase letters, digits and hyphens (not at the start or end)."),
)


class AssociationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Associations whose editors or moderators group the user belongs to."""
        if not user or not user.is_authenticated:
            return self.none()
        group_ids = user.groups.values_list("pk", flat=True)
        return self.filter(
            models.Q(editors_group__in=group_ids)
            | models.Q(moderators_group__in=group_ids)
        ).distinct()


class Association(models.Model):
    """A member of the network, with its own site, tree, media and editors."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=50,
        unique=True,
        validators=[slug_validator],
        help_text=_("Short identifier used in URLs, commands and exports."),
    )
    site = models.OneToOneField(
        Site,
        on_delete=models.CASCADE,
        related_name="association",
        verbose_name=_("site"),
    )
    root_collection = models.OneToOneField(
        Collection,
        on_delete=models.PROTECT,
        related_name="association",
        verbose_name=_("root collection"),
    )
    editors_group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("editors group"),
    )
    moderators_group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("moderators group"),
    )
    is_hub = models.BooleanField(
        _("network hub"),
        default=False,
        help_text=_("The network's own platform site, which presents the members."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    languages = models.JSONField(
        _("languages"),
        default=list,
        help_text=_("Language codes this association publishes in, e.g. fr, en, ar."),
    )
    plugins = models.JSONField(
        _("enabled plugins"),
        default=list,
        help_text=_("Names of the plugins this association uses."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssociationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def __str__(self):
        return self.name

    @property
    def root_page(self):
        return self.site.root_page

    def has_plugin(self, name: str) -> bool:
        return name in (self.plugins or [])

    @cached_property
    def language_codes(self) -> list[str]:
        from django.conf import settings

        known = [code for code, _name in settings.LANGUAGES]
        return [code for code in known if code in (self.languages or [])] or [
            settings.LANGUAGE_CODE
        ]

    @classmethod
    def for_site(cls, site):
        """The site's association, kept on the site object and in the cache.

        Every public page needs it (header, languages); the shared cache entry
        is dropped whenever an association is saved or deleted
        (``network.signals``).
        """
        if site is None:
            return None
        cached = getattr(site, "_network_association", None)
        if cached is None:
            key = cls.cache_key_for_site(site.pk)
            cached = cache.get(key)
            if cached is None:
                cached = cls.objects.filter(site=site).first() or False
                cache.set(key, cached, CACHE_SECONDS)
            site._network_association = cached
        return cached or None

    @staticmethod
    def cache_key_for_site(site_id):
        return f"network:association-for-site:{site_id}"

    # The association that owns a page tree: the one helper. Every other
    # place (permissions, signals, sitepages' cached listings) goes through
    # these four methods.
    @staticmethod
    def tree_path(page_or_path) -> str:
        """The path of the depth-2 ancestor (a home page in one language)."""
        from wagtail.models import Page

        path = getattr(page_or_path, "path", page_or_path)
        return path[: Page.steplen * 2]

    @classmethod
    def for_page(cls, page):
        """The association whose tree holds ``page``, in any language.

        Under wagtail-localize, the translations of a site's home page are its
        siblings at depth 2, so a page belongs to the association whose root
        page shares a translation key with the page's depth-2 ancestor.
        """
        if page is None or page.depth < 2:
            return None
        from wagtail.models import Page

        top_key = (
            page.translation_key
            if page.depth == 2
            else Page.objects.filter(path=cls.tree_path(page))
            .values_list("translation_key", flat=True)
            .first()
        )
        return cls.objects.filter(site__root_page__translation_key=top_key).first()

    @classmethod
    def by_tree_path(cls) -> dict:
        """``{depth-2 path: association}`` for every translation of every
        site's home page (two queries): names the owner of many pages."""
        from wagtail.models import Page

        by_key = {
            association.site.root_page.translation_key: association
            for association in cls.objects.select_related("site__root_page")
        }
        return {
            path: by_key[key]
            for path, key in Page.objects.filter(
                depth=2, translation_key__in=by_key
            ).values_list("path", "translation_key")
        }

    def home_pages(self):
        """The site's home page in every language (its tree's roots)."""
        from wagtail.models import Page

        return Page.objects.filter(
            depth=2, translation_key=self.site.root_page.translation_key
        )


class HomeLayout(models.TextChoices):
    """The home page layouts a site can choose (``home_page.html`` switches)."""

    SPLIT = "split", _("Welcome text beside the picture, links and news as cards")
    BANNER = "banner", _("Wide picture above the welcome text, news as a list")
    COLUMNS = "columns", _("News beside the links, for sites that publish often")


class ThemeSettingsForm(WagtailAdminModelForm):
    """The theme form: a form that says nothing of the home layout (an older
    client, a script) keeps the default layout rather than failing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "home_layout" in self.fields:
            self.fields["home_layout"].required = False

    def clean_home_layout(self):
        return self.cleaned_data.get("home_layout") or HomeLayout.SPLIT


@register_setting(icon="palette")
class ThemeSettings(BaseSiteSetting):
    """How an association's site looks and how to reach the association.

    Edited by the association's moderators under Settings → Theme; read in
    templates as ``{{ settings.network.ThemeSettings }}``.
    """

    display_name = models.CharField(
        _("display name"),
        max_length=120,
        blank=True,
        help_text=_(
            "Name shown in the header. Leave empty to use the association's name."
        ),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("One short sentence under the name."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    home_layout = models.CharField(
        _("home page layout"),
        max_length=20,
        choices=HomeLayout.choices,
        default=HomeLayout.SPLIT,
        help_text=_("How the home page arranges its welcome text, links and news."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#1d4e89",
        validators=[validate_primary_colour],
        help_text=_(
            "Used behind white text (header, buttons). It needs a contrast of "
            "at least 4.5:1 with white, e.g. #1d4e89."
        ),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    mastodon_url = models.URLField(_("Mastodon account"), blank=True)
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("A short note at the bottom of every page."),
    )
    donation_url = models.URLField(
        _("donation link"), blank=True, help_text=_("Where the 'Donate' button leads.")
    )

    base_form_class = ThemeSettingsForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("display_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("primary_colour"), FieldPanel("home_layout")],
            heading=_("Look"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("mastodon_url"),
            ],
            heading=_("Social links"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("donation_url"),
    ]

    class Meta:
        verbose_name = _("theme")

    @classmethod
    def for_site(cls, site):
        """Like ``BaseSiteSetting.for_site``, kept in the shared cache.

        Every public page reads the theme; the entry is dropped when the
        settings are saved (``network.signals``).
        """
        key = cls.cache_key_for_site(site.pk)
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            if instance.logo_id:
                instance.logo  # noqa: B018 - fetch the logo once, cache it with us
            cache.set(key, instance, CACHE_SECONDS)
        return instance

    @staticmethod
    def cache_key_for_site(site_id):
        return f"network:theme-for-site:{site_id}"

    def clean(self):
        super().clean()
        if self.primary_colour:
            try:
                validate_primary_colour(self.primary_colour)
            except ValidationError as error:
                raise ValidationError({"primary_colour": error}) from error
