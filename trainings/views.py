"""Public views of the trainings plugin.

* the course page's context and its enrolment form (``course_context``,
  ``enrol``);
* the module page: lesson, then the quiz, graded on the server
  (``serve_module``);
* the volunteer's own pages under ``/<lang>/volunteers/``: dashboard, profile,
  her data as JSON, account erasure, her printable certificates;
* the public certificate check at ``/<lang>/certificates/<code>/``.

Every view answers 404 on a site whose association has not enabled the plugin
(``plugin_required``).
"""

import functools

import segno
from django.apps import apps
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from network.models import Association
from trainings import progress as logic
from trainings.forms import ProfileForm
from trainings.models import (
    AnonymousCompletion,
    Certificate,
    CoursePage,
    Enrolment,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
    volunteer_profile,
)

PLUGIN = "trainings"


def site_association(request):
    return Association.for_site(Site.find_for_request(request))


def plugin_required(view):
    """404 on a site whose association does not use the trainings plugin."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        association = site_association(request)
        if association is None or not association.has_plugin(PLUGIN):
            raise Http404("trainings are not enabled on this site")
        return view(request, *args, **kwargs)

    return wrapped


def volunteer_required(view):
    """Logged-in volunteers only; others go to the volunteer login."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if volunteer_profile(request.user) is None:
            if request.user.is_authenticated:
                raise PermissionDenied("not a volunteer account")
            return redirect(f"{reverse('account_login')}?next={request.path}")
        return view(request, *args, **kwargs)

    return wrapped


# Course page ---------------------------------------------------------------


def _passed_keys(user, modules):
    if not user.is_authenticated:
        return {}
    return {
        progress.module_key: progress
        for progress in ModuleProgress.objects.filter(
            user=user, module_key__in=[m.translation_key for m in modules]
        )
    }


def course_context(request, course):
    user = request.user
    profile = volunteer_profile(user)
    modules = course.modules()
    progress = _passed_keys(user, modules)
    enrolment = logic.enrolment_for(user, course.translation_key) if profile else None
    rows, reachable = [], True
    for module in modules:
        state = progress.get(module.translation_key)
        rows.append(
            {
                "page": module,
                "progress": state,
                "open": bool(enrolment) and reachable,
            }
        )
        reachable = reachable and state is not None and state.passed
    certificate = None
    if profile:
        certificate = Certificate.objects.filter(
            user=user, course_key=course.translation_key
        ).first()
    required = course.required_courses()
    return {
        "profile": profile,
        "enrolment": enrolment,
        "module_rows": rows,
        "prerequisites": required,
        "missing_prerequisites": course.missing_prerequisites(user, required),
        "open_to_volunteer": course.is_open_to(profile),
        "certificate": certificate,
        "sessions": list(course.sessions.all()),
    }


def enrol(request, course):
    """POST on the course page: enrol the logged-in volunteer."""
    profile = volunteer_profile(request.user)
    if profile is None:
        messages.error(request, _("Log in with your volunteer account to enrol."))
        return redirect(f"{reverse('account_login')}?next={course.url}")
    if not course.is_open_to(profile):
        raise PermissionDenied("course closed to this association")
    missing = course.missing_prerequisites(request.user)
    if missing:
        messages.error(
            request,
            _("Complete these courses first: %(courses)s")
            % {"courses": ", ".join(c.title for c in missing)},
        )
        return redirect(course.url)
    _enrolment, created = Enrolment.objects.get_or_create(
        user=request.user,
        course_key=course.translation_key,
        defaults={"association_id": profile.association_id},
    )
    if created:
        messages.success(request, _("You are enrolled. Start with the first module."))
    modules = course.modules()
    return redirect(modules[0].url if modules else course.url)


# Module page ---------------------------------------------------------------


def _module_context(request, module, course, access, **extra):
    user = request.user
    progress = ModuleProgress.objects.filter(
        user=user, module_key=module.translation_key
    ).first()
    certificate = Certificate.objects.filter(
        user=user, course_key=course.translation_key
    ).first()
    updated_since = bool(
        certificate
        and progress
        and progress.passed
        and str(module.translation_key) in logic.outdated_module_keys(certificate)
    )
    modules = course.modules()
    keys = [m.translation_key for m in modules]
    index = keys.index(module.translation_key) if module.translation_key in keys else 0
    questions = [
        {
            "index": number,
            "text": question["text"],
            "multiple": logic.is_multiple(question),
            "choices": [choice["text"] for choice in question["choices"]],
        }
        for number, question in enumerate(module.questions())
    ]
    context = module.get_context(request)
    context.update(
        {
            "course": course,
            "progress": progress,
            "certificate": certificate,
            "updated_since_passed": updated_since,
            "questions": questions,
            "position": index + 1,
            "module_count": len(modules),
            "next_module": modules[index + 1] if index + 1 < len(modules) else None,
            "module_key": str(module.translation_key),
            **extra,
        }
    )
    return context


def serve_module(request, module):
    association = site_association(request)
    if association is None or not association.has_plugin(PLUGIN):
        raise Http404("trainings are not enabled on this site")
    course = module.course
    access = logic.module_access(request.user, module, course)
    if not access.allowed:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={module.url}")
        response = TemplateResponse(
            request,
            "trainings/module_locked.html",
            {"page": module, "course": course, "reason": access.reason},
            status=403,
        )
        return response
    extra = {}
    if request.method == "POST":
        try:
            result = logic.grade(module, request.POST)
        except logic.Tampered as error:
            messages.error(request, str(error))
            extra["refused"] = True
            status = 400
        except logic.Incomplete as error:
            messages.error(request, str(error))
            extra["refused"] = True
            status = 400
        else:
            try:
                logic.record_attempt(request.user, access.enrolment, module, result)
            except logic.AlreadyPassed as error:
                messages.info(request, str(error))
                extra["refused"] = True
                status = 409
            else:
                status = 200
                extra["result"] = result
                if result.passed:
                    messages.success(
                        request,
                        _("Passed with %(score)s %%.") % {"score": result.score},
                    )
                    certificate = logic.issue_certificate_if_complete(
                        request.user, course
                    )
                    if certificate is not None:
                        extra["new_certificate"] = certificate
                else:
                    messages.warning(
                        request,
                        _(
                            "%(score)s %%: you need %(mark)s %% to pass. Read the "
                            "explanations and try again."
                        )
                        % {"score": result.score, "mark": module.pass_mark},
                    )
        context = _module_context(request, module, course, access, **extra)
        return TemplateResponse(
            request, module.get_template(request), context, status=status
        )
    logic.mark_viewed(request.user, access.enrolment, module)
    context = _module_context(request, module, course, access)
    return TemplateResponse(request, module.get_template(request), context)


# Volunteer pages -----------------------------------------------------------


def _localized_pages(model, keys, language_code):
    """{translation_key: page} in the language, falling back to any locale."""
    pages = {}
    for page in (
        model.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("path")
    ):
        current = pages.get(page.translation_key)
        if current is None or page.locale.language_code == language_code:
            pages[page.translation_key] = page
    return pages


def dashboard_rows(user, language_code):
    """Every enrolled course with its progress (a constant number of queries)."""
    enrolments = list(Enrolment.objects.filter(user=user).order_by("enrolled_at"))
    courses = _localized_pages(
        CoursePage, [e.course_key for e in enrolments], language_code
    )
    paths = [(course.path, course.depth) for course in courses.values()]
    modules_by_course = {key: [] for key in courses}
    if paths:
        query = Q()
        for path, _depth in paths:
            query |= Q(path__startswith=path)
        by_path = {course.path: key for key, course in courses.items()}
        for module in (
            ModulePage.objects.live()
            .filter(query, depth=paths[0][1] + 1)
            .order_by("path")
            .select_related("locale")
            .defer("lesson", "quiz")
        ):
            parent = by_path.get(module.path[: -ModulePage.steplen])
            if parent is not None:
                modules_by_course[parent].append(module)
    progress = {p.module_key: p for p in ModuleProgress.objects.filter(user=user)}
    certificates = {c.course_key: c for c in Certificate.objects.filter(user=user)}
    today = timezone.localdate()
    rows = []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_key)
        if course is None:
            continue
        modules = modules_by_course.get(enrolment.course_key, [])
        passed = [
            m
            for m in modules
            if progress.get(m.translation_key) and progress[m.translation_key].passed
        ]
        next_module = next(
            (
                m
                for m in modules
                if not (
                    progress.get(m.translation_key)
                    and progress[m.translation_key].passed
                )
            ),
            None,
        )
        certificate = certificates.get(enrolment.course_key)
        outdated = set()
        if certificate:
            current = {str(m.translation_key): m for m in modules}
            for key, (page_id, revision_id) in certificate.module_versions.items():
                module = current.get(key)
                if (
                    module is not None
                    and module.pk == page_id
                    and module.live_revision_id != revision_id
                ):
                    outdated.add(module.title)
        rows.append(
            {
                "course": course,
                "done": len(passed),
                "total": len(modules),
                "next_module": next_module,
                "certificate": certificate,
                "stale": [m for m in modules if m.review_by and m.review_by < today],
                "updated": sorted(outdated),
            }
        )
    return rows


@plugin_required
@volunteer_required
def dashboard(request):
    language = Locale.get_active().language_code
    return TemplateResponse(
        request,
        "trainings/dashboard.html",
        {
            "profile": request.user.volunteer_profile,
            "rows": dashboard_rows(request.user, language),
        },
    )


@plugin_required
@volunteer_required
def profile_view(request):
    profile = request.user.volunteer_profile
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("volunteer_profile")
    return TemplateResponse(request, "trainings/profile.html", {"form": form})


def volunteer_data(user):
    """Everything stored about ``user`` by the plugin (her own data only)."""
    profile = user.volunteer_profile
    return {
        "account": {
            "email": user.email,
            "display_name": profile.display_name,
            "language": profile.language,
            "association": profile.association.name,
            "created_at": profile.created_at.isoformat(),
        },
        "enrolments": [
            {"course": str(e.course_key), "enrolled_at": e.enrolled_at.isoformat()}
            for e in Enrolment.objects.filter(user=user)
        ],
        "progress": [
            {
                "module": str(p.module_key),
                "viewed_at": p.viewed_at.isoformat() if p.viewed_at else None,
                "passed_at": p.passed_at.isoformat() if p.passed_at else None,
                "best_score": p.best_score,
                "attempts": p.attempt_count,
            }
            for p in ModuleProgress.objects.filter(user=user)
        ],
        "quiz_attempts": [
            {
                "module": str(a.module_key),
                "score": a.score,
                "passed": a.passed,
                "answers": a.answers,
                "submitted_at": a.submitted_at.isoformat(),
            }
            for a in QuizAttempt.objects.filter(user=user)
        ],
        "certificates": [
            {
                "code": c.code,
                "course": c.course_title,
                "issued_at": c.issued_at.isoformat(),
                "content_version": c.content_version,
                "revoked": c.revoked,
            }
            for c in Certificate.objects.filter(user=user)
        ],
    }


@plugin_required
@volunteer_required
def data_json(request):
    response = JsonResponse(
        volunteer_data(request.user), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="my-training-data.json"'
    return response


def forget_login_traces(users):
    """Delete the login throttling records (django-axes) naming ``users``:
    they hold her e-mail address and her IP addresses."""
    if not apps.is_installed("axes"):
        return
    names = set()
    for user in users:
        names.update(name for name in (user.email, user.get_username()) if name)
    for model_name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        apps.get_model("axes", model_name).objects.filter(username__in=names).delete()


@transaction.atomic
def erase_volunteer(user):
    """Erase her personal data; keep anonymous completion counts."""
    for certificate in Certificate.objects.filter(user=user, revoked=False):
        AnonymousCompletion.objects.create(
            association_id=certificate.association_id,
            course_key=certificate.course_key,
            completed_on=certificate.issued_at.date(),
        )
    forget_login_traces([user])
    user.delete()  # cascades: profile, enrolments, progress, attempts, certificates


@plugin_required
@volunteer_required
def delete_account(request):
    if request.method != "POST":
        return TemplateResponse(request, "trainings/delete.html", {})
    if request.POST.get("confirm") != "yes":
        messages.error(
            request, _("Tick the box to confirm that you want to erase your account.")
        )
        return TemplateResponse(request, "trainings/delete.html", {}, status=400)
    user = request.user
    logout(request)
    erase_volunteer(user)
    messages.success(request, _("Your account and your personal data are erased."))
    return redirect("account_login")


def qr_svg(url):
    return segno.make(url, error="m").svg_inline(scale=4, title=_("QR code"))


@plugin_required
@volunteer_required
def certificate_view(request, code):
    certificate = get_object_or_404(Certificate, code=code, user=request.user)
    url = request.build_absolute_uri(reverse("certificate_verify", args=[code]))
    return TemplateResponse(
        request,
        "trainings/certificate.html",
        {"certificate": certificate, "verify_url": url, "qr_svg": qr_svg(url)},
    )


@plugin_required
def certificate_verify(request, code):
    if len(code) > 16 or not code.isalnum():
        raise Http404("unknown certificate")
    certificate = get_object_or_404(Certificate, code=code.upper())
    return TemplateResponse(
        request, "trainings/certificate_verify.html", {"certificate": certificate}
    )
