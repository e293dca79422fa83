"""Blocks of an article's body.

Paragraphs, quotes and captioned images come from ``sitepages.blocks`` (shared
by every app); the journal adds a poem (line breaks kept), a pull quote, an
image whose credit is shown, and the author reading her text (audio).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from sitepages.blocks import CaptionedImageBlock, QuoteBlock, RichTextBlock


class PoemBlock(blocks.StructBlock):
    """A poem: every line break the author typed is kept."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = blocks.TextBlock(
        label=_("Poem"),
        help_text=_("Type one line of verse per line; blank lines separate stanzas."),
    )

    class Meta:
        icon = "pilcrow"
        template = "journal/blocks/poem_block.html"
        label = _("Poem")
        description = _("A poem whose line breaks are kept on screen and in print.")
        preview_value = {"text": "La nuit tombe sur la dune\nnous restons debout"}


class PullQuoteBlock(blocks.StructBlock):
    """A short sentence of the article set large in the margin of the text."""

    text = blocks.TextBlock(label=_("Quotation"), max_length=300)

    class Meta:
        icon = "openquote"
        template = "journal/blocks/pull_quote_block.html"
        label = _("Pull quote")
        description = _("A short sentence from the text, set large.")
        preview_value = {"text": "Ici, chaque mot compte."}


class CreditedImageBlock(CaptionedImageBlock):
    """An illustration with its caption and the name of its author."""

    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=160,
        help_text=_("Who drew or photographed it (a pseudonym is fine)."),
    )

    class Meta:
        icon = "image"
        template = "journal/blocks/image_block.html"
        label = _("Illustration")
        description = _("An image with its caption and credit.")
        preview_value = {"caption": "Dessin réalisé pendant la résidence"}


class AudioBlock(blocks.StructBlock):
    """The author reading her text: an audio file from the documents."""

    audio = DocumentChooserBlock(label=_("Audio file"))
    description = blocks.CharBlock(
        label=_("Description"),
        required=False,
        max_length=200,
        help_text=_("e.g. 'The author reads her poem in Pashto'."),
    )

    class Meta:
        icon = "media"
        template = "journal/blocks/audio_block.html"
        label = _("Audio")
        description = _("A recording of the author reading (MP3, OGG).")
        preview_value = {"description": "Lecture par l'auteur"}


class ArticleStreamBlock(blocks.StreamBlock):
    paragraph = RichTextBlock()
    poem = PoemBlock()
    pull_quote = PullQuoteBlock()
    quote = QuoteBlock()
    image = CreditedImageBlock()
    audio = AudioBlock()
