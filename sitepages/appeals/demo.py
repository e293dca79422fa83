"""Demo appeals: print an issue of the journal, fund a writing residency
(figures from the network's fundraising page), and one closed appeal; pledges
in every state, offline gifts, and a listing page.

Called by ``sitepages.demo.load``. The appeals are data, in the ``appeals``
section of a demo site's file (``sitepages/demo_data/<slug>.yaml``; the hub's
has them). Idempotent: pages are found by slug, and pledges by their fixed
reference codes (``sitepages/demo_data/releve-bancaire-demo.csv`` is a bank
statement that matches two of them, and has a line that matches nothing).
"""

import datetime
from decimal import Decimal

from wagtail.models import Locale

from sitepages.appeals.models import (
    AppealIndexPage,
    AppealPage,
    Contribution,
    Pledge,
)
from sitepages.appeals.references import check_character
from sitepages.demo import site_data

TRANSLATIONS = ("en", "ar")


def reference(body):
    """A pledge's reference code: ``body`` and its check character."""
    return body + check_character(body)


def demo_appeals(slug):
    """The ``appeals`` section of demo site ``slug``'s file (empty without)."""
    return (site_data(slug) or {}).get("appeals") or {}


def _amount(value):
    return Decimal(str(value))


def _appeal(home, spec, payment, today):
    start, end = (today + datetime.timedelta(days=d) for d in spec["days"])
    fields = {
        "title": spec["title"]["fr"],
        "summary": spec["summary"]["fr"],
        "goal": _amount(spec["goal"]),
        "start_date": start,
        "end_date": end,
        "tiers": [
            ("tier", {"amount": _amount(tier["amount"]), "pays_for": tier["pays_for"]})
            for tier in spec["tiers"]
        ],
        **payment,
    }
    unit = spec.get("impact_unit")
    if unit:
        fields.update(
            impact_unit_name=unit["name"],
            impact_unit_cost=_amount(unit["cost"]),
            impact_unit_yield=unit["yield"],
        )
    page = AppealPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = AppealPage(slug=spec["slug"], **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        page = AppealPage.objects.get(pk=page.pk)
    for language in TRANSLATIONS:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or page.get_translation_or_none(locale) is not None:
            continue
        translation = page.copy_for_translation(locale)
        translation.title = spec["title"][language]
        translation.summary = spec["summary"][language]
        translation.save_revision().publish()
    return page


def _load_site(association, appeals, by_slug):
    """Appeals, pledges and gifts of one site; the number of pledges created."""
    home = association.site.root_page.specific
    today = datetime.date.today()
    created = 0
    for spec in appeals["items"]:
        appeal = _appeal(home, spec, appeals.get("payment", {}), today)
        for slug in spec.get("partners", []):
            if slug in by_slug:
                appeal.partner_associations.add(by_slug[slug])
        for pledge in spec.get("pledges", []):
            code = reference(pledge["reference"])
            if Pledge.objects.filter(reference=code).exists():
                continue
            received = pledge["status"] == "received"
            Pledge.objects.create(
                association=association,
                appeal=appeal,
                reference=code,
                amount=_amount(pledge["amount"]),
                currency="EUR",
                donor_name=pledge.get("donor_name", ""),
                public_display=pledge["public_display"],
                status=pledge["status"],
                received_at=datetime.datetime.now(datetime.UTC) if received else None,
                language="fr",
            )
            created += 1
        for gift in spec.get("gifts", []):
            Contribution.objects.get_or_create(
                association=association,
                appeal=appeal,
                label=gift["label"],
                defaults={"amount": _amount(gift["amount"]), "source": gift["source"]},
            )
    listing = appeals.get("listing")
    if listing and not AppealIndexPage.objects.child_of(home).exists():
        page = AppealIndexPage(**listing)
        home.add_child(instance=page)
        page.save_revision().publish()
    return created


def load(stdout, associations):
    by_slug = {association.slug: association for association in associations}
    for association in associations:
        appeals = demo_appeals(association.slug)
        if not appeals:
            continue
        created = _load_site(association, appeals, by_slug)
        stdout.write(
            f"  {association.name}: {len(appeals['items'])} appeals, "
            f"{created} pledges created"
        )
