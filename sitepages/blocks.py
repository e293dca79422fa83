"""Blocks shared by every page body on every site (and by plugins)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section title, which also appears in the page outline.")
        preview_value = {"text": "Nos missions", "level": "h2"}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
        icon="pilcrow",
        label=_("Text"),
        description=_("Paragraphs of text with links and lists."),
        preview_value="<p>Chaque semaine, nos bénévoles tiennent une permanence.</p>",
    )
    image = ImageBlock(
        label=_("Image"),
        template="blocks/image_block.html",
        description=_("An image with its alternative text and an optional caption."),
    )
