"""A two-member network with a training programme, built once for tests/trainings.

``tw`` (the training world) builds, inside a transaction rolled back after the
folder's last test: the hub, ``alpha`` and ``beta`` (trainings enabled), on
alpha a training index with two courses (the second requires the first) of
three modules each, translated into English, an alpha-only course, and a
confirmed volunteer for each association. Each test runs in its own savepoint.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, transaction
from wagtail.models import Locale, Page

from tests.conftest import site_client
from tests.factories import UserFactory, make_association, make_member
from trainings.models import CoursePage, ModulePage, TrainingIndexPage, VolunteerProfile

HERE = Path(__file__).parent


def question(text, choices):
    """``choices``: [(text, correct, explanation)]"""
    return {
        "type": "question",
        "value": {
            "text": text,
            "choices": [
                {"text": t, "correct": c, "explanation": e} for t, c, e in choices
            ],
        },
    }


QUIZ = [
    question(
        "Where is an asylum claim registered?",
        [
            ("At the GUDA of the prefecture", True, "EXPLAIN-GUDA"),
            ("At the town hall", False, "EXPLAIN-TOWNHALL"),
        ],
    ),
    question(
        "Which documents can prove an address?",
        [
            ("A domiciliation certificate", True, "EXPLAIN-DOMICILIATION"),
            ("A hosting certificate", True, "EXPLAIN-HOSTING"),
            ("A train ticket", False, "EXPLAIN-TICKET"),
        ],
    ),
]
RIGHT = {"q0": ["0"], "q1": ["0", "1"]}
WRONG = {"q0": ["1"], "q1": ["0"]}


@dataclass
class TW:
    hub: object
    alpha: object
    beta: object
    index: object
    basics: object
    dropin: object
    closed: object
    modules: list
    dropin_modules: list
    vol_a: object
    vol_b: object
    editor_a: object
    editor_b: object
    coordinator: object


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def translate(page, lang="en", **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code=lang))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


def course_with_modules(index, title, slug, *, n=3, **fields):
    course = add(
        index, CoursePage(title=title, slug=slug, summary=f"{title} summary", **fields)
    )
    modules = [
        add(
            course,
            ModulePage(
                title=f"{title} module {i + 1}",
                slug=f"module-{i + 1}",
                quiz=QUIZ,
                lesson=[{"type": "text", "value": f"<p>Lesson {i + 1}</p>"}],
                review_by=dt.date.today() + dt.timedelta(days=200),
            ),
        )
        for i in range(n)
    ]
    return course, modules


def make_volunteer(association, email, name):
    user = UserFactory(username=email, email=email)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    VolunteerProfile.objects.create(
        user=user, association=association, display_name=name
    )
    return user


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
    home = Page.objects.get(pk=alpha.site.root_page_id).specific
    index = add(home, TrainingIndexPage(title="Formations", slug="formations"))
    basics, modules = course_with_modules(
        index, "Basics", "basics", open_to_network=True
    )
    dropin, dropin_modules = course_with_modules(
        index, "Drop-in", "drop-in", open_to_network=True
    )
    dropin.prerequisites.set([basics])
    dropin.save_revision().publish()
    closed, _closed_modules = course_with_modules(
        index, "Alpha only", "alpha-only", n=1
    )
    # English translations of the index, the first course and its modules
    home_en = home.get_translation(Locale.objects.get(language_code="en"))
    assert home_en is not None
    translate(index)
    translate(basics, title="Basics EN")
    for module in modules:
        translate(module, title=f"{module.title} EN")
    coordinator = UserFactory(username="coordinator")
    coordinator.groups.add(Group.objects.get(name=settings.NETWORK_COORDINATORS_GROUP))
    return TW(
        hub=hub,
        alpha=alpha,
        beta=beta,
        index=index,
        basics=basics,
        dropin=dropin,
        closed=closed,
        modules=modules,
        dropin_modules=dropin_modules,
        vol_a=make_volunteer(alpha, "amina@example.org", "Amina"),
        vol_b=make_volunteer(beta, "bilal@example.org", "Bilal"),
        editor_a=make_member(alpha, "editor_a"),
        editor_b=make_member(beta, "editor_b"),
        coordinator=coordinator,
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def tw(django_db_setup, django_db_blocker):
    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or "memory" in name):
        pytest.fail(f"{name} is not a test database; refusing to touch it")
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build()
            yield built
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def as_user(db, tw):
    def make(user=None, association=None):
        return site_client(association or tw.alpha, user)

    return make


def enrol(client, course):
    return client.post(course.url)


def submit(client, module, answers, key=None):
    data = {"module": str(key or module.translation_key), **answers}
    return client.post(module.url, data)
