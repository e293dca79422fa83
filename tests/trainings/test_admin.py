"""Reports, certificates and the dashboard panel, scoped per association,
through the real admin URLs (with positive controls)."""

import datetime as dt

from django.urls import reverse

from tests.network.utils import assert_refused
from tests.trainings.conftest import RIGHT, enrol, submit
from trainings.models import Certificate, ModulePage

PROGRESS = "/admin/reports/trainings/progress/"
COMPLETIONS = "/admin/reports/trainings/completions/"


def _setup(as_user, tw):
    a = as_user(tw.vol_a)
    enrol(a, tw.basics)
    for module in tw.modules:
        submit(a, module, RIGHT)
    b = as_user(tw.vol_b)
    enrol(b, tw.basics)
    return Certificate.objects.get(user=tw.vol_a)


def test_progress_report_is_scoped(as_user, tw):
    _setup(as_user, tw)
    own = as_user(tw.editor_a).get(PROGRESS)
    assert own.status_code == 200
    html = own.content.decode()
    assert "Amina" in html and "3 / 3" in html
    assert "Bilal" not in html and "bilal@example.org" not in html
    other = as_user(tw.editor_b, tw.beta).get(PROGRESS).content.decode()
    assert "Bilal" in other and "Amina" not in other
    everyone = as_user(tw.coordinator, tw.hub).get(PROGRESS).content.decode()
    assert "Amina" in everyone and "Bilal" in everyone


def test_progress_report_filters_and_csv(as_user, tw):
    _setup(as_user, tw)
    client = as_user(tw.coordinator, tw.hub)
    done = client.get(PROGRESS, {"status": "completed"}).content.decode()
    assert "Amina" in done and "Bilal" not in done
    going = client.get(PROGRESS, {"status": "in_progress"}).content.decode()
    assert "Bilal" in going and "Amina" not in going
    beta = client.get(PROGRESS, {"association": tw.beta.pk}).content.decode()
    assert "Bilal" in beta and "Amina" not in beta
    csv = client.get(PROGRESS, {"export": "csv"})
    assert csv.status_code == 200
    text = (
        b"".join(csv.streaming_content).decode()
        if csv.streaming
        else csv.content.decode()
    )
    assert "Amina" in text and "Bilal" in text
    # a coordinator of beta asking for alpha's rows gets nothing of alpha's
    scoped = as_user(tw.editor_b, tw.beta).get(PROGRESS, {"export": "csv"})
    text = (
        b"".join(scoped.streaming_content).decode()
        if scoped.streaming
        else scoped.content.decode()
    )
    assert "Amina" not in text and "Bilal" in text
    bad = as_user(tw.editor_b, tw.beta).get(PROGRESS, {"association": tw.alpha.pk})
    assert "Amina" not in bad.content.decode()


def test_completions_report(as_user, tw):
    _setup(as_user, tw)
    html = as_user(tw.editor_a).get(COMPLETIONS).content.decode()
    assert "Basics" in html and "Alpha" in html
    assert "Beta" not in html
    assert (
        as_user(tw.coordinator, tw.hub).get(COMPLETIONS, {"export": "csv"}).status_code
        == 200
    )


def test_reports_refused_to_volunteers_and_anonymous(as_user, tw):
    assert as_user(tw.vol_a).get(PROGRESS).status_code in (302, 403)
    assert as_user().get(PROGRESS).status_code == 302


def test_certificates_listing_and_revocation_scoped(as_user, tw):
    certificate = _setup(as_user, tw)
    index = reverse("training_certificates:index")
    edit = reverse("training_certificates:edit", args=[certificate.pk])
    owner = as_user(tw.editor_a)
    assert certificate.code in owner.get(index).content.decode()
    other = as_user(tw.editor_b, tw.beta)
    assert certificate.code not in other.get(index).content.decode()
    assert_refused(other.get(edit), edit, ["Amina"])
    assert_refused(other.post(edit, {"revoked": "on", "revoked_reason": "x"}), edit)
    certificate.refresh_from_db()
    assert not certificate.revoked
    response = owner.post(
        edit, {"revoked": "on", "revoked_reason": "Left the association"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked and certificate.revoked_at is not None
    public = as_user().get(f"/fr/certificates/{certificate.code}/").content.decode()
    assert "révoqué" in public or "revoked" in public
    history = other.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert certificate.code not in history.content.decode()
    assert "Amina" not in history.content.decode()
    own_history = owner.get("/admin/reports/site-history/")
    assert own_history.status_code == 200


def test_outdated_certificates_in_report(as_user, tw):
    _setup(as_user, tw)
    client = as_user(tw.editor_a)
    assert "Amina" not in client.get(PROGRESS, {"status": "outdated"}).content.decode()
    module = ModulePage.objects.get(pk=tw.modules[0].pk)
    module.title = "Revised"
    module.save_revision().publish()
    assert "Amina" in client.get(PROGRESS, {"status": "outdated"}).content.decode()


def test_dashboard_panel_lists_modules_to_review(as_user, tw):
    module = ModulePage.objects.get(pk=tw.modules[2].pk)
    module.review_by = dt.date.today() - dt.timedelta(days=3)
    module.save_revision().publish()
    html = as_user(tw.editor_a).get("/admin/").content.decode()
    assert "Modules to review" in html or "Modules à réviser" in html
    assert module.title in html
    other = as_user(tw.editor_b, tw.beta).get("/admin/").content.decode()
    assert module.title not in other
