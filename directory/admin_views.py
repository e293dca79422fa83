"""Admin views of the directory (registered in ``directory.wagtail_hooks``).

Class-based views on Wagtail's generic admin views, rendering app-namespaced
templates (``directory/templates/directory/admin/``) that extend Wagtail's
``wagtailadmin/generic/base.html``:

* ``ImportView``: upload a CSV, preview it with per-line errors, confirm.
  It reuses ``directory.importers`` and only offers the user's associations.
* ``CheckListView`` / ``ConfirmEntryView`` / ``ConfirmStopView``: a
  phone-friendly list of my entries with one big "Still accurate today"
  button per entry and per stop (POST with CSRF; permission through
  ``network.permissions``).
* ``RecheckPanel``: dashboard panel listing entries not checked for six months.
"""

import datetime as dt
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from laces.components import Component
from wagtail.admin.views.generic.base import (
    BaseOperationView,
    WagtailAdminTemplateMixin,
)

from directory.importers import DirectoryImporter, open_bytes
from directory.models import (
    RECHECK_AFTER_DAYS,
    Organisation,
    OrganisationStop,
    StatusChoices,
    stale_q,
)
from directory.uploads import delete_upload, purge_uploads, upload_path
from network import permissions
from network.models import Association

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def _policy():
    return permissions.policy_for(Organisation)


def can_import(user) -> bool:
    policy = _policy()
    return policy.user_has_permission(user, "add") and policy.user_has_permission(
        user, "change"
    )


def user_associations(user):
    return permissions.user_associations(user).order_by("name")


def stale_cutoff(today=None):
    """Entries last checked before this date (or never) need a re-check."""
    return (today or timezone.localdate()) - dt.timedelta(days=RECHECK_AFTER_DAYS)


def stale_entries(user, today=None):
    """The user's entries (default language, not closed) to re-check."""
    return (
        _policy()
        .instances_user_has_permission_for(user, "change")
        .filter(translation_key__in=_default_keys())
        .exclude(status=StatusChoices.CLOSED)
        .filter(stale_q(today))
    )


def _default_keys():
    from wagtail.models import Locale

    return Organisation.objects.filter(locale=Locale.get_default()).values(
        "translation_key"
    )


# Import -------------------------------------------------------------------------
class ImportForm(forms.Form):
    association = forms.ModelChoiceField(
        label=_("Association"), queryset=Association.objects.none(), empty_label=None
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, comma-separated, with the columns external_id, name, "
            "categories, description, address, postcode, city, latitude, "
            "longitude, phone, email, website, languages, opening_hours, "
            "audience, wheelchair."
        ),
    )
    draft = forms.BooleanField(
        label=_("Import as drafts"),
        required=False,
        help_text=_("Leave unticked to publish the entries at once."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = user_associations(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class ConfirmForm(forms.Form):
    association = forms.ModelChoiceField(queryset=Association.objects.none())
    token = forms.UUIDField()
    draft = forms.BooleanField(required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = user_associations(user)


class CancelForm(forms.Form):
    token = forms.UUIDField()


class DirectoryAdminView(WagtailAdminTemplateMixin):
    """Wagtail's admin page furniture, with the view's title as breadcrumb."""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class ImportView(DirectoryAdminView, FormView):
    """Step 1: upload and preview. Step 2 (``confirm`` in POST): import.
    ``cancel`` in POST forgets a previewed upload."""

    page_title = _("Import directory entries")
    header_icon = "upload"
    template_name = "directory/admin/import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def post(self, request, *args, **kwargs):
        if "cancel" in request.POST:
            return self.cancel()
        if "confirm" in request.POST:
            return self.confirm()
        # Opportunistic clean-up of previews abandoned more than a day ago.
        list(purge_uploads())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        """Preview: a dry run; a clean file is kept under a token to confirm."""
        data = form.cleaned_data["file"].read()
        association = form.cleaned_data["association"]
        draft = form.cleaned_data["draft"]
        report = DirectoryImporter(association, draft=draft).run(
            open_bytes(data), dry_run=True
        )
        token = None
        if report.ok:
            token = uuid.uuid4()
            default_storage.save(upload_path(token), ContentFile(data))
        return self.render_to_response(
            self.get_context_data(
                form=form,
                report=report,
                token=token,
                association=association,
                draft=draft,
            )
        )

    def confirm(self):
        form = ConfirmForm(self.request.POST, user=self.request.user)
        if not form.is_valid():
            raise PermissionDenied
        token = form.cleaned_data["token"]
        path = upload_path(token)
        if not default_storage.exists(path):
            messages.error(
                self.request, _("That upload has expired; please upload it again.")
            )
            return HttpResponseRedirect(reverse("directory_import:upload"))
        try:
            with default_storage.open(path, "rb") as stored:
                data = stored.read()
            importer = DirectoryImporter(
                form.cleaned_data["association"],
                draft=form.cleaned_data["draft"],
                user=self.request.user,
            )
            report = importer.run(open_bytes(data))
        finally:
            delete_upload(token)
        if not report.ok:
            context = self.get_context_data(
                form=ImportForm(user=self.request.user), report=report
            )
            return self.render_to_response(context, status=400)
        messages.success(self.request, report.summary())
        return HttpResponseRedirect(
            reverse("wagtailsnippets_directory_organisation:list")
        )

    def cancel(self):
        """Forget a previewed upload (the editor pressed Cancel)."""
        form = CancelForm(self.request.POST)
        if form.is_valid():
            delete_upload(form.cleaned_data["token"])
        return HttpResponseRedirect(reverse("directory_import:upload"))


# One-tap confirmation -------------------------------------------------------------
class CheckListView(DirectoryAdminView, TemplateView):
    """My entries, oldest check first, each with big confirmation buttons."""

    page_title = _("Confirm entries")
    header_icon = "tick"
    template_name = "directory/admin/check_list.html"

    def dispatch(self, request, *args, **kwargs):
        if not _policy().user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        entries = (
            _policy()
            .instances_user_has_permission_for(self.request.user, "change")
            .filter(translation_key__in=_default_keys())
            .exclude(status=StatusChoices.CLOSED)
            .select_related("association")
            .prefetch_related("stops")
            .order_by("last_checked", "name")
        )
        only_stale = self.request.GET.get("stale") == "1"
        if only_stale:
            entries = entries.filter(
                pk__in=stale_entries(self.request.user).values("pk")
            )
        today = timezone.localdate()
        return super().get_context_data(
            entries=entries[:200],
            today=today,
            only_stale=only_stale,
            stale_limit=today - dt.timedelta(days=RECHECK_AFTER_DAYS),
            **kwargs,
        )


class ConfirmView(BaseOperationView):
    """ "Still accurate today" (POST): sets ``last_checked`` and ``checked_by``,
    then goes back to ``next`` (a URL of this site) or to the check list."""

    http_method_names = ["post"]

    def entry(self):
        """The directory entry whose permission the confirmation needs."""
        return self.object

    def post(self, request, *args, **kwargs):
        if not _policy().user_has_permission_for_instance(
            request.user, "change", self.entry()
        ):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_success_url(self):
        return self.next_url or reverse("directory_check:list")


class ConfirmEntryView(ConfirmView):
    model = Organisation

    def perform_operation(self):
        # The entry in every language.
        Organisation.objects.filter(translation_key=self.object.translation_key).update(
            last_checked=timezone.localdate(), checked_by=self.request.user
        )

    def get_success_message(self):
        return _("“%(name)s” confirmed as accurate today.") % {"name": self.object.name}


class ConfirmStopView(ConfirmView):
    """The same, for one stop of a mobile service."""

    model = OrganisationStop

    def get_base_object_queryset(self):
        return OrganisationStop.objects.select_related("organisation")

    def entry(self):
        return self.object.organisation

    def perform_operation(self):
        OrganisationStop.objects.filter(pk=self.object.pk).update(
            last_checked=timezone.localdate(), checked_by=self.request.user
        )

    def get_success_message(self):
        return _("Stop “%(name)s” confirmed as accurate today.") % {
            "name": self.object.name
        }


# Dashboard --------------------------------------------------------------------------
class RecheckPanel(Component):
    """Dashboard panel: my entries nobody has checked for six months."""

    name = "directory_recheck"
    order = 150
    limit = 8
    template_name = "directory/admin/recheck_panel.html"

    def __init__(self, request):
        self.request = request
        self._entries = None

    def entries(self):
        if self._entries is None:
            queryset = stale_entries(self.request.user).order_by("last_checked", "name")
            self._entries = list(
                queryset.select_related("association")[: self.limit + 1]
            )
        return self._entries

    def is_shown(self):
        if not _policy().user_has_permission(self.request.user, "change"):
            return False
        return bool(self.entries())

    def get_context_data(self, parent_context=None):
        entries = self.entries()
        return {
            "entries": entries[: self.limit],
            "more": len(entries) > self.limit,
            "total": stale_entries(self.request.user).count()
            if len(entries) > self.limit
            else len(entries),
            "check_url": reverse("directory_check:list") + "?stale=1",
        }


def hours_preview(request):
    """JSON preview of the hours widget: the OSM string, in words, open now.

    ``GET ?name=<field name>&<field name>-mo-start-0=09:00...`` (the widget's
    own inputs); admin URLs are served to logged-in admin users only.
    """
    from django.http import HttpResponseBadRequest, JsonResponse
    from django.utils.translation import get_language

    from directory import hours as hours_rows
    from directory.opening import parse_error
    from directory.widgets import rows_from_data

    name = request.GET.get("name", "")
    if not name or len(name) > 100:
        return HttpResponseBadRequest("name is required")
    value = rows_from_data(request.GET, name)
    errors = [str(message) for message in value.errors]
    text = str(value)
    if not errors and parse_error(text):
        errors.append(parse_error(text))
    language = get_language()
    return JsonResponse(
        {
            "value": text,
            "errors": errors,
            "summary": "" if errors else hours_rows.summary(text, language),
            "open_now": "" if errors else hours_rows.open_now_text(text, language),
        }
    )
