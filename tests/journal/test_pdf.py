"""The print PDF: generated from the issue's pages, cached, never a broken link."""

import io
import os
import unicodedata

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PdfReader
from wagtail.documents import get_document_model

from journal import pdf as journal_pdf
from journal.models import IssuePage

# Locally, without Pango, the generation tests are skipped; under CI
# (.ci/run installs Pango) they must run.
needs_weasyprint = pytest.mark.skipif(
    not journal_pdf.weasyprint_available() and os.environ.get("CI") != "true",
    reason="WeasyPrint needs Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0",
)


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() or "" for page in reader.pages)


def normal(text):
    return unicodedata.normalize("NFKC", text)


@needs_weasyprint
def test_generated_pdf_holds_every_title_in_order(visit, jworld):
    issue = IssuePage.objects.get(pk=jworld.issue1.pk)
    if default_storage.exists(journal_pdf.cache_name(issue)):
        default_storage.delete(journal_pdf.cache_name(issue))
    html = visit("/fr/journal/numero-1/").content.decode()
    assert "en préparation" in html  # nothing generated yet: no link
    response = visit("/fr/journal/numero-1/pdf/")  # generates it (immediate task)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    reader, text = pdf_text(data)
    assert len(reader.pages) >= 4  # cover, editorial, contents, articles
    text = normal(text)
    body = text[text.index("Sommaire") :]
    first = body.index("Premier texte", body.index("Premier texte") + 1)
    assert "البحر" in body or "رحبلا" in body  # the Arabic title, in Arabic script
    arabic = body.find("البحر", first)
    if arabic == -1:
        arabic = body.find("رحبلا", first)
    assert first < arabic
    # the issue page now links to it with its size
    html = visit("/fr/journal/numero-1/").content.decode()
    fragment = html[html.index('class="issue__pdf"') :][:400]
    assert 'href="/fr/journal/numero-1/pdf/"' in fragment, fragment
    assert "Kio" in fragment or "Mio" in fragment, fragment
    name = journal_pdf.issue_pdf(issue).name
    assert default_storage.exists(name)
    # cached: a second download does not regenerate
    assert journal_pdf.store_issue_pdf(issue) == name
    default_storage.delete(name)


def test_uploaded_pdf_takes_precedence(visit, jworld):
    document = get_document_model().objects.create(
        title="Maquette",
        file=ContentFile(b"%PDF-1.4\n%hand made\n", name="maquette.pdf"),
        collection=jworld.alpha.root_collection,
    )
    issue = IssuePage.objects.get(pk=jworld.issue2.pk)
    issue.print_pdf = document
    issue.save_revision().publish()
    response = visit("/fr/journal/numero-2/pdf/")
    assert response.status_code == 302
    assert response["Location"] == document.url


def test_without_weasyprint_the_page_says_so(visit, jworld, monkeypatch):
    monkeypatch.setattr(journal_pdf, "weasyprint_available", lambda: False)
    html = visit("/fr/journal/numero-2/").content.decode()
    assert "n'est pas disponible sur ce serveur" in html.replace("&#x27;", "'")
    assert "/numero-2/pdf/" not in html
    assert visit("/fr/journal/numero-2/pdf/").status_code == 404


@needs_weasyprint
def test_the_pdf_is_cached_until_the_issue_changes(visit, jworld, settings):
    settings.JOURNAL_PDF_ON_PUBLISH = True  # publishing queues it (immediate)
    issue = IssuePage.objects.get(pk=jworld.issue2.pk)
    first = journal_pdf.store_issue_pdf(issue)
    assert journal_pdf.issue_pdf(issue).ready
    # a draft changes nothing readers get: the same file is offered
    issue.title = "Les dunes (brouillon)"
    issue.save_revision()
    issue = IssuePage.objects.get(pk=issue.pk)
    assert journal_pdf.issue_pdf(issue).name == first
    # publishing the change makes a new PDF, and the old one goes
    issue.get_latest_revision().publish()
    issue = IssuePage.objects.get(pk=issue.pk)
    second = journal_pdf.issue_pdf(issue)
    assert second.name != first and second.ready
    assert not default_storage.exists(first)
    _reader, text = pdf_text(default_storage.open(second.name).read())
    assert "Les dunes (brouillon)" in normal(text)
    default_storage.delete(second.name)
