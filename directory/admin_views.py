"""Admin views of the directory (registered in ``directory.wagtail_hooks``).

* ``import_view``: upload a CSV, preview it with per-line errors, confirm.
  It reuses ``directory.importers`` and only offers the user's associations.
* ``check_list`` / ``confirm_entry`` / ``confirm_stop``: a phone-friendly
  list of my entries with one big "Still accurate today" button per entry and
  per stop (POST with CSRF; permission through ``network.permissions``).
* ``RecheckPanel``: dashboard panel listing entries not checked for six months.

Admin templates live in ``directory/admin_templates/`` (the app's
``templates/`` folder holds the public templates) and extend Wagtail's admin
base template.
"""

import datetime as dt
import uuid
from functools import lru_cache
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from laces.components import Component

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
from network.owners import names_object

TEMPLATES_DIR = Path(__file__).resolve().parent / "admin_templates"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


@lru_cache(maxsize=16)
def _template(name):
    return engines["django"].from_string((TEMPLATES_DIR / name).read_text("utf-8"))


def render_admin(request, name, context, status=200):
    get_token(request)  # make sure the CSRF cookie is set for the forms
    html = _template(name).render(context, request)
    return HttpResponse(html, status=status)


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


def import_view(request):
    """Step 1: upload and preview. Step 2 (``confirm`` in POST): import."""
    if not can_import(request.user):
        raise PermissionDenied
    context = {"page_title": _("Import directory entries"), "header_icon": "upload"}
    if request.method == "POST" and "cancel" in request.POST:
        return _cancel_import(request)
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm_import(request, context)
    if request.method == "POST":
        # Opportunistic clean-up of previews abandoned more than a day ago.
        list(purge_uploads())
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            importer = DirectoryImporter(
                form.cleaned_data["association"], draft=form.cleaned_data["draft"]
            )
            report = importer.run(open_bytes(data), dry_run=True)
            token = None
            if report.ok:
                token = uuid.uuid4()
                default_storage.save(upload_path(token), ContentFile(data))
            context.update(
                form=form,
                report=report,
                token=token,
                association=form.cleaned_data["association"],
                draft=form.cleaned_data["draft"],
            )
            return render_admin(request, "import.html", context)
    else:
        form = ImportForm(user=request.user)
    context["form"] = form
    return render_admin(request, "import.html", context)


def _confirm_import(request, context):
    form = ConfirmForm(request.POST, user=request.user)
    if not form.is_valid():
        raise PermissionDenied
    token = form.cleaned_data["token"]
    path = upload_path(token)
    if not default_storage.exists(path):
        messages.error(request, _("That upload has expired; please upload it again."))
        return HttpResponseRedirect(reverse("directory_import:upload"))
    try:
        with default_storage.open(path, "rb") as stored:
            data = stored.read()
        importer = DirectoryImporter(
            form.cleaned_data["association"],
            draft=form.cleaned_data["draft"],
            user=request.user,
        )
        report = importer.run(open_bytes(data))
    finally:
        delete_upload(token)
    if not report.ok:
        context.update(form=ImportForm(user=request.user), report=report)
        return render_admin(request, "import.html", context, status=400)
    messages.success(request, report.summary())
    return HttpResponseRedirect(reverse("wagtailsnippets_directory_organisation:list"))


def _cancel_import(request):
    """Forget a previewed upload (the editor pressed Cancel)."""
    form = CancelForm(request.POST)
    if form.is_valid():
        delete_upload(form.cleaned_data["token"])
    return HttpResponseRedirect(reverse("directory_import:upload"))


# One-tap confirmation -------------------------------------------------------------
def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def check_list(request):
    """My entries, oldest check first, each with big confirmation buttons."""
    policy = _policy()
    if not policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    entries = (
        policy.instances_user_has_permission_for(request.user, "change")
        .filter(translation_key__in=_default_keys())
        .exclude(status=StatusChoices.CLOSED)
        .select_related("association")
        .prefetch_related("stops")
        .order_by("last_checked", "name")
    )
    only_stale = request.GET.get("stale") == "1"
    if only_stale:
        entries = entries.filter(pk__in=stale_entries(request.user).values("pk"))
    today = timezone.localdate()
    context = {
        "page_title": _("Confirm entries"),
        "header_icon": "tick",
        "entries": entries[:200],
        "today": today,
        "only_stale": only_stale,
        "stale_limit": today - dt.timedelta(days=RECHECK_AFTER_DAYS),
    }
    return render_admin(request, "check_list.html", context)


@names_object(Organisation)
@require_POST
def confirm_entry(request, pk):
    """ "Still accurate today": sets last_checked and checked_by (all languages)."""
    entry = get_object_or_404(Organisation, pk=pk)
    if not _policy().user_has_permission_for_instance(request.user, "change", entry):
        raise PermissionDenied
    today = timezone.localdate()
    Organisation.objects.filter(translation_key=entry.translation_key).update(
        last_checked=today, checked_by=request.user
    )
    messages.success(
        request, _("“%(name)s” confirmed as accurate today.") % {"name": entry.name}
    )
    return HttpResponseRedirect(_safe_next(request, reverse("directory_check:list")))


@names_object(OrganisationStop)
@require_POST
def confirm_stop(request, pk):
    """ "Still accurate today" for one stop of a mobile service."""
    stop = get_object_or_404(
        OrganisationStop.objects.select_related("organisation"), pk=pk
    )
    if not _policy().user_has_permission_for_instance(
        request.user, "change", stop.organisation
    ):
        raise PermissionDenied
    OrganisationStop.objects.filter(pk=stop.pk).update(
        last_checked=timezone.localdate(), checked_by=request.user
    )
    messages.success(
        request, _("Stop “%(name)s” confirmed as accurate today.") % {"name": stop.name}
    )
    return HttpResponseRedirect(_safe_next(request, reverse("directory_check:list")))


# Dashboard --------------------------------------------------------------------------
class RecheckPanel(Component):
    """Dashboard panel: my entries nobody has checked for six months."""

    name = "directory_recheck"
    order = 150
    limit = 8

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

    def render_html(self, parent_context=None):
        entries = self.entries()
        context = {
            "entries": entries[: self.limit],
            "more": len(entries) > self.limit,
            "total": stale_entries(self.request.user).count()
            if len(entries) > self.limit
            else len(entries),
            "check_url": reverse("directory_check:list") + "?stale=1",
            "request": self.request,
        }
        return _template("recheck_panel.html").render(context, self.request)


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
