"""A journal on a two-member network, built once for tests/journal.

``jworld`` builds (through the real models and Wagtail's publishing) the hub,
``alpha`` and ``beta`` with their editors, and on alpha's French tree::

    Journal des Jungles (JournalIndexPage, also in Arabic)
    ├── issue 2 "Les dunes"     live, 1 article
    ├── issue 1 "La traversée"  live: "Premier texte" (Nour, listed),
    │                           "قصيدة البحر" (Arabic original, anonymous),
    │                           "Texte en attente" (draft: no web consent)
    └── issue 3 "Brouillon"     draft, with a draft article

(``gamma`` has the journal plugin disabled) inside a transaction rolled back
after the folder's last test; each test runs in its own savepoint. PDF
generation on publish is off here (``JOURNAL_PDF_ON_PUBLISH``); the PDF tests
generate it themselves.
"""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from journal.models import (
    ArticleContributor,
    ArticlePage,
    Channel,
    Consent,
    Contributor,
    IssuePage,
    JournalIndexPage,
)
from tests.conftest import site_client
from tests.factories import make_association, make_member


@dataclass
class JWorld:
    hub: object
    alpha: object
    beta: object
    gamma: object  # the journal plugin disabled
    editor_a: object
    editor_b: object
    moderator_a: object
    journal: object
    journal_ar: object
    issue1: object
    issue2: object
    draft_issue: object
    article_fr: object
    article_ar: object
    pending: object
    draft_article: object
    issue2_article: object
    nour: object
    anon: object
    shy: object
    other_contributor: object
    consents: list = field(default_factory=list)


def home(association, lang="fr"):
    root = association.site.root_page
    return Page.objects.get(
        depth=root.depth,
        translation_key=root.translation_key,
        locale__language_code=lang,
    ).specific


def add(parent, page, *, publish=True, user=None):
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish()
    return type(page).objects.get(pk=page.pk)


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def article(issue, title, contributors, *, web=True, publish=True, **fields):
    """An article of ``issue`` crediting ``contributors``; with ``web`` each
    of them consents to the web (and print) before it is published."""
    fields.setdefault("body", paragraph(f"Texte de {title}."))
    page = ArticlePage(
        title=title,
        slug=fields.pop("slug", None) or f"a{ArticlePage.objects.count() + 1}",
        **fields,
    )
    page.contributors = [ArticleContributor(contributor=c) for c in contributors]
    page.live = False
    issue.add_child(instance=page)
    association = contributors[0].association if contributors else None
    for contributor in contributors:
        channels = [Channel.PRINT] + ([Channel.WEB] if web else [])
        for channel in channels:
            Consent.objects.create(
                association=association,
                contributor=contributor,
                article=page,
                channel=channel,
                given_at=dt.datetime(2025, 1, 10, tzinfo=dt.UTC),
            )
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ArticlePage.objects.get(pk=page.pk)


def issue(journal, number, title, date, *, publish=True, **fields):
    return add(
        journal,
        IssuePage(
            title=title,
            slug=f"numero-{number}",
            number=number,
            publication_date=date,
            summary=f"Résumé du numéro {number}.",
            **fields,
        ),
        publish=publish,
    )


def translate(page, lang, **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code=lang))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(page).objects.get(pk=copy.pk)


def build():
    hub = make_association(
        "hub",
        name="Plateforme",
        hostname="localhost",
        is_hub=True,
        is_default_site=True,
        languages=["fr", "en", "ar"],
    )
    alpha = make_association("alpha", name="Alpha", languages=["fr", "en", "ar"])
    beta = make_association("beta", name="Beta", languages=["fr", "en", "ar"])
    gamma = make_association("gamma", name="Gamma", plugins=["directory"])
    editor_a = make_member(alpha, "j_editor_a")
    editor_b = make_member(beta, "j_editor_b")
    cover = get_image_model().objects.create(
        title="Couverture",
        file=get_test_image_file(filename="cover.png"),
        collection=alpha.root_collection,
    )
    journal = add(
        home(alpha),
        JournalIndexPage(
            title="Journal des Jungles",
            slug="journal",
            introduction="Écrit pendant des résidences de trois jours.",
        ),
    )
    nour = Contributor.objects.create(
        association=alpha, name="Nour", bio="Écrit la nuit.", listed=True
    )
    anon = Contributor.objects.create(association=alpha, name="K.", anonymous=True)
    shy = Contributor.objects.create(association=alpha, name="Samir", listed=False)
    other = Contributor.objects.create(association=beta, name="Beta writer")
    issue1 = issue(
        journal,
        1,
        "La traversée",
        dt.date(2025, 3, 1),
        cover=cover,
        residency_place="Loon-Plage",
        residency_start=dt.date(2025, 2, 1),
        residency_end=dt.date(2025, 2, 3),
        residency_participants=14,
        print_run=4000,
        editorial="<p>Trois jours d'écriture près du camp.</p>",
    )
    article_fr = article(
        issue1,
        "Premier texte",
        [nour],
        slug="premier-texte",
        rubric="Paroles",
        summary="Un premier texte écrit sous la tente.",
        body=paragraph("Le vent souffle sur la dune de Loon-Plage.")
        + [("poem", {"title": "", "text": "Ligne une\nLigne deux\n\nLigne trois"})],
    )
    article_ar = article(
        issue1,
        "قصيدة البحر",
        [anon, shy],
        slug="poeme-mer",
        original_language="ar",
        body=paragraph("البحر بارد والليل طويل."),
    )
    pending = article(issue1, "Texte en attente", [shy], web=False, slug="attente")
    issue2 = issue(journal, 2, "Les dunes", dt.date(2025, 10, 1))
    issue2_article = article(issue2, "Les dunes en hiver", [nour], slug="hiver")
    draft_article = article(
        issue2, "Article brouillon secret", [nour], publish=False, slug="brouillon"
    )
    draft_issue = issue(
        journal, 3, "Numéro brouillon", dt.date(2026, 3, 1), publish=False
    )
    article(draft_issue, "Brouillon du numéro trois", [nour], publish=False, slug="b3")
    journal_ar = translate(journal, "ar", title="جريدة الأدغال")
    translate(issue1, "ar", title="العبور")
    translate(article_ar, "ar")
    return JWorld(
        hub=hub,
        alpha=alpha,
        beta=beta,
        gamma=gamma,
        editor_a=editor_a,
        editor_b=editor_b,
        moderator_a=make_member(alpha, "j_moderator_a", role="moderator"),
        journal=journal,
        journal_ar=journal_ar,
        issue1=IssuePage.objects.get(pk=issue1.pk),
        issue2=IssuePage.objects.get(pk=issue2.pk),
        draft_issue=draft_issue,
        article_fr=ArticlePage.objects.get(pk=article_fr.pk),
        article_ar=ArticlePage.objects.get(pk=article_ar.pk),
        pending=ArticlePage.objects.get(pk=pending.pk),
        draft_article=draft_article,
        issue2_article=issue2_article,
        nour=nour,
        anon=anon,
        shy=shy,
        other_contributor=other,
        consents=list(Consent.objects.all()),
    )


def article_form(page, **changes):
    """The admin edit form's POST data for ``page`` (an ``ArticlePage``)."""
    credits = list(page.contributors.all())
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "rubric": page.rubric,
            "original_language": page.original_language,
            "summary": page.summary,
            "translator": page.translator,
            "body": streamfield([]),
            "contributors": inline_formset(
                [
                    {
                        "id": credit.pk,
                        "contributor": credit.contributor_id,
                        "role": credit.role,
                        "ORDER": n,
                    }
                    for n, credit in enumerate(credits, 1)
                ],
                initial=len(credits),
            ),
            "comments": inline_formset([]),
        }
    )
    data.update(changes)
    return data


def issue_form(issue, **changes):
    """The admin form's POST data for ``issue`` (an ``IssuePage``)."""

    def day(value):
        return value.isoformat() if value else ""

    data = nested_form_data(
        {
            "title": issue.title,
            "slug": issue.slug,
            "number": issue.number,
            "publication_date": day(issue.publication_date),
            "cover": issue.cover_id or "",
            "cover_alt_text": issue.cover_alt_text,
            "summary": issue.summary,
            "editorial": rich_text(issue.editorial or ""),
            "print_run": issue.print_run or "",
            "residency_place": issue.residency_place,
            "residency_start": day(issue.residency_start),
            "residency_end": day(issue.residency_end),
            "residency_participants": issue.residency_participants or "",
            "print_pdf": issue.print_pdf_id or "",
            "funding_page": issue.funding_page_id or "",
            "comments": inline_formset([]),
        }
    )
    data.update(changes)
    return data


HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def jworld(django_db_setup, django_db_blocker):
    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or "memory" in name):
        pytest.fail(f"{name} is not a test database; refusing to touch it")
    with override_settings(JOURNAL_PDF_ON_PUBLISH=False):
        with django_db_blocker.unblock():
            with transaction.atomic():
                built = build()
                yield built
                transaction.set_rollback(True)
            cache.clear()


@pytest.fixture
def visit(db, jworld):
    """``visit(path, lang=None, user=None, association=alpha)``: a GET on a site."""

    def get(path, user=None, association=None, **params):
        client = site_client(association or jworld.alpha, user)
        return client.get(path, params)

    return get
