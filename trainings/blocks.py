"""StreamField blocks of the trainings plugin.

* ``LessonStreamBlock``: the lesson of a module (text, video embed, documents,
  key points, a case study). Text, video and documents are the shared blocks
  of ``sitepages.blocks``.
* ``QuestionBlock``: one quiz question (the contract's shape: ``text`` and
  ``choices``, each choice with ``text``, ``correct`` and ``explanation``).
  It has no template: the module page renders the quiz itself, so that the
  correct answers and explanations never reach the browser before the
  volunteer submits.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from sitepages.blocks import (
    GROUP_TEXT,
    DocumentListBlock,
    MediaEmbedBlock,
    RichTextBlock,
)


class KeyPointsBlock(blocks.StructBlock):
    """The few things to remember from a lesson, as a short list."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=160)
    points = blocks.ListBlock(
        blocks.CharBlock(label=_("Point"), max_length=300), label=_("Points")
    )

    class Meta:
        icon = "list-ul"
        template = "trainings/blocks/key_points_block.html"
        label = _("Key points")
        group = GROUP_TEXT
        description = _("The few things a volunteer must remember.")
        preview_value = {
            "heading": "À retenir",
            "points": ["La demande d'asile se fait en préfecture (GUDA)."],
        }


class CaseStudyBlock(blocks.StructBlock):
    """A realistic situation met at a drop-in session, and how to handle it."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    situation = blocks.TextBlock(label=_("Situation"))
    discussion = RichTextBlock(label=_("What to do"))

    class Meta:
        icon = "user"
        template = "trainings/blocks/case_study_block.html"
        label = _("Case study")
        group = GROUP_TEXT
        description = _("A situation from the field, then what a volunteer does.")
        preview_value = {
            "title": "Une personne arrive sans convocation",
            "situation": "Elle a une attestation expirée depuis hier.",
        }


class LessonStreamBlock(blocks.StreamBlock):
    text = RichTextBlock()
    video = MediaEmbedBlock()
    document = DocumentListBlock()
    key_points = KeyPointsBlock()
    case_study = CaseStudyBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_(
            "Shown once the volunteer has submitted: why it is right or wrong."
        ),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    """A single-choice (one correct answer) or multiple-choice question."""

    text = blocks.CharBlock(label=_("Question"), max_length=400)
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, label=_("Answers"))

    class Meta:
        icon = "help"
        label = _("Question")
        description = _(
            "Tick every correct answer: one gives radio buttons, several give "
            "checkboxes."
        )

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(_("Tick at least one correct answer."))
                }
            )
        return value


class QuizStreamBlock(blocks.StreamBlock):
    question = QuestionBlock()
