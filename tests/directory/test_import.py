"""The import contract: all or nothing, errors by line and column, idempotent
re-import by external_id, --dry-run, --draft, encodings, published entries."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from directory.csvformat import COLUMNS
from directory.importers import DirectoryImporter, open_bytes
from directory.models import Organisation

HEADER = ",".join(COLUMNS)


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the command speaks the site language)."""
    with translation.override("en"):
        yield


GOOD = [
    "cal-1,Le Phare,alimentation;hygiene,Café et douches,14 rue X,62100,Calais,"
    "50.9490,1.8652,+33 6 00 00 00 01,phare@example.org,https://phare.example.org,"
    'fr;en;ar;ti;ku,"Mo-Fr 08:30-12:30; Sa 09:00-12:00",Adultes,yes',
    "cal-2,Bagagerie,logistique,,,,Calais,,,,,,fr,,,",
    "lil-1,Permanence,juridique;sante,,,,Lille,50.6292,3.0573,,,,,"
    '"Mo,Th 14:00-17:30",,limited',
]


def csv_bytes(*rows, header=HEADER, encoding="utf-8"):
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


def write(tmp_path, data, name="entries.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def run_command(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_directory", path, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_publishes_entries(network, tmp_path, api):
    path = write(tmp_path, csv_bytes(*GOOD))
    out, _err = run_command(path, "--association", "alpha")
    assert "3 created" in out
    entries = Organisation.objects.filter(association=network.alpha)
    assert entries.count() == 3
    phare = entries.get(external_id="cal-1")
    assert phare.live and phare.live_revision_id and phare.latest_revision_id
    assert phare.languages == ["fr", "en", "ar", "ti", "ku"]
    assert sorted(c.slug for c in phare.categories.all()) == ["alimentation", "hygiene"]
    assert (phare.latitude, phare.longitude) == (50.949, 1.8652)
    assert phare.wheelchair == "yes"
    assert phare.locale.language_code == "fr"
    # public at once, and searchable
    assert {row["name"] for row in api().json()["results"]} == {
        "Le Phare",
        "Bagagerie",
        "Permanence",
    }
    assert [row["name"] for row in api(q="douches").json()["results"]] == ["Le Phare"]
    assert [row["name"] for row in api(language="ku").json()["results"]] == ["Le Phare"]


def test_reimport_updates_by_external_id(network, tmp_path, api):
    run_command(write(tmp_path, csv_bytes(*GOOD)), "--association", "alpha")
    first = Organisation.objects.get(external_id="cal-1")
    changed = (
        GOOD[0]
        .replace("Le Phare", "Le Phare (nouveau)")
        .replace("alimentation;hygiene", "hygiene")
    )
    out, _err = run_command(
        write(tmp_path, csv_bytes(changed, *GOOD[1:]), "again.csv"),
        "--association",
        "alpha",
    )
    assert "0 created, 3 updated" in out
    assert Organisation.objects.filter(association=network.alpha).count() == 3
    again = Organisation.objects.get(external_id="cal-1")
    assert again.pk == first.pk
    assert again.name == "Le Phare (nouveau)"
    assert [c.slug for c in again.categories.all()] == ["hygiene"]
    assert again.revisions.count() == 2
    # the search index follows the new name; unchanged rows stay findable
    assert [r["name"] for r in api(q="nouveau").json()["results"]] == [
        "Le Phare (nouveau)"
    ]
    assert [r["name"] for r in api(q="Bagagerie").json()["results"]] == ["Bagagerie"]


@pytest.mark.parametrize(
    "row, line, column",
    [
        (GOOD[0].replace("cal-1,", ",", 1), 3, "external_id"),
        (GOOD[0].replace("Le Phare", ""), 3, "name"),
        (
            GOOD[0].replace("alimentation;hygiene", "alimentation;cinema"),
            3,
            "categories",
        ),
        (GOOD[0].replace("50.9490", "95.0"), 3, "latitude"),
        (GOOD[0].replace("1.8652", "east"), 3, "longitude"),
        (GOOD[0].replace("50.9490", ""), 3, "latitude"),
        (GOOD[0].replace("fr;en;ar;ti;ku", "fr;english"), 3, "languages"),
        (
            GOOD[0].replace("Mo-Fr 08:30-12:30", "Monday to Friday 8h30"),
            3,
            "opening_hours",
        ),
        (GOOD[0].replace(",yes", ",sometimes"), 3, "wheelchair"),
        (GOOD[0].replace("phare@example.org", "phare-at-example"), 3, "email"),
    ],
)
def test_a_bad_row_imports_nothing(network, tmp_path, row, line, column):
    path = write(tmp_path, csv_bytes(GOOD[1], row, GOOD[2]))
    with pytest.raises(CommandError) as excinfo:
        run_command(path, "--association", "alpha")
    assert f"line(s) {line}" in str(excinfo.value)
    report = DirectoryImporter(network.alpha).validate(
        open_bytes(csv_bytes(GOOD[1], row, GOOD[2]))()
    )
    assert [(e.line, e.column) for e in report.errors] == [(line, column)]
    assert not Organisation.objects.exists()


def test_every_bad_line_is_named(network, tmp_path):
    rows = [
        GOOD[0],
        GOOD[1].replace("logistique", "unknown"),
        GOOD[2],
        GOOD[2].replace("lil-1", "lil-2").replace("50.6292", "x"),
        GOOD[2],  # duplicate external_id of line 4
    ]
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command(
            "import_directory",
            write(tmp_path, csv_bytes(*rows)),
            "--association",
            "alpha",
            stdout=out,
            stderr=err,
        )
    assert "line(s) 3, 5, 6" in str(excinfo.value)
    messages = err.getvalue()
    assert "line 3, column categories" in messages
    assert "line 5, column latitude" in messages
    assert "line 6, column external_id" in messages and "line 4" in messages
    assert not Organisation.objects.exists()


def test_multiline_cell_keeps_line_numbers(network):
    rows = [
        GOOD[0].replace("Café et douches", '"Café\net douches"'),
        GOOD[1].replace("logistique", "nope"),
    ]
    report = DirectoryImporter(network.alpha).validate(open_bytes(csv_bytes(*rows))())
    assert [(e.line, e.column) for e in report.errors] == [(4, "categories")]


def test_wrong_encoding_is_reported_by_line(network, tmp_path):
    data = csv_bytes(*GOOD, encoding="latin-1")  # "Café" is not UTF-8 here
    with pytest.raises(CommandError) as excinfo:
        run_command(write(tmp_path, data), "--association", "alpha")
    assert "line(s) 2" in str(excinfo.value)
    report = DirectoryImporter(network.alpha).validate(io.BytesIO(data))
    assert "UTF-8" in report.errors[0].message
    assert not Organisation.objects.exists()


def test_utf8_bom_is_accepted(network):
    data = b"\xef\xbb\xbf" + csv_bytes(*GOOD)
    report = DirectoryImporter(network.alpha).run(open_bytes(data))
    assert report.ok and report.created == 3


def test_missing_columns(network, tmp_path):
    header = HEADER.replace(",opening_hours", "").replace(",wheelchair", "")
    path = write(tmp_path, csv_bytes("a,b,alimentation", header=header))
    with pytest.raises(CommandError):
        run_command(path, "--association", "alpha")
    report = DirectoryImporter(network.alpha).validate(
        open_bytes(csv_bytes("a", header=header))()
    )
    assert report.errors[0].line == 1
    assert "opening_hours, wheelchair" in report.errors[0].message


def test_dry_run_changes_nothing(network, tmp_path):
    out, _err = run_command(
        write(tmp_path, csv_bytes(*GOOD)), "--association", "alpha", "--dry-run"
    )
    assert "3 would be created" in out
    assert not Organisation.objects.exists()


def test_draft_import(network, tmp_path, api):
    run_command(write(tmp_path, csv_bytes(*GOOD)), "--association", "alpha", "--draft")
    entries = Organisation.objects.all()
    assert entries.count() == 3
    assert not any(entry.live for entry in entries)
    assert api().json()["count"] == 0
    # Publishing through Wagtail works from the imported revision.
    entry = entries.get(external_id="cal-1")
    entry.latest_revision.publish()
    assert [row["name"] for row in api().json()["results"]] == ["Le Phare"]

    # A draft re-import of a live entry keeps the public version.
    changed = GOOD[0].replace("Le Phare", "Renamed")
    run_command(
        write(tmp_path, csv_bytes(changed), "draft.csv"),
        "--association",
        "alpha",
        "--draft",
    )
    entry.refresh_from_db()
    assert entry.live and entry.name == "Le Phare" and entry.has_unpublished_changes
    assert entry.latest_revision.content["name"] == "Renamed"


def test_import_is_per_association(network, tmp_path):
    path = write(tmp_path, csv_bytes(*GOOD))
    run_command(path, "--association", "alpha")
    run_command(path, "--association", "beta")
    assert Organisation.objects.filter(association=network.alpha).count() == 3
    assert Organisation.objects.filter(association=network.beta).count() == 3


def test_unknown_association_or_file(network, tmp_path):
    with pytest.raises(CommandError, match="Unknown association"):
        run_command(write(tmp_path, csv_bytes(*GOOD)), "--association", "nobody")
    with pytest.raises(CommandError, match="Cannot read"):
        run_command(str(tmp_path / "missing.csv"), "--association", "alpha")


def test_reimport_updates_synchronised_fields_of_translations(network, tmp_path):
    from tests.directory.conftest import translate

    run_command(write(tmp_path, csv_bytes(*GOOD)), "--association", "alpha")
    source = Organisation.objects.get(external_id="cal-1")
    arabic = translate(source, "ar", name="المنارة")
    moved = GOOD[0].replace("50.9490", "50.9500").replace("14 rue X", "1 quai Y")
    run_command(write(tmp_path, csv_bytes(moved), "m.csv"), "--association", "alpha")
    arabic.refresh_from_db()
    assert arabic.name == "المنارة"  # translated field kept
    assert (arabic.latitude, arabic.address) == (50.95, "1 quai Y")


def test_an_imported_entry_history_shows_the_import(network, client_for):
    """The History tab of an imported entry lists the import (who, created or
    updated, published) like any edit made in the admin; the import writes
    these log entries in bulk."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import ModelLogEntry

    editor = network.editor_a
    importer = DirectoryImporter(network.alpha, user=editor)
    with CaptureQueriesContext(connection) as queries:
        assert importer.run(open_bytes(csv_bytes(*GOOD))).ok
    log_inserts = [
        query
        for query in queries.captured_queries
        if query["sql"].startswith('INSERT INTO "wagtailcore_modellogentry"')
    ]
    assert len(log_inserts) == 1  # one bulk insert for the three entries
    changed = GOOD[0].replace("Le Phare", "Le Phare (nouveau)")
    assert (
        DirectoryImporter(network.alpha, user=editor)
        .run(open_bytes(csv_bytes(changed)))
        .ok
    )
    phare = Organisation.objects.get(external_id="cal-1")
    actions = list(
        ModelLogEntry.objects.for_instance(phare)
        .order_by("id")
        .values_list("action", "user", "revision")
    )
    revisions = list(phare.revisions.order_by("id").values_list("pk", flat=True))
    assert actions == [
        ("directory.import", editor.pk, revisions[0]),
        ("wagtail.publish", editor.pk, revisions[0]),
        ("directory.import", editor.pk, revisions[1]),
        ("wagtail.publish", editor.pk, revisions[1]),
    ]

    history = f"/admin/snippets/directory/organisation/history/{phare.pk}/"
    response = client_for(network.hub, editor).get(history)
    assert response.status_code == 200
    body = response.content.decode()
    # (the admin speaks the site's default language, French)
    assert "Créé par un import CSV" in body
    assert "Mis à jour par un import CSV" in body
    assert body.count("Publié(e)") == 2
    assert editor.get_username() in body or editor.get_full_name() in body
    # Another association's editor does not see it.
    refused = client_for(network.hub, network.editor_b).get(history)
    assert refused.status_code == 403
