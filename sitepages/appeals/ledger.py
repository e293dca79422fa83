"""An appeal's totals, computed by the database from its pledges and gifts.

There is no counter field: every figure is an aggregate over ``Pledge`` and
``Contribution`` rows, so concurrent pledges can never lose an update. Every
translation of an appeal shares its ledger (same ``translation_key``), and so
does every alias of it (Wagtail's "copy as alias"), the way a partner
association shows a shared appeal on its own site.
"""

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

ZERO = Decimal("0")


@dataclass(frozen=True)
class Totals:
    goal: Decimal
    currency: str
    received_pledges: Decimal
    contributions: Decimal
    pledged: Decimal  # promised, not yet received
    received_this_month: Decimal  # pledges received and gifts dated this month
    supporters: int
    waiting_count: int
    days_left: int | None
    unit_cost: Decimal | None

    @property
    def received(self) -> Decimal:
        return self.received_pledges + self.contributions

    @property
    def remaining(self) -> Decimal:
        return max(self.goal - self.received, ZERO)

    @property
    def percent(self) -> int:
        if not self.goal:
            return 0
        return int(min(self.received * 100 / self.goal, Decimal(100)))

    @property
    def units_funded(self) -> Decimal | None:
        """Received money in impact units, rounded down to one decimal."""
        if not self.unit_cost:
            return None
        return (self.received / self.unit_cost).quantize(
            Decimal("0.1"), rounding=ROUND_DOWN
        )


def _sum(field, **filters):
    return Coalesce(
        Sum(field, filter=Q(**filters) if filters else None),
        Value(ZERO),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def source_page(appeal):
    """The page an alias mirrors (the appeal itself when it is no alias)."""
    from wagtail.models import Page

    source = appeal
    for _depth in range(5):  # Wagtail aliases the original, never an alias
        if not source.alias_of_id:
            break
        source = Page.objects.get(pk=source.alias_of_id)
    return source


def ledger_q(appeal):
    """Pledges or gifts of ``appeal``'s ledger: those given on any of its
    translations, its aliases, or theirs."""
    from wagtail.models import Page

    key = source_page(appeal).translation_key
    aliases = Page.objects.filter(alias_of__translation_key=key).values(
        "translation_key"
    )
    return Q(appeal__translation_key=key) | Q(appeal__translation_key__in=aliases)


def totals(appeal) -> Totals:
    """Two aggregate queries: pledges by status, then contributions."""
    from sitepages.appeals.models import Contribution, Pledge, PledgeStatus

    month_start = timezone.localtime().replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )
    pledges = Pledge.objects.filter(ledger_q(appeal)).aggregate(
        received=_sum("amount", status=PledgeStatus.RECEIVED),
        this_month=_sum(
            "amount", status=PledgeStatus.RECEIVED, received_at__gte=month_start
        ),
        pledged=_sum("amount", status=PledgeStatus.PLEDGED),
        waiting=Count("pk", filter=Q(status=PledgeStatus.PLEDGED)),
        supporters=Count("pk", filter=~Q(status=PledgeStatus.CANCELLED)),
    )
    gifts = Contribution.objects.filter(ledger_q(appeal)).aggregate(
        total=_sum("amount"),
        this_month=_sum("amount", date__gte=month_start.date()),
        count=Count("pk"),
    )
    return Totals(
        goal=appeal.goal,
        currency=appeal.currency,
        received_pledges=pledges["received"],
        contributions=gifts["total"],
        pledged=pledges["pledged"],
        received_this_month=pledges["this_month"] + gifts["this_month"],
        supporters=pledges["supporters"] + gifts["count"],
        waiting_count=pledges["waiting"],
        days_left=appeal.days_left(),
        unit_cost=appeal.impact_unit_cost if appeal.impact_unit_name else None,
    )


def waiting_pledges(queryset):
    """``(count, amount)`` of the pledges in ``queryset`` still to be received."""
    from sitepages.appeals.models import PledgeStatus

    result = queryset.filter(status=PledgeStatus.PLEDGED).aggregate(
        count=Count("pk"), amount=_sum("amount")
    )
    return result["count"], result["amount"]


def named_supporters(appeal, limit=30) -> list[str]:
    """The latest supporters who chose to be named on the appeal page
    (cancelled pledges and erased donors left out)."""
    from sitepages.appeals.models import Pledge, PledgeStatus, PublicDisplay

    return list(
        Pledge.objects.filter(ledger_q(appeal), public_display=PublicDisplay.NAME)
        .exclude(status=PledgeStatus.CANCELLED)
        .exclude(donor_name="")
        .order_by("-created_at", "-pk")
        .values_list("donor_name", flat=True)[:limit]
    )
