"""Quiz grading, progress and certificates: the only code that writes them.

* ``grade(module, data)`` checks a submission on the server and refuses
  tampering (an unknown or non-integer choice, a missing answer, several
  answers to a single-choice question, answers for another module);
* ``record_attempt`` stores every valid attempt and derives the module's
  progress from it in one transaction: a pass is never lowered and the best
  score never goes down; a replay after passing is refused;
* ``issue_certificate_if_complete`` issues the course certificate once every
  module is passed, with the fingerprint of the modules' content;
* ``module_access`` says whether a volunteer may open a module (enrolled,
  prerequisite courses completed, previous module passed).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from trainings.models import (
    Certificate,
    CoursePage,
    Enrolment,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
    content_fingerprint,
    volunteer_profile,
)


class Tampered(Exception):
    """A submission no honest form could have sent."""


class Incomplete(Exception):
    """A question was left unanswered."""


@dataclass
class QuestionResult:
    text: str
    multiple: bool
    choices: list  # [{"text", "chosen", "correct", "explanation"}]
    right: bool


@dataclass
class Grade:
    score: int
    passed: bool
    answers: list
    results: list = field(default_factory=list)


def is_multiple(question) -> bool:
    return sum(1 for choice in question["choices"] if choice["correct"]) > 1


def grade(module, data) -> Grade:
    """Check ``data`` (a QueryDict) against ``module``'s quiz."""
    if data.getlist("module") != [str(module.translation_key)]:
        raise Tampered(_("These answers belong to another module."))
    questions = module.questions()
    if not questions:
        raise Tampered(_("This module has no quiz."))
    known = {"module", "csrfmiddlewaretoken"} | {
        f"q{index}" for index in range(len(questions))
    }
    if set(data.keys()) - known:
        raise Tampered(_("The submission contains unknown questions."))
    answers, results, right = [], [], 0
    missing = False
    for index, question in enumerate(questions):
        raw = data.getlist(f"q{index}")
        # the form sends each choice's position as plain digits ("0", "1"...)
        if not all(
            value.isascii() and value.isdigit() and len(value) <= 6 for value in raw
        ):
            raise Tampered(_("An answer is not one of the choices."))
        chosen = {int(value) for value in raw}
        if len(chosen) != len(raw):
            raise Tampered(_("An answer was sent twice."))
        if any(value < 0 or value >= len(question["choices"]) for value in chosen):
            raise Tampered(_("An answer is not one of the choices."))
        multiple = is_multiple(question)
        if not multiple and len(chosen) > 1:
            raise Tampered(_("A single-choice question got several answers."))
        if not chosen:
            missing = True
        correct = {
            i for i, choice in enumerate(question["choices"]) if choice["correct"]
        }
        is_right = chosen == correct
        right += is_right
        answers.append(sorted(chosen))
        results.append(
            QuestionResult(
                text=question["text"],
                multiple=multiple,
                right=is_right,
                choices=[
                    {
                        "text": choice["text"],
                        "chosen": i in chosen,
                        "correct": choice["correct"],
                        "explanation": choice["explanation"],
                    }
                    for i, choice in enumerate(question["choices"])
                ],
            )
        )
    if missing:
        raise Incomplete(_("Answer every question before submitting."))
    score = round(100 * right / len(questions))
    return Grade(
        score=score, passed=score >= module.pass_mark, answers=answers, results=results
    )


def enrolment_for(user, course_key):
    return Enrolment.objects.filter(user=user, course_key=course_key).first()


def get_progress(user, enrolment, module, *, lock=False):
    queryset = ModuleProgress.objects.all()
    if lock:
        queryset = queryset.select_for_update()
    progress, _created = queryset.get_or_create(
        user=user,
        module_key=module.translation_key,
        defaults={"enrolment": enrolment, "association_id": enrolment.association_id},
    )
    return progress


def mark_viewed(user, enrolment, module):
    progress = get_progress(user, enrolment, module)
    if progress.viewed_at is None:
        ModuleProgress.objects.filter(pk=progress.pk, viewed_at__isnull=True).update(
            viewed_at=timezone.now()
        )
    return progress


class AlreadyPassed(Exception):
    pass


@transaction.atomic
def record_attempt(user, enrolment, module, result: Grade) -> ModuleProgress:
    """Store the attempt and derive the progress (never lowering a pass)."""
    progress = get_progress(user, enrolment, module, lock=True)
    if progress.passed_at is not None:
        raise AlreadyPassed(
            _("You already passed this module: this replay was ignored.")
        )
    QuizAttempt.objects.create(
        association_id=enrolment.association_id,
        progress=progress,
        user=user,
        module_key=module.translation_key,
        revision_id=module.live_revision_id,
        answers=result.answers,
        score=result.score,
        passed=result.passed,
    )
    now = timezone.now()
    updates = {
        "attempt_count": F("attempt_count") + 1,
        "best_score": Greatest(F("best_score"), result.score),
    }
    if result.passed:
        updates["passed_at"] = now
    if progress.viewed_at is None:
        updates["viewed_at"] = now
    ModuleProgress.objects.filter(pk=progress.pk).update(**updates)
    progress.refresh_from_db()
    return progress


def issue_certificate_if_complete(user, course) -> Certificate | None:
    """The course certificate, issued once every live module is passed."""
    modules = course.modules()
    if not modules:
        return None
    passed = set(
        ModuleProgress.objects.filter(
            user=user,
            module_key__in=[m.translation_key for m in modules],
            passed_at__isnull=False,
        ).values_list("module_key", flat=True)
    )
    if any(module.translation_key not in passed for module in modules):
        return None
    existing = Certificate.objects.filter(
        user=user, course_key=course.translation_key
    ).first()
    if existing is not None:
        return existing
    profile = volunteer_profile(user)
    version, versions = content_fingerprint(modules)
    return Certificate.objects.create(
        association_id=profile.association_id,
        user=user,
        course_key=course.translation_key,
        course_title=course.title,
        display_name=profile.display_name,
        content_version=version,
        module_versions=versions,
    )


@dataclass
class Access:
    allowed: bool
    reason: str = ""
    enrolment: Enrolment | None = None
    previous: ModulePage | None = None


def module_access(user, module, course: CoursePage) -> Access:
    """May ``user`` open ``module``? (enrolled, prerequisites, order)"""
    profile = volunteer_profile(user)
    if profile is None:
        return Access(
            False, _("Log in with your volunteer account to follow a course.")
        )
    if not course.is_open_to(profile):
        return Access(False, _("This course is only open to another association."))
    enrolment = enrolment_for(user, course.translation_key)
    if enrolment is None:
        return Access(False, _("Enrol in the course first."))
    missing = course.missing_prerequisites(user)
    if missing:
        return Access(
            False,
            _("Complete these courses first: %(courses)s")
            % {"courses": ", ".join(c.title for c in missing)},
            enrolment,
        )
    modules = course.modules()
    keys = [m.translation_key for m in modules]
    if module.translation_key in keys:
        index = keys.index(module.translation_key)
        if index > 0:
            previous = modules[index - 1]
            passed = ModuleProgress.objects.filter(
                user=user, module_key=previous.translation_key, passed_at__isnull=False
            ).exists()
            if not passed:
                return Access(
                    False,
                    _("Pass the module “%(title)s” first.") % {"title": previous.title},
                    enrolment,
                    previous,
                )
    return Access(True, enrolment=enrolment)


def outdated_module_keys(certificate) -> set[str]:
    """Modules revised (new live revision) since the certificate was issued."""
    ids = {int(value[0]): value[1] for value in certificate.module_versions.values()}
    current = dict(
        ModulePage.objects.filter(pk__in=ids).values_list("pk", "live_revision_id")
    )
    outdated = set()
    for key, (page_id, revision_id) in certificate.module_versions.items():
        if current.get(int(page_id)) != revision_id:
            outdated.add(key)
    return outdated
