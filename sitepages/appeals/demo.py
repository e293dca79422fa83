# ruff: noqa: E501 (demo texts: long sentences read better unwrapped)
"""Demo appeals on the hub: print an issue of the journal, fund a writing
residency (figures from the network's fundraising page), and one closed
appeal, each in fr, en and ar; pledges in every state, offline gifts, and a
hub listing page. The journal appeal is shared with EXOD, which shows it on
its own site (an alias) and takes pledges of its own there.

Called by ``sitepages.demo.load``. Idempotent: pages are found by slug, and
pledges by their fixed reference codes (``sitepages/demo_data/
releve-bancaire-demo.csv`` is a bank statement that matches two of them, and
has a line that matches nothing).
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

HUB = "plateforme"
PARTNER = "exod"


def reference(body):
    return body + check_character(body)


def _texts(fr, en, ar):
    return {"fr": fr, "en": en, "ar": ar}


APPEALS = [
    {
        "slug": "imprimer-le-journal",
        "title": _texts(
            "Imprimer le Journal des Jungles",
            "Print the Journal des Jungles",
            "طباعة «جريدة الغابات»",
        ),
        "summary": _texts(
            "2 100 € impriment un numéro du journal écrit par les habitantes et habitants des campements.",
            "2,100 € prints one issue of the journal written by people living in the camps.",
            "2100 يورو تكفي لطباعة عدد من الجريدة التي يكتبها سكان المخيمات.",
        ),
        "goal": Decimal("4200"),
        "days": (-20, 40),
        "unit": (
            _texts("numéros", "issues", "أعداد"),
            Decimal("2100"),
            _texts("4 000 exemplaires", "4,000 copies", "4000 نسخة"),
        ),
        "tiers": [
            (
                Decimal("35"),
                _texts(
                    "l’envoi de 100 journaux à une association",
                    "posting 100 copies to an association",
                    "إرسال 100 نسخة إلى جمعية",
                ),
            ),
            (
                Decimal("250"),
                _texts(
                    "une journée d’atelier d’écriture",
                    "one day of writing workshop",
                    "يوم من ورشة الكتابة",
                ),
            ),
            (
                Decimal("2100"),
                _texts(
                    "un numéro imprimé à 4 000 exemplaires",
                    "one issue printed in 4,000 copies",
                    "عدد مطبوع في 4000 نسخة",
                ),
            ),
        ],
        "pledges": [
            ("KZ7M4QH", "40", "received", "Claire", "name"),
            ("W9TXR2E", "120", "pledged", "", "anonymous"),
            ("P4HDN8Y", "35", "pledged", "Samir", "name"),
            ("J3FKV6B", "60", "cancelled", "", "anonymous"),
        ],
        # pledges taken on the partner's site (EXOD shares this appeal)
        "partner_pledges": [
            ("H6CXZ9M", "50", "received", "Lucie", "name"),
            ("V3RQA7S", "80", "pledged", "", "anonymous"),
        ],
        "gifts": [
            ("cheque", "500", "Chèque du comité de soutien"),
            ("event", "380", "Recette du concert de Calais"),
        ],
    },
    {
        "slug": "residence-d-ecriture",
        "title": _texts(
            "Une résidence d’écriture de trois jours",
            "A three-day writing residency",
            "إقامة كتابة لمدة ثلاثة أيام",
        ),
        "summary": _texts(
            "6 700 € financent trois jours d’écriture près d’un campement, et l’impression du journal qui en sort.",
            "6,700 € funds three days of writing near a camp, and the printing of the journal that comes out of it.",
            "6700 يورو تموّل ثلاثة أيام من الكتابة قرب مخيم، وطباعة الجريدة الناتجة عنها.",
        ),
        "goal": Decimal("6700"),
        "days": (-5, 60),
        "unit": (
            _texts("résidences", "residencies", "إقامات"),
            Decimal("6700"),
            _texts(
                "3 jours, 20 participants",
                "3 days, 20 participants",
                "3 أيام، 20 مشاركًا",
            ),
        ),
        "tiers": [
            (
                Decimal("20"),
                _texts(
                    "un repas partagé pour deux",
                    "a shared meal for two",
                    "وجبة مشتركة لشخصين",
                ),
            ),
            (
                Decimal("150"),
                _texts(
                    "le transport d’un participant",
                    "one participant’s travel",
                    "تنقّل مشارك واحد",
                ),
            ),
            (
                Decimal("6700"),
                _texts("la résidence entière", "the whole residency", "الإقامة كاملة"),
            ),
        ],
        "pledges": [
            ("R8GLS5C", "200", "received", "Association Amis", "name"),
            ("N2QWE7U", "75", "pledged", "", "anonymous"),
        ],
        "gifts": [("grant", "1500", "Subvention de la fondation")],
    },
    {
        "slug": "hiver-2025",
        "title": _texts(
            "Couvertures pour l’hiver 2025",
            "Blankets for winter 2025",
            "بطانيات لشتاء 2025",
        ),
        "summary": _texts(
            "Un appel clos : 1 200 couvertures distribuées sur le littoral.",
            "A closed appeal: 1,200 blankets handed out along the coast.",
            "نداء مغلق: وُزّعت 1200 بطانية على الساحل.",
        ),
        "goal": Decimal("3000"),
        "days": (-400, -300),
        "unit": None,
        "tiers": [
            (Decimal("12"), _texts("une couverture", "one blanket", "بطانية واحدة"))
        ],
        "pledges": [("T6YBM3A", "300", "received", "", "anonymous")],
        "gifts": [("cash", "2800", "Collectes de rue")],
    },
]

WHERE_THE_MONEY_GOES = _texts(
    "<p>Impression, transport des journaux et repas partagés. Les comptes sont présentés à l’assemblée générale.</p>",
    "<p>Printing, carrying the journals and shared meals. The accounts are presented at the general meeting.</p>",
    "<p>الطباعة ونقل الجرائد والوجبات المشتركة. تُعرض الحسابات في الجمعية العامة.</p>",
)


def _localised(spec, language):
    """The appeal's texts in ``language``."""
    fields = {
        "title": spec["title"][language],
        "summary": spec["summary"][language],
        "where_the_money_goes": WHERE_THE_MONEY_GOES[language],
        "tiers": [
            ("tier", {"amount": amount, "pays_for": texts[language]})
            for amount, texts in spec["tiers"]
        ],
    }
    if spec["unit"]:
        names, _cost, yields = spec["unit"]
        fields.update(
            impact_unit_name=names[language], impact_unit_yield=yields[language]
        )
    return fields


def _appeal(home, spec, today):
    start, end = (today + datetime.timedelta(days=d) for d in spec["days"])
    fields = {
        **_localised(spec, "fr"),
        "goal": spec["goal"],
        "start_date": start,
        "end_date": end,
        "bank_details": "La Plateforme des Soutiens aux Migrant.e.s\nCrédit Coopératif",
        "iban": "FR76 4255 9100 0008 0000 0000 000",
        "bic": "CCOPFRPP",
        "cheque_payee": "PSM",
        "cheque_address": "PSM, 1 rue de la Solidarité\n62100 Calais",
        "payment_url": "https://www.helloasso.com/associations/psm",
    }
    if spec["unit"]:
        fields["impact_unit_cost"] = spec["unit"][1]
    page = AppealPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = AppealPage(slug=spec["slug"], **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        page = AppealPage.objects.get(pk=page.pk)
    for language in ("en", "ar"):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or page.get_translation_or_none(locale) is not None:
            continue
        translation = page.copy_for_translation(locale)
        for name, value in _localised(spec, language).items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return page


def _partner_alias(appeal, partner):
    """The partner shows the shared appeal on its own site: an alias of each
    translation under its home page in that language. Returns the French one."""
    home = partner.site.root_page
    aliases = {}
    for version in AppealPage.objects.filter(translation_key=appeal.translation_key):
        parent = home.get_translation_or_none(version.locale)
        if parent is None:
            continue
        alias = AppealPage.objects.child_of(parent).filter(alias_of=version).first()
        if alias is None:
            alias = version.create_alias(parent=parent)
        aliases[version.pk] = alias.specific
    return aliases[appeal.pk]


def _pledges(association, appeal, specs):
    created = 0
    for body, amount, status, name, display in specs:
        code = reference(body)
        if Pledge.objects.filter(reference=code).exists():
            continue
        Pledge.objects.create(
            association=association,
            appeal=appeal,
            reference=code,
            amount=Decimal(amount),
            currency="EUR",
            donor_name=name,
            public_display=display,
            status=status,
            received_at=datetime.datetime.now(datetime.UTC)
            if status == "received"
            else None,
            language="fr",
        )
        created += 1
    return created


def load(stdout, associations):
    by_slug = {association.slug: association for association in associations}
    hub = by_slug.get(HUB)
    if hub is None:
        return
    home = hub.site.root_page.specific
    partner = by_slug.get(PARTNER)
    today = datetime.date.today()
    created = 0
    for spec in APPEALS:
        appeal = _appeal(home, spec, today)
        created += _pledges(hub, appeal, spec["pledges"])
        if partner and spec.get("partner_pledges"):
            appeal.partner_associations.add(partner)
            alias = _partner_alias(appeal, partner)
            created += _pledges(partner, alias, spec["partner_pledges"])
        for source, amount, label in spec["gifts"]:
            Contribution.objects.get_or_create(
                association=hub,
                appeal=appeal,
                label=label,
                defaults={"amount": Decimal(amount), "source": source},
            )
    if not AppealIndexPage.objects.child_of(home).exists():
        listing = AppealIndexPage(
            title="Appels aux dons",
            slug="appels",
            introduction="Tous les appels ouverts du réseau.",
        )
        home.add_child(instance=listing)
        listing.save_revision().publish()
    stdout.write(f"  appeals: {len(APPEALS)} appeals, {created} pledges created")
