"""The demo content files (``sitepages/demo_data/<slug>.yaml``): every demo
site has one that reads into pages, and a mistake in a file is named, with
the file and the field, before anything is written."""

import pytest

from network.management.commands.load_demo import DEMO_ASSOCIATIONS
from sitepages import demo
from sitepages.models import ActionPlanPage, ContentPage


def walk(spec):
    yield spec
    for child in spec.children:
        yield from walk(child)


def test_every_demo_site_has_a_data_file_with_its_pages_in_fr_en_and_ar():
    for association in DEMO_ASSOCIATIONS:
        home = demo.site_spec(association["slug"])
        assert home is not None, association["slug"]
        assert set(home.languages) <= set(association["languages"])
        pages = list(walk(home))
        assert len(pages) >= 5, association["slug"]
        for page in pages:
            assert {"fr", "en", "ar"} <= set(page.fields["title"]), page.slug
    hub_models = {page.model for page in walk(demo.site_spec("plateforme"))}
    assert {ContentPage, ActionPlanPage} <= hub_models


def test_blocks_page_links_and_texts_are_read_against_the_models():
    home = demo.site_spec("exod")
    missions = next(page for page in home.children if page.slug == "nos-missions")
    heading = missions.fields["body"][0]
    assert heading["type"] == "heading"
    assert heading["value"]["text"]["en"] == "Two ways of working"
    assert home.fields["hero_cta_page"] == demo.PageRef("/nos-missions")
    card = home.fields["featured_links"][-1]["value"]
    assert card["page"] == demo.PageRef("/actualites")


def test_a_site_without_a_file_gets_no_content():
    assert demo.site_spec("no-such-association") is None


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "pages:\n  - {type: sitepages.NoSuchPage, slug: x}\n",
            "demo_data/broken.yaml, pages[0]: unknown page type 'sitepages.NoSuchPage'",
        ),
        (
            "pages:\n  - {type: sitepages.ContentPage, slug: x, colour: red}\n",
            "demo_data/broken.yaml, pages[0] (x).colour: ContentPage has no such field",
        ),
        (
            "pages:\n  - type: sitepages.ContentPage\n    slug: x\n"
            "    body:\n      - carousel: {}\n",
            "pages[0] (x).body[0]: unknown block 'carousel'",
        ),
        (
            "pages:\n  - type: sitepages.ContentPage\n    slug: x\n"
            "    body:\n      - heading: {text: Hi, size: 3}\n",
            "pages[0] (x).body[0].heading: unknown fields ['size']",
        ),
        (
            "home:\n  title: {fr: Accueil, en: Home}\n",
            "home.title: a translated text needs at least fr, en and ar",
        ),
    ],
)
def test_a_mistake_in_a_data_file_is_named(tmp_path, monkeypatch, text, message):
    (tmp_path / "broken.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(demo, "DEMO_DATA", tmp_path)
    with pytest.raises(demo.DemoDataError) as error:
        demo.site_spec("broken")
    assert message in str(error.value)
