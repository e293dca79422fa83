"""The page tree, the pages a reader sees, and bad input on the issue form."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from journal.models import ArticlePage, IssuePage, JournalIndexPage
from sitepages.models import ContentPage, HomePage
from tests.conftest import site_client
from tests.factories import make_member
from tests.journal.conftest import article_form, home, issue_form


def test_page_tree_is_declared():
    assert JournalIndexPage.allowed_parent_page_models() == [HomePage, ContentPage]
    assert IssuePage.allowed_parent_page_models() == [JournalIndexPage]
    assert IssuePage.allowed_subpage_models() == [ArticlePage]
    assert ArticlePage.allowed_parent_page_models() == [IssuePage]
    assert ArticlePage.allowed_subpage_models() == []
    assert JournalIndexPage in HomePage.allowed_subpage_models()
    assert JournalIndexPage in ContentPage.allowed_subpage_models()


def test_journal_goes_where_the_association_enables_it(jworld):
    """Under a home or content page of alpha (journal on), not of gamma (off)."""
    alpha_home = home(jworld.alpha)
    about = alpha_home.add_child(instance=ContentPage(title="À propos", slug="apropos"))
    gamma_home = home(jworld.gamma)
    for parent in (alpha_home, about):
        assert JournalIndexPage.can_create_at(parent)
    assert not JournalIndexPage.can_create_at(gamma_home)
    assert not IssuePage.can_create_at(alpha_home)
    assert not ArticlePage.can_create_at(jworld.journal)
    client = site_client(jworld.alpha, jworld.editor_a)
    url = f"/admin/pages/add/journal/journalindexpage/{about.pk}/"
    assert client.get(url).status_code == 200
    chooser = client.get(f"/admin/pages/{about.pk}/add_subpage/")
    assert "journalindexpage" in chooser.content.decode()
    gamma = site_client(jworld.gamma, make_member(jworld.gamma, "j_editor_g"))
    add = f"/admin/pages/add/{{}}/{gamma_home.pk}/"
    assert gamma.get(add.format("sitepages/contentpage")).status_code == 200
    refused = gamma.get(add.format("journal/journalindexpage"))
    assert refused.status_code in (302, 403)
    assert (
        "journalindexpage"
        not in gamma.get(f"/admin/pages/{gamma_home.pk}/add_subpage/").content.decode()
    )


def test_contributor_choices_are_the_associations_own(jworld):
    client = site_client(jworld.alpha, jworld.editor_a)
    page = ArticlePage.objects.get(pk=jworld.article_fr.pk)
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert ">Nour<" in form and "Beta writer" not in form
    forged = article_form(
        page, **{"contributors-0-contributor": jworld.other_contributor.pk}
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", forged)
    assert response.status_code == 200  # a form error
    credit = ArticlePage.objects.get(pk=page.pk).contributors.get()
    assert credit.contributor_id == jworld.nour.pk


def test_journal_index_lists_covers_newest_first_by_year(visit, jworld):
    response = visit("/fr/journal/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Les dunes") < html.index("La traversée")
    assert 'id="year-2025"' in html
    assert "Numéro brouillon" not in html
    assert "<picture" in html and "webp" in html


def test_index_head_advertises_both_atom_feeds_in_its_language(visit, jworld):
    for path, lang in (("/fr/journal/", "fr"), ("/ar/journal/", "ar")):
        html = visit(path).content.decode()
        head = html.split("</head>")[0]
        feeds = [
            line for line in head.splitlines() if 'type="application/atom+xml"' in line
        ]
        assert len(feeds) == 2, path
        assert all('rel="alternate"' in line for line in feeds)
        assert all(f'href="/{lang}/journal/feeds/' in line for line in feeds)


def test_year_archive(visit, jworld):
    assert visit("/fr/journal/2025/").status_code == 200
    assert visit("/fr/journal/2026/").status_code == 404  # only a draft that year
    assert visit("/fr/journal/1066/").status_code == 404


def test_issue_page_shows_residency_contents_and_pdf_state(visit, jworld):
    response = visit("/fr/journal/numero-1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Loon-Plage" in html and "14" in html
    assert "4000" in html or "4 000" in html or "4\u202f000" in html
    assert html.index("Premier texte") < html.index("قصيدة البحر")
    assert "Texte en attente" not in html
    assert "Par Anonyme" in html or "Anonyme" in html
    assert '"@type": "PublicationIssue"' in html
    # no PDF yet: never a link that would fail
    assert "/pdf/" not in html or "Télécharger" in html


def test_article_page_reads_well(visit, jworld):
    response = visit("/fr/journal/numero-1/premier-texte/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ligne une<br>Ligne deux" in html
    assert 'rel="next"' in html and "قصيدة البحر" in html
    assert 'rel="prev"' not in html
    assert '"@type": "Article"' in html
    assert 'property="og:title"' in html
    assert "style=" not in html
    assert "<script>" not in html


def test_arabic_original_inside_french_page_is_rtl(visit, jworld):
    html = visit("/fr/journal/numero-1/poeme-mer/").content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert 'lang="ar" dir="rtl"' in html
    body_start = html.index('class="article__body"')
    assert 'lang="ar" dir="rtl"' in html[body_start - 10 : body_start + 80]


def test_french_article_has_no_foreign_wrapper(visit, jworld):
    html = visit("/fr/journal/numero-1/premier-texte/").content.decode()
    assert 'dir="rtl"' not in html.split('class="article__body"')[1][:40]


def test_translation_says_from_what_and_by_whom(visit, jworld):
    from tests.journal.conftest import translate

    translate(jworld.journal, "en", title="Jungle journal")
    translate(jworld.issue1, "en", title="The crossing")
    translate(jworld.article_ar, "en", translator="Léa", title="Sea poem")
    # an English version of the Arabic original, translated by Léa
    html = visit("/en/journal/numero-1/poeme-mer/").content.decode()
    assert "Translated from Arabic by Léa" in html
    body = html.split('class="article__body"')[1][:40]
    assert "rtl" not in body  # the English text is not wrapped as Arabic...
    assert 'lang="ar" dir="rtl"' in html  # ...the original is, one tap away
    assert 'href="/ar/journal/numero-1/poeme-mer/"' in html


def test_anonymous_contributor_is_anonymous_in_every_language(visit, jworld):
    fr = visit("/fr/journal/numero-1/poeme-mer/").content.decode()
    ar = visit("/ar/journal/numero-1/poeme-mer/").content.decode()
    assert "Anonyme" in fr and "K." not in fr
    assert "مجهول" in ar and "K." not in ar


@pytest.mark.parametrize("size", ["small", "medium", "large"])
def test_font_size_without_js(visit, jworld, size):
    response = visit("/fr/journal/numero-1/premier-texte/", size=size)
    assert f"article text-{size}" in response.content.decode()
    assert response.cookies["journal_size"].value == size


def test_font_size_hostile_values_fall_back(visit, jworld):
    for value in ["huge", "<script>", "x" * 5000, "large\x00"]:
        response = visit("/fr/journal/numero-1/premier-texte/", size=value)
        assert response.status_code == 200
        assert "article text-medium" in response.content.decode()


def test_article_page_weighs_under_80_kb(visit, jworld):
    from pathlib import Path

    from django.conf import settings

    html = visit("/fr/journal/numero-1/premier-texte/").content
    css = sum(
        (Path(settings.BASE_DIR) / p).stat().st_size
        for p in ("static/css/site.css", "journal/static/journal/css/journal.css")
    )
    assert len(html) + css < 80 * 1024


def test_odd_query_strings_never_500(visit, jworld):
    paths = [
        "/fr/journal/",
        "/fr/journal/numero-1/",
        "/fr/journal/numero-1/premier-texte/",
        "/fr/journal/feeds/issues/",
        "/fr/journal/feeds/articles/",
        "/fr/journal/search/",
        "/fr/journal/2025/",
        f"/fr/journal/contributors/{jworld.nour.pk}/",
        "/ar/journal/feeds/articles/",
    ]
    for path in paths:
        for params in (
            {"q": "' OR 1=1 --"},
            {"q": "\x00"},
            {"page": "-1"},
            {"size": ["a", "b"]},
            {"q": "é" * 3000},
        ):
            assert visit(path, **params).status_code < 500, (path, params)


def test_end_before_start_is_refused(jworld):
    page = IssuePage.objects.get(pk=jworld.issue1.pk)
    page.residency_end = dt.date(2025, 1, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "residency_end" in error.value.message_dict


def test_a_document_that_is_not_a_pdf_is_refused(jworld):
    fake = get_document_model().objects.create(
        title="Not a PDF",
        file=ContentFile(b"GIF89a not a pdf", name="print.pdf"),
        collection=jworld.alpha.root_collection,
    )
    page = IssuePage.objects.get(pk=jworld.issue1.pk)
    page.print_pdf = fake
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "pas un PDF" in str(error.value.message_dict["print_pdf"])


def test_issue_bad_input_through_the_admin_saves_nothing(jworld):
    """A duplicate number, an end before the start, a print file that is not
    a PDF: each a clear form error, and the issue is left as it was."""
    client = site_client(jworld.alpha, jworld.moderator_a)
    issue = IssuePage.objects.get(pk=jworld.issue1.pk)
    fake = get_document_model().objects.create(
        title="Pas un PDF",
        file=ContentFile(b"GIF89a not a pdf", name="numero.pdf"),
        collection=jworld.alpha.root_collection,
    )
    revisions = issue.revisions.count()
    cases = [
        ({"number": "2"}, "existe déjà dans ce journal"),
        ({"residency_end": "2025-01-01"}, "ne peut pas finir avant"),
        ({"print_pdf": str(fake.pk)}, "pas un PDF"),
    ]
    for change, message in cases:
        data = issue_form(issue, title="Changé", **change)
        data["action-publish"] = "1"
        response = client.post(f"/admin/pages/{issue.pk}/edit/", data)
        assert response.status_code == 200, change
        assert message in response.content.decode(), change
    issue.refresh_from_db()
    assert issue.title == "La traversée" and issue.revisions.count() == revisions
    # positive control: the same form with valid values is saved
    response = client.post(f"/admin/pages/{issue.pk}/edit/", issue_form(issue))
    assert response.status_code == 302


def test_a_duplicate_issue_number_is_refused_on_creation(jworld):
    client = site_client(jworld.alpha, jworld.moderator_a)
    url = f"/admin/pages/add/journal/issuepage/{jworld.journal.pk}/"
    new = IssuePage(title="Doublon", slug="doublon", number=1)
    response = client.post(url, issue_form(new, publication_date="2025-12-01"))
    assert response.status_code == 200
    assert "existe déjà dans ce journal" in response.content.decode()
    assert not IssuePage.objects.filter(slug="doublon").exists()
    other = IssuePage(title="Numéro 7", slug="numero-7", number=7)
    response = client.post(url, issue_form(other, publication_date="2025-12-01"))
    assert response.status_code == 302
    assert IssuePage.objects.filter(slug="numero-7", number=7).exists()


def test_an_oversized_image_is_refused_clearly(jworld, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    client = site_client(jworld.alpha, jworld.editor_a)
    big = get_test_image_file(filename="cover.png", size=(800, 800)).file.getvalue()
    assert len(big) > 1024
    response = client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Couverture trop lourde",
            "image-chooser-upload-file": SimpleUploadedFile("c.png", big),
            "image-chooser-upload-collection": jworld.alpha.root_collection.pk,
        },
    )
    assert response.status_code == 200
    assert "trop gros" in response.content.decode()
    assert not get_image_model().objects.filter(title="Couverture trop lourde").exists()


def test_every_body_block_reads_well(visit, jworld):
    """Ordered contributors, reading time, a pull quote, a poem, an
    illustration with caption and credit (responsive WebP renditions, loaded
    lazily) and the author reading her text."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from tests.journal.conftest import article

    drawing = get_image_model().objects.create(
        title="Dessin",
        file=get_test_image_file(filename="dessin.png", size=(1200, 800)),
        collection=jworld.alpha.root_collection,
    )
    recording = get_document_model().objects.create(
        title="Lecture",
        file=ContentFile(b"ID3 fake mp3", name="lecture.mp3"),
        collection=jworld.alpha.root_collection,
    )
    words = " ".join(["mot"] * 450)
    article(
        jworld.issue2,
        "Tous les blocs",
        [jworld.shy, jworld.nour],
        slug="blocs",
        rubric="Dessins",
        body=[
            ("paragraph", f"<p>{words}</p>"),
            ("pull_quote", {"text": "Ici, chaque mot compte."}),
            ("poem", {"title": "Nuit", "text": "vers un\nvers deux"}),
            (
                "image",
                {
                    "image": drawing,
                    "alt_text": "Une tente sous la pluie",
                    "caption": "La tente commune",
                    "credit": "Awet",
                },
            ),
            ("audio", {"audio": recording, "description": "Nour lit son texte"}),
        ],
    )
    response = visit("/fr/journal/numero-2/blocs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Par Samir et Nour" in html  # credited in their order
    assert "2 minutes de lecture" in html or "2\u00a0minutes" in html
    assert '<aside class="pull-quote"><p>Ici, chaque mot compte.</p></aside>' in html
    assert "vers un<br>vers deux" in html
    figure = html[html.index('<figure class="article-figure">') :]
    figure = figure[: figure.index("</figure>")]
    assert 'alt="Une tente sous la pluie"' in figure
    assert "La tente commune" in figure and "Awet" in figure
    assert 'type="image/webp"' in figure and "srcset=" in figure
    assert 'loading="lazy"' in figure
    assert "<audio controls" in html and "Nour lit son texte" in html
    assert '<span class="rubric">Dessins</span>' in html
