"""Alpha's editor against beta's data in the plugins that landed after the
mechanism: the journal (contributors, consent), the appeals (pledges, offline
gifts) and the trainings (volunteers, enrolments, progress, quiz attempts,
certificates).

Every door of issue 6, through the real admin URLs: object views (edit,
delete, history, usage, inspect, copy), choosers by id, bulk actions by id,
the site-history report and its exports filtered on each plugin model,
per-object history, listings, reports and their CSV/XLSX exports, the
dashboard, the admin API, and forged foreign keys in the plugins' forms.
The rows are planted in ``tests/network/conftest.py`` (``_plant_plugins``);
each refusal has a positive control on alpha's own row.
"""

import io
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType

pytestmark = pytest.mark.usefixtures("planted")

# (URL template, model label, status alpha's editor gets on her own row)
OBJECT_URLS = [
    ("/admin/snippets/journal/contributor/edit/{pk}/", "journal.contributor", 200),
    ("/admin/snippets/journal/contributor/delete/{pk}/", "journal.contributor", 200),
    ("/admin/snippets/journal/contributor/history/{pk}/", "journal.contributor", 200),
    (
        "/admin/snippets/journal/contributor/history-results/{pk}/",
        "journal.contributor",
        200,
    ),
    ("/admin/snippets/journal/contributor/usage/{pk}/", "journal.contributor", 200),
    (
        "/admin/snippets/choose/journal/contributor/chosen/{pk}/",
        "journal.contributor",
        200,
    ),
    (
        "/admin/snippets/choose/journal/contributor/chosen-multiple/?id={pk}",
        "journal.contributor",
        200,
    ),
    ("/admin/journal_consents/edit/{pk}/", "journal.consent", 200),
    ("/admin/journal_consents/delete/{pk}/", "journal.consent", 200),
    ("/admin/journal_consents/history/{pk}/", "journal.consent", 200),
    ("/admin/journal_consents/usage/{pk}/", "journal.consent", 200),
    ("/admin/appeals/pledges/edit/{pk}/", "sitepages.pledge", 200),
    ("/admin/appeals/pledges/inspect/{pk}/", "sitepages.pledge", 200),
    ("/admin/appeals/pledges/history/{pk}/", "sitepages.pledge", 200),
    ("/admin/appeals/pledges/history-results/{pk}/", "sitepages.pledge", 200),
    ("/admin/appeals/pledges/usage/{pk}/", "sitepages.pledge", 200),
    ("/admin/appeals/process/?id={pk}", "sitepages.pledge", 200),
    ("/admin/appeals/gifts/edit/{pk}/", "sitepages.contribution", 200),
    ("/admin/appeals/gifts/delete/{pk}/", "sitepages.contribution", 200),
    ("/admin/appeals/gifts/copy/{pk}/", "sitepages.contribution", 200),
    ("/admin/appeals/gifts/history/{pk}/", "sitepages.contribution", 200),
    ("/admin/appeals/gifts/usage/{pk}/", "sitepages.contribution", 200),
    ("/admin/training_certificates/edit/{pk}/", "trainings.certificate", 200),
    ("/admin/training_certificates/history/{pk}/", "trainings.certificate", 200),
    ("/admin/training_certificates/usage/{pk}/", "trainings.certificate", 200),
]
# Bulk actions name their rows with ?id=, whatever the model.
BULK_MODELS = [
    "journal.contributor",
    "journal.consent",
    "sitepages.pledge",
    "sitepages.contribution",
    "trainings.volunteerprofile",
    "trainings.enrolment",
    "trainings.moduleprogress",
    "trainings.quizattempt",
    "trainings.certificate",
]


def _body(response):
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if content[:2] == b"PK":  # an XLSX export
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(
                archive.read(name).decode(errors="replace")
                for name in archive.namelist()
            )
    return content.decode(errors="replace")


def _row(planted, slug, label):
    return planted.plugins[slug][label]


def _markers(planted):
    from tests.network.conftest import plugin_markers

    return plugin_markers(planted.plugins["beta"])


@pytest.mark.parametrize(
    "template,label,own_status", OBJECT_URLS, ids=[u for u, *_r in OBJECT_URLS]
)
def test_plugin_object_views_refuse_another_association(
    world, planted, as_user, template, label, own_status
):
    client = as_user(world.alpha.editor)
    url = template.format(pk=_row(planted, "beta", label).pk)
    response = client.get(url)
    assert response.status_code == 403, f"{url} answered {response.status_code}"
    body = _body(response)
    for marker in _markers(planted):
        assert marker not in body, f"{url} shows {marker!r}"
    own = template.format(pk=_row(planted, "alpha", label).pk)
    assert client.get(own).status_code == own_status, f"{own} refused its owner"


@pytest.mark.parametrize("label", BULK_MODELS)
def test_bulk_actions_refuse_another_associations_ids(world, planted, as_user, label):
    app_label, model_name = label.split(".")
    client = as_user(world.alpha.editor)
    base = f"/admin/bulk/{app_label}/{model_name}/delete/"
    beta = _row(planted, "beta", label).pk
    alpha = _row(planted, "alpha", label).pk
    assert client.get(f"{base}?id={beta}").status_code == 403
    assert client.get(f"{base}?id={alpha}&id={beta}").status_code == 403
    assert client.get(f"{base}?id=all").status_code == 403
    # the owner's own id passes the mechanism (the bulk action itself is
    # Wagtail's: a model without one answers 404, never 403)
    assert client.get(f"{base}?id={alpha}").status_code != 403


def test_posts_on_another_associations_rows_change_nothing(world, planted, as_user):
    from journal.models import Contributor
    from sitepages.appeals.models import Contribution, Pledge
    from trainings.models import Certificate

    client = as_user(world.alpha.editor)
    rows = planted.plugins["beta"]
    posts = [
        (
            f"/admin/snippets/journal/contributor/edit/{rows['journal.contributor'].pk}/",
            {"name": "Hacked", "association": world.alpha.association.pk},
        ),
        (f"/admin/journal_consents/delete/{rows['journal.consent'].pk}/", {}),
        (
            f"/admin/appeals/pledges/edit/{rows['sitepages.pledge'].pk}/",
            {"status": "cancelled", "amount": "1", "donor_name": "Hacked"},
        ),
        (f"/admin/appeals/gifts/delete/{rows['sitepages.contribution'].pk}/", {}),
        (
            f"/admin/training_certificates/edit/{rows['trainings.certificate'].pk}/",
            {"revoked": "on", "revoked_reason": "Hacked"},
        ),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    # the treasurer's batch action and bank statement skip beta's pledges
    pledge = rows["sitepages.pledge"]
    client.post(
        "/admin/appeals/process/", {"action": "erase", "pledge": [str(pledge.pk)]}
    )
    client.post("/admin/appeals/bank-statement/", {"confirm": "1", "pledge": pledge.pk})
    assert Contributor.objects.get(pk=rows["journal.contributor"].pk).name == (
        "Beta contributor Zaynab"
    )
    assert Pledge.objects.get(pk=pledge.pk).donor_name == "Beta donor Ghislaine"
    assert Pledge.objects.get(pk=pledge.pk).status == "pledged"
    assert Contribution.objects.filter(pk=rows["sitepages.contribution"].pk).exists()
    assert not Certificate.objects.get(pk=rows["trainings.certificate"].pk).revoked


@pytest.mark.parametrize("label", [*BULK_MODELS, "trainings.anonymouscompletion"])
@pytest.mark.parametrize("export", ["", "&export=csv", "&export=xlsx"])
def test_site_history_of_each_plugin_model_shows_only_own_rows(
    world, planted, as_user, label, export
):
    """Finding 4 for every plugin model: the report filtered on its type,
    and the CSV and XLSX exports, list alpha's entries and none of beta's."""
    app_label, model_name = label.split(".")
    content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    client = as_user(world.alpha.editor)
    url = f"/admin/reports/site-history/?object_type={content_type.pk}{export}"
    response = client.get(url)
    assert response.status_code == 200
    body = _body(response)
    beta_row = _row(planted, "beta", label)
    alpha_row = _row(planted, "alpha", label)
    for marker in [*_markers(planted), world.beta.editor.username]:
        assert marker not in body, f"{url} lists {marker!r}"
    assert world.alpha.editor.username in body, f"{url} misses alpha's own entry"
    if str(alpha_row) != str(beta_row):
        assert str(beta_row) not in body


def test_site_history_type_filter_offers_plugin_types_of_own_rows_only(
    world, planted, as_user
):
    """The "type" filter lists the content types of visible entries: beta's
    editor's entries add nothing alpha could pick to reach them."""
    from wagtail.admin.views.reports.audit_logging import get_content_types_for_filter

    alpha_types = set(get_content_types_for_filter(world.alpha.editor))
    labels = {f"{ct.app_label}.{ct.model}" for ct in alpha_types}
    assert {"journal.contributor", "sitepages.pledge"} <= labels
    response = as_user(world.alpha.editor).get("/admin/reports/site-history/")
    assert world.beta.editor.username not in _body(response)


LISTINGS = [
    "/admin/snippets/journal/contributor/",
    "/admin/snippets/journal/contributor/?q=contributor",
    "/admin/snippets/choose/journal/contributor/",
    "/admin/snippets/choose/journal/contributor/results/?q=Zaynab",
    "/admin/journal_consents/",
    "/admin/appeals/pledges/",
    "/admin/appeals/pledges/?q=Ghislaine",
    "/admin/appeals/pledges/?export=csv",
    "/admin/appeals/pledges/?export=xlsx",
    "/admin/appeals/gifts/",
    "/admin/appeals/gifts/?export=csv",
    "/admin/appeals/gifts/?export=xlsx",
    "/admin/appeals/process/",
    "/admin/training_certificates/",
    "/admin/training_certificates/?q=Bilal",
    "/admin/training_certificates/?export=csv",
    "/admin/training_certificates/?export=xlsx",
    "/admin/reports/trainings/progress/",
    "/admin/reports/trainings/progress/?export=csv",
    "/admin/reports/trainings/progress/?export=xlsx",
    "/admin/reports/trainings/completions/",
    "/admin/reports/trainings/completions/?export=csv",
    "/admin/reports/trainings/completions/?export=xlsx",
    "/admin/",
    "/admin/api/main/pages/?type=journal.ArticlePage&fields=title",
    "/admin/api/main/pages/?search=draft",
    "/admin/choose-page/search/?q=draft",
    "/admin/pages/search/?q=draft",
]


@pytest.mark.parametrize("url", LISTINGS)
def test_plugin_listings_reports_and_exports_show_only_own_rows(
    world, planted, as_user, url
):
    response = as_user(world.alpha.editor).get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    body = _body(response)
    for marker in _markers(planted):
        assert marker not in body, f"{url} lists {marker!r}"


@pytest.mark.parametrize(
    "url,label",
    [
        ("/admin/snippets/journal/contributor/", "journal.contributor"),
        ("/admin/appeals/pledges/?export=csv", "sitepages.pledge"),
        ("/admin/appeals/gifts/?export=csv", "sitepages.contribution"),
        ("/admin/training_certificates/?export=csv", "trainings.certificate"),
        ("/admin/reports/trainings/progress/?export=csv", "trainings.certificate"),
    ],
)
def test_the_same_listings_show_alphas_own_rows(world, planted, as_user, url, label):
    """Positive control: the listings above do show alpha's markers."""
    body = _body(as_user(world.alpha.editor).get(url))
    row = _row(planted, "alpha", label)
    own = {
        "journal.contributor": "Alpha contributor Zaynab",
        "sitepages.pledge": "Alpha donor Ghislaine",
        "sitepages.contribution": "Alpha gift of the concert",
        "trainings.certificate": getattr(row, "code", None),
    }[label]
    assert own in body, f"{url} misses alpha's {own!r}"


def test_coordinator_sees_both_associations_rows(world, planted, as_user):
    client = as_user(world.coordinator)
    body = _body(client.get("/admin/appeals/pledges/?export=csv"))
    assert "Alpha donor Ghislaine" in body and "Beta donor Ghislaine" in body
    pk = _row(planted, "beta", "journal.contributor").pk
    url = f"/admin/snippets/journal/contributor/edit/{pk}/"
    assert client.get(url).status_code == 200


def test_report_filters_offer_only_own_associations_and_courses(
    world, planted, as_user
):
    """The progress report's "association" and "course" filters: beta's
    unpublished course title never shows to alpha."""
    body = _body(as_user(world.alpha.editor).get("/admin/reports/trainings/progress/"))
    select = body.split('name="association"')[1].split("</select>")[0]
    assert f'value="{world.beta.association.pk}"' not in select
    assert f'value="{world.alpha.association.pk}"' in select
    assert "Beta draft course" not in body
    assert "Alpha draft course" in body


def test_dashboard_counts_only_own_rows(world, planted, as_user):
    """The trainings panel counts alpha's one volunteer, the pledges panel
    alpha's one waiting pledge, and the page shows none of beta's."""
    response = as_user(world.alpha.editor).get("/admin/")
    assert response.status_code == 200
    body = _body(response)
    for marker in _markers(planted):
        assert marker not in body
    panels = {panel.name: panel for panel in response.context["panels"]}
    trainings = panels["trainings"].get_context_data()
    assert trainings["enrolments"] == 1 and trainings["volunteers"] == 1
    pledges = panels["appeals_pledges"].get_context_data()
    assert [row["count"] for row in pledges["rows"]] == [1]
    as_coordinator = as_user(world.coordinator).get("/admin/")
    panels = {panel.name: panel for panel in as_coordinator.context["panels"]}
    assert panels["trainings"].get_context_data()["volunteers"] == 2


# -- forged foreign keys (finding 6) in the plugins' forms ------------------


def _consent_form(world, planted, **overrides):
    alpha = planted.plugins["alpha"]
    data = {
        "association": world.alpha.association.pk,
        "contributor": alpha["journal.contributor"].pk,
        "article": alpha["pages"]["article"].pk,
        "channel": "print",
        "given_at": "2025-01-10 10:00",
        "withdrawn_at": "",
        "note": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "field,beta_value",
    [
        ("association", lambda w, p: w.beta.association.pk),
        ("contributor", lambda w, p: p.plugins["beta"]["journal.contributor"].pk),
        ("article", lambda w, p: p.plugins["beta"]["pages"]["article"].pk),
    ],
)
def test_consent_form_refuses_beta_ids(world, planted, as_user, field, beta_value):
    from journal.models import Consent

    client = as_user(world.alpha.editor)
    before = Consent.objects.count()
    forged = client.post(
        "/admin/journal_consents/new/",
        _consent_form(world, planted, **{field: beta_value(world, planted)}),
    )
    assert forged.status_code == 200, "a forged id was accepted"
    assert field in forged.context["form"].errors
    for marker in _markers(planted):
        assert marker not in _body(forged)
    assert Consent.objects.count() == before
    # positive control: the same form with alpha's own ids is saved
    saved = client.post("/admin/journal_consents/new/", _consent_form(world, planted))
    assert saved.status_code == 302
    assert Consent.objects.count() == before + 1


def test_consent_add_form_offers_only_own_rows(world, planted, as_user):
    response = as_user(world.alpha.editor).get("/admin/journal_consents/new/")
    assert response.status_code == 200
    for marker in _markers(planted):
        assert marker not in _body(response)
    fields = response.context["form"].fields
    alpha, beta = planted.plugins["alpha"], planted.plugins["beta"]
    contributors = set(fields["contributor"].queryset)
    assert alpha["journal.contributor"] in contributors
    assert beta["journal.contributor"] not in contributors
    articles = set(fields["article"].queryset.values_list("pk", flat=True))
    assert alpha["pages"]["article"].pk in articles
    assert beta["pages"]["article"].pk not in articles


@pytest.mark.parametrize(
    "field,beta_value",
    [
        ("association", lambda w, p: w.beta.association.pk),
        ("appeal", lambda w, p: p.plugins["beta"]["pages"]["appeal"].pk),
    ],
)
def test_offline_gift_form_refuses_beta_ids(world, planted, as_user, field, beta_value):
    from sitepages.appeals.models import Contribution

    client = as_user(world.alpha.editor)
    data = {
        "association": world.alpha.association.pk,
        "appeal": planted.plugins["alpha"]["pages"]["appeal"].pk,
        "amount": "10",
        "date": "2025-05-12",
        "source": "cash",
        "label": "Forged gift",
    }
    forged = client.post(
        "/admin/appeals/gifts/new/", {**data, field: beta_value(world, planted)}
    )
    assert forged.status_code == 200
    assert field in forged.context["form"].errors
    assert not Contribution.objects.filter(label="Forged gift").exists()
    saved = client.post("/admin/appeals/gifts/new/", data)
    assert saved.status_code == 302
    assert Contribution.objects.filter(
        label="Forged gift", association=world.alpha.association
    ).exists()


def test_contributor_form_refuses_beta_association(world, planted, as_user):
    from journal.models import Contributor

    client = as_user(world.alpha.editor)
    forged = client.post(
        "/admin/snippets/journal/contributor/add/",
        {"association": world.beta.association.pk, "name": "Forged writer"},
    )
    assert forged.status_code == 200
    assert "association" in forged.context["form"].errors
    assert not Contributor.objects.filter(name="Forged writer").exists()


def _article_form(article, contributor_pk):
    """The edit form of alpha's draft article, crediting ``contributor_pk``."""
    return {
        "title": article.title,
        "slug": article.slug,
        "rubric": "",
        "original_language": "fr",
        "summary": "",
        "translator": "",
        "body-count": "0",
        "contributors-TOTAL_FORMS": "1",
        "contributors-INITIAL_FORMS": "0",
        "contributors-MIN_NUM_FORMS": "0",
        "contributors-MAX_NUM_FORMS": "1000",
        "contributors-0-contributor": str(contributor_pk),
        "contributors-0-role": "",
        "contributors-0-ORDER": "1",
        "contributors-0-id": "",
        "contributors-0-DELETE": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }


def test_article_page_form_refuses_beta_contributor(world, planted, as_user):
    """A page form is a form of association-owned data too: crediting beta's
    contributor on alpha's article is a form error, her name never shown."""
    from journal.models import ArticleContributor

    article = planted.plugins["alpha"]["pages"]["article"]
    beta_contributor = planted.plugins["beta"]["journal.contributor"]
    client = as_user(world.alpha.editor)
    url = f"/admin/pages/{article.pk}/edit/"
    forged = client.post(url, _article_form(article, beta_contributor.pk))
    assert forged.status_code == 200, "beta's contributor was accepted"
    assert "Beta contributor Zaynab" not in _body(forged)
    assert not ArticleContributor.objects.filter(
        page=article, contributor=beta_contributor
    ).exists()
    own = planted.plugins["alpha"]["journal.contributor"]
    saved = client.post(url, _article_form(article, own.pk))
    assert saved.status_code == 302, "alpha's own contributor was refused"


def test_page_forms_scope_images_documents_and_pages(world, planted, as_user):
    """The issue page's cover, print PDF and funding page, forged to beta's."""
    from journal.models import IssuePage

    issue = IssuePage.objects.get(
        pk=planted.plugins["alpha"]["pages"]["article"].get_parent().pk
    )
    form_class = IssuePage.get_edit_handler().get_form_class()
    base = {
        "title": issue.title,
        "slug": issue.slug,
        "number": "1",
        "publication_date": "2025-03-01",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }
    for field, value in (
        ("cover", world.beta.image.pk),
        ("print_pdf", world.beta.document.pk),
        ("funding_page", world.beta.page.pk),
    ):
        form = form_class(
            data={**base, field: value},
            instance=issue,
            parent_page=issue.get_parent(),
            for_user=world.alpha.editor,
        )
        assert not form.is_valid()
        assert field in form.errors, f"beta's {field} was accepted"
    for field, value in (
        ("cover", world.alpha.image.pk),
        ("print_pdf", world.alpha.document.pk),
        ("funding_page", world.alpha.page.pk),
    ):
        form = form_class(
            data={**base, field: value},
            instance=issue,
            parent_page=issue.get_parent(),
            for_user=world.alpha.editor,
        )
        form.is_valid()
        assert field not in form.errors, f"alpha's own {field} was refused"


def test_every_owned_viewsets_queryset_is_the_users_rows(world, planted):
    """Whatever a plugin's viewset adds to its queryset (``select_related``...),
    it starts from the scoped one: alpha's editor gets none of beta's rows."""
    from django.test import RequestFactory
    from wagtail.admin.viewsets import viewsets

    from network.permissions import AssociationOwned

    request = RequestFactory().get("/admin/")
    request.user = world.alpha.editor
    checked = set()
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not (isinstance(model, type) and issubclass(model, AssociationOwned)):
            continue
        if not hasattr(viewset, "get_queryset"):
            continue
        queryset = viewset.get_queryset(request)
        if queryset is None:
            continue
        owners = set(queryset.values_list("association_id", flat=True))
        assert world.beta.association.pk not in owners, viewset
        checked.add(model._meta.label_lower)
    assert {"journal.consent", "sitepages.pledge", "trainings.certificate"} <= checked
