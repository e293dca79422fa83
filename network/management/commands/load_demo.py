"""``manage.py load_demo``: a complete demo network on one laptop.

It builds the hub (the network's own platform, the default site at
``localhost:8000``) and three member associations at
``<slug>.localhost:8000``, each with its theme, its editors and moderators,
then runs the demo loaders. There is one way to provide demo content: a
dotted path to ``load(stdout, associations)`` named by ``demo``, first on the
home page model (``settings.NETWORK_HOME_PAGE_MODEL``: the core page types,
which network does not import), then on every installed plugin
(``NetworkPlugin.demo``), in registration order. ``associations`` is the list
of demo ``Association`` objects, hub first. Loaders must be idempotent, like
this command: running it twice changes nothing, and each loader prints per
site how many pages it created, updated and left unchanged.

The demo accounts have a known password, so the command refuses to run when
``settings.NETWORK_IS_PRODUCTION`` is true, unless ``--force`` is given.
"""

from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.images import get_image_model

from network.colours import validate_primary_colour
from network.management.base import NetworkCommand
from network.models import Association, ThemeSettings
from network.plugins import get_plugins
from network.provisioning import (
    create_association,
    ensure_coordinators_group,
    home_page_model,
)

DEMO_PASSWORD = "maillage-demo"
# Small original SVG logos, one per demo association (named by slug).
DEMO_LOGOS = Path(__file__).resolve().parents[2] / "demo_logos"

# Every association of the demo network. Sentences are the demo's own; the
# kinds of associations come from the project's source documents.
DEMO_ASSOCIATIONS = [
    {
        "slug": "plateforme",
        "name": "Plateforme des Soutiens du Littoral",
        "subdomain": "",
        "city": "Calais",
        "is_hub": True,
        "languages": ["fr", "en", "ar", "ps", "prs", "ti"],
        "theme": {
            "display_name": "Plateforme des Soutiens du Littoral",
            "tagline": (
                "Un réseau d'associations aux côtés des personnes exilées, "
                "de Cherbourg à Grande-Synthe."
            ),
            "primary_colour": "#1d4e89",
            "home_layout": "split",
            "contact_email": "contact@plateforme-littoral.example.org",
            "contact_phone": "+33 3 21 00 00 10",
            "address": "12 rue des Dunes\n62100 Calais",
            "facebook_url": "https://www.facebook.com/plateforme.littoral.demo",
            "instagram_url": "https://www.instagram.com/plateforme.littoral.demo",
            "mastodon_url": "https://mastodon.social/@plateforme_littoral_demo",
            "footer_text": (
                "Réseau créé en 2011, qui relie 29 associations du littoral "
                "Nord–Pas-de-Calais et de la Manche. Site de démonstration."
            ),
            "donation_url": "https://www.helloasso.com/associations/plateforme-demo",
        },
    },
    {
        "slug": "exod",
        "name": "EXOD Lille",
        "subdomain": "exod",
        "city": "Lille",
        "is_hub": False,
        "languages": ["fr", "en", "ar"],
        "theme": {
            "display_name": "EXOD Lille",
            "tagline": (
                "Maraudes et permanences d'accès aux droits dans la métropole lilloise."
            ),
            "primary_colour": "#6a2c70",
            "home_layout": "columns",
            "contact_email": "bonjour@exod-lille.example.org",
            "contact_phone": "+33 3 20 00 00 21",
            "address": "48 rue Gambetta\n59000 Lille",
            "facebook_url": "https://www.facebook.com/exod.lille.demo",
            "instagram_url": "https://www.instagram.com/exod.lille.demo",
            "mastodon_url": "",
            "footer_text": (
                "Association de bénévoles : accompagnement administratif, "
                "social et juridique des personnes exilées. Site de démonstration."
            ),
            "donation_url": "https://www.helloasso.com/associations/exod-demo",
        },
    },
    {
        "slug": "toit-commun",
        "name": "Collectif Toit Commun",
        "subdomain": "toit-commun",
        "city": "Calais",
        "is_hub": False,
        "languages": ["fr", "en", "ar"],
        "theme": {
            "display_name": "Collectif Toit Commun",
            "tagline": "Personne ne doit se retrouver seul face à une expulsion.",
            "primary_colour": "#9b1c1c",
            "home_layout": "banner",
            "contact_email": "alerte@toit-commun.example.org",
            "contact_phone": "+33 6 00 00 00 62",
            "address": "Maison des associations\n62100 Calais",
            "facebook_url": "https://www.facebook.com/toitcommun.demo",
            "instagram_url": "",
            "mastodon_url": "https://mastodon.social/@toitcommun_demo",
            "footer_text": (
                "Collectif citoyen : neuf pôles et une procédure en six étapes "
                "pour répondre vite aux expulsions. Site de démonstration."
            ),
            "donation_url": "https://www.helloasso.com/associations/toit-commun-demo",
        },
    },
    {
        "slug": "dunes",
        "name": "Les Cuisines des Dunes",
        "subdomain": "dunes",
        "city": "Grande-Synthe",
        "is_hub": False,
        "languages": ["fr", "en", "ar", "ps", "ti"],
        "theme": {
            "display_name": "Les Cuisines des Dunes",
            "tagline": (
                "Repas chauds, eau et premiers soins sur les lieux de vie de "
                "Grande-Synthe et Loon-Plage."
            ),
            "primary_colour": "#0f5c4d",
            "home_layout": "split",
            "contact_email": "equipe@cuisines-dunes.example.org",
            "contact_phone": "+33 3 28 00 00 59",
            "address": "5 rue du Port\n59760 Grande-Synthe",
            "facebook_url": "https://www.facebook.com/cuisines.dunes.demo",
            "instagram_url": "https://www.instagram.com/cuisines.dunes.demo",
            "mastodon_url": "",
            "footer_text": (
                "Distribution de repas et veille sanitaire, sept jours sur sept, "
                "grâce à nos bénévoles. Site de démonstration."
            ),
            "donation_url": "https://www.helloasso.com/associations/dunes-demo",
        },
    },
]


class Command(NetworkCommand):
    help = (
        "Create (or bring up to date) the demo network: the hub at localhost:8000, "
        "three member sites at <slug>.localhost:8000, content in fr, en and ar, "
        f"and demo accounts with the password '{DEMO_PASSWORD}'. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="run even under production settings (creates known passwords)",
        )
        parser.add_argument(
            "--hostname",
            default="localhost",
            help="hub hostname; members get <slug>.<hostname> (default: localhost)",
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="port of every demo site"
        )
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="do not rebuild the search index at the end",
        )

    def handle(self, *args, force, hostname, port, skip_index, **options):
        if getattr(settings, "NETWORK_IS_PRODUCTION", False) and not force:
            raise CommandError(
                "Refusing to load the demo under production settings: it creates "
                "accounts with a known password (use --force to do it anyway)."
            )
        if not 1 <= port <= 65535:
            raise CommandError(f"'{port}' is not a valid port (1-65535).")
        loaders = self._loaders()
        with transaction.atomic():
            associations = [
                self._association(spec, hostname, port) for spec in DEMO_ASSOCIATIONS
            ]
            accounts = self._accounts(associations)
            for name, loader in loaders:
                self.stdout.write(f"Loading demo content: {name}")
                loader(self.stdout, associations)
        if not skip_index:
            self.stdout.write("Rebuilding the search index…")
            call_command("update_index", stdout=StringIO(), stderr=StringIO())
        self._report(associations, accounts)

    # Associations ------------------------------------------------------------

    def _association(self, spec, hostname, port):
        """Create the association once; on later runs, reuse it as it is."""
        host = f"{spec['subdomain']}.{hostname}" if spec["subdomain"] else hostname
        association = Association.objects.filter(slug=spec["slug"]).first()
        if association is None:
            try:
                association = create_association(
                    name=spec["name"],
                    slug=spec["slug"],
                    hostname=host,
                    port=port,
                    languages=spec["languages"],
                    is_hub=spec["is_hub"],
                    is_default_site=spec["is_hub"],
                    city=spec["city"],
                )
            except ValidationError as error:
                raise CommandError(
                    f"Cannot create the demo association '{spec['slug']}': "
                    + "; ".join(error.messages)
                ) from None
            self.stdout.write(f"Created {association.name}.")
        self._theme(association, spec["theme"])
        return association

    def _theme(self, association, values):
        validate_primary_colour(values["primary_colour"])  # demo must be readable
        theme = ThemeSettings.for_site(association.site)
        values = {**values, "logo": self._logo(association)}
        changed = [
            field for field, value in values.items() if getattr(theme, field) != value
        ]
        if changed:
            for field in changed:
                setattr(theme, field, values[field])
            theme.save()

    def _logo(self, association):
        """The association's demo logo (``demo_logos/<slug>.svg``), uploaded
        once into its collection; None when the demo ships no logo for it."""
        path = DEMO_LOGOS / f"{association.slug}.svg"
        if not path.exists():
            return None
        title = f"Logo {association.name}"
        Image = get_image_model()
        image = Image.objects.filter(
            title=title, collection=association.root_collection
        ).first()
        if image is None:
            with path.open("rb") as logo:
                image = Image(
                    title=title,
                    collection=association.root_collection,
                    file=File(logo, name=f"logo-{association.slug}.svg"),
                )
                image.save()
        return image

    # Accounts ----------------------------------------------------------------

    def _user(self, username, *, email, first_name="", superuser=False):
        """Get or create a demo user; reset only what differs from the demo."""
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        dirty = user is None
        if user is None:
            user = User(username=username, email=email, first_name=first_name)
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            dirty = True
        if superuser and not (user.is_superuser and user.is_staff):
            user.is_superuser = user.is_staff = True
            dirty = True
        if not user.is_active:
            user.is_active = True
            dirty = True
        if dirty:
            user.save()
        return user

    def _accounts(self, associations):
        """Demo users: rows of (username, role, where)."""
        rows = []
        self._user("admin", email="admin@example.org", superuser=True)
        rows.append(("admin", "superuser", "every site"))
        coordinator = self._user(
            "coordinator", email="coordinator@example.org", first_name="Camille"
        )
        group = ensure_coordinators_group()
        if not coordinator.groups.filter(pk=group.pk).exists():
            coordinator.groups.add(group)
        rows.append(("coordinator", "network coordinator", "every site"))
        for association in associations:
            for role, group in (
                ("editor", association.editors_group),
                ("moderator", association.moderators_group),
            ):
                username = f"{association.slug}-{role}"
                user = self._user(username, email=f"{username}@example.org")
                if not user.groups.filter(pk=group.pk).exists():
                    user.groups.add(group)
                rows.append((username, role, association.name))
        return rows

    # Content loaders ---------------------------------------------------------

    def _loaders(self):
        """(name, callable) for every content loader, in the documented order."""
        core = getattr(home_page_model(), "demo", None)
        paths = [core] if core else []
        paths += [plugin.demo for plugin in get_plugins().values() if plugin.demo]
        loaders, seen = [], set()
        for path in paths:
            try:
                loader = import_string(path)
            except ImportError as error:
                raise CommandError(
                    f"Cannot import the demo loader '{path}': {error}"
                ) from None
            if loader not in seen:
                seen.add(loader)
                loaders.append((path, loader))
        return loaders

    # Report ------------------------------------------------------------------

    def _report(self, associations, accounts):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("The demo network is ready."))
        self.stdout.write("")
        self.stdout.write("Sites:")
        for association in associations:
            site = association.site
            port = "" if site.port == 80 else f":{site.port}"
            kind = "hub" if association.is_hub else association.city
            self.stdout.write(
                f"  http://{site.hostname}{port}/  {association.name} ({kind}; "
                f"{', '.join(association.language_codes)})"
            )
        hub = associations[0].site
        hub_port = "" if hub.port == 80 else f":{hub.port}"
        self.stdout.write("")
        self.stdout.write(
            f"Log in at http://{hub.hostname}{hub_port}/admin/ (or /admin/ on any "
            f"site) with the password '{DEMO_PASSWORD}' and one of these users:"
        )
        width = max(len(username) for username, _role, _where in accounts)
        for username, role, where in accounts:
            self.stdout.write(f"  {username.ljust(width)}  {role} — {where}")
        coordinators = Group.objects.get(name=settings.NETWORK_COORDINATORS_GROUP)
        self.stdout.write("")
        self.stdout.write(
            f"The '{coordinators.name}' group sees every site; each association's "
            "editors and moderators see only their own."
        )
