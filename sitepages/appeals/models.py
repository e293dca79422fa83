"""The appeal page type, its pledges and the offline gifts editors record.

``AppealPage`` lives in any site's tree (under a home or content page). Its
pledges and contributions point at the page they were given on; totals add up
every translation of the appeal (same ``translation_key``), see ``ledger``.

``Pledge.association`` is the association whose site took the pledge, and
``Contribution.association`` the one whose editor recorded the gift: with
shared appeals (``AppealPage.partner_associations``) each association sees
only its own donors, while the totals add everyone's money.
"""

import datetime
from decimal import Decimal

from babel.numbers import get_currency_precision
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.permissions import AssociationOwned, AssociationOwnedPermissionPolicy
from sitepages.appeals import references
from sitepages.blocks import BaseStreamBlock
from sitepages.models import BasePage, HubOnlyPageMixin

CURRENCY_CHOICES = [("EUR", "EUR (€)"), ("GBP", "GBP (£)"), ("CHF", "CHF")]


def currency_decimals(currency: str) -> int:
    return get_currency_precision(currency or "EUR")


class AppealTierBlock(blocks.StructBlock):
    """One tier: an amount and what it pays for ("35 € = a warm meal for ten")."""

    amount = blocks.DecimalBlock(
        label=_("Amount"), min_value=1, max_digits=12, decimal_places=2
    )
    pays_for = blocks.CharBlock(
        label=_("What it pays for"),
        max_length=200,
        help_text=_("For example: a warm meal for ten people."),
    )

    class Meta:
        icon = "tag"
        label = _("Tier")


class AppealPage(RoutablePageMixin, BasePage):
    """A fundraising appeal: goal, tiers, progress, pledge form, instructions.

    Routes (``RoutablePageMixin``): the page itself (GET shows, POST pledges)
    and ``confirmation/<code>/`` (one pledge's payment instructions).
    """

    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    goal = models.DecimalField(
        _("goal"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(1)],
        help_text=_("The amount to raise, in the appeal's currency."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, default="EUR"
    )
    start_date = models.DateField(_("start date"), default=datetime.date.today)
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Last day pledges are taken. Empty: open until unpublished."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    tiers = StreamField(
        [("tier", AppealTierBlock())],
        blank=True,
        verbose_name=_("tiers"),
        help_text=_("In the order visitors should read them."),
    )
    impact_unit_name = models.CharField(
        _("impact unit"),
        max_length=80,
        blank=True,
        help_text=_(
            "What the money pays for, counted in the plural: for example "
            '"issues". Shown as "1.4 issues funded".'
        ),
    )
    impact_unit_cost = models.DecimalField(
        _("cost of one unit"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    impact_unit_yield = models.CharField(
        _("what one unit yields"),
        max_length=160,
        blank=True,
        help_text=_('For example: "4,000 copies".'),
    )
    where_the_money_goes = RichTextField(
        _("where the money goes"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    bank_details = models.TextField(
        _("bank details"),
        blank=True,
        help_text=_("Account holder and bank, one per line."),
    )
    iban = models.CharField(_("IBAN"), max_length=42, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    cheque_payee = models.CharField(_("cheques payable to"), max_length=160, blank=True)
    cheque_address = models.TextField(_("address for cheques"), blank=True)
    payment_url = models.URLField(
        _("online payment page"),
        blank=True,
        help_text=_("An external page (HelloAsso...). It opens in a new page."),
    )
    served_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page the money serves"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For example the journal issue this appeal prints."),
    )
    partner_associations = ParentalManyToManyField(
        "network.Association",
        verbose_name=_("partner associations"),
        blank=True,
        related_name="shared_appeals",
        help_text=_(
            "Associations sharing this appeal: their pledges add up, and each "
            "sees only its own donors. A partner shows the appeal on its site "
            "with an alias of this page (Copy, then publish as an alias)."
        ),
    )

    # any association of the network may be named a partner (see
    # network.forms: every other choice field offers only the editor's own)
    network_wide_choice_fields = ["partner_associations"]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("goal"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("image"),
        FieldPanel("tiers"),
        MultiFieldPanel(
            [
                FieldPanel("impact_unit_name"),
                FieldPanel("impact_unit_cost"),
                FieldPanel("impact_unit_yield"),
            ],
            heading=_("Impact unit"),
        ),
        FieldPanel("where_the_money_goes"),
        FieldPanel("served_page"),
        FieldPanel("body"),
    ]
    payment_panels = [
        FieldPanel("bank_details"),
        FieldRowPanel([FieldPanel("iban"), FieldPanel("bic")]),
        FieldPanel("cheque_payee"),
        FieldPanel("cheque_address"),
        FieldPanel("payment_url"),
        FieldPanel("partner_associations"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(payment_panels, heading=_("Payment")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    # Where to send the money is the same in every language: translations
    # follow the original (wagtail-localize), never a translator's copy.
    override_translatable_fields = [
        SynchronizedField("bank_details"),
        SynchronizedField("iban", overridable=False),
        SynchronizedField("bic", overridable=False),
        SynchronizedField("cheque_payee", overridable=False),
        SynchronizedField("cheque_address"),
        SynchronizedField("payment_url", overridable=False),
    ]
    parent_page_types = ["sitepages.HomePage", "sitepages.ContentPage"]
    subpage_types = []
    template = "sitepages/appeals/appeal_page.html"

    class Meta:
        verbose_name = _("fundraising appeal")

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot be before the start date.")}
            )
        if self.impact_unit_name and not self.impact_unit_cost:
            raise ValidationError({"impact_unit_cost": _("Give the cost of one unit.")})

    @property
    def decimals(self):
        return currency_decimals(self.currency)

    def is_open(self, today=None):
        today = today or timezone.localdate()
        if self.start_date and today < self.start_date:
            return False
        return not (self.end_date and today > self.end_date)

    def days_left(self, today=None):
        today = today or timezone.localdate()
        if not self.end_date or not self.is_open(today):
            return None
        return (self.end_date - today).days

    def payment_methods(self):
        """The ways to give this appeal has instructions for (all three when
        it has none: the reference code alone then identifies the gift)."""
        offered = [
            method
            for method, instructions in (
                (PaymentMethod.TRANSFER, self.iban or self.bank_details),
                (PaymentMethod.CHEQUE, self.cheque_address),
                (PaymentMethod.ONLINE, self.payment_url),
            )
            if instructions
        ]
        return offered or list(PaymentMethod)

    def accepts_pledges_from(self, association):
        """The owner's site and its partners' sites take pledges.

        A partner shows the appeal on its own site with an alias of it
        (Wagtail's "copy" with "alias"): the alias takes pledges only on the
        site of an association the original names as a partner.
        """
        from sitepages.appeals.ledger import source_page

        if association is None:
            return False
        source = source_page(self).specific
        owner = source.association
        if owner and association.pk == owner.pk:
            return True
        return source.partner_associations.filter(pk=association.pk).exists()

    def ledger(self):
        from sitepages.appeals.ledger import totals

        return totals(self)

    def get_context(self, request, *args, **kwargs):
        from sitepages.appeals.ledger import named_supporters

        context = super().get_context(request, *args, **kwargs)
        context["totals"] = self.ledger()
        context["named_supporters"] = named_supporters(self)
        return context

    @path("")
    def appeal(self, request):
        from sitepages.appeals.views import appeal_view

        return appeal_view(self, request)

    @path("confirmation/<str:code>/", name="confirmation")
    def confirmation(self, request, code):
        from sitepages.appeals.views import confirmation_view

        return confirmation_view(self, request, code)


class PledgeStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    RECEIVED = "received", _("Received")
    CANCELLED = "cancelled", _("Cancelled")


class PaymentMethod(models.TextChoices):
    TRANSFER = "transfer", _("Bank transfer")
    CHEQUE = "cheque", _("Cheque")
    ONLINE = "online", _("Online payment page")


class PublicDisplay(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous")
    NAME = "name", _("Show my name")


class PledgePermissionPolicy(AssociationOwnedPermissionPolicy):
    """Donors create pledges and the ledger keeps them: nobody adds or
    deletes one in the admin (a treasurer cancels it, or erases the donor)."""

    REFUSED = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.REFUSED and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action not in self.REFUSED]
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(
            user,
            [action for action in actions if action not in self.REFUSED],
            instance,
        )


class Pledge(AssociationOwned):
    """A promise of money, received when the treasurer sees it arrive."""

    appeal = models.ForeignKey(
        AppealPage,
        verbose_name=_("appeal"),
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    donor_name = models.CharField(_("donor name"), max_length=160, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    consent_to_contact = models.BooleanField(_("may be contacted"), default=False)
    public_display = models.CharField(
        _("public display"),
        max_length=12,
        choices=PublicDisplay.choices,
        default=PublicDisplay.ANONYMOUS,
    )
    payment_method = models.CharField(
        _("payment method"),
        max_length=12,
        choices=PaymentMethod.choices,
        default=PaymentMethod.TRANSFER,
    )
    reference = models.CharField(
        _("reference code"), max_length=references.LENGTH, unique=True, editable=False
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PledgeStatus.choices,
        default=PledgeStatus.PLEDGED,
        db_index=True,
    )
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    language = models.CharField(_("language"), max_length=10, default="fr")
    erased_at = models.DateTimeField(_("personal data erased at"), null=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.reference} · {self.amount} {self.currency}"

    @classmethod
    def get_permission_policy(cls):
        return PledgePermissionPolicy(cls, owner_field=cls.association_owner_field)

    @property
    def amount_display(self):
        """The amount written for the reader's language (``40 €``)."""
        from sitepages.appeals.formatting import money

        return money(self.amount, self.currency)

    @property
    def display_name(self):
        if self.public_display == PublicDisplay.NAME and self.donor_name:
            return self.donor_name
        return _("Anonymous")

    def save(self, *args, **kwargs):
        """Draw a fresh reference code; retry on the rare collision."""
        if self.reference:
            return super().save(*args, **kwargs)
        for _attempt in range(5):
            self.reference = references.new_code()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Pledge.objects.filter(reference=self.reference).exists():
                    raise
        raise IntegrityError("Could not draw a unique reference code.")

    def mark_received(self, when=None):
        if self.status == PledgeStatus.RECEIVED:
            return False
        self.status = PledgeStatus.RECEIVED
        self.received_at = when or timezone.now()
        self.save(update_fields=["status", "received_at"])
        return True

    def cancel(self):
        if self.status == PledgeStatus.CANCELLED:
            return False
        self.status = PledgeStatus.CANCELLED
        self.received_at = None
        self.save(update_fields=["status", "received_at"])
        return True

    def erase_personal_data(self):
        """GDPR erasure: forget who gave, keep how much and when."""
        self.donor_name = ""
        self.email = ""
        self.message = ""
        self.consent_to_contact = False
        self.public_display = PublicDisplay.ANONYMOUS
        self.erased_at = timezone.now()
        self.save(
            update_fields=[
                "donor_name",
                "email",
                "message",
                "consent_to_contact",
                "public_display",
                "erased_at",
            ]
        )


class ContributionSource(models.TextChoices):
    CHEQUE = "cheque", _("Cheque")
    CASH = "cash", _("Cash")
    TRANSFER = "transfer", _("Bank transfer")
    EVENT = "event", _("Event takings")
    GRANT = "grant", _("Grant")
    OTHER = "other", _("Other")


class Contribution(AssociationOwned):
    """An offline gift an editor records (a cheque, a concert's takings...).

    It counts as received money as soon as it is recorded.
    """

    appeal = models.ForeignKey(
        AppealPage,
        verbose_name=_("appeal"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    date = models.DateField(_("date"), default=datetime.date.today)
    source = models.CharField(
        _("source"),
        max_length=12,
        choices=ContributionSource.choices,
        default=ContributionSource.CHEQUE,
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("For example: takings of the 12 May concert."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("offline gift")
        verbose_name_plural = _("offline gifts")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.label or self.get_source_display()} · {self.amount}"

    @property
    def amount_display(self):
        """The amount written for the reader's language, in the appeal's
        currency."""
        from sitepages.appeals.formatting import money

        return money(self.amount, self.appeal.currency)


class AppealIndexPage(HubOnlyPageMixin, BasePage):
    """The hub's list of every open appeal in the network, each with its
    progress, in the visitor's language where the appeal is translated."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "sitepages/appeals/appeal_index_page.html"

    class Meta:
        verbose_name = _("appeals listing (hub)")

    def get_open_appeals(self):
        """One version of each open appeal: the visitor's language if it is
        translated, else the network's default language, else its first one.
        A partner's alias of a shared appeal is the same appeal."""
        from django.conf import settings
        from django.utils import translation

        today = timezone.localdate()
        preferred = [translation.get_language(), settings.LANGUAGE_CODE]
        appeals = (
            AppealPage.objects.live()
            .public()
            .filter(alias_of__isnull=True, start_date__lte=today)
            .filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=today))
            .select_related("locale")
            .order_by("end_date", "title", "pk")
        )

        def rank(appeal):
            code = appeal.locale.language_code
            return preferred.index(code) if code in preferred else len(preferred)

        chosen = {}
        for appeal in appeals:
            current = chosen.get(appeal.translation_key)
            if current is None or rank(appeal) < rank(current):
                chosen[appeal.translation_key] = appeal
        return [(appeal, appeal.ledger()) for appeal in chosen.values()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["appeals"] = self.get_open_appeals()
        return context
