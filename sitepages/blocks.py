"""StreamField blocks shared by every page body on every site, and by plugins.

Each block declares an ``icon``, a ``template`` in ``templates/blocks/``, a
``description`` and a ``preview_value`` so that the admin block picker shows
what the block looks like, and a ``group`` so that the picker stays short.
Page bodies use :class:`BaseStreamBlock`; plugins import it (or single blocks)
from here and compose their own stream blocks.

There is deliberately no ``RawHTMLBlock``: association editors are not trusted
with raw HTML on a shared install, and every block here escapes its text.

The action-plan blocks (:class:`ActionPlanAxisBlock` and its children) are used
only by ``sitepages.models.ActionPlanPage``.
"""

from django.core.exceptions import ValidationError
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from sitepages.appeals.blocks import AppealProgressBlock

GROUP_TEXT = _("Text")
GROUP_MEDIA = _("Media and files")
GROUP_PRACTICAL = _("Practical information")

#: Rich text features offered to editors everywhere (no headings inside rich
#: text: the heading block keeps the page outline consistent).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section title at level 2, 3 or 4 (the page title is the only h1)."""

    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
        help_text=_("Use level 2 for main sections, 3 and 4 for sub-sections."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        group = GROUP_TEXT
        description = _("A section title, which also appears in the page outline.")
        preview_value = {"text": "Nos missions", "level": "h2"}


class RichTextBlock(blocks.RichTextBlock):
    """Paragraphs with bold, italic, links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Text")
        group = GROUP_TEXT
        description = _("Paragraphs of text with links and lists.")
        preview_value = (
            "<p>Chaque semaine, nos bénévoles tiennent une permanence d'accueil "
            "et d'information juridique.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alternative text and an optional visible caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty only if the image is purely decorative."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_("Shown under the image, e.g. who took the photo and where."),
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        group = GROUP_MEDIA
        description = _("An image with its alternative text and an optional caption.")
        preview_value = {
            "alt_text": "Des bénévoles préparent des colis",
            "caption": "Distribution du samedi matin",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with the name of the person quoted."""

    quote = blocks.TextBlock(label=_("Quotation"), max_length=1000)
    attribution = blocks.CharBlock(
        label=_("Who said it"),
        required=False,
        max_length=160,
        help_text=_("Name or description, e.g. 'A volunteer in Calais'."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        group = GROUP_TEXT
        description = _("A quotation set apart from the text, with its author.")
        preview_value = {
            "quote": "On ne laisse personne seul face à une expulsion.",
            "attribution": "Une bénévole du collectif",
        }


class LinkFieldsMixin:
    """Validation shared by blocks that link to a page or to another website."""

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            message = _("Choose a page or enter a web address.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message)}
            )
        return value


class CallToActionBlock(LinkFieldsMixin, blocks.StructBlock):
    """A short appeal with one button: volunteer, donate, come to a session."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_label = blocks.CharBlock(
        label=_("Button label"),
        max_length=60,
        help_text=_("Say what happens, e.g. 'Become a volunteer'."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page on this site"),
        required=False,
        help_text=_("Either a page of this site…"),
    )
    url = blocks.URLBlock(
        label=_("Web address"),
        required=False,
        help_text=_("…or an address on another website."),
    )

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        group = GROUP_PRACTICAL
        description = _("A highlighted box with a title, a sentence and a button.")
        preview_value = {
            "title": "Rejoindre les maraudes",
            "text": "Nous cherchons des bénévoles disponibles le soir.",
            "button_label": "Devenir bénévole",
            "url": "https://example.org/benevolat",
        }


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.CharBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")


class DocumentListBlock(blocks.StructBlock):
    """Downloadable documents, each with its format and size."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=160)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/document_list_block.html"
        label = _("Document list")
        group = GROUP_MEDIA
        description = _(
            "Files to download (forms, legal templates, leaflets), with their "
            "format and size so visitors know what they download."
        )
        preview_value = {"heading": "Modèles de recours", "documents": []}


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = RichTextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question")


class FAQBlock(blocks.StructBlock):
    """Questions and answers as disclosure widgets (<details>), no JS needed."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=160)
    questions = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/faq_block.html"
        label = _("Questions and answers")
        group = GROUP_PRACTICAL
        description = _(
            "Frequently asked questions; visitors open the answers they need."
        )
        preview_value = {
            "heading": "Questions fréquentes",
            "questions": [
                {
                    "question": "Combien de bénévoles pour une distribution ?",
                    "answer": "<p>Au moins cinq personnes.</p>",
                }
            ],
        }


class ProcedureStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=160)
    text = RichTextBlock(label=_("What to do"), required=False)
    who = blocks.CharBlock(
        label=_("Who acts"),
        required=False,
        max_length=160,
        help_text=_("The team or role in charge, e.g. 'Legal team'."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class ProcedureBlock(blocks.StructBlock):
    """A numbered procedure: ordered steps, each with what to do and who acts."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    introduction = blocks.TextBlock(
        label=_("Introduction"), required=False, max_length=600
    )
    steps = blocks.ListBlock(ProcedureStepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "blocks/procedure_block.html"
        label = _("Numbered procedure")
        group = GROUP_PRACTICAL
        description = _(
            "Steps to follow in order, e.g. what to do when an eviction is announced."
        )
        preview_value = {
            "title": "En cas d'expulsion",
            "steps": [
                {
                    "title": "Alerte",
                    "text": "<p>Vérifier la date et la situation légale.</p>",
                    "who": "Coordination",
                },
                {
                    "title": "Logistique",
                    "text": "<p>Organiser le transport des affaires.</p>",
                    "who": "Pôle logistique",
                },
            ],
        }


class TeamMemberBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    description = blocks.TextBlock(
        label=_("Role and mission"), required=False, max_length=600
    )
    contact = blocks.CharBlock(
        label=_("Contact"),
        required=False,
        max_length=160,
        help_text=_("An email address or a phone number, if it may be public."),
    )

    class Meta:
        icon = "group"
        label = _("Team or person")


class TeamGridBlock(blocks.StructBlock):
    """A grid of teams ('poles') or people, each with a short mission."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=160)
    introduction = blocks.TextBlock(
        label=_("Introduction"), required=False, max_length=600
    )
    members = blocks.ListBlock(TeamMemberBlock(), label=_("Teams or people"))

    class Meta:
        icon = "group"
        template = "blocks/team_grid_block.html"
        label = _("Teams grid")
        group = GROUP_PRACTICAL
        description = _(
            "Teams, 'poles' or people shown as cards, each with its mission."
        )
        preview_value = {
            "heading": "Nos pôles",
            "members": [
                {"name": "Logistique", "description": "Transport et stockage."},
                {"name": "Santé", "description": "Premiers secours."},
            ],
        }


class ContactCardBlock(blocks.StructBlock):
    """How to reach a team or a place: address, phone, email, opening hours."""

    name = blocks.CharBlock(label=_("Name"), max_length=160)
    description = blocks.TextBlock(label=_("Description"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False, max_length=400)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    opening_hours = blocks.TextBlock(
        label=_("Opening hours"),
        required=False,
        max_length=400,
        help_text=_("In plain words, e.g. 'Monday to Friday, 9:00 to 12:00'."),
    )
    website = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "mail"
        template = "blocks/contact_card_block.html"
        label = _("Contact card")
        group = GROUP_PRACTICAL
        description = _("Address, phone, email and opening hours of a team or place.")
        preview_value = {
            "name": "Permanence juridique",
            "address": "12 rue de l'Exemple, 59000 Lille",
            "phone": "+33 3 20 00 00 00",
            "opening_hours": "Mardi et jeudi, 14 h – 17 h",
        }


class MediaEmbedBlock(blocks.StructBlock):
    """A video or map from another website, loaded only when the visitor asks."""

    media = EmbedBlock(
        label=_("Address of the video or map"),
        help_text=_("e.g. a YouTube, Vimeo or PeerTube address."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=160,
        help_text=_("Says what the video or map shows; read by screen readers."),
    )

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Video or map")
        group = GROUP_MEDIA
        description = _(
            "Content from another website; it loads only when the visitor "
            "opens it, to save their data."
        )
        preview_value = {"title": "Présentation de l'association"}


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every content page; plugins reuse it or pick blocks from it."""

    heading = HeadingBlock()
    paragraph = RichTextBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    documents = DocumentListBlock()
    embed = MediaEmbedBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    procedure = ProcedureBlock()
    team_grid = TeamGridBlock()
    contact_card = ContactCardBlock()
    appeal_progress = AppealProgressBlock()


class FeaturedLinkBlock(LinkFieldsMixin, blocks.StructBlock):
    """A link highlighted on the home page, to a page of the site or elsewhere."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Short description"), required=False)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Web address"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/featured_link_block.html"
        label = _("Featured link")
        description = _("A card linking to an important page.")
        preview_value = {
            "title": "Nos permanences",
            "text": "Horaires et adresses.",
            "url": "https://example.org/permanences",
        }


# Action plans ---------------------------------------------------------------

#: The four roles an organisation can take in an action (Quebec plan, seed 004).
ACTION_ROLES = [
    ("responsible", _("Responsible")),
    ("mobiliser", _("Mobiliser")),
    ("collaborator", _("Collaborator")),
    ("contributor", _("Contributor")),
]

ACTION_ROLE_DEFINITIONS = {
    "responsible": _("Leads the action, coordinates it and answers for the result."),
    "mobiliser": _("Brings the main actors together around a common goal."),
    "collaborator": _("Carries part of a joint action with its partners."),
    "contributor": _("Supports the action by creating favourable conditions."),
}

#: Years an action can run in. Stored as strings by ``MultipleChoiceBlock``;
#: shown to editors as a compact row of checkboxes (static/css/sitepages-admin.css).
PLAN_YEARS = [(str(year), str(year)) for year in range(2020, 2036)]


class ActionBlock(blocks.StructBlock):
    """One action: what is done, the organisation's role and the years it runs.

    Actions are numbered automatically, in order, across the whole plan.
    """

    text = blocks.TextBlock(label=_("Action"), max_length=1000)
    role = blocks.ChoiceBlock(
        choices=ACTION_ROLES,
        default="responsible",
        label=_("Our role"),
        help_text=_(
            "Responsible: we lead it. Mobiliser: we gather the actors. "
            "Collaborator: we carry part of it. Contributor: we support it."
        ),
    )
    years = blocks.MultipleChoiceBlock(
        choices=PLAN_YEARS,
        widget=CheckboxSelectMultiple,
        label=_("Years it runs"),
        help_text=_("Tick every year of the plan in which this action runs."),
    )

    class Meta:
        icon = "tick"
        label = _("Action")
        form_classname = "action-plan-action"


class ObjectiveBlock(blocks.StructBlock):
    title = blocks.TextBlock(label=_("Objective"), max_length=600)
    targets = blocks.ListBlock(
        blocks.CharBlock(label=_("Target"), max_length=400),
        label=_("Targets"),
        help_text=_("What the objective aims for, in measurable terms if possible."),
        collapsed=True,
    )
    actions = blocks.ListBlock(ActionBlock(), label=_("Actions"), collapsed=True)

    class Meta:
        icon = "crosshairs"
        label = _("Objective")


class ActionPlanAxisBlock(blocks.StructBlock):
    """An axis of an action plan: its objectives, targets and actions."""

    title = blocks.CharBlock(label=_("Axis"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)
    objectives = blocks.ListBlock(ObjectiveBlock(), label=_("Objectives"))

    class Meta:
        icon = "folder-open-1"
        label = _("Axis")
        description = _("A main direction of the plan, with objectives and actions.")
        preview_value = {
            "title": "Un filet social renforcé",
            "objectives": [],
        }
