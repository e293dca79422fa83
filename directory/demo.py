# ruff: noqa: E501 (demo data tables read better one entry per line)
"""Demo content for the partner directory, run by ``manage.py load_demo``.

``load(stdout, associations)``:

1. imports ``demo_data/partners.csv`` (68 places and services in Calais,
   Dunkirk/Grande-Synthe, Lille, Cherbourg and Paris, in the contract's exact
   columns) with the real importer. The file has no association column: each
   row goes to the association working in its town (``CITY_OWNERS``). Rows
   already imported (same ``external_id``) are left as they are, so a second
   run changes nothing and an editor's changes survive;
2. adds what the CSV cannot carry: a few temporary closures (reason and end
   date), the stops of the mobile services (outreach rounds, food
   distributions), structured publics, how full a place usually is, and when
   each entry was last checked;
3. creates a ``DirectoryPage`` at ``/annuaire/`` on every demo site, in every
   language the site publishes in, and links it from the home page.
"""

import csv
import datetime
import io
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from directory.csvformat import COLUMNS
from directory.importers import DirectoryImporter, open_bytes
from directory.models import (
    Organisation,
    OrganisationStop,
    PublicChoices,
    StatusChoices,
)
from directory.pages import DirectoryPage
from sitepages.demo import (
    L,
    PageRef,
    PageSpec,
    SiteLoader,
    featured_link,
)

DEMO_CSV = Path(__file__).resolve().parent / "demo_data" / "partners.csv"

# Which demo association keeps the entries of each town.
CITY_OWNERS = {
    "Calais": "toit-commun",
    "Coquelles": "toit-commun",
    "Grande-Synthe": "dunes",
    "Dunkerque": "dunes",
    "Loon-Plage": "dunes",
    "Lille": "exod",
    "Roubaix": "exod",
    "La Madeleine": "exod",
    "Villeneuve-d'Ascq": "exod",
    "Cherbourg-en-Cotentin": "plateforme",
    "Paris": "plateforme",
}

# Temporary closures: external_id -> (reason, days from today until reopening).
CLOSURES = {
    "cal-006": ("Tri et inventaire des dons d'hiver.", 10),
    "lil-004": ("Travaux de plomberie : les douches rouvrent bientôt.", 18),
    "dk-008": ("Dégât des eaux dans le local.", 25),
    "par-007": ("Déménagement du vestiaire dans un nouveau local.", 40),
}

# Entries nobody has checked for more than six months (they show up in the
# editors' reminder); every other entry was checked recently.
STALE = {"che-009", "lil-009", "par-012", "dk-012"}

OCCUPANCY = {
    "cal-005": "often_full",
    "cal-004": "often_full",
    "par-002": "often_full",
    "lil-003": "medium",
    "dk-001": "medium",
    "cal-009": "low",
    "che-007": "low",
}

# Mobile services: external_id -> [(place, address, city, lat, lon, hours)].
STOPS = {
    "cal-011": [
        (
            "Lisière du bois Dubrulle",
            "Rue des Sablières",
            "Calais",
            50.9668,
            1.8821,
            "Mo-Su 21:00-21:45",
        ),
        (
            "Parking de l'hôpital",
            "Boulevard des Justes",
            "Calais",
            50.9389,
            1.8275,
            "Mo-Su 22:00-22:40",
        ),
        (
            "Pont du Leu",
            "Rue du Pont-du-Leu",
            "Calais",
            50.9440,
            1.8550,
            "Mo-Su 22:50-23:30",
        ),
    ],
    "dk-001": [
        (
            "Bois du Puythouck, entrée nord",
            "Route du Puythouck",
            "Grande-Synthe",
            51.0100,
            2.2790,
            "Mo-Su 12:00-13:00",
        ),
        (
            "Canal de Bourbourg",
            "Quai du canal",
            "Grande-Synthe",
            51.0030,
            2.2980,
            "Mo-Su 13:15-14:00",
        ),
        (
            "Zone du Basroch",
            "Chemin du Basroch",
            "Grande-Synthe",
            51.0060,
            2.2900,
            "Mo-Su 18:30-20:00",
        ),
    ],
    "dk-011": [
        (
            "Rond-point de la Ferme",
            "Rue de la Ferme",
            "Loon-Plage",
            51.0005,
            2.2185,
            "Tu,Th,Sa 10:00-11:30",
        ),
        (
            "Parking du stade",
            "Rue du Stade",
            "Loon-Plage",
            50.9960,
            2.2240,
            "Tu,Th,Sa 11:45-13:00",
        ),
    ],
    "lil-002": [
        (
            "Squat de la rue de Cambrai",
            "Rue de Cambrai",
            "Lille",
            50.6225,
            3.0760,
            "Tu 18:00-19:30",
        ),
        (
            "Campement porte de Valenciennes",
            "Boulevard de Belfort",
            "Lille",
            50.6180,
            3.0750,
            "Tu 19:45-21:00",
        ),
        (
            "Gare Lille-Europe",
            "Parvis de Rotterdam",
            "Lille",
            50.6390,
            3.0750,
            "Fr 18:00-21:00",
        ),
    ],
    "che-002": [
        (
            "Gare maritime",
            "Quai de l'Entrepôt",
            "Cherbourg-en-Cotentin",
            49.6455,
            -1.6170,
            "Mo,We,Fr 20:00-21:00",
        ),
        (
            "Quai Alexandre-III",
            "Quai Alexandre-III",
            "Cherbourg-en-Cotentin",
            49.6410,
            -1.6230,
            "Mo,We,Fr 21:15-22:30",
        ),
    ],
    "par-011": [
        (
            "Porte de la Chapelle",
            "Boulevard Ney",
            "Paris",
            48.8983,
            2.3594,
            "Tu,Th,Sa 21:30-22:15",
        ),
        (
            "Jardins d'Éole",
            "Rue d'Aubervilliers",
            "Paris",
            48.8880,
            2.3660,
            "Tu,Th,Sa 22:30-23:10",
        ),
        (
            "Quai de Jemmapes",
            "Quai de Jemmapes",
            "Paris",
            48.8770,
            2.3670,
            "Tu,Th,Sa 23:20-23:59",
        ),
    ],
}

DIRECTORY_PAGE = PageSpec(
    DirectoryPage,
    "annuaire",
    {
        "title": L(
            "Trouver de l'aide",
            "Find help",
            "ابحث عن مساعدة",
            ps="مرسته ومومئ",
            prs="کمک پیدا کنید",
            ti="ሓገዝ ድለዩ",
        ),
        "introduction": L(
            "Repas, douches, soins, conseils juridiques, hébergement : les lieux "
            "d'aide des associations du réseau, avec leurs horaires et les langues "
            "parlées. Cochez « ouvert maintenant » pour ne voir que ce qui est "
            "ouvert.",
            "Meals, showers, healthcare, legal advice, shelter: the places where "
            "the network's associations can help, with their hours and the "
            "languages spoken. Tick “open now” to see only what is open.",
            "وجبات، استحمام، علاج، استشارة قانونية، إيواء: أماكن المساعدة التابعة "
            "لجمعيات الشبكة، مع مواعيدها واللغات المستعملة فيها. اختر «مفتوح الآن» "
            "لترى الأماكن المفتوحة فقط.",
            ps="خواړه، شاور، درملنه، حقوقي مشوره او د شپې ځای: د شبکې د ټولنو د "
            "مرستې ځایونه، د وخت او ژبو سره.",
            prs="غذا، حمام، درمان، مشوره حقوقی و سرپناه: جاهای کمک انجمن‌های شبکه، "
            "با ساعت کار و زبان‌ها.",
            ti="መግቢ፡ መሕጸቢ፡ ሕክምና፡ ሕጋዊ ምኽሪ፡ መዕቆቢ፡ ቦታታት ሓገዝ ማሕበራት "
            "እቲ መርበብ፡ ምስ ሰዓታትን ዝዝረባ ቋንቋታትን።",
        ),
        "own_entries_only": False,
    },
    languages=("fr", "en", "ar", "ps", "prs", "ti"),
)


def _rows_by_owner(associations):
    by_slug = {association.slug: association for association in associations}
    hub = next((a for a in associations if a.is_hub), associations[0])
    with DEMO_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    grouped = {}
    for row in rows:
        owner = by_slug.get(CITY_OWNERS.get(row["city"], ""), hub)
        grouped.setdefault(owner, []).append(row)
    return grouped


def _import(association, rows, stdout):
    """Import the rows this association does not have yet."""
    default_locale = Locale.get_default()
    existing = set(
        Organisation.objects.filter(
            association=association, locale=default_locale
        ).values_list("external_id", flat=True)
    )
    missing = [row for row in rows if row["external_id"] not in existing]
    if not missing:
        return 0
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(
        {column: row.get(column, "") for column in COLUMNS} for row in missing
    )
    report = DirectoryImporter(association).run(
        open_bytes(buffer.getvalue().encode("utf-8"))
    )
    if not report.ok:
        problems = "; ".join(str(error) for error in report.errors[:5])
        raise ValueError(f"The demo directory CSV is invalid: {problems}")
    stdout.write(f"  {association.name}: {report.created} directory entries imported")
    return report.created


def _publics(audience):
    text = audience.lower()
    publics = []
    if "mineur" in text:
        publics.append(PublicChoices.UNACCOMPANIED_MINORS)
    if "femme" in text:
        publics.append(PublicChoices.WOMEN)
    if "famille" in text or "enfant" in text or "parent" in text:
        publics.append(PublicChoices.FAMILIES)
    if "adulte" in text or "homme" in text or "bénévole" in text:
        publics.append(PublicChoices.ADULTS)
    if any(word in text for word in ("tout le monde", "toute personne", "statut")):
        publics.append(PublicChoices.ANY_STATUS)
    return [str(value) for value in publics]


def _enrich(organisation, today, audience):
    """Set what the CSV does not carry; True if anything changed."""
    key = organisation.external_id
    changed = False

    def set_value(name, value):
        nonlocal changed
        if getattr(organisation, name) != value:
            setattr(organisation, name, value)
            changed = True

    set_value("publics", _publics(audience))
    if key in OCCUPANCY:
        set_value("usual_occupancy", OCCUPANCY[key])
    if organisation.last_checked is None:
        days = 200 + len(key) if key in STALE else 3 + sum(map(ord, key)) % 40
        set_value("last_checked", today - datetime.timedelta(days=days))
    closure = CLOSURES.get(key)
    expired = organisation.closed_until is None or organisation.closed_until < today
    if closure and expired:
        reason, days = closure
        set_value("status", StatusChoices.TEMPORARILY_CLOSED)
        set_value("closed_reason", reason)
        set_value("closed_until", today + datetime.timedelta(days=days))
    if key in STOPS and not organisation.stops.exists():
        organisation.stops = [
            OrganisationStop(
                name=name,
                address=address,
                city=city,
                latitude=lat,
                longitude=lon,
                opening_hours=hours,
                last_checked=organisation.last_checked,
                sort_order=index,
            )
            for index, (name, address, city, lat, lon, hours) in enumerate(STOPS[key])
        ]
        changed = True
    return changed


@transaction.atomic
def load(stdout, associations):
    """Import the demo entries, enrich them and publish a directory page per site."""
    today = timezone.localdate()
    grouped = _rows_by_owner(associations)
    audiences = {}
    for association, rows in grouped.items():
        _import(association, rows, stdout)
        audiences.update({row["external_id"]: row["audience"] for row in rows})
    updated = 0
    demo_entries = Organisation.objects.filter(
        locale=Locale.get_default(),
        association__in=associations,
        external_id__in=list(audiences),
    ).prefetch_related("stops")
    for organisation in demo_entries:
        if _enrich(organisation, today, audiences[organisation.external_id]):
            organisation.save_revision().publish()
            updated += 1
    if updated:
        stdout.write(f"  {updated} directory entries completed (stops, closures...)")
    for association in associations:
        loader = SiteLoader(association, stdout)
        loader.ensure_pages([DIRECTORY_PAGE])
        loader.refresh_home()
        loader.report()


def demo_card():
    """The home page card of every demo site, to its directory page.

    Registered with sitepages' ``register_sitepages_demo_cards`` hook
    (``directory.wagtail_hooks``); left out until ``load`` made the page.
    """
    return featured_link(
        L(
            "Trouver de l'aide",
            "Find help",
            "ابحث عن مساعدة",
            ps="مرسته ومومئ",
            prs="کمک پیدا کنید",
            ti="ሓገዝ ድለዩ",
        ),
        L(
            "Repas, douches, soins, conseils juridiques : ouvert maintenant, près de vous.",
            "Meals, showers, care, legal advice: open now, near you.",
            "وجبات، استحمام، علاج، استشارة قانونية: مفتوح الآن وقريب منك.",
            ps="خواړه، شاور، درملنه، حقوقي مشوره: اوس خلاص، ستاسو نږدې.",
            prs="غذا، حمام، درمان، مشوره حقوقی: همین حالا باز، نزدیک شما.",
            ti="መግቢ፡ መሕጸቢ፡ ሕክምና፡ ሕጋዊ ምኽሪ፡ ሕጂ ክፉት፡ ኣብ ጥቓኹም።",
        ),
        page=PageRef("/annuaire"),
        optional=True,
    )
