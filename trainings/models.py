"""Volunteer training courses: pages, volunteers, enrolments, progress, quizzes
and certificates.

Pages: ``TrainingIndexPage`` → ``CoursePage`` → ``ModulePage`` (a lesson and a
quiz). Everything a volunteer does is stored per association
(``network.permissions.AssociationOwned``: the volunteer's association) and
keyed on the pages' ``translation_key``, so that progress belongs to the
course, not to one language's copy of it.

``ModuleProgress`` is only ever written by ``record_attempt`` and
``mark_viewed`` (``trainings.progress``), which derive it from the attempts:
a pass is never lowered and the best score never goes down.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable
from wagtail.search import index

from network.permissions import AssociationOwned
from sitepages.models import BasePage
from trainings.blocks import LessonStreamBlock, QuizStreamBlock
from trainings.page_forms import CoursePageForm

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_certificate_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(12))


class TrainingIndexPage(BasePage):
    """The list of an association's training courses."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Who the courses are for, and how to sign up."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["sitepages.HomePage", "sitepages.ContentPage"]
    subpage_types = ["trainings.CoursePage"]
    template = "trainings/training_index_page.html"

    class Meta:
        verbose_name = _("training index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.objects.live().child_of(self).specific()
        profile = volunteer_profile(request.user)
        context["courses"] = [
            course for course in courses if course.is_open_to(profile, self)
        ]
        return context


class CoursePage(BasePage):
    """A training course: a summary, then its modules in the tree's order."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what the course covers.")
    )
    audience = models.CharField(
        _("audience"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'New volunteers before their first drop-in session'."),
    )
    duration = models.CharField(
        _("duration"), max_length=100, blank=True, help_text=_("e.g. '2 hours'.")
    )
    learning_objectives = RichTextField(
        _("learning objectives"),
        blank=True,
        features=["bold", "italic", "ul", "ol"],
        help_text=_("A list of what the volunteer can do after the course."),
    )
    prerequisites = ParentalManyToManyField(
        "trainings.CoursePage",
        blank=True,
        related_name="required_by",
        verbose_name=_("prerequisite courses"),
        help_text=_("Courses a volunteer must have completed before this one."),
    )
    trainer = models.CharField(_("trainer"), max_length=200, blank=True)
    open_to_network = models.BooleanField(
        _("open to the whole network"),
        default=False,
        help_text=_(
            "Tick to let the volunteers of every association follow this "
            "course; leave unticked for your own association's volunteers only."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("duration"),
        FieldPanel("learning_objectives"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [
                FieldPanel("trainer"),
                InlinePanel("sessions", label=_("In-person session")),
            ],
            heading=_("Trainer and sessions"),
        ),
        FieldPanel("open_to_network"),
    ]
    base_form_class = CoursePageForm
    search_fields = BasePage.search_fields + [index.SearchField("summary")]
    parent_page_types = ["trainings.TrainingIndexPage"]
    subpage_types = ["trainings.ModulePage"]
    template = "trainings/course_page.html"

    class Meta:
        verbose_name = _("course")

    def modules(self):
        return list(ModulePage.objects.live().child_of(self).order_by("path"))

    def is_open_to(self, profile, site_page=None):
        """Every volunteer may see a network course; otherwise only the owning
        association's volunteers (anonymous visitors see it, to sign up)."""
        if self.open_to_network or profile is None:
            return True
        owner = self.association
        return owner is not None and owner.pk == profile.association_id

    def required_courses(self):
        """The prerequisite courses, in the active language where translated.

        The requirement belongs to the course, not to one language's copy:
        the prerequisites set on any copy count (a translation that lost one
        cannot be used to skip it)."""
        through = CoursePage.prerequisites.through
        keys = set(
            through.objects.filter(
                from_coursepage__translation_key=self.translation_key
            ).values_list("to_coursepage__translation_key", flat=True)
        )
        if not keys:
            return []
        language = Locale.get_active().language_code
        chosen = {}
        for course in (
            CoursePage.objects.filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("title", "pk")
        ):
            current = chosen.get(course.translation_key)
            if current is None or (
                course.locale.language_code == language
                and current.locale.language_code != language
            ):
                chosen[course.translation_key] = course
        return sorted(chosen.values(), key=lambda course: course.title)

    def missing_prerequisites(self, user, required=None):
        """Prerequisite courses (in the active language) ``user`` has not
        completed; ``required``: ``required_courses()`` when already known."""
        required = self.required_courses() if required is None else required
        if not required:
            return []
        done = set()
        if user.is_authenticated:
            done = set(
                Certificate.objects.filter(
                    user=user,
                    course_key__in=[course.translation_key for course in required],
                    revoked=False,
                ).values_list("course_key", flat=True)
            )
        return [course for course in required if course.translation_key not in done]

    def serve(self, request, *args, **kwargs):
        from trainings import views

        if request.method == "POST":
            return views.enrol(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from trainings import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.course_context(request, self))
        return context


class CourseSession(Orderable):
    """An in-person session of a course (date and place)."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=255, blank=True)

    panels = [FieldPanel("starts_at"), FieldPanel("place")]

    class Meta(Orderable.Meta):
        verbose_name = _("in-person session")


class Jurisdiction(models.TextChoices):
    FRANCE = "fr", _("France")
    UK = "uk", _("United Kingdom")


class ModulePage(BasePage):
    """A lesson followed by a quiz; legal content carries its dates and basis."""

    lesson = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("lesson"))
    quiz = StreamField(
        QuizStreamBlock(),
        blank=True,
        verbose_name=_("quiz"),
        help_text=_("Questions checked when the volunteer submits; 80 % to pass."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    valid_on = models.DateField(
        _("valid on"),
        null=True,
        blank=True,
        help_text=_("The date on which the legal content was last checked."),
    )
    legal_basis = models.TextField(
        _("legal basis"),
        blank=True,
        help_text=_("The articles, decrees or circulars the module relies on."),
    )
    jurisdiction = models.CharField(
        _("jurisdiction"),
        max_length=2,
        choices=Jurisdiction.choices,
        default=Jurisdiction.FRANCE,
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "After this date volunteers see a warning, and editors a reminder."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("lesson"),
        FieldPanel("quiz"),
        FieldPanel("pass_mark"),
        MultiFieldPanel(
            [
                FieldPanel("valid_on"),
                FieldPanel("legal_basis"),
                FieldPanel("jurisdiction"),
                FieldPanel("review_by"),
            ],
            heading=_("Legal basis and review"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("lesson")]
    parent_page_types = ["trainings.CoursePage"]
    subpage_types = []
    template = "trainings/module_page.html"

    class Meta:
        verbose_name = _("module")

    @cached_property
    def course(self):
        return CoursePage.objects.get(pk=self.get_parent().pk)

    @property
    def is_stale(self):
        return self.review_by is not None and self.review_by < timezone.localdate()

    def questions(self):
        return [block.value for block in self.quiz if block.block_type == "question"]

    def serve(self, request, *args, **kwargs):
        from trainings import views

        return views.serve_module(request, self)


# Volunteers and their progress ---------------------------------------------


def volunteer_profile(user):
    if not user.is_authenticated:
        return None
    try:
        return user.volunteer_profile
    except VolunteerProfile.DoesNotExist:
        return None


class VolunteerProfile(AssociationOwned):
    """A volunteer's account: her user, the name on her certificates, her
    language. Volunteers are never staff and never reach the Wagtail admin."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="volunteer_profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(_("display name"), max_length=120)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="fr"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self):
        return self.display_name


class Enrolment(AssociationOwned):
    """A volunteer follows a course (every language of it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_enrolments",
        verbose_name=_("volunteer"),
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)

    class Meta:
        verbose_name = _("enrolment")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="trainings_one_enrolment"
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.course_key}"


class ModuleProgress(AssociationOwned):
    """Where a volunteer stands on one module (every language of it)."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="progress"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_progress",
        verbose_name=_("volunteer"),
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    viewed_at = models.DateTimeField(_("first viewed"), null=True, blank=True)
    passed_at = models.DateTimeField(_("passed"), null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(_("best score"), default=0)
    attempt_count = models.PositiveIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key"], name="trainings_one_progress"
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.module_key}"

    @property
    def passed(self):
        return self.passed_at is not None


class QuizAttempt(AssociationOwned):
    """One submitted quiz (every valid submission is recorded)."""

    progress = models.ForeignKey(
        ModuleProgress, on_delete=models.CASCADE, related_name="attempts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
        verbose_name=_("volunteer"),
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    revision_id = models.PositiveIntegerField(_("content revision"), null=True)
    answers = models.JSONField(_("answers"), default=list)
    score = models.PositiveSmallIntegerField(
        _("score (%)"), validators=[MaxValueValidator(100)]
    )
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.user_id} · {self.score} %"


class Certificate(AssociationOwned):
    """Proof that a volunteer completed a course, on a given content version."""

    code = models.CharField(
        _("verification code"),
        max_length=16,
        unique=True,
        default=new_certificate_code,
        editable=False,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_certificates",
        verbose_name=_("volunteer"),
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    course_title = models.CharField(_("course"), max_length=255)
    display_name = models.CharField(_("name on the certificate"), max_length=120)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    content_version = models.CharField(_("content version"), max_length=16)
    # {module translation_key: [page id, live revision id]} at issue time
    module_versions = models.JSONField(default=dict, editable=False)
    revoked = models.BooleanField(_("revoked"), default=False)
    revoked_reason = models.CharField(
        _("reason for revoking"), max_length=255, blank=True
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="trainings_one_certificate"
            )
        ]

    def __str__(self):
        # Log entries (site history) keep this label: no name, no code.
        return f"#{self.pk}"

    def save(self, *args, **kwargs):
        if self.revoked and self.revoked_at is None:
            self.revoked_at = timezone.now()
        if not self.revoked:
            self.revoked_at = None
        super().save(*args, **kwargs)


def content_fingerprint(modules) -> tuple[str, dict]:
    """A short fingerprint of the modules' live revisions, and the detail."""
    versions = {
        str(module.translation_key): [module.pk, module.live_revision_id]
        for module in modules
    }
    digest = hashlib.sha256(
        "|".join(f"{k}:{v[1]}" for k, v in sorted(versions.items())).encode()
    ).hexdigest()
    return digest[:10], versions


class AnonymousCompletion(AssociationOwned):
    """A course completion kept, without the person, after she erased her
    account (the association's completion counts stay right)."""

    course_key = models.UUIDField(_("course"), db_index=True)
    completed_on = models.DateField(_("completed on"))

    class Meta:
        verbose_name = _("anonymous completion")


__all__ = [
    "TrainingIndexPage",
    "CoursePage",
    "CourseSession",
    "ModulePage",
    "VolunteerProfile",
    "Enrolment",
    "ModuleProgress",
    "QuizAttempt",
    "Certificate",
    "AnonymousCompletion",
]
