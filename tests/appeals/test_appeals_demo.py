"""The demo's bank statement matches the demo's waiting pledges by reference."""

from pathlib import Path

import sitepages
from sitepages.appeals import bank_statement, references
from sitepages.appeals.demo import APPEALS, reference

STATEMENT = Path(sitepages.__file__).parent / "demo_data" / "releve-bancaire-demo.csv"


def test_demo_references_are_valid_and_the_statement_carries_two():
    codes = [reference(p[0]) for spec in APPEALS for p in spec["pledges"]]
    assert all(references.is_valid(code) for code in codes)
    lines = bank_statement.read(STATEMENT.read_bytes())
    found = [code for line in lines for code in references.find_codes(line.label)]
    waiting = {
        reference(p[0])
        for spec in APPEALS
        for p in spec["pledges"]
        if p[2] == "pledged"
    }
    assert len(lines) == 4
    assert set(found) <= waiting and len(found) == 2


def test_demo_has_two_open_appeals_a_closed_one_and_every_state():
    states = {p[2] for spec in APPEALS for p in spec["pledges"]}
    assert states == {"pledged", "received", "cancelled"}
    assert [spec["goal"] for spec in APPEALS[:2]] == [4200, 6700]
    assert APPEALS[2]["days"][1] < 0
