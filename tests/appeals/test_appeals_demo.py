"""The demo's bank statement matches the demo's waiting pledges by reference."""

from pathlib import Path

import sitepages
from sitepages.appeals import bank_statement, references
from sitepages.appeals.demo import demo_appeals, reference

STATEMENT = Path(sitepages.__file__).parent / "demo_data" / "releve-bancaire-demo.csv"
APPEALS = demo_appeals("plateforme")["items"]
PLEDGES = [pledge for spec in APPEALS for pledge in spec["pledges"]]


def test_demo_references_are_valid_and_the_statement_carries_two():
    codes = [reference(pledge["reference"]) for pledge in PLEDGES]
    assert all(references.is_valid(code) for code in codes)
    lines = bank_statement.read(STATEMENT.read_bytes())
    found = [code for line in lines for code in references.find_codes(line.label)]
    waiting = {
        reference(pledge["reference"])
        for pledge in PLEDGES
        if pledge["status"] == "pledged"
    }
    assert len(lines) == 4
    assert set(found) <= waiting and len(found) == 2


def test_demo_has_two_open_appeals_a_closed_one_and_every_state():
    states = {pledge["status"] for pledge in PLEDGES}
    assert states == {"pledged", "received", "cancelled"}
    assert [spec["goal"] for spec in APPEALS[:2]] == [4200, 6700]
    assert APPEALS[2]["days"][1] < 0
