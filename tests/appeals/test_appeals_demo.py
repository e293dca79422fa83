"""The demo's bank statement matches the demo's waiting pledges by reference."""

from pathlib import Path

from wagtail.models import Locale

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


def test_demo_loads_translated_appeals_and_a_partners_pledges(world, monkeypatch):
    """``load`` on this package's network (hub as the platform, beta as the
    partner): idempotent, texts in three languages, the partner's alias."""
    import io
    from decimal import Decimal

    from sitepages.appeals import demo
    from sitepages.models import AppealIndexPage, AppealPage, Contribution, Pledge

    monkeypatch.setattr(demo, "HUB", world.hub.slug)
    monkeypatch.setattr(demo, "PARTNER", world.beta.slug)
    demo.load(io.StringIO(), [world.hub, world.beta])
    counts = (AppealPage.objects.count(), Pledge.objects.count())
    demo.load(io.StringIO(), [world.hub, world.beta])
    assert (AppealPage.objects.count(), Pledge.objects.count()) == counts
    assert set(Pledge.objects.values_list("status", flat=True)) == {
        "pledged",
        "received",
        "cancelled",
    }
    assert Contribution.objects.filter(association=world.hub).count() == 4
    assert AppealIndexPage.objects.child_of(world.hub.site.root_page).exists()
    journal = AppealPage.objects.get(
        slug="imprimer-le-journal", alias_of=None, locale__language_code="fr"
    )
    english = journal.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.impact_unit_name == "issues"
    assert english.tiers[0].value["pays_for"] == "posting 100 copies to an association"
    alias = AppealPage.objects.get(alias_of=journal)
    assert alias.get_parent().pk == world.beta.site.root_page.pk
    # every language of the partner's site shows it
    assert (
        AppealPage.objects.filter(
            alias_of__translation_key=journal.translation_key
        ).count()
        == 3
    )
    assert set(
        Pledge.objects.filter(appeal=alias).values_list("association", flat=True)
    ) == {world.beta.pk}
    # 40 (hub) + 50 (partner) received, 500 + 380 in offline gifts
    assert journal.ledger().received == Decimal("970")
    assert journal.ledger().pledged == Decimal("235")
    lines = bank_statement.match(
        bank_statement.read(STATEMENT.read_bytes()), Pledge.objects.all()
    )
    assert len([line for line in lines if line.matched]) == 2
