"""Finding 11: spreadsheet formulas in the directory's CSV files.

An entry of alpha named ``=HYPERLINK(…)`` comes out as text in the public CSV
and in alpha's admin export, and the export re-imports unchanged: negative
longitudes and ``+33`` phones included. Beta's editor never gets alpha's rows.
"""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from directory.csvformat import COLUMNS, escape_cell, unescape_cell
from directory.importers import DirectoryImporter, open_bytes
from directory.models import Organisation
from tests.conftest import site_client
from tests.directory.conftest import make_org

FORMULA = '=HYPERLINK("http://evil.example/","Cliquez")'
FIELDS = {
    "phone": "+33 3 21 00 00 00",
    "description": "@SUM(A1:A9)",
    "audience": "'t Hof, -familles",
    "latitude": 50.9513,
    "longitude": -1.85,
}


def _rows(response):
    data = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return data, list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _by_column(row):
    return dict(zip(COLUMNS, row, strict=True))


def test_formulas_are_text_in_the_public_and_admin_csv_and_reimport(world):
    entry = make_org(world.alpha.association, FORMULA, external_id="f-1", **FIELDS)
    make_org(world.beta.association, "=1+1 beta", external_id="b-1")

    public = site_client(world.hub).get(
        "/api/directory/organisations.csv", {"association": "alpha"}
    )
    assert public.status_code == 200
    _data, rows = _rows(public)
    cells = _by_column(rows[1])
    assert cells["name"] == "'" + FORMULA
    assert cells["phone"] == "'+33 3 21 00 00 00"
    assert cells["description"] == "'@SUM(A1:A9)"
    assert cells["audience"] == "''t Hof, -familles"
    assert cells["longitude"] == "'-1.85" and cells["latitude"] == "50.9513"
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row
    )

    editor = site_client(world.alpha.association, world.alpha.editor)
    exported = editor.get("/admin/snippets/directory/organisation/?export=csv")
    assert exported.status_code == 200
    data, rows = _rows(exported)
    assert [row[1] for row in rows[1:]] == ["'" + FORMULA]
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row
    )

    report = DirectoryImporter(world.alpha.association).run(open_bytes(data))
    assert report.ok and report.updated == 1, [str(e) for e in report.errors]
    stored = Organisation.objects.get(pk=entry.pk)
    assert stored.name == FORMULA
    for field, value in FIELDS.items():
        assert getattr(stored, field) == value, field


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaping_round_trips_every_value(value):
    escaped = escape_cell(value)
    assert unescape_cell(escaped) == value
    assert not escaped.startswith(("=", "+", "-", "@"))
