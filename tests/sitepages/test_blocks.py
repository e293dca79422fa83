"""The shared blocks: picker metadata, no raw HTML, and what each one renders."""

import pytest
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from wagtail import blocks as wagtail_blocks
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from sitepages import blocks
from sitepages.models import ActionPlanPage, ContentPage, HomePage, UpdatePage

BODY_BLOCKS = dict(blocks.BaseStreamBlock().child_blocks)


def test_base_stream_block_offers_every_shared_block():
    assert set(BODY_BLOCKS) == {
        "heading",
        "paragraph",
        "quote",
        "image",
        "documents",
        "embed",
        "call_to_action",
        "faq",
        "procedure",
        "team_grid",
        "contact_card",
        "appeal_progress",
    }


@pytest.mark.parametrize("name", sorted(BODY_BLOCKS))
def test_each_block_has_picker_metadata_and_a_documented_template(name):
    block = BODY_BLOCKS[name]
    meta = block.meta
    assert meta.icon and meta.icon != "placeholder"
    assert meta.description
    assert meta.preview_value is not None
    assert meta.group
    assert meta.template.startswith("blocks/")
    with open(f"templates/{meta.template}", encoding="utf-8") as handle:
        first_line = handle.readline()
    # the template names the block's class by its dotted path
    block_class = type(block)
    assert first_line.startswith(
        f"{{% comment %}}{block_class.__module__}.{block_class.__name__}"
    )


def _all_block_types(block, seen=None):
    seen = set() if seen is None else seen
    seen.add(type(block))
    for child in getattr(block, "child_blocks", {}).values():
        _all_block_types(child, seen)
    if hasattr(block, "child_block"):
        _all_block_types(block.child_block, seen)
    return seen


@pytest.mark.parametrize(
    "stream",
    [
        ContentPage.body.field.stream_block,
        HomePage.featured_links.field.stream_block,
        ActionPlanPage.axes.field.stream_block,
        UpdatePage.body.field.stream_block,
    ],
)
def test_no_raw_html_block_anywhere(stream):
    assert wagtail_blocks.RawHTMLBlock not in _all_block_types(stream)


def render(name, value):
    block = BODY_BLOCKS[name]
    return block.render(block.to_python(value))


def test_heading_renders_at_the_chosen_level():
    assert "<h3" in render("heading", {"text": "Nos pôles", "level": "h3"})
    assert "<h2" in render("heading", {"text": "Nos pôles", "level": "h2"})


def test_paragraph_keeps_links_and_lists():
    html = render("paragraph", '<ul><li><a href="https://example.org">Lien</a></li>')
    assert '<a href="https://example.org">Lien</a>' in html


def test_quote_escapes_text_and_names_its_author():
    html = render("quote", {"quote": "<b>Ensemble</b>", "attribution": "Une bénévole"})
    assert "<blockquote>" in html
    assert "&lt;b&gt;Ensemble&lt;/b&gt;" in html
    assert "Une bénévole" in html


@pytest.mark.django_db
def test_image_block_renders_alt_text_and_caption():
    image = Image.objects.create(title="Colis", file=get_test_image_file())
    html = render(
        "image",
        {"image": image.pk, "alt_text": "Des colis alignés", "caption": "Samedi"},
    )
    assert 'alt="Des colis alignés"' in html
    assert "<figcaption>Samedi</figcaption>" in html
    assert 'loading="lazy"' in html


@pytest.mark.django_db
def test_document_list_shows_format_and_size():
    document = Document.objects.create(
        title="Modèle de recours", file=ContentFile(b"x" * 2048, name="recours.pdf")
    )
    html = render(
        "documents",
        {"heading": "Modèles", "documents": [{"document": document.pk}]},
    )
    assert "Modèle de recours" in html
    assert "PDF" in html
    assert f"(PDF, {filesizeformat(2048)})" in html


def test_faq_uses_native_disclosure_without_js():
    html = render(
        "faq",
        {
            "heading": "Questions",
            "questions": [
                {"question": "Combien de bénévoles ?", "answer": "<p>Cinq.</p>"},
                {"question": "Où ?", "answer": "<p>Place d'Armes.</p>"},
            ],
        },
    )
    assert html.count("<details") == 2
    assert "<summary>Combien de bénévoles ?</summary>" in html
    assert "<script" not in html


def test_procedure_is_an_ordered_list_with_who_acts():
    html = render(
        "procedure",
        {
            "title": "En cas d'expulsion",
            "steps": [
                {"title": "Alerte", "text": "<p>Vérifier.</p>", "who": "Coordination"},
                {"title": "Logistique", "text": "", "who": ""},
            ],
        },
    )
    assert '<ol class="procedure">' in html
    assert html.count('class="procedure__step"') == 2
    assert "Coordination" in html
    assert html.index("Alerte") < html.index("Logistique")


def test_team_grid_lists_every_pole():
    poles = ["Mobilisation", "Logistique", "Hébergement", "Nourriture", "Légal"]
    html = render(
        "team_grid",
        {
            "heading": "Les pôles",
            "members": [{"name": name, "description": "…"} for name in poles],
        },
    )
    assert html.count('class="card"') == len(poles)
    for name in poles:
        assert name in html


def test_contact_card_links_phone_and_email():
    html = render(
        "contact_card",
        {
            "name": "Permanence",
            "phone": "+33 3 20 00 00 00",
            "email": "contact@example.org",
            "opening_hours": "Mardi 14 h",
        },
    )
    assert 'href="tel:+33320000000"' in html
    assert 'href="mailto:contact@example.org"' in html
    assert "Mardi 14 h" in html


def test_contact_card_isolates_address_phone_and_email():
    """In a right-to-left page "12 rue des Dunes" must not read "rue des Dunes 12"."""
    html = render(
        "contact_card",
        {
            "name": "Permanence",
            "address": "12 rue des Dunes\n59140 Dunkerque",
            "phone": "+33 3 20 00 00 00",
            "email": "contact@example.org",
        },
    )
    assert "<address><bdi>12 rue des Dunes<br>59140 Dunkerque</bdi></address>" in html
    assert 'dir="ltr">+33 3 20 00 00 00</a>' in html
    assert 'dir="ltr">contact@example.org</a>' in html


def test_call_to_action_links_to_an_address():
    html = render(
        "call_to_action",
        {
            "title": "Rejoindre",
            "button_label": "Devenir bénévole",
            "url": "https://example.org/benevolat",
        },
    )
    assert 'href="https://example.org/benevolat"' in html
    assert "Devenir bénévole" in html


def test_call_to_action_needs_a_page_or_an_address():
    block = BODY_BLOCKS["call_to_action"]
    value = block.to_python({"title": "T", "button_label": "B"})
    with pytest.raises(wagtail_blocks.StructBlockValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_embed_loads_only_inside_a_closed_disclosure():
    url = "https://www.youtube.com/watch?v=abc"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        max_width=None,
        type="video",
        html='<iframe title="Présentation" src="https://www.youtube.com/embed/abc">'
        "</iframe>",
        provider_name="YouTube",
    )
    html = render("embed", {"media": url, "title": "Présentation"})
    opening = html.index('<details class="block-embed">')
    assert opening < html.index("<iframe") < html.index("</details>")
    assert "<summary>Présentation" in html
    assert "youtube.com/embed/abc" in html
    assert f'href="{url}"' in html


@pytest.mark.django_db
def test_every_preview_value_renders():
    for name, block in BODY_BLOCKS.items():
        html = block.render(block.to_python(block.meta.preview_value))
        assert html is not None, name
