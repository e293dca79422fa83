"""Demo content for the journal, run by ``manage.py load_demo``.

``load(stdout, associations)`` creates, on the hub, the "Journal des Jungles"
(facts from the seeds: written in a 3-day residency near a camp, 4,000 copies
2 to 3 times a year, 2,100 € prints one issue) with two issues of four
articles each, written in French, Arabic, English and Pashto. The Arabic and
Pashto originals have French versions (their translations are made with
``copy_for_translation``, as in ``sitepages.demo``). Covers are drawn with
Pillow; contributors sign with pseudonyms, one of them anonymous. One article
has a pull quote and a poem, another a poem in Pashto. Running it
again changes nothing (the journal is found by its slug).
"""

import datetime as dt
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from journal.models import (
    ArticleContributor,
    ArticlePage,
    Channel,
    Consent,
    Contributor,
    IssuePage,
    JournalIndexPage,
)

SLUG = "journal"

CONTRIBUTORS = [
    ("Nour", "Écrit la nuit, entre deux départs.", False),
    ("Gul Khan", "Poète, venu de la province de Nangarhar.", False),
    ("Awet", "Dessine la mer et les camions.", False),
    ("K.", "", True),
]

ISSUES = [
    {
        "number": 1,
        "title": "La dune",
        "date": dt.date(2025, 4, 15),
        "place": "Loon-Plage, près du camp",
        "start": dt.date(2025, 3, 20),
        "colour": (29, 78, 137),
        "summary": "Le premier numéro, écrit en trois jours de résidence près du camp.",
        "editorial": "<p>Pendant trois jours, quatorze personnes ont écrit ensemble "
        "sous une grande tente. Ce numéro est tiré à 4 000 exemplaires ; "
        "2 100 € suffisent à imprimer un numéro.</p>",
        "articles": [
            ("fr", "Le vent", "Nour", "Paroles", "Le vent ne demande pas de papiers."),
            ("ar", "البحر", "K.", "Paroles", "البحر بارد والليل طويل، لكننا نكتب."),
            (
                "en",
                "Waiting",
                "Awet",
                "Dessins",
                "We wait, and the waiting has a colour.",
            ),
            (
                "ps",
                "لاره",
                "Gul Khan",
                "Paroles",
                "لاره اوږده ده، خو زړه مو روښانه دی.",
            ),
        ],
    },
    {
        "number": 2,
        "title": "L'hiver",
        "date": dt.date(2025, 11, 10),
        "place": "Grande-Synthe",
        "start": dt.date(2025, 10, 14),
        "colour": (137, 45, 29),
        "summary": "Le deuxième numéro parle de l'hiver et de ceux qui restent.",
        "editorial": "<p>Trois jours encore, une nouvelle équipe d'écriture. Le "
        "journal paraît deux à trois fois par an.</p>",
        "articles": [
            ("ar", "الشتاء", "Nour", "Paroles", "في الشتاء نحسب الأيام بالبطانيات."),
            (
                "fr",
                "Mes droits",
                "K.",
                "Droits",
                "J'ai appris à dire : je demande l'asile.",
            ),
            ("ps", "واوره", "Gul Khan", "Paroles", "واوره ورېږي، موږ یو ځای ناست یو."),
            (
                "en",
                "The truck",
                "Awet",
                "Dessins",
                "A drawing of the truck that did not stop.",
            ),
        ],
    },
]

FRENCH = {
    "البحر": ("La mer", "La mer est froide et la nuit est longue, mais nous écrivons."),
    "لاره": ("La route", "La route est longue, mais notre cœur est clair."),
    "الشتاء": ("L'hiver", "En hiver, nous comptons les jours en couvertures."),
    "واوره": ("La neige", "La neige tombe, nous sommes assis ensemble."),
}


def _cover(title, colour, collection):
    image = Image.new("RGB", (600, 850), colour)
    draw = ImageDraw.Draw(image)
    for y in range(500, 850, 40):
        draw.arc((-200, y - 200, 800, y + 200), 200, 340, fill=(240, 220, 170), width=6)
    draw.rectangle((40, 40, 560, 200), fill=(255, 255, 255))
    draw.text((60, 80), "Journal des Jungles", fill=(0, 0, 0))
    draw.text((60, 130), title, fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return get_image_model().objects.create(
        title=f"Couverture : {title}",
        file=ImageFile(buffer, name=f"journal-{title}.jpg"),
        collection=collection,
    )


def _publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _translate(page, locale, **fields):
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    return _publish(copy)


# a poem (its line breaks kept) and a pull quote, so that the demo shows the
# article blocks; keyed by the article's title in the page's language
EXTRA_BLOCKS = {
    "Le vent": [
        ("pull_quote", {"text": "Le vent ne demande pas de papiers."}),
        (
            "poem",
            {
                "title": "Sous la tente",
                "text": "Le vent passe sous la toile\nil ne frappe pas\n\n"
                "il entre, il s'assoit\net il écoute avec nous",
            },
        ),
    ],
    "لاره": [
        (
            "poem",
            {
                "title": "",
                "text": "لاره اوږده ده\nخو زړه مو روښانه دی\n\nسمندر ته ګورو\nاو لیکو",
            },
        )
    ],
}


def _body(title, text):
    return _paragraph(text) + EXTRA_BLOCKS.get(title, [])


def _paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def load(stdout, associations):
    hub = next((a for a in associations if a.is_hub), None)
    if hub is None:
        stdout.write("journal: no hub association, nothing to do")
        return
    home = hub.site.root_page.specific
    if JournalIndexPage.objects.child_of(home).filter(slug=SLUG).exists():
        stdout.write("journal: already loaded")
        return
    # one PDF per issue and language at the end, not one per published article
    with override_settings(JOURNAL_PDF_ON_PUBLISH=False), transaction.atomic():
        issues = _load(stdout, hub, home)
    from journal.pdf import weasyprint_available
    from journal.tasks import generate_issue_pdf

    if not weasyprint_available():
        stdout.write(
            f"journal: {len(issues)} issues; no print PDF (WeasyPrint needs "
            "Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
        )
        return
    for issue in issues:
        for version in issue.get_translations(inclusive=True).live():
            generate_issue_pdf.enqueue(version.pk)
    stdout.write(f"journal: {len(issues)} issues, print PDFs generated")


def _load(stdout, hub, home):
    homes = {
        page.locale.language_code: page
        for page in Page.objects.filter(
            depth=home.depth, translation_key=home.translation_key
        ).select_related("locale")
    }
    journal = JournalIndexPage(
        title="Journal des Jungles",
        slug=SLUG,
        live=False,
        introduction="Écrit par des habitants des camps et des bénévoles pendant "
        "des résidences de trois jours, tiré à 4 000 exemplaires deux à trois "
        "fois par an.",
    )
    home.add_child(instance=journal)
    journal = _publish(journal)
    people = {}
    for name, bio, anonymous in CONTRIBUTORS:
        people[name] = Contributor.objects.create(
            association=hub,
            name=name,
            bio=bio,
            anonymous=anonymous,
            listed=not anonymous,
        )
    translations = {
        "ar": "جريدة الأدغال",
        "en": "Jungle Journal",
        "ps": "د ځنګلونو ورځپاڼه",
    }
    journals = {"fr": journal}
    for lang, title in translations.items():
        if lang in homes:
            journals[lang] = _translate(
                journal, Locale.objects.get(language_code=lang), title=title
            )
    issues = []
    for spec in ISSUES:
        issue = IssuePage(
            title=spec["title"],
            slug=f"numero-{spec['number']}",
            number=spec["number"],
            publication_date=spec["date"],
            summary=spec["summary"],
            editorial=spec["editorial"],
            print_run=4000,
            residency_place=spec["place"],
            residency_start=spec["start"],
            residency_end=spec["start"] + dt.timedelta(days=2),
            residency_participants=14,
            cover=_cover(spec["title"], spec["colour"], hub.root_collection),
            cover_alt_text=f"Couverture du numéro {spec['number']} : une dune.",
            live=False,
        )
        journal.add_child(instance=issue)
        issue = _publish(issue)
        for lang in journals:
            if lang != "fr":
                _translate(issue, Locale.objects.get(language_code=lang))
        for index, (lang, title, who, rubric, text) in enumerate(spec["articles"]):
            contributor = people[who]
            french_title, french_text = FRENCH.get(title, (title, text))
            translated = title in FRENCH
            article = ArticlePage(
                title=french_title if translated else title,
                slug=f"texte-{index + 1}",
                rubric=rubric,
                original_language=lang,
                summary=(french_text if translated else text)[:200],
                body=_body(
                    french_title if translated else title,
                    french_text if translated else text,
                ),
                translator="Léa" if translated else "",
                live=False,
            )
            article.contributors = [ArticleContributor(contributor=contributor)]
            issue.add_child(instance=article)
            for channel in Channel.values:
                Consent.objects.create(
                    association=hub,
                    contributor=contributor,
                    article=article,
                    channel=channel,
                    given_at=timezone.now(),
                    note="Accord donné à l'oral pendant la résidence.",
                )
            article = _publish(article)
            if translated and lang in journals:
                _translate(
                    article,
                    Locale.objects.get(language_code=lang),
                    title=title,
                    body=_body(title, text),
                    summary=text[:200],
                    translator="",
                )
        issues.append(issue)
    stdout.write(f"journal: {journal.full_url}")
    return issues
