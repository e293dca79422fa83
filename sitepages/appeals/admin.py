"""The treasurer's admin: pledges, offline gifts, batch actions, bank
statement import, CSV export and the dashboard panel.

Everything is scoped by ``network.permissions``: the viewsets are
``AssociationOwnedModelViewSet``s, and the custom views below read pledges
only through ``policy_for(Pledge).visible_queryset(user)``, so an editor of
association A never sees B's donors (coordinators see everyone's). Wired in
``sitepages.wagtail_hooks``.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import Button, HeaderButton

from network import permissions
from network.forms import AssociationOwnedForm
from network.viewsets import AssociationOwnedModelViewSet
from sitepages.appeals import bank_statement
from sitepages.appeals.formatting import money
from sitepages.appeals.ledger import ledger_q, source_page, waiting_pledges
from sitepages.appeals.models import (
    AppealPage,
    Contribution,
    PaymentMethod,
    Pledge,
    PledgeStatus,
)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A spreadsheet never runs a cell as a formula (CSV injection)."""
    text = "" if value is None else force_str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def visible_pledges(user):
    return permissions.policy_for(Pledge).visible_queryset(user)


def appeals_for_user(user):
    """Appeals of the user's trees, plus those shared with their associations:
    one page per appeal (its first version; translations and aliases share
    its ledger)."""
    pages = permissions.scope_pages(AppealPage.objects.all(), user)
    shared = AppealPage.objects.filter(
        partner_associations__in=permissions.user_associations(user)
    )
    first_version = (
        AppealPage.objects.filter(translation_key=OuterRef("translation_key"))
        .order_by("pk")
        .values("pk")[:1]
    )
    return (
        AppealPage.objects.filter(
            Q(pk__in=pages.values("pk")) | Q(pk__in=shared.values("pk")),
            alias_of__isnull=True,
            pk=Subquery(first_version),
        )
        .select_related("locale")
        .order_by("title")
    )


def visible_appeals(request):
    """``queryset=`` callable of the pledges listing's appeal filter."""
    return appeals_for_user(request.user)


class AppealChoiceMixin:
    """A page id the database cannot hold is an invalid choice, not a 500
    (Django checks the range of plain integer keys, not of a page type's
    ``page_ptr``)."""

    def to_python(self, value):
        if value not in self.empty_values and not _clean_ids([value]):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class AppealChoiceField(AppealChoiceMixin, forms.ModelChoiceField):
    pass


class AppealChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = type(
        "AppealFilterField",
        (AppealChoiceMixin, django_filters.ModelChoiceFilter.field_class),
        {},
    )


class PledgeFilterSet(WagtailFilterSet):
    appeal = AppealChoiceFilter(
        label=_("Appeal"), queryset=visible_appeals, method="filter_appeal"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PledgeStatus.choices
    )
    payment_method = django_filters.ChoiceFilter(
        label=_("Payment method"), choices=PaymentMethod.choices
    )
    association = django_filters.ModelChoiceFilter(
        label=_("Association"), queryset=permissions.associations_for_request
    )

    class Meta:
        model = Pledge
        fields = ["appeal", "status", "payment_method", "association"]

    def filter_appeal(self, queryset, name, value):
        """Every pledge of the appeal, whichever translation or alias took it."""
        return queryset.filter(ledger_q(value)) if value else queryset


class SafeCSVMixin:
    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                name: csv_safe(self.preprocess_field_value(name, value, "csv"))
                for name, value in row_dict.items()
            }
        )


class PledgeIndexView(SafeCSVMixin, AssociationOwnedModelViewSet.index_view_class):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("appeal", "association")

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if permissions.policy_for(Pledge).user_has_permission(
            self.request.user, "change"
        ):
            buttons += [
                HeaderButton(
                    _("Process waiting pledges"),
                    url=reverse("appeals_admin:process"),
                    icon_name="tick",
                ),
                HeaderButton(
                    _("Import a bank statement"),
                    url=reverse("appeals_admin:bank_statement"),
                    icon_name="upload",
                ),
            ]
        return buttons


class ScopedInspectView(AssociationOwnedModelViewSet.inspect_view_class):
    """Wagtail's ``InspectView.get_object`` reads ``self.model`` directly,
    past the scoped querysets: look the row up among the user's own."""

    def get_object(self, queryset=None):
        from django.contrib.admin.utils import unquote
        from django.shortcuts import get_object_or_404

        return get_object_or_404(
            permissions.policy_for(self.model).visible_queryset(self.request.user),
            pk=unquote(str(self.pk)),
        )


class PledgeForm(AssociationOwnedForm):
    class Meta:
        model = Pledge
        fields = [
            "status",
            "received_at",
            "amount",
            "payment_method",
            "donor_name",
            "email",
            "message",
            "consent_to_contact",
            "public_display",
        ]

    def clean(self):
        """A received pledge has a date of receipt; any other has none."""
        cleaned = super().clean()
        if cleaned.get("status") == PledgeStatus.RECEIVED:
            cleaned["received_at"] = cleaned.get("received_at") or timezone.now()
        elif "status" in cleaned:
            cleaned["received_at"] = None
        return cleaned


class PledgeViewSet(AssociationOwnedModelViewSet):
    model = Pledge
    icon = "pick"
    menu_label = _("Pledges")
    url_prefix = "appeals/pledges"
    name = "pledges"
    add_to_admin_menu = False
    index_view_class = PledgeIndexView
    inspect_view_class = ScopedInspectView
    filterset_class = PledgeFilterSet
    search_fields = ["reference", "donor_name", "email"]
    list_display = [
        "reference",
        Column("amount", label=_("Amount"), accessor="amount_display"),
        "status",
        Column("donor", label=_("Donor"), accessor="donor_name"),
        Column("appeal", label=_("Appeal"), accessor="appeal"),
        DateColumn("created_at", label=_("Pledged on")),
    ]
    list_export = [
        "reference",
        "created_at",
        "appeal",
        "association",
        "amount",
        "currency",
        "status",
        "received_at",
        "payment_method",
        "donor_name",
        "email",
        "consent_to_contact",
        "public_display",
        "message",
        "language",
    ]
    export_filename = "pledges"
    form_fields = PledgeForm.Meta.fields
    inspect_view_enabled = True
    copy_view_enabled = False  # pledges come from donors (Pledge.get_permission_policy)

    def get_form_class(self, for_update=False):
        return PledgeForm


class ContributionForm(AssociationOwnedForm):
    """Only the user's associations, and the appeals they run or share (the
    scoped form offers pages of their own trees only: a shared appeal lives
    in its owner's tree)."""

    class Meta:
        model = Contribution
        fields = ["association", "appeal", "amount", "date", "source", "label"]
        field_classes = {"appeal": AppealChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.fields["association"].queryset = permissions.user_associations(user)
        self.fields["appeal"].queryset = appeals_for_user(user)

    def clean(self):
        """The gift goes to an appeal its association owns or shares."""
        cleaned = super().clean()
        association, appeal = cleaned.get("association"), cleaned.get("appeal")
        if association and appeal and not appeal.accepts_pledges_from(association):
            self.add_error(
                "appeal",
                _("%(association)s neither runs nor shares this appeal.")
                % {"association": association},
            )
        return cleaned


class ContributionIndexView(
    SafeCSVMixin, AssociationOwnedModelViewSet.index_view_class
):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("appeal", "association")


class ContributionViewSet(AssociationOwnedModelViewSet):
    model = Contribution
    icon = "doc-full"
    menu_label = _("Offline gifts")
    url_prefix = "appeals/gifts"
    name = "contributions"
    add_to_admin_menu = False
    index_view_class = ContributionIndexView
    inspect_view_class = ScopedInspectView
    list_display = [
        "label",
        Column("amount", label=_("Amount"), accessor="amount_display"),
        "source",
        Column("appeal", label=_("Appeal"), accessor="appeal"),
        DateColumn("date", label=_("Date")),
    ]
    list_filter = ["source"]
    list_export = ["date", "appeal", "association", "amount", "source", "label"]
    export_filename = "offline-gifts"
    form_fields = ContributionForm.Meta.fields

    def get_form_class(self, for_update=False):
        return ContributionForm


class FundraisingViewSetGroup(ViewSetGroup):
    menu_label = _("Fundraising")
    menu_icon = "pick"
    menu_order = 250
    items = (PledgeViewSet, ContributionViewSet)


# --- batch actions ---------------------------------------------------------

ACTIONS = {
    "received": _("Mark received"),
    "cancel": _("Cancel"),
    "erase": _("Erase personal data"),
}


class _TreasurerView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "pick"
    # what ``?id=`` names, for network's admin scope (deny by default)
    model = Pledge

    def dispatch(self, request, *args, **kwargs):
        if not permissions.policy_for(Pledge).user_has_permission(
            request.user, "change"
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("pledges:index"), "label": _("Pledges")},
            {"url": "", "label": self.get_page_title()},
        ]


def apply_action(user, action, ids):
    """Apply ``action`` to the user's pledges among ``ids``; return the count."""
    pledges = visible_pledges(user).filter(pk__in=ids).select_for_update()
    done = 0
    with transaction.atomic():
        for pledge in pledges:
            if action == "received":
                done += pledge.mark_received()
            elif action == "cancel":
                done += pledge.cancel()
            elif action == "erase":
                pledge.erase_personal_data()
                done += 1
    return done


MAX_ID = 2**63 - 1  # the largest primary key a database column holds


def _clean_ids(values):
    """The ids among ``values`` that can name a row (others are ignored)."""
    ids = []
    for value in values:
        try:
            number = int(value)
        except (TypeError, ValueError):
            continue
        if 0 < number <= MAX_ID:
            ids.append(number)
    return ids


class ProcessPledgesView(_TreasurerView):
    """Waiting pledges with a checkbox each: mark received, cancel or erase,
    one by one or in a batch (also reached with ``?id=`` from a pledge)."""

    template_name = "sitepages/appeals/admin/process.html"
    page_title = _("Process pledges")
    model = Pledge  # ``?id=`` names pledges (network.middleware checks them)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pledges = visible_pledges(self.request.user).select_related("appeal")
        chosen = _clean_ids(self.request.GET.getlist("id"))
        if chosen:
            pledges = pledges.filter(pk__in=chosen)
        else:
            pledges = pledges.filter(status=PledgeStatus.PLEDGED)
        context.update({"pledges": pledges[:500], "actions": ACTIONS})
        return context

    def post(self, request):
        action = request.POST.get("action")
        ids = _clean_ids(request.POST.getlist("pledge"))
        if action not in ACTIONS or not ids:
            messages.error(request, _("Choose pledges and an action."))
            return redirect("appeals_admin:process")
        done = apply_action(request.user, action, ids)
        messages.success(
            request,
            ngettext("%(count)d pledge updated.", "%(count)d pledges updated.", done)
            % {"count": done},
        )
        return redirect("appeals_admin:process")


class StatementForm(forms.Form):
    statement = forms.FileField(label=_("Bank statement (CSV)"))


class BankStatementView(_TreasurerView):
    """Upload a statement, preview the lines matched by reference code,
    confirm to mark those pledges received. Unmatched lines are listed."""

    template_name = "sitepages/appeals/admin/bank_statement.html"
    page_title = _("Import a bank statement")

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=StatementForm()))

    def post(self, request):
        if "confirm" in request.POST:
            ids = _clean_ids(request.POST.getlist("pledge"))
            done = apply_action(request.user, "received", ids)
            messages.success(
                request,
                ngettext(
                    "%(count)d pledge marked received.",
                    "%(count)d pledges marked received.",
                    done,
                )
                % {"count": done},
            )
            return redirect("appeals_admin:bank_statement")
        form = StatementForm(request.POST, request.FILES)
        context = {"form": form}
        status = 200
        if form.is_valid():
            try:
                upload = form.cleaned_data["statement"]
                lines = bank_statement.read(upload.read(bank_statement.MAX_BYTES + 1))
            except bank_statement.StatementError as error:
                form.add_error("statement", str(error))
                status = 400
            else:
                lines = bank_statement.match(
                    lines, visible_pledges(request.user).select_related("appeal")
                )
                context.update(
                    {
                        "matched": [line for line in lines if line.matched],
                        "unmatched": [line for line in lines if not line.matched],
                    }
                )
        else:
            status = 400
        return self.render_to_response(self.get_context_data(**context), status=status)


class PledgesPanel(Component):
    """Dashboard: "5 pledges waiting, 1,240 €" for the user's associations."""

    name = "appeals_pledges"
    order = 60
    template_name = "sitepages/appeals/admin/panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        queryset = visible_pledges(self.request.user)
        rows = []
        for currency in (
            queryset.filter(status=PledgeStatus.PLEDGED)
            .values_list("currency", flat=True)
            .distinct()
            .order_by("currency")
        ):
            count, amount = waiting_pledges(queryset.filter(currency=currency))
            rows.append({"count": count, "amount": money(amount, currency)})
        return {"rows": rows, "process_url": reverse("appeals_admin:process")}


def appeal_pledges_buttons(page, user):
    """The header of an appeal in the page editor links to its pledges."""
    page_class = page.specific_class
    if page_class is None or not issubclass(page_class, AppealPage):
        return []
    if not permissions.policy_for(Pledge).user_has_permission(user, "view"):
        return []
    key = source_page(page).translation_key
    first = AppealPage.objects.filter(translation_key=key).order_by("pk").first()
    if first is None:
        return []
    url = reverse("pledges:index") + "?" + urlencode({"appeal": first.pk})
    return [Button(_("Pledges"), url, icon_name="pick", priority=45)]


def admin_urls():
    return [
        path(
            "appeals/process/",
            ProcessPledgesView.as_view(),
            name="process",
        ),
        path(
            "appeals/bank-statement/",
            BankStatementView.as_view(),
            name="bank_statement",
        ),
    ]
