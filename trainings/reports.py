"""Coordinators' reports on volunteer trainings, and the dashboard panel.

* ``ProgressReportView``: one row per enrolment (who, association, course,
  modules passed, completion date, outdated certificate), filtered by course,
  association and status, exported as CSV or XLSX;
* ``CompletionsReportView``: per course and association, how many volunteers
  enrolled and completed (erased accounts counted anonymously) and how many
  hold an outdated certificate;
* ``TrainingsPanel``: modules past their review date and recent enrolments.

Every queryset goes through ``network.permissions``: a coordinator of one
association never sees another association's volunteers.
"""

import datetime as dt

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from network.permissions import (
    associations_for_request,
    is_coordinator,
    policy_for,
    scope_pages,
    user_association_ids,
)
from trainings.models import (
    AnonymousCompletion,
    Certificate,
    CoursePage,
    Enrolment,
    ModulePage,
    ModuleProgress,
)


def can_view_reports(user):
    return is_coordinator(user) or (
        user.has_perm("trainings.view_enrolment") and bool(user_association_ids(user))
    )


def course_choices(request=None):
    """(translation_key, title) of every course, in the default language."""
    default = Locale.get_default()
    return [
        (str(key), title)
        for key, title in CoursePage.objects.filter(locale=default)
        .order_by("title")
        .values_list("translation_key", "title")
    ]


class CourseChoiceFilter(django_filters.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", course_choices)
        super().__init__(*args, **kwargs)


class ProgressFilterSet(WagtailFilterSet):
    course_key = CourseChoiceFilter(label=_("Course"))
    association = django_filters.ModelChoiceFilter(
        label=_("Association"), queryset=associations_for_request
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            ("completed", _("Completed")),
            ("in_progress", _("In progress")),
            ("outdated", _("Certificate outdated")),
        ],
        method="filter_status",
    )
    enrolled_after = django_filters.DateFilter(
        label=_("Enrolled after"), field_name="enrolled_at", lookup_expr="date__gte"
    )

    class Meta:
        model = Enrolment
        fields = []

    def filter_status(self, queryset, name, value):
        # EXISTS, not the row's annotation: the database runs it as one
        # semi-join instead of a subquery per enrolment
        certified = Exists(
            Certificate.objects.filter(
                user=OuterRef("user"), course_key=OuterRef("course_key")
            )
        )
        if value == "completed":
            return queryset.filter(certified)
        if value == "in_progress":
            return queryset.exclude(certified)
        if value == "outdated":
            return queryset.filter(certificate_code__in=outdated_certificate_codes())
        return queryset


def live_revisions():
    return dict(ModulePage.objects.values_list("pk", "live_revision_id"))


def outdated_certificate_codes(revisions=None):
    revisions = live_revisions() if revisions is None else revisions
    codes = []
    for code, versions in Certificate.objects.filter(revoked=False).values_list(
        "code", "module_versions"
    ):
        if any(revisions.get(int(p)) not in (None, r) for p, r in versions.values()):
            codes.append(code)
    return codes


def module_totals():
    """{course translation_key: number of live modules} (default language)."""
    totals = {}
    courses = dict(
        CoursePage.objects.filter(locale=Locale.get_default()).values_list(
            "path", "translation_key"
        )
    )
    for path in (
        ModulePage.objects.live()
        .filter(locale=Locale.get_default())
        .values_list("path", flat=True)
    ):
        key = courses.get(path[: -ModulePage.steplen])
        if key is not None:
            totals[key] = totals.get(key, 0) + 1
    return totals


class ScopedReportMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProgressReportView(ScopedReportMixin, ReportView):
    page_title = _("Training progress")
    header_icon = "list-ul"
    index_url_name = "trainings_progress_report"
    index_results_url_name = "trainings_progress_report_results"
    filterset_class = ProgressFilterSet
    paginate_by = 50
    columns = [
        Column("display_name", label=_("Volunteer")),
        Column("email", label=_("E-mail")),
        Column("association", label=_("Association")),
        Column("course_title", label=_("Course")),
        DateColumn("enrolled_at", label=_("Enrolled")),
        Column("progress_label", label=_("Modules passed")),
        DateColumn("completed_at", label=_("Completed")),
        BooleanColumn("outdated", label=_("Certificate outdated")),
    ]
    list_export = [
        "display_name",
        "email",
        "association",
        "course_title",
        "enrolled_at",
        "passed_modules",
        "total_modules",
        "completed_at",
        "certificate_code",
        "outdated",
    ]
    export_headings = {
        "display_name": _("Volunteer"),
        "email": _("E-mail"),
        "association": _("Association"),
        "course_title": _("Course"),
        "enrolled_at": _("Enrolled"),
        "passed_modules": _("Modules passed"),
        "total_modules": _("Modules"),
        "completed_at": _("Completed"),
        "certificate_code": _("Certificate"),
        "outdated": _("Certificate outdated"),
    }
    export_filename = "training-progress"

    def get_queryset(self):
        certificates = Certificate.objects.filter(
            user=OuterRef("user"), course_key=OuterRef("course_key")
        )
        passed = (
            ModuleProgress.objects.filter(
                enrolment=OuterRef("pk"), passed_at__isnull=False
            )
            .order_by()
            .values("enrolment")
            .annotate(n=Count("pk"))
            .values("n")
        )
        queryset = (
            Enrolment.objects.select_related(
                "association", "user", "user__volunteer_profile"
            )
            .annotate(
                completed_at=Subquery(certificates.values("issued_at")[:1]),
                certificate_code=Subquery(certificates.values("code")[:1]),
                passed_modules=Coalesce(
                    Subquery(passed, output_field=IntegerField()), 0
                ),
            )
            .order_by("-enrolled_at", "-pk")
        )
        return policy_for(Enrolment).visible_queryset(self.request.user, queryset)

    def decorate_paginated_queryset(self, object_list):
        titles = dict(course_choices())
        totals = module_totals()
        rows = list(object_list)
        codes = [row.certificate_code for row in rows if row.certificate_code]
        outdated = set()
        if codes:
            revisions = live_revisions()
            for code, versions in Certificate.objects.filter(
                code__in=codes
            ).values_list("code", "module_versions"):
                if any(
                    revisions.get(int(p)) not in (None, r) for p, r in versions.values()
                ):
                    outdated.add(code)
        for row in rows:
            profile = getattr(row.user, "volunteer_profile", None)
            row.display_name = profile.display_name if profile else ""
            row.email = row.user.email
            row.course_title = titles.get(str(row.course_key), "")
            row.total_modules = totals.get(row.course_key, 0)
            row.progress_label = f"{row.passed_modules} / {row.total_modules}"
            row.outdated = row.certificate_code in outdated
        return rows


class CompletionsFilterSet(WagtailFilterSet):
    course_key = CourseChoiceFilter(label=_("Course"))
    association = django_filters.ModelChoiceFilter(
        label=_("Association"), queryset=associations_for_request
    )

    class Meta:
        model = Enrolment
        fields = []


class CompletionsReportView(ScopedReportMixin, ReportView):
    page_title = _("Completions per course")
    header_icon = "table"
    index_url_name = "trainings_completions_report"
    index_results_url_name = "trainings_completions_report_results"
    filterset_class = CompletionsFilterSet
    paginate_by = 100
    columns = [
        Column("course_title", label=_("Course")),
        Column("association_name", label=_("Association")),
        Column("enrolled", label=_("Enrolled")),
        Column("completed", label=_("Completed")),
        Column("anonymous", label=_("Completed (erased accounts)")),
        Column("outdated", label=_("Outdated certificates")),
    ]
    list_export = [
        "course_title",
        "association_name",
        "enrolled",
        "completed",
        "anonymous",
        "outdated",
    ]
    export_headings = {
        "course_title": _("Course"),
        "association_name": _("Association"),
        "enrolled": _("Enrolled"),
        "completed": _("Completed"),
        "anonymous": _("Completed (erased accounts)"),
        "outdated": _("Outdated certificates"),
    }
    export_filename = "training-completions"

    def get_queryset(self):
        queryset = policy_for(Enrolment).visible_queryset(
            self.request.user, Enrolment.objects.all()
        )
        return (
            queryset.values("course_key", "association", "association__name")
            .annotate(enrolled=Count("pk"))
            .order_by("course_key", "association__name")
        )

    def decorate_paginated_queryset(self, object_list):
        rows = [dict(row) for row in object_list]
        titles = dict(course_choices())
        association_ids = {row["association"] for row in rows}
        completed, outdated = {}, {}
        outdated_codes = set(outdated_certificate_codes())
        for key, association, code in Certificate.objects.filter(
            association__in=association_ids, revoked=False
        ).values_list("course_key", "association", "code"):
            completed[(key, association)] = completed.get((key, association), 0) + 1
            if code in outdated_codes:
                outdated[(key, association)] = outdated.get((key, association), 0) + 1
        anonymous = {
            (row["course_key"], row["association"]): row["n"]
            for row in AnonymousCompletion.objects.filter(
                association__in=association_ids
            )
            .values("course_key", "association")
            .annotate(n=Count("pk"))
        }
        result = []
        for row in rows:
            key = (row["course_key"], row["association"])
            result.append(
                _Row(
                    course_title=titles.get(str(row["course_key"]), ""),
                    association_name=row["association__name"],
                    enrolled=row["enrolled"],
                    completed=completed.get(key, 0),
                    anonymous=anonymous.get(key, 0),
                    outdated=outdated.get(key, 0),
                    pk=f"{row['course_key']}-{row['association']}",
                )
            )
        return result


class _Row:
    def __init__(self, **values):
        self.__dict__.update(values)


class TrainingsPanel(Component):
    """Home dashboard: modules to review, and enrolments of the last 30 days."""

    name = "trainings"
    template_name = "trainings/admin/panel.html"
    order = 160

    def __init__(self, request):
        self.request = request

    def is_shown(self):
        return self.request.user.has_perm("wagtailadmin.access_admin")

    def get_context_data(self, parent_context=None):
        user = self.request.user
        today = timezone.localdate()
        modules = scope_pages(
            ModulePage.objects.filter(review_by__lt=today).select_related("locale"),
            user,
        ).order_by("review_by")[:20]
        since = timezone.now() - dt.timedelta(days=30)
        enrolments = policy_for(Enrolment).visible_queryset(
            user, Enrolment.objects.filter(enrolled_at__gte=since)
        )
        counts = enrolments.aggregate(
            total=Count("pk"), volunteers=Count("user", distinct=True)
        )
        return {
            "modules": list(modules),
            "enrolments": counts["total"] if can_view_reports(user) else None,
            "volunteers": counts["volunteers"],
        }
