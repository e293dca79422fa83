"""Builders for the sitepages tests: pages in every language of a site."""

import datetime

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Page

from network.models import ThemeSettings
from sitepages.models import (
    ActionPlanPage,
    ContentPage,
    HomePage,
    MembersPage,
    NetworkNewsPage,
    NewsIndexPage,
    UpdatePage,
)
from tests.conftest import build_network, built_once, fresh

LANGUAGES = ["fr", "en", "ar"]


def home_of(association, language="fr"):
    """The association's home page in ``language``."""
    root = association.site.root_page
    return HomePage.objects.get(
        translation_key=root.translation_key, locale__language_code=language
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent, model, **fields):
    """Create and publish a child page of ``parent``."""
    fields.setdefault("slug", slugify(fields["title"]) or "page")
    page = model(**fields)
    parent.add_child(instance=page)
    return publish(page)


def translate(page, language, **fields):
    """Copy ``page`` into ``language`` (parents first), change ``fields``, publish."""
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    translated = existing or page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated.specific)


def add_in_all_languages(parent, model, titles=None, **fields):
    """Create a page under the French ``parent`` and publish it in fr, en, ar."""
    titles = titles or {}
    source = add_page(parent, model, title=titles.get("fr", "Page fr"), **fields)
    pages = {"fr": source}
    for language in LANGUAGES[1:]:
        pages[language] = translate(
            source, language, title=titles.get(language, f"Page {language}")
        )
    return pages


def add_updates(news_index, count, start=datetime.date(2026, 1, 1), prefix="Update"):
    pages = []
    for number in range(count):
        pages.append(
            add_page(
                news_index,
                UpdatePage,
                title=f"{prefix} {number}",
                slug=f"{prefix.lower().replace(' ', '-')}-{number}",
                date=start + datetime.timedelta(days=number),
                summary=f"Summary of {prefix} {number}",
            )
        )
    return pages


SAMPLE_AXES = [
    {
        "type": "axis",
        "value": {
            "title": "A stronger safety net",
            "description": "Local services everywhere.",
            "objectives": [
                {
                    "title": "Strengthen local services",
                    "targets": ["A drop-in centre in every district"],
                    "actions": [
                        {
                            "text": "Renew grants to associations",
                            "role": "responsible",
                            "years": ["2024", "2025", "2026"],
                        },
                        {
                            "text": "Lend premises for drop-in sessions",
                            "role": "responsible",
                            "years": ["2024", "2025"],
                        },
                        {
                            "text": "Support an integrated access service",
                            "role": "collaborator",
                            "years": ["2026"],
                        },
                    ],
                },
                {
                    "title": "Support street outreach",
                    "targets": [],
                    "actions": [
                        {
                            "text": "Fund outreach teams",
                            "role": "contributor",
                            "years": ["2024", "2025", "2026"],
                        },
                    ],
                },
            ],
        },
    },
    {
        "type": "axis",
        "value": {
            "title": "A roof for everyone",
            "description": "",
            "objectives": [
                {
                    "title": "More emergency places",
                    "targets": ["200 more beds", "Open all year"],
                    "actions": [
                        {
                            "text": "Gather landlords and associations",
                            "role": "mobiliser",
                            "years": ["2025"],
                        },
                        {
                            "text": "Open a winter shelter",
                            "role": "responsible",
                            "years": ["2025", "2026"],
                        },
                    ],
                }
            ],
        },
    },
]


@pytest.fixture
def pages(network):
    """One page of every type on alpha (and the hub pages), in fr, en and ar."""
    for association in (network.hub, network.alpha, network.beta):
        # Created on first use otherwise, which would bump the cache version
        # in the middle of a query-count measurement.
        ThemeSettings.for_site(association.site)
    alpha_home = home_of(network.alpha)
    hub_home = home_of(network.hub)
    content = add_in_all_languages(
        alpha_home,
        ContentPage,
        titles={"fr": "Nos missions", "en": "Our missions", "ar": "مهامنا"},
        introduction="Intro",
    )
    plan = add_in_all_languages(
        alpha_home,
        ActionPlanPage,
        titles={"fr": "Plan d'action", "en": "Action plan", "ar": "خطة العمل"},
        start_year=2024,
        end_year=2026,
        axes=SAMPLE_AXES,
    )
    news = add_in_all_languages(
        alpha_home,
        NewsIndexPage,
        titles={"fr": "Actualités", "en": "News", "ar": "أخبار"},
    )
    update = add_page(
        news["fr"],
        UpdatePage,
        title="Nouvelle permanence",
        date=datetime.date(2026, 3, 1),
        summary="Une permanence ouvre le mardi.",
    )
    update_tr = {
        "fr": update,
        "en": translate(update, "en", title="New drop-in session"),
        "ar": translate(update, "ar", title="مداومة جديدة"),
    }
    members = add_in_all_languages(
        hub_home,
        MembersPage,
        titles={"fr": "Membres", "en": "Members", "ar": "الأعضاء"},
    )
    network_news = add_in_all_languages(
        hub_home,
        NetworkNewsPage,
        titles={"fr": "Actualités du réseau", "en": "Network news", "ar": "أخبار"},
    )
    return {
        "home": {lang: home_of(network.alpha, lang) for lang in LANGUAGES},
        "content": content,
        "plan": plan,
        "news": news,
        "update": update_tr,
        "members": members,
        "network_news": network_news,
    }


__all__ = ["Page"]


def path_of(page):
    """The page's path on its own site, e.g. /ar/actualites/."""
    return page.get_url_parts()[2]


def tr(language, message, escaped=False, **params):
    """``message`` as the interface shows it in ``language``.

    ``{% trans %}`` output is not escaped; a message shown through a variable
    (a form error, for instance) is, hence ``escaped``.
    """
    with translation.override(language):
        text = gettext(message)
    text = text % params if params else text
    return escape(text) if escaped else text


def ntr(language, singular, plural, count, **params):
    """A plural interface message in ``language`` (``{% blocktrans count %}``)."""
    with translation.override(language):
        text = ngettext(singular, plural, count)
    return text % {"counter": count, **params}


@pytest.fixture(scope="package")
def package_network(django_db_setup, django_db_blocker):
    """One network for every test of this package."""
    yield from built_once(django_db_blocker, build_network)


@pytest.fixture
def network(db, package_network):
    """The package's shared network (built once: ``tests.conftest``)."""
    return fresh(package_network)
