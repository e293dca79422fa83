"""The course page's admin form (``CoursePage.base_form_class``).

The prerequisites field offers only the courses an editor may use: the
courses of her associations' trees (``network.owners.visible``), in the
page's language, never the course itself. A prerequisite she cannot see (set
by a network coordinator, or pointing at another language's copy) is kept
as it is when she saves. A chain that would loop back to the course (A needs
B, B needs A) is refused: nobody could ever start either course.
"""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from network import owners


def prerequisite_graph():
    """{course translation_key: {its prerequisites' translation_keys}},
    over every language's copy of every course."""
    through = apps.get_model("trainings", "CoursePage").prerequisites.through
    graph = {}
    for course_key, required_key in through.objects.values_list(
        "from_coursepage__translation_key", "to_coursepage__translation_key"
    ):
        graph.setdefault(course_key, set()).add(required_key)
    return graph


def requires(graph, start, target) -> bool:
    """Does the course ``start`` need ``target``, directly or through others?"""
    seen, stack = set(), [start]
    while stack:
        key = stack.pop()
        if key == target:
            return True
        if key in seen:
            continue
        seen.add(key)
        stack.extend(graph.get(key, ()))
    return False


class CoursePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("prerequisites")
        if field is None:
            return
        course_model = apps.get_model("trainings", "CoursePage")
        queryset = field.queryset.exclude(translation_key=self.instance.translation_key)
        locale_id = self.instance.locale_id or getattr(
            self.parent_page, "locale_id", None
        )
        if locale_id:
            queryset = queryset.filter(locale_id=locale_id)
        if self.for_user is not None:
            queryset = owners.visible(course_model, self.for_user, queryset)
        field.queryset = queryset.order_by("title")
        # prerequisites already set that this form does not offer stay set
        self.kept_prerequisites = []
        if self.instance.pk:
            offered = set(queryset.values_list("pk", flat=True))
            self.kept_prerequisites = [
                course.pk
                for course in self.instance.prerequisites.all()
                if course.pk not in offered
            ]

    def clean_prerequisites(self):
        chosen = list(self.cleaned_data.get("prerequisites") or [])
        key = self.instance.translation_key
        graph = prerequisite_graph()
        for course in chosen:
            if course.translation_key == key:
                raise forms.ValidationError(_("A course cannot require itself."))
            if requires(graph, course.translation_key, key):
                raise forms.ValidationError(
                    _(
                        "“%(title)s” already requires this course (directly or "
                        "through another course): a volunteer could never start "
                        "either."
                    )
                    % {"title": course.title}
                )
        course_model = apps.get_model("trainings", "CoursePage")
        return course_model.objects.filter(
            pk__in=[course.pk for course in chosen] + self.kept_prerequisites
        )
