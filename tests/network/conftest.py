"""A two-member network with content, built once for tests/network.

Building associations through the real provisioning code takes a few seconds,
so the tests of this folder share one network: ``world`` builds it
inside a transaction that is rolled back after the folder's last test; each test
runs inside its own savepoint (pytest-django's ``db``), so nothing a test
changes leaks into the next one.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from tests.conftest import site_client
from tests.factories import UserFactory, make_association, make_member


@dataclass
class Side:
    """What one association owns in the test network."""

    association: object
    editor: object
    moderator: object
    page: object = None
    draft: object = None
    image: object = None
    document: object = None
    revisions: list = field(default_factory=list)
    translation: object = None

    @property
    def root(self):
        return self.association.site.root_page


@dataclass
class World:
    hub: object
    alpha: Side
    beta: Side
    coordinator: object


def _content_page(parent, title, user):
    from sitepages.models import ContentPage

    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"))
    parent.add_child(instance=page)
    page.save_revision(user=user).publish()
    page.title = f"{title} (draft)"
    page.save_revision(user=user)
    return Page.objects.get(pk=page.pk).specific


def _localize(page, user):
    """Translate ``page`` into English through wagtail-localize."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(user=user, publish=True)
    return translation


def _media(side, label):
    image = get_image_model().objects.create(
        title=f"{label} image",
        file=get_test_image_file(filename=f"{label.lower()}.png"),
        collection=side.association.root_collection,
    )
    document = get_document_model().objects.create(
        title=f"{label} document",
        file=ContentFile(b"%PDF-1.4 test", name=f"{label.lower()}.pdf"),
        collection=side.association.root_collection,
    )
    return image, document


def build_world():
    hub = make_association(
        "hub",
        name="Plateforme",
        hostname="localhost",
        is_hub=True,
        is_default_site=True,
        languages=["fr", "en", "ar"],
    )
    sides = {}
    for slug, label in (("alpha", "Alpha"), ("beta", "Beta")):
        association = make_association(slug, name=label, languages=["fr", "en", "ar"])
        side = Side(
            association=association,
            editor=make_member(association, f"editor_{slug[0]}"),
            moderator=make_member(association, f"moderator_{slug[0]}", "moderator"),
        )
        side.page = _content_page(
            association.site.root_page, f"{label} secret page", side.editor
        )
        side.revisions = list(
            side.page.revisions.order_by("created_at").values_list("pk", flat=True)
        )
        side.image, side.document = _media(side, label)
        side.translation = _localize(side.page, side.editor)
        sides[slug] = side
    coordinator = UserFactory(username="coordinator")
    coordinator.groups.add(Group.objects.get(name=settings.NETWORK_COORDINATORS_GROUP))
    return World(
        hub=hub, alpha=sides["alpha"], beta=sides["beta"], coordinator=coordinator
    )


HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """Every test here uses the database: marking them makes pytest-django
    create the test database even when a test only asks for ``world``."""
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or "memory" in name):
        pytest.fail(f"{name} is not a test database; refusing to touch it")
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_world()
            yield built
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def as_user(db, world):
    """``as_user(user, side=world.alpha)``: a logged-in client on that site."""

    def make(user, side=None):
        return site_client((side or world.alpha).association, user)

    return make


@dataclass
class Planted:
    """Markers planted in each association for the deny-by-default tests."""

    entries: dict
    drafts: dict
    tasks: dict
    workflows: dict
    states: dict
    uploads: dict
    redirects: dict
    stops: dict
    snippet_translations: dict
    plugins: dict
    markers: list


def _plant_plugins(side):
    """One row of every association-owned model the journal, the appeals and
    the trainings add, with a log entry each, in ``side``'s association:
    ``{model label: row}`` (pages under ``"pages"``)."""
    import datetime as dt
    import uuid

    from django.contrib.auth import get_user_model
    from wagtail.log_actions import log

    from journal.models import (
        ArticleContributor,
        ArticlePage,
        Consent,
        Contributor,
        IssuePage,
        JournalIndexPage,
    )
    from sitepages.appeals.models import Contribution, Pledge
    from tests.appeals.conftest import make_appeal
    from trainings.models import (
        AnonymousCompletion,
        Certificate,
        CoursePage,
        Enrolment,
        ModuleProgress,
        QuizAttempt,
        TrainingIndexPage,
        VolunteerProfile,
    )

    association, label = side.association, side.association.name
    slug = association.slug
    home = association.site.root_page

    def add(parent, page, publish=True):
        parent.add_child(instance=page)
        revision = page.save_revision(user=side.editor)
        if publish:
            revision.publish()
        return type(page).objects.get(pk=page.pk)

    contributor = Contributor.objects.create(
        association=association, name=f"{label} contributor Zaynab"
    )
    journal = add(home, JournalIndexPage(title=f"{label} journal", slug="journal"))
    issue = add(journal, IssuePage(title=f"{label} issue", slug="n1", number=1))
    article = ArticlePage(
        title=f"{label} draft article", slug="draft-article", live=False
    )
    article.contributors = [ArticleContributor(contributor=contributor)]
    article = add(issue, article, publish=False)
    consent = Consent.objects.create(
        association=association,
        contributor=contributor,
        article=article,
        channel="web",
        note=f"{label} consent note",
    )
    appeal = make_appeal(home, f"{slug}-appeal", title=f"{label} appeal")
    pledge = Pledge.objects.create(
        association=association,
        appeal=appeal,
        amount=35,
        donor_name=f"{label} donor Ghislaine",
        email=f"ghislaine.{slug}@example.org",
    )
    contribution = Contribution.objects.create(
        association=association,
        appeal=appeal,
        amount=120,
        label=f"{label} gift of the concert",
    )
    trainings = add(home, TrainingIndexPage(title=f"{label} trainings", slug="tr"))
    course = add(
        trainings,
        CoursePage(title=f"{label} draft course", slug="course", summary="s"),
        publish=False,
    )
    email = f"bilal.{slug}@example.org"
    volunteer = get_user_model().objects.create_user(username=email, email=email)
    profile = VolunteerProfile.objects.create(
        user=volunteer, association=association, display_name=f"{label} volunteer Bilal"
    )
    enrolment = Enrolment.objects.create(
        association=association, user=volunteer, course_key=course.translation_key
    )
    progress = ModuleProgress.objects.create(
        association=association,
        enrolment=enrolment,
        user=volunteer,
        module_key=uuid.uuid4(),
    )
    attempt = QuizAttempt.objects.create(
        association=association,
        progress=progress,
        user=volunteer,
        module_key=progress.module_key,
        score=50,
        passed=False,
    )
    certificate = Certificate.objects.create(
        association=association,
        user=volunteer,
        course_key=course.translation_key,
        course_title=course.title,
        display_name=profile.display_name,
        content_version="v1",
    )
    completion = AnonymousCompletion.objects.create(
        association=association,
        course_key=course.translation_key,
        completed_on=dt.date.today(),
    )
    rows = [
        contributor,
        consent,
        pledge,
        contribution,
        profile,
        enrolment,
        progress,
        attempt,
        certificate,
        completion,
    ]
    for row in rows:
        log(row, "wagtail.create", user=side.editor)
    found = {row._meta.label_lower: row for row in rows}
    found["pages"] = {"article": article, "appeal": appeal, "course": course}
    return found


def _plant(world):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.log_actions import log
    from wagtail.models import Locale, UploadedFile
    from wagtail_localize.models import Translation, TranslationSource

    from directory.models import Organisation, OrganisationStop

    found = {key: {} for key in Planted.__dataclass_fields__ if key != "markers"}
    for side in (world.alpha, world.beta):
        slug, label = side.association.slug, side.association.name
        entry = Organisation(
            name=f"{label} planted shelter", association=side.association
        )
        entry.save()
        log(entry, "wagtail.create", user=side.editor)
        entry.save_revision(user=side.editor, log_action=True).publish(user=side.editor)
        entry.name = f"{label} hidden draft name"
        entry.save_revision(user=side.editor, log_action=True)
        entry.refresh_from_db()
        stop = OrganisationStop.objects.create(
            organisation=entry, name=f"{label} stop", sort_order=0
        )
        source, _created = TranslationSource.get_or_create_from_instance(entry)
        translation = Translation.objects.create(
            source=source, target_locale=Locale.objects.get(language_code="en")
        )
        translation.save_target(user=side.editor, publish=True)
        side.image.tags.add(f"{slug}tag")
        side.document.tags.add(f"{slug}doctag")
        page = side.page
        workflow = page.get_workflow()
        state = workflow.start(page, side.editor)
        Page.objects.filter(pk=page.pk).update(
            locked=True, locked_by=side.editor, locked_at=timezone.now()
        )
        found["entries"][slug] = entry
        found["drafts"][slug] = f"{label} hidden draft name"
        found["stops"][slug] = stop
        found["snippet_translations"][slug] = translation
        found["workflows"][slug] = workflow
        found["tasks"][slug] = workflow.tasks.first()
        found["states"][slug] = state
        found["uploads"][slug] = UploadedFile.objects.create(
            file=ContentFile(b"x", name=f"{slug}.txt"), uploaded_by_user=side.editor
        )
        found["redirects"][slug] = Redirect.objects.create(
            site=side.association.site, old_path=f"/{slug}-old", redirect_link="/"
        )
        found["plugins"][slug] = _plant_plugins(side)
    beta = world.beta
    markers = [
        f"{beta.page.title}",  # the draft title ("... (draft)")
        beta.image.title,
        beta.document.title,
        beta.editor.username,
        beta.moderator.username,
        "Beta planted shelter",
        "Beta hidden draft name",
        "Beta stop",
        "betatag",
        "betadoctag",
        str(found["tasks"]["beta"].name),
        # what the journal, the appeals and the trainings hold
        *plugin_markers(found["plugins"]["beta"]),
    ]
    return Planted(markers=markers, **found)


def plugin_markers(rows):
    """Strings that only appear where beta's plugin data leaks: a contributor
    name, an unpublished article and course, a consent note, a donor's name,
    e-mail and reference code, an offline gift, a volunteer's name and e-mail,
    a certificate code."""
    pledge = rows["sitepages.pledge"]
    certificate = rows["trainings.certificate"]
    return [
        rows["journal.contributor"].name,
        rows["pages"]["article"].title,
        rows["journal.consent"].note,
        pledge.donor_name,
        pledge.email,
        pledge.reference,
        rows["sitepages.contribution"].label,
        rows["pages"]["course"].title,
        rows["trainings.volunteerprofile"].display_name,
        rows["trainings.volunteerprofile"].user.email,
        certificate.code,
    ]


@pytest.fixture(scope="module")
def planted(world, django_db_blocker):
    """One planted set per module, rolled back after the module's last test."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield _plant(world)
            transaction.set_rollback(True)
        cache.clear()
