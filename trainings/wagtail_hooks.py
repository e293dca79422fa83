"""Admin wiring of the trainings plugin.

* registers the plugin with the network (``register_network_plugin``): page
  types, the volunteer URLs under the language prefix, the demo loader and
  the permissions every enabled association's editors get;
* gives every volunteer model the association-scoped permission policy;
* "Trainings" menu: the progress report, the completions report (both
  ``ReportView``s with filters and CSV export, ``trainings.reports``) and the
  certificates, which a coordinator can revoke;
* the dashboard panel: modules past their review date, recent enrolments.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn

from network.permissions import register_association_owned
from network.plugins import NetworkPlugin
from network.viewsets import AssociationOwnedModelViewSet
from trainings import reports
from trainings.models import (
    AnonymousCompletion,
    Certificate,
    Enrolment,
    ModuleProgress,
    QuizAttempt,
    VolunteerProfile,
)


@hooks.register("register_network_plugin")
def register_trainings_plugin():
    return NetworkPlugin(
        name="trainings",
        label=_("Volunteer trainings"),
        description=_(
            "Courses for volunteers: lessons, quizzes, progress, certificates "
            "anyone can check, and reports for the coordinators."
        ),
        page_types=[
            "trainings.TrainingIndexPage",
            "trainings.CoursePage",
            "trainings.ModulePage",
        ],
        i18n_urls="trainings.urls",
        i18n_url_prefix="",
        demo="trainings.demo.load",
        editor_permissions=[
            "trainings.view_enrolment",
            "trainings.view_certificate",
            "trainings.change_certificate",
        ],
    )


for _model in (
    VolunteerProfile,
    Enrolment,
    ModuleProgress,
    QuizAttempt,
    AnonymousCompletion,
):
    register_association_owned(_model)


class CertificateViewSet(AssociationOwnedModelViewSet):
    """Certificates of the coordinator's associations; revoke one by editing it."""

    model = Certificate
    icon = "tick-inverse"
    menu_label = _("Certificates")
    name = "training_certificates"
    add_to_admin_menu = False
    add_view_enabled = False
    copy_view_enabled = False
    # the generic inspect view is not scoped per association: keep it off
    inspect_view_enabled = False
    form_fields = ["revoked", "revoked_reason"]
    list_display = [
        Column("code", label=_("Verification code")),
        Column("display_name", label=_("Name")),
        Column("course_title", label=_("Course")),
        DateColumn("issued_at", label=_("Issued")),
        Column("content_version", label=_("Content version")),
        BooleanColumn("revoked", label=_("Revoked")),
    ]
    list_filter = ["revoked"]
    list_export = [
        "code",
        "display_name",
        "course_title",
        "issued_at",
        "content_version",
        "revoked",
        "revoked_reason",
    ]
    search_fields = ["code", "display_name", "course_title"]
    ordering = ["-issued_at"]


certificate_viewset = CertificateViewSet()


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/trainings/progress/",
            reports.ProgressReportView.as_view(),
            name="trainings_progress_report",
        ),
        path(
            "reports/trainings/progress/results/",
            reports.ProgressReportView.as_view(results_only=True),
            name="trainings_progress_report_results",
        ),
        path(
            "reports/trainings/completions/",
            reports.CompletionsReportView.as_view(),
            name="trainings_completions_report",
        ),
        path(
            "reports/trainings/completions/results/",
            reports.CompletionsReportView.as_view(results_only=True),
            name="trainings_completions_report_results",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return reports.can_view_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_trainings_menu():
    items = [
        ReportMenuItem(
            _("Progress"),
            reverse("trainings_progress_report"),
            name="trainings_progress",
            icon_name="list-ul",
            order=1,
        ),
        ReportMenuItem(
            _("Completions per course"),
            reverse("trainings_completions_report"),
            name="trainings_completions",
            icon_name="table",
            order=2,
        ),
        ReportMenuItem(
            _("Certificates"),
            reverse(certificate_viewset.get_url_name("index")),
            name="trainings_certificates",
            icon_name="tick-inverse",
            order=3,
        ),
    ]
    return SubmenuMenuItem(
        _("Trainings"),
        Menu(items=items),
        name="trainings",
        icon_name="group",
        order=260,
    )


@hooks.register("construct_homepage_panels")
def add_trainings_panel(request, panels):
    panel = reports.TrainingsPanel(request)
    if panel.is_shown():
        panels.append(panel)
