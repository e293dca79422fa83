"""The course form in the Wagtail admin: prerequisites offer only the editor's
own courses in the page's language, a forged or looping choice is a form
error, and a course requirement holds in every language."""

import re

from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.trainings.conftest import RIGHT, add, enrol, submit, translate
from trainings.models import CoursePage, Enrolment, TrainingIndexPage


def course_form(title, slug, prerequisites=()):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": f"{title} summary",
            "audience": "",
            "duration": "",
            "learning_objectives": rich_text(""),
            "trainer": "",
            "sessions": inline_formset([]),
        }
    )
    data["prerequisites"] = [str(pk) for pk in prerequisites]
    return data


def draft(page):
    """The page as last saved in the admin (a draft revision)."""
    return CoursePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def beta_course(tw):
    home = Page.objects.get(pk=tw.beta.site.root_page_id).specific
    index = add(home, TrainingIndexPage(title="Beta trainings", slug="formations"))
    return add(
        index, CoursePage(title="Beta secret course", slug="secret", summary="s")
    )


def test_prerequisites_offer_only_own_courses_in_the_page_language(as_user, tw):
    secret = beta_course(tw)
    client = as_user(tw.editor_a)
    add_url = f"/admin/pages/add/trainings/coursepage/{tw.index.pk}/"
    response = client.get(add_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Drop-in" in html and "Alpha only" in html  # her own courses
    assert "Beta secret course" not in html
    assert "Basics EN" not in html  # the English copy, on a French page
    edit = client.get(f"/admin/pages/{tw.dropin.pk}/edit/").content.decode()
    select = re.search(r'<select name="prerequisites".*?</select>', edit, re.S)
    offered = re.findall(r'value="(\d+)"', select.group(0))
    assert str(tw.basics.pk) in offered
    assert str(tw.dropin.pk) not in offered  # never the course itself
    # a forged id is a form error, and nothing is created
    response = client.post(add_url, course_form("Forged", "forged", [secret.pk]))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode() or "error-message" in (
        response.content.decode()
    )
    assert not CoursePage.objects.filter(slug="forged").exists()
    # positive control: her own course is accepted
    response = client.post(add_url, course_form("Advanced", "advanced", [tw.basics.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    advanced = CoursePage.objects.get(slug="advanced")
    assert list(advanced.prerequisites.all()) == [tw.basics.page_ptr.specific]


def test_a_course_never_requires_itself_even_through_another(as_user, tw):
    client = as_user(tw.editor_a)
    edit = f"/admin/pages/{tw.basics.pk}/edit/"
    # Drop-in already requires Basics: Basics cannot require Drop-in
    response = client.post(edit, course_form("Basics", "basics", [tw.dropin.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Drop-in" in html and ("déjà" in html or "already requires" in html)
    assert not draft(tw.basics).prerequisites.exists()
    response = client.post(edit, course_form("Basics", "basics", [tw.basics.pk]))
    assert response.status_code == 200
    assert not draft(tw.basics).prerequisites.exists()
    # positive control: an unrelated course may be required
    response = client.post(edit, course_form("Basics", "basics", [tw.closed.pk]))
    assert response.status_code == 302
    assert [c.pk for c in draft(tw.basics).prerequisites.all()] == [tw.closed.pk]


def test_editing_keeps_a_prerequisite_the_form_does_not_offer(as_user, tw):
    secret = beta_course(tw)
    course = CoursePage.objects.get(pk=tw.closed.pk)
    course.prerequisites.add(secret)  # set by a network coordinator
    course.save_revision().publish()
    client = as_user(tw.editor_a)
    response = client.post(
        f"/admin/pages/{tw.closed.pk}/edit/",
        course_form("Alpha only", "alpha-only", [tw.basics.pk]),
    )
    assert response.status_code == 302
    kept = {c.pk for c in draft(tw.closed).prerequisites.all()}
    assert kept == {secret.pk, tw.basics.pk}


def test_a_translation_cannot_skip_a_prerequisite(as_user, tw):
    english = translate(tw.dropin, title="Drop-in EN")
    english.prerequisites.clear()  # the English copy lost its requirement
    english.save_revision().publish()
    modules = [translate(m, title=f"{m.title} EN") for m in tw.dropin_modules]
    client = as_user(tw.vol_a)
    response = enrol(client, english)
    assert response.status_code == 302 and response["Location"] == english.url
    assert not Enrolment.objects.filter(
        user=tw.vol_a, course_key=tw.dropin.translation_key
    ).exists()
    page = client.get(english.url).content.decode()
    assert "Basics EN" in page  # the requirement, in the page's language
    # positive control: once Basics is completed, the English copy opens
    enrol(client, tw.basics)
    for module in tw.modules:
        submit(client, module, RIGHT)
    assert enrol(client, english)["Location"] == modules[0].url
    assert client.get(modules[0].url).status_code == 200


def test_trainings_page_types_only_where_the_plugin_is_enabled(tw):
    beta_home = Page.objects.get(pk=tw.beta.site.root_page_id)
    alpha_home = Page.objects.get(pk=tw.alpha.site.root_page_id)
    assert TrainingIndexPage.can_create_at(alpha_home)
    assert TrainingIndexPage.can_create_at(beta_home)
    tw.beta.plugins = [p for p in tw.beta.plugins if p != "trainings"]
    tw.beta.save()
    assert not TrainingIndexPage.can_create_at(beta_home)
    assert TrainingIndexPage.can_create_at(alpha_home)
    assert Locale.objects.filter(language_code="ar").exists()
