"""The print PDF of an issue, generated from its pages with WeasyPrint.

The PDF holds the cover, the editorial, a table of contents with page
numbers (CSS ``target-counter``) and every live article, on A4 pages, set in
the self-hosted subset fonts of ``journal/static/journal/fonts/`` (Latin,
Arabic script, Ethiopic). It is stored in the default storage under a name
keyed on the published revisions of the issue and its live articles, so it
is reused until one of them changes. An uploaded hand-made PDF takes precedence. When
WeasyPrint (or the system's Pango) cannot be imported, ``issue_pdf`` says so
and the issue page says that generation is not available on this server.
"""

import functools
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static" / "journal"
PDF_DIR = "journal/pdf"


@functools.cache
def weasyprint_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


@dataclass
class IssuePdf:
    uploaded: bool
    available: bool
    name: str = ""
    size: int | None = None

    @property
    def ready(self):
        return self.uploaded or self.size is not None

    def open(self):
        return default_storage.open(self.name, "rb")


def cache_name(issue) -> str:
    """The stored file's name: it changes when what the PDF holds changes
    (the issue's published version, its live articles, their published
    versions and order), not when an editor saves a draft."""
    from journal.pages import ArticlePage

    articles = list(
        ArticlePage.objects.child_of(issue)
        .live()
        .order_by("path")
        .values_list("pk", "live_revision_id")
    )
    key = hashlib.sha256(
        repr((issue.pk, issue.live_revision_id, articles)).encode()
    ).hexdigest()[:16]
    return f"{PDF_DIR}/issue-{issue.pk}-{issue.locale.language_code}-{key}.pdf"


def issue_pdf(issue) -> IssuePdf:
    if issue.print_pdf_id and issue.print_pdf:
        try:
            size = issue.print_pdf.file.size
        except (OSError, ValueError):
            size = None
        return IssuePdf(uploaded=True, available=True, size=size)
    available = weasyprint_available()
    name = cache_name(issue)
    size = None
    if default_storage.exists(name):
        size = default_storage.size(name)
    return IssuePdf(uploaded=False, available=available, name=name, size=size)


def render_issue_html(issue) -> str:
    articles = list(issue.get_articles())
    with translation.override(issue.locale.language_code):
        return render_to_string(
            "journal/print/issue.html",
            {"issue": issue, "articles": articles, "static_dir": STATIC_DIR},
        )


def render_issue_pdf(issue) -> bytes:
    from weasyprint import HTML

    html = render_issue_html(issue)
    return HTML(string=html, base_url=STATIC_DIR.as_uri() + "/").write_pdf()


def store_issue_pdf(issue) -> str | None:
    """Generate and store the PDF unless it is cached; its storage name."""
    if not weasyprint_available():
        return None
    name = cache_name(issue)
    if default_storage.exists(name):
        return name
    data = render_issue_pdf(issue)
    prefix = f"{PDF_DIR}/issue-{issue.pk}-{issue.locale.language_code}-"
    try:
        _dirs, files = default_storage.listdir(PDF_DIR)
    except (OSError, NotImplementedError):
        files = []
    for old in files:
        if f"{PDF_DIR}/{old}".startswith(prefix):
            default_storage.delete(f"{PDF_DIR}/{old}")
    saved = default_storage.save(name, ContentFile(data))
    logger.info("journal: generated %s (%d bytes)", saved, len(data))
    return saved
