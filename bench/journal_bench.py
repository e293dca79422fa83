"""Benchmark: the print PDF of a 12-article issue (target: under 20 s).

Renders ``journal/print/issue.html`` with WeasyPrint for an unsaved issue of
12 articles (French, Arabic, Pashto and Tigrinya text, poems, pull quotes),
with the journal's subset fonts, and prints the time of each of three runs.
It needs a migrated database (content types): run
``DATABASE_URL=... .venv/bin/python bench/journal_bench.py``.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.dev")

import django  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from journal.pages import ArticlePage, IssuePage  # noqa: E402
from journal.pdf import STATIC_DIR  # noqa: E402

TEXTS = {
    "fr": "Le vent souffle sur la dune et nous écrivons ensemble sous la tente. ",
    "ar": "البحر بارد والليل طويل، لكننا نكتب معًا تحت الخيمة. ",
    "ps": "لاره اوږده ده، خو زړه مو روښانه دی او موږ لیکو. ",
    "ti": "ንሕና ብሓባር ንጽሕፍ ኣለና፣ ባሕሪ ዝሑል እዩ። ",
}


def build_issue():
    locale = Locale(language_code="fr")
    issue = IssuePage(
        title="Numéro d'essai",
        number=99,
        summary="Un numéro de douze articles pour mesurer la génération.",
        editorial="<p>" + TEXTS["fr"] * 20 + "</p>",
        print_run=4000,
        residency_place="Loon-Plage",
    )
    issue.locale = locale
    articles = []
    for index in range(12):
        lang = list(TEXTS)[index % 4]
        text = TEXTS[lang] * 60
        article = ArticlePage(
            pk=index + 1,
            title=f"Article {index + 1} {TEXTS[lang][:20]}",
            original_language=lang,
            rubric="Paroles",
            body=[
                ("paragraph", f"<p>{text}</p>"),
                ("pull_quote", {"text": TEXTS[lang]}),
                ("poem", {"title": "", "text": "\n".join([TEXTS[lang]] * 12)}),
                ("paragraph", f"<p>{text}</p>"),
            ],
        )
        article.locale = locale
        articles.append(article)
    return issue, articles


def main():
    from weasyprint import HTML

    issue, articles = build_issue()
    with translation.override("fr"):
        html = render_to_string(
            "journal/print/issue.html", {"issue": issue, "articles": articles}
        )
    for run in range(3):
        start = time.perf_counter()
        data = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/").write_pdf()
        elapsed = time.perf_counter() - start
        sys.stdout.write(
            f"run {run + 1}: {elapsed:.2f} s, {len(data) / 1024:.0f} KiB\n"
        )


if __name__ == "__main__":
    main()
