# ruff: noqa: E501 (demo texts: long sentences read better unwrapped)
"""Demo content for every sitepages page type, on every demo site.

Called by ``manage.py load_demo`` (named by ``HomePage.demo``) as
``load(stdout, associations)``. For the hub and each member it writes the
home page, content pages (missions, the eviction collective's nine poles and
six-step procedure, a street food distribution FAQ), an action plan, a news
index with updates, and on the hub the members page and the network news page,
in French, English and Arabic (home pages also in the association's other
languages).

Each page is described once, with its texts in several languages (``L``).
French pages are found by slug under their parent and created when missing;
other languages are translations of them (``copy_for_translation``), found
with ``get_translation_or_none``. A page is saved and published only when one
of its fields differs from the description, so running the loader twice
changes nothing.

The texts are the demo's own; facts come from the project's source documents
(the PSM, EXOD, an anti-eviction collective's plan, the City of Paris street
distribution FAQ and the Quebec City homelessness plan 2024–2026).
"""

import datetime
import json
from dataclasses import dataclass, field

from django.db import models, transaction
from wagtail import hooks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from sitepages.models import (
    ActionPlanPage,
    ContentPage,
    MembersPage,
    NetworkNewsPage,
    NewsIndexPage,
    UpdatePage,
)

# Languages every demo page is written in. Home pages are also written in the
# extra languages some associations publish in (ps, prs, ti).
CORE_LANGUAGES = ("fr", "en", "ar")


class L(dict):
    """One text in several languages: ``L(fr, en, ar, ps=..., ti=...)``."""

    def __init__(self, fr, en, ar, **others):
        super().__init__(fr=fr, en=en, ar=ar, **others)


@dataclass(frozen=True)
class PageRef:
    """A link to another page of the same site, by its slug path.

    Pages written by this loader are found first; otherwise the page is looked
    up under the home page (plugins' demo pages, which their own loaders
    create after this one).
    """

    path: str


@dataclass
class PageSpec:
    model: type
    slug: str
    fields: dict
    children: list = field(default_factory=list)
    languages: tuple = CORE_LANGUAGES
    # Shown in the main menu? By default, pages just under the home page are.
    in_menu: bool | None = None


# Block helpers: raw StreamField data, texts may be ``L``. -------------------


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, who=""):
    return {"type": "quote", "value": {"quote": text, "attribution": who}}


def call_to_action(title, text, button, *, url="", page=None):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "button_label": button,
            "url": url,
            "page": page,
        },
    }


def faq(title, questions):
    return {
        "type": "faq",
        "value": {
            "heading": title,
            "questions": [{"question": q, "answer": a} for q, a in questions],
        },
    }


def procedure(title, introduction, steps):
    return {
        "type": "procedure",
        "value": {
            "title": title,
            "introduction": introduction,
            "steps": [{"title": t, "text": x, "who": w} for t, x, w in steps],
        },
    }


def team_grid(title, introduction, members):
    return {
        "type": "team_grid",
        "value": {
            "heading": title,
            "introduction": introduction,
            "members": [
                {"name": n, "description": d, "contact": c} for n, d, c in members
            ],
        },
    }


def contact_card(name, *, address="", phone="", email="", hours="", website=""):
    return {
        "type": "contact_card",
        "value": {
            "name": name,
            "address": address,
            "phone": phone,
            "email": email,
            "opening_hours": hours,
            "website": website,
        },
    }


def featured_link(title, text, *, page=None, url="", optional=False):
    """A home page card. ``optional``: left out while its page does not exist."""
    link = {
        "type": "link",
        "value": {"title": title, "text": text, "page": page, "url": url},
    }
    if optional:
        link["optional"] = True
    return link


def action(text, role, years):
    return {"text": text, "role": role, "years": [str(year) for year in years]}


def objective(title, targets, actions):
    return {"title": title, "targets": targets, "actions": actions}


def axis(title, description, objectives):
    return {
        "type": "axis",
        "value": {"title": title, "description": description, "objectives": objectives},
    }


# The loader ------------------------------------------------------------------


def _strip_ids(value):
    """Block data without ids and with ListBlock items unwrapped, so that a
    stored value and a freshly described one compare equal."""
    if isinstance(value, dict):
        if value.get("type") == "item" and set(value) <= {"type", "value", "id"}:
            return _strip_ids(value.get("value"))
        return {k: _strip_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_strip_ids(item) for item in value]
    return value


class SiteLoader:
    """Writes one association's page tree from a ``PageSpec`` of its home."""

    def __init__(self, association, stdout):
        self.association = association
        self.stdout = stdout
        self.languages = association.language_codes
        self.default = Locale.get_default().language_code
        self.pages = {}  # (slug path, language) -> page
        # page ids this run created, re-published, or looked at
        self.created = set()
        self.updated = set()
        self.seen = set()

    # Values ----------------------------------------------------------------
    def resolve(self, value, lang):
        if isinstance(value, L):
            return value.get(lang) or value["en"]
        if isinstance(value, PageRef):
            page = self.find(value.path, lang) or self.find(value.path, self.default)
            return page.pk if page is not None else None
        if isinstance(value, dict):
            return {
                key: self.resolve(item, lang)
                for key, item in value.items()
                if key != "optional"
            }
        if isinstance(value, (list, tuple)):
            items = []
            for item in value:
                resolved = self.resolve(item, lang)
                if isinstance(item, dict) and item.get("optional"):
                    if resolved["value"].get("page") is None:
                        continue
                items.append(resolved)
            return items
        return value

    def find(self, path, lang):
        """The page at ``path`` (``/slug/slug``) under the home in ``lang``."""
        if (path, lang) in self.pages:
            return self.pages[(path, lang)]
        page = self.homes.get(lang)
        for slug in [part for part in path.split("/") if part]:
            if page is None:
                break
            page = page.get_children().filter(slug=slug).first()
        if page is not None:
            self.pages[(path, lang)] = page
        return page

    def apply(self, page, fields):
        """Set ``fields`` on ``page``; True if anything differed."""
        changed = False
        for name, value in fields.items():
            model_field = page._meta.get_field(name)
            if isinstance(model_field, StreamField):
                new = model_field.to_python(json.dumps(value))
                if self._stream(model_field, getattr(page, name)) != self._stream(
                    model_field, new
                ):
                    setattr(page, name, new)
                    changed = True
            elif isinstance(model_field, models.ForeignKey):
                if getattr(page, model_field.attname) != value:
                    setattr(page, model_field.attname, value)
                    changed = True
            elif getattr(page, name) != value:
                setattr(page, name, value)
                changed = True
        return changed

    @staticmethod
    def _stream(model_field, value):
        prepared = model_field.get_prep_value(value)
        if isinstance(prepared, str):
            prepared = json.loads(prepared)
        return _strip_ids(prepared)

    def publish(self, page, changed):
        """Save and publish ``page`` if it differs from its description (or
        is not live yet). A page created by this run counts as created only."""
        self.seen.add(page.pk)
        if changed or not page.live or page.has_unpublished_changes:
            if changed:
                page.save()
            page.save_revision().publish()
            if page.pk not in self.created:
                self.updated.add(page.pk)

    # Tree ------------------------------------------------------------------
    @property
    def homes(self):
        """The site's home page in every language it publishes in."""
        if not hasattr(self, "_homes"):
            # Fresh from the database: a cached root page may carry a stale
            # child count, and treebeard would then reuse a child's path.
            home = Page.objects.get(pk=self.association.site.root_page_id).specific
            self._homes = {self.default: home}
            for lang in self.languages:
                if lang != self.default:
                    self._homes[lang] = self._translation(home, lang)
        return self._homes

    def run(self, home_spec, *, home_only=False):
        """Write the pages of ``home_spec`` then the home page itself."""
        if not home_only:
            self.ensure_pages(home_spec.children)
            # Reload the home pages: saving an instance read before its
            # children were added would write back a stale child count.
            del self._homes
        for lang, page in self.homes.items():
            if lang in home_spec.languages:
                fields = self.resolve(home_spec.fields, lang)
                self.publish(page, self.apply(page, fields))
        self.report()

    def report(self):
        """One line per site: pages created, updated and left unchanged."""
        unchanged = len(self.seen - self.created - self.updated)
        self.stdout.write(
            f"  {self.association.name}: {len(self.created)} pages created, "
            f"{len(self.updated)} updated, {unchanged} unchanged"
        )

    def ensure_pages(self, specs):
        """Create or update top-level pages (and their children); return them
        as ``{language: page}`` dicts, one per spec."""
        return [self._page(spec, self.homes, "") for spec in specs]

    def _translation(self, page, lang):
        locale = Locale.objects.get(language_code=lang)
        translation = page.get_translation_or_none(locale)
        if translation is None:
            translation = page.copy_for_translation(locale)
            self.created.add(translation.pk)
        return translation.specific

    def _fields(self, spec, lang, parent_path):
        fields = self.resolve(spec.fields, lang)
        in_menu = spec.in_menu if spec.in_menu is not None else parent_path == ""
        return {**fields, "show_in_menus": in_menu}

    def _page(self, spec, parents, parent_path):
        path = f"{parent_path}/{spec.slug}"
        parent = parents[self.default]
        page = (
            spec.model.objects.child_of(parent)
            .filter(slug=spec.slug, locale=parent.locale)
            .first()
        )
        fields = self._fields(spec, self.default, parent_path)
        if page is None:
            page = spec.model(slug=spec.slug, locale=parent.locale)
            self.apply(page, fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created.add(page.pk)
            self.seen.add(page.pk)
        else:
            self.publish(page, self.apply(page, fields))
        pages = {self.default: page}
        self.pages[(path, self.default)] = page
        for lang in self.languages:
            if lang == self.default or lang not in spec.languages:
                continue
            if lang not in parents:
                continue
            translation = self._translation(page, lang)
            fields = self._fields(spec, lang, parent_path)
            self.publish(translation, self.apply(translation, fields))
            pages[lang] = translation
            self.pages[(path, lang)] = translation
        for child in spec.children:
            self._page(child, pages, path)
        return pages


@transaction.atomic
def load(stdout, associations):
    """Fill every demo site that has a description here."""
    for association in associations:
        builder = SITES.get(association.slug)
        if builder is None:
            continue
        SiteLoader(association, stdout).run(builder())
    from sitepages.appeals import demo as appeals_demo

    appeals_demo.load(stdout, associations)


def refresh_home(association, stdout):
    """Rewrite only the home page of a demo site.

    Plugin loaders call it after creating a page the home page links to
    (``featured_link(..., optional=True)``), so that the link appears on the
    first run and nothing changes on the next ones.
    """
    builder = SITES.get(association.slug)
    if builder is not None:
        SiteLoader(association, stdout).run(builder(), home_only=True)


# Demo cards: the API plugins use to put a card on the demo home pages ----------

DEMO_CARDS_HOOK = "register_sitepages_demo_cards"


def demo_cards():
    """The home page cards that plugins add to every demo site.

    A plugin registers a function with the ``register_sitepages_demo_cards``
    Wagtail hook; it returns a list of ``featured_link(..., optional=True)``
    cards whose ``page`` is a ``PageRef`` to the page its own demo loader
    creates. The cards come first among a home page's featured links, in
    registration order; an optional card is left out until its page exists,
    so the plugin's loader calls ``refresh_home`` after creating the page.
    sitepages names no plugin: it only reads the hook.
    """
    return [card for fn in hooks.get_hooks(DEMO_CARDS_HOOK) for card in fn()]


# Shared texts ------------------------------------------------------------------

NEWS_TITLE = L("Actualités", "News", "الأخبار")
NEWS_INTRO = L(
    "Ce qui se passe sur le terrain, les rendez-vous à venir et nos appels.",
    "What is happening on the ground, upcoming dates and our appeals.",
    "ما يحدث على أرض الواقع، والمواعيد القادمة، ونداءاتنا.",
)


def news_index(updates, *, in_menu=True):
    return PageSpec(
        NewsIndexPage,
        "actualites",
        {"title": NEWS_TITLE, "introduction": NEWS_INTRO},
        children=updates,
        in_menu=in_menu,
    )


def update(slug, date, title, summary, body):
    return PageSpec(
        UpdatePage,
        slug,
        {"title": title, "date": date, "summary": summary, "body": body},
    )


# The hub -------------------------------------------------------------------------

R, M, C, K = "responsible", "mobiliser", "collaborator", "contributor"
ALL_YEARS = (2024, 2025, 2026)


def hub_action_plan():
    return PageSpec(
        ActionPlanPage,
        "plan-d-action-2024-2026",
        {
            "title": L(
                "Plan d'action du réseau 2024–2026",
                "Network action plan 2024–2026",
                "خطة عمل الشبكة 2024–2026",
            ),
            "introduction": L(
                "Cinq axes, neuf objectifs et vingt-sept actions que les associations "
                "membres se sont donnés pour les trois années à venir. Pour chaque "
                "action, le tableau indique le rôle de la Plateforme et les années "
                "où elle est menée.",
                "Five axes, nine objectives and twenty-seven actions that the "
                "member associations have set themselves for the next three years. "
                "For each action, the table shows the Platform's role and the years "
                "in which it runs.",
                "خمسة محاور وتسعة أهداف وسبعة وعشرون إجراءً حدّدتها الجمعيات "
                "الأعضاء للسنوات الثلاث القادمة. يبيّن الجدول لكل إجراء دور المنصّة "
                "والسنوات التي يُنفَّذ فيها.",
            ),
            "start_year": 2024,
            "end_year": 2026,
            "body": [
                heading(
                    L(
                        "Comment ce plan a été écrit",
                        "How this plan was written",
                        "كيف كُتبت هذه الخطة",
                    )
                ),
                paragraph(
                    L(
                        "<p>Le plan a été discuté pendant six mois dans les réunions "
                        "mensuelles des coordinateurs, puis adopté en assemblée "
                        "générale. Il sera revu chaque année à partir d'un bilan "
                        "d'étape, et ajusté si la situation à la frontière change.</p>",
                        "<p>The plan was discussed for six months in the coordinators' "
                        "monthly meetings, then adopted at the general assembly. It "
                        "will be reviewed every year from a progress report, and "
                        "adjusted if the situation at the border changes.</p>",
                        "<p>نوقشت الخطة لمدة ستة أشهر في الاجتماعات الشهرية للمنسّقين، "
                        "ثم اعتُمدت في الجمعية العامة. ستُراجَع كل سنة انطلاقًا من تقييم "
                        "مرحلي، وتُعدَّل إذا تغيّر الوضع على الحدود.</p>",
                    )
                ),
            ],
            "axes": [
                axis(
                    L(
                        "Axe 1 — Aller vers les personnes et répondre aux besoins essentiels",
                        "Axis 1 — Reaching out and meeting basic needs",
                        "المحور 1 — الوصول إلى الناس وتلبية الاحتياجات الأساسية",
                    ),
                    L(
                        "Eau, nourriture, hygiène et soins sur chaque lieu de vie, de jour comme de nuit.",
                        "Water, food, hygiene and care at every living site, day and night.",
                        "الماء والغذاء والنظافة والرعاية في كل مكان عيش، ليلًا ونهارًا.",
                    ),
                    [
                        objective(
                            L(
                                "Garantir chaque jour l'accès à l'eau, à la nourriture et à l'hygiène sur tous les lieux de vie du littoral",
                                "Guarantee daily access to water, food and hygiene at every living site on the coast",
                                "ضمان الحصول اليومي على الماء والغذاء والنظافة في جميع أماكن العيش على الساحل",
                            ),
                            [
                                L(
                                    "Un point d'eau potable à moins de 500 mètres de chaque lieu de vie connu.",
                                    "A drinking water point less than 500 metres from every known living site.",
                                    "نقطة مياه صالحة للشرب على بعد أقل من 500 متر من كل مكان عيش معروف.",
                                ),
                                L(
                                    "Au moins un repas chaud par jour, sept jours sur sept, dans chaque ville du réseau.",
                                    "At least one hot meal a day, seven days a week, in every town of the network.",
                                    "وجبة ساخنة واحدة على الأقل يوميًا، سبعة أيام في الأسبوع، في كل مدينة من مدن الشبكة.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Tenir un calendrier commun des distributions alimentaires pour éviter les doublons et les jours sans repas.",
                                        "Keep a shared calendar of food distributions to avoid overlaps and days without meals.",
                                        "إعداد جدول مشترك لتوزيع الطعام لتفادي التكرار والأيام التي لا وجبات فيها.",
                                    ),
                                    R,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Recenser les points d'eau, douches et toilettes et mettre à jour l'annuaire partagé chaque semaine.",
                                        "List water points, showers and toilets and update the shared directory every week.",
                                        "حصر نقاط المياه والحمّامات والمراحيض وتحديث الدليل المشترك كل أسبوع.",
                                    ),
                                    R,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Obtenir des collectivités des points d'eau et des sanitaires supplémentaires près des campements.",
                                        "Obtain extra water points and sanitation near the camps from local authorities.",
                                        "الحصول من السلطات المحلية على نقاط مياه ومرافق صحية إضافية قرب المخيمات.",
                                    ),
                                    M,
                                    (2024, 2025),
                                ),
                                action(
                                    L(
                                        "Mutualiser l'achat du matériel de distribution : contenants isothermes, glacières, barnums.",
                                        "Pool the purchase of distribution equipment: insulated containers, cool boxes, gazebos.",
                                        "الشراء المشترك لمعدات التوزيع: حاويات عازلة للحرارة، وصناديق تبريد، وخيام.",
                                    ),
                                    C,
                                    (2025, 2026),
                                ),
                            ],
                        ),
                        objective(
                            L(
                                "Renforcer les maraudes de nuit et la veille sanitaire",
                                "Strengthen night outreach rounds and health monitoring",
                                "تعزيز الجولات الليلية والمراقبة الصحية",
                            ),
                            [
                                L(
                                    "Une maraude de nuit au moins trois soirs par semaine dans chaque ville.",
                                    "A night outreach round at least three evenings a week in every town.",
                                    "جولة ليلية ثلاث أمسيات في الأسبوع على الأقل في كل مدينة.",
                                ),
                                L(
                                    "Tous les bénévoles de maraude formés aux premiers secours.",
                                    "Every outreach volunteer trained in first aid.",
                                    "تدريب جميع متطوعي الجولات على الإسعافات الأولية.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Proposer une formation aux premiers secours à chaque nouvelle équipe de maraude.",
                                        "Offer first-aid training to every new outreach team.",
                                        "تقديم تدريب على الإسعافات الأولية لكل فريق جولات جديد.",
                                    ),
                                    R,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Établir avec les services de l'État un protocole commun d'alerte en cas de grand froid ou de canicule.",
                                        "Agree a shared alert protocol with state services for severe cold and heatwaves.",
                                        "وضع بروتوكول إنذار مشترك مع مصالح الدولة في حالات البرد القارس وموجات الحر.",
                                    ),
                                    M,
                                    (2024,),
                                ),
                                action(
                                    L(
                                        "Soutenir les permanences d'accès aux soins de l'hôpital en orientant et en accompagnant les personnes.",
                                        "Support the hospitals' free-care clinics by referring and accompanying people.",
                                        "دعم عيادات العلاج المجاني في المستشفيات بتوجيه الأشخاص ومرافقتهم.",
                                    ),
                                    K,
                                    ALL_YEARS,
                                ),
                            ],
                        ),
                    ],
                ),
                axis(
                    L(
                        "Axe 2 — Faire valoir les droits",
                        "Axis 2 — Upholding rights",
                        "المحور 2 — الدفاع عن الحقوق",
                    ),
                    L(
                        "Information juridique dans la langue de chacun et actions en justice.",
                        "Legal information in everyone's language, and legal action.",
                        "معلومات قانونية بلغة كل شخص، وإجراءات قضائية.",
                    ),
                    [
                        objective(
                            L(
                                "Permettre à chaque personne d'obtenir une information juridique fiable dans sa langue",
                                "Give everyone reliable legal information in their own language",
                                "تمكين كل شخص من الحصول على معلومات قانونية موثوقة بلغته",
                            ),
                            [
                                L(
                                    "Une permanence juridique par semaine dans chaque ville du réseau.",
                                    "One legal advice session a week in every town of the network.",
                                    "جلسة استشارة قانونية أسبوعية في كل مدينة من مدن الشبكة.",
                                ),
                                L(
                                    "Des fiches pratiques traduites en arabe, pachto, dari et tigrigna.",
                                    "Practical sheets translated into Arabic, Pashto, Dari and Tigrinya.",
                                    "بطاقات عملية مترجمة إلى العربية والبشتو والدارية والتغرينية.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Traduire et diffuser des fiches sur l'asile, la procédure Dublin et la protection des mineurs.",
                                        "Translate and share sheets on asylum, the Dublin procedure and child protection.",
                                        "ترجمة ونشر بطاقات حول اللجوء وإجراءات دبلن وحماية القاصرين.",
                                    ),
                                    R,
                                    (2024, 2025),
                                ),
                                action(
                                    L(
                                        "Constituer un réseau d'interprètes bénévoles partagé entre les associations.",
                                        "Build a network of volunteer interpreters shared by the associations.",
                                        "تكوين شبكة من المترجمين المتطوعين تتقاسمها الجمعيات.",
                                    ),
                                    M,
                                    (2025, 2026),
                                ),
                                action(
                                    L(
                                        "Appuyer les maraudes administratives et les permanences des associations membres.",
                                        "Back the member associations' administrative outreach rounds and drop-in sessions.",
                                        "دعم الجولات الإدارية وجلسات الاستقبال لدى الجمعيات الأعضاء.",
                                    ),
                                    K,
                                    ALL_YEARS,
                                ),
                            ],
                        ),
                        objective(
                            L(
                                "Soutenir les actions en justice pour le respect des droits fondamentaux",
                                "Support legal action to enforce fundamental rights",
                                "دعم الإجراءات القضائية لاحترام الحقوق الأساسية",
                            ),
                            [
                                L(
                                    "Un recours stratégique préparé chaque année avec des avocats partenaires.",
                                    "One strategic case prepared every year with partner lawyers.",
                                    "طعن استراتيجي واحد يُحضَّر كل سنة مع محامين شركاء.",
                                ),
                                L(
                                    "Chaque expulsion de lieu de vie documentée.",
                                    "Every eviction from a living site documented.",
                                    "توثيق كل عملية إخلاء لمكان عيش.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Consigner chaque expulsion (date, nombre de personnes, biens détruits) dans un registre commun.",
                                        "Record every eviction (date, number of people, belongings destroyed) in a shared register.",
                                        "تسجيل كل عملية إخلاء (التاريخ، عدد الأشخاص، الممتلكات المُتلَفة) في سجل مشترك.",
                                    ),
                                    R,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Préparer avec les avocats des recours sur l'accès à l'eau et les droits des occupants de terrain.",
                                        "Prepare cases with lawyers on access to water and the rights of people living on a site.",
                                        "تحضير طعون مع المحامين بشأن الحصول على الماء وحقوق شاغلي الأراضي.",
                                    ),
                                    C,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Publier chaque année un bilan des observations juridiques du réseau.",
                                        "Publish a yearly report of the network's legal observations.",
                                        "نشر تقرير سنوي عن الملاحظات القانونية للشبكة.",
                                    ),
                                    R,
                                    (2025, 2026),
                                ),
                            ],
                        ),
                    ],
                ),
                axis(
                    L(
                        "Axe 3 — Un abri pour chacune et chacun",
                        "Axis 3 — Shelter for everyone",
                        "المحور 3 — مأوى للجميع",
                    ),
                    L(
                        "Ne laisser personne sans solution le soir d'une expulsion.",
                        "Leave no one without a solution on the evening of an eviction.",
                        "ألّا يبقى أحد بلا حل مساء يوم الإخلاء.",
                    ),
                    [
                        objective(
                            L(
                                "Éviter qu'une expulsion laisse des personnes sans abri ni affaires",
                                "Prevent evictions from leaving people without shelter or belongings",
                                "منع أن يترك الإخلاء أشخاصًا بلا مأوى ولا أمتعة",
                            ),
                            [
                                L(
                                    "Une procédure d'urgence partagée par les associations de Calais et de Grande-Synthe.",
                                    "An emergency procedure shared by the associations of Calais and Grande-Synthe.",
                                    "إجراء طوارئ مشترك بين جمعيات كاليه وغراند-سانت.",
                                ),
                                L(
                                    "Aucune femme et aucun enfant sans hébergement le soir d'une expulsion.",
                                    "No woman or child without shelter on the evening of an eviction.",
                                    "ألّا تبقى أي امرأة أو طفل بلا مأوى مساء يوم الإخلاء.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Diffuser à tout le réseau la procédure en six étapes du Collectif Toit Commun.",
                                        "Share the Collectif Toit Commun's six-step procedure with the whole network.",
                                        "نشر الإجراء ذي الخطوات الست الخاص بتجمّع «سقف مشترك» على الشبكة كلها.",
                                    ),
                                    C,
                                    (2024,),
                                ),
                                action(
                                    L(
                                        "Tenir une liste de familles et de lieux d'hébergement solidaire mobilisables en urgence.",
                                        "Keep a list of host families and solidarity shelters that can be called on in an emergency.",
                                        "إعداد قائمة بالعائلات المضيفة وأماكن الإيواء التضامني التي يمكن اللجوء إليها في حالة الطوارئ.",
                                    ),
                                    M,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Demander l'ouverture de places de mise à l'abri adaptées aux femmes et aux mineurs.",
                                        "Call for shelter places suited to women and minors.",
                                        "المطالبة بفتح أماكن إيواء ملائمة للنساء والقاصرين.",
                                    ),
                                    M,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Ouvrir des bagageries pour mettre à l'abri les affaires et les papiers des personnes.",
                                        "Open storage points to keep people's belongings and papers safe.",
                                        "فتح أماكن لحفظ أمتعة الأشخاص ووثائقهم.",
                                    ),
                                    K,
                                    (2025, 2026),
                                ),
                            ],
                        ),
                    ],
                ),
                axis(
                    L(
                        "Axe 4 — Former les bénévoles et prendre soin d'eux",
                        "Axis 4 — Training volunteers and caring for them",
                        "المحور 4 — تدريب المتطوعين والعناية بهم",
                    ),
                    L(
                        "Des équipes formées, qui échangent entre elles et tiennent dans la durée.",
                        "Trained teams who share what they know and keep going over time.",
                        "فرق مدرَّبة تتبادل المعارف وتستمر على المدى الطويل.",
                    ),
                    [
                        objective(
                            L(
                                "Offrir à chaque bénévole une formation adaptée à son rôle",
                                "Give every volunteer training suited to their role",
                                "توفير تدريب لكل متطوع يناسب دوره",
                            ),
                            [
                                L(
                                    "Un cycle de formation en droit des étrangers et droit social chaque semestre.",
                                    "A course in immigration and social law every semester.",
                                    "دورة تدريبية في قانون الأجانب والقانون الاجتماعي كل فصل دراسي.",
                                ),
                                L(
                                    "Au moins 300 bénévoles formés pendant la durée du plan.",
                                    "At least 300 volunteers trained over the life of the plan.",
                                    "تدريب 300 متطوع على الأقل طوال مدة الخطة.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Organiser chaque semestre un cycle de formation juridique, sociale et pratique ouvert à tous les membres.",
                                        "Run a legal, social and practical training course every semester, open to all members.",
                                        "تنظيم دورة تدريبية قانونية واجتماعية وعملية كل فصل دراسي مفتوحة لجميع الأعضاء.",
                                    ),
                                    R,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Mettre les modules de formation en ligne pour les bénévoles éloignés de Lille et de Calais.",
                                        "Put the training modules online for volunteers far from Lille and Calais.",
                                        "نشر وحدات التدريب على الإنترنت للمتطوعين البعيدين عن ليل وكاليه.",
                                    ),
                                    R,
                                    (2025, 2026),
                                ),
                                action(
                                    L(
                                        "Animer des groupes d'échange thématiques entre bénévoles et une réunion mensuelle des coordinateurs.",
                                        "Run themed exchange groups for volunteers and a monthly coordinators' meeting.",
                                        "تنشيط مجموعات تبادل موضوعية بين المتطوعين واجتماع شهري للمنسّقين.",
                                    ),
                                    C,
                                    ALL_YEARS,
                                ),
                            ],
                        ),
                        objective(
                            L(
                                "Prévenir l'épuisement des équipes",
                                "Prevent burnout in the teams",
                                "الوقاية من إرهاق الفرق",
                            ),
                            [
                                L(
                                    "Un groupe de parole mensuel avec une psychologue dans chaque ville.",
                                    "A monthly support group with a psychologist in every town.",
                                    "مجموعة دعم شهرية مع أخصائية نفسية في كل مدينة.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Financer des groupes de parole animés par des psychologues pour les bénévoles.",
                                        "Fund support groups for volunteers led by psychologists.",
                                        "تمويل مجموعات دعم للمتطوعين يديرها أخصائيون نفسيون.",
                                    ),
                                    K,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Écrire un guide d'accueil pour les nouveaux bénévoles.",
                                        "Write a welcome guide for new volunteers.",
                                        "كتابة دليل ترحيب للمتطوعين الجدد.",
                                    ),
                                    R,
                                    (2024,),
                                ),
                            ],
                        ),
                    ],
                ),
                axis(
                    L(
                        "Axe 5 — Agir ensemble et changer le regard",
                        "Axis 5 — Acting together and changing perceptions",
                        "المحور 5 — العمل معًا وتغيير النظرة",
                    ),
                    L(
                        "Donner la parole aux personnes exilées et renforcer la coopération entre membres.",
                        "Give exiled people a voice and strengthen cooperation between members.",
                        "إسماع صوت الأشخاص المنفيين وتعزيز التعاون بين الأعضاء.",
                    ),
                    [
                        objective(
                            L(
                                "Faire entendre la voix des personnes exilées",
                                "Make exiled people's voices heard",
                                "إسماع صوت الأشخاص المنفيين",
                            ),
                            [
                                L(
                                    "Deux à trois numéros du Journal des Jungles par an, tirés à 4 000 exemplaires.",
                                    "Two to three issues of the Journal des Jungles a year, 4,000 copies each.",
                                    "عددان إلى ثلاثة أعداد من «جريدة الأدغال» سنويًا، بـ4000 نسخة لكل عدد.",
                                ),
                                L(
                                    "Près d'un millier d'habitants sensibilisés chaque année.",
                                    "Around a thousand local residents reached every year.",
                                    "توعية نحو ألف من السكان كل سنة.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Organiser des résidences d'écriture de trois jours près des campements pour préparer le Journal des Jungles.",
                                        "Hold three-day writing residencies near the camps to prepare the Journal des Jungles.",
                                        "تنظيم إقامات كتابة لمدة ثلاثة أيام قرب المخيمات لإعداد «جريدة الأدغال».",
                                    ),
                                    R,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Intervenir dans les écoles, les mairies et les associations de quartier pour déconstruire les préjugés.",
                                        "Speak in schools, town halls and neighbourhood groups to challenge prejudice.",
                                        "التدخل في المدارس والبلديات وجمعيات الأحياء لتفكيك الأحكام المسبقة.",
                                    ),
                                    C,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Rencontrer deux fois par an les élus et les services de l'État pour présenter les constats du réseau.",
                                        "Meet elected officials and state services twice a year to present the network's findings.",
                                        "لقاء المنتخبين ومصالح الدولة مرتين في السنة لعرض ملاحظات الشبكة.",
                                    ),
                                    M,
                                    ALL_YEARS,
                                ),
                            ],
                        ),
                        objective(
                            L(
                                "Renforcer la coopération entre les associations membres",
                                "Strengthen cooperation between member associations",
                                "تعزيز التعاون بين الجمعيات الأعضاء",
                            ),
                            [
                                L(
                                    "Un annuaire commun des lieux d'aide, tenu à jour par chaque association.",
                                    "A shared directory of places offering help, kept up to date by each association.",
                                    "دليل مشترك لأماكن المساعدة تحدّثه كل جمعية.",
                                ),
                                L(
                                    "Une rencontre annuelle de tout le réseau.",
                                    "A yearly gathering of the whole network.",
                                    "لقاء سنوي للشبكة بأكملها.",
                                ),
                            ],
                            [
                                action(
                                    L(
                                        "Publier l'annuaire partagé des lieux d'aide sur le site de chaque membre.",
                                        "Publish the shared directory of places offering help on every member's site.",
                                        "نشر الدليل المشترك لأماكن المساعدة على موقع كل عضو.",
                                    ),
                                    R,
                                    ALL_YEARS,
                                ),
                                action(
                                    L(
                                        "Organiser chaque année une rencontre de toutes les associations membres.",
                                        "Organise a gathering of all member associations every year.",
                                        "تنظيم لقاء لجميع الجمعيات الأعضاء كل سنة.",
                                    ),
                                    R,
                                    ALL_YEARS,
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
    )


def hub_site():
    about = PageSpec(
        ContentPage,
        "qui-sommes-nous",
        {
            "title": L("Qui sommes-nous ?", "About us", "من نحن؟"),
            "introduction": L(
                "Depuis 2011, la Plateforme relie les associations qui soutiennent les "
                "personnes exilées bloquées à la frontière franco-britannique.",
                "Since 2011, the Platform has linked the associations that support "
                "exiled people stuck at the French–British border.",
                "منذ عام 2011، تربط المنصّة بين الجمعيات التي تدعم الأشخاص المنفيين "
                "العالقين على الحدود الفرنسية البريطانية.",
            ),
            "body": [
                heading(L("Pourquoi un réseau ?", "Why a network?", "لماذا شبكة؟")),
                paragraph(
                    L(
                        "<p>Des personnes exilées vivent tout le long du littoral, de "
                        "Grande-Synthe à Cherbourg, et jusque dans l'intérieur des "
                        "terres, partout où passent des camions vers le Royaume-Uni. "
                        "Autour de ces lieux de vie sont nées de nombreuses "
                        "associations. En 2011, certaines ont décidé de mettre en "
                        "commun leurs expériences, leurs moyens et leurs compétences : "
                        "c'est l'origine de la Plateforme, qui rassemble aujourd'hui "
                        "29 associations.</p>",
                        "<p>Exiled people live all along the coast, from Grande-Synthe "
                        "to Cherbourg, and inland too, wherever lorries leave for the "
                        "United Kingdom. Many associations grew up around these living "
                        "sites. In 2011, some of them decided to pool their experience, "
                        "means and skills: that is how the Platform began. It now "
                        "brings together 29 associations.</p>",
                        "<p>يعيش أشخاص منفيون على طول الساحل، من غراند-سانت إلى "
                        "شيربورغ، وفي الداخل أيضًا، حيثما تمرّ الشاحنات المتجهة إلى "
                        "المملكة المتحدة. نشأت حول أماكن العيش هذه جمعيات كثيرة. وفي "
                        "عام 2011 قرّر بعضها أن يتقاسم خبراته ووسائله ومهاراته: هكذا "
                        "وُلدت المنصّة التي تضمّ اليوم 29 جمعية.</p>",
                    )
                ),
                team_grid(
                    L("Ce que nous faisons", "What we do", "ما نقوم به"),
                    L(
                        "Trois missions au service des bénévoles et des militants.",
                        "Three missions in support of volunteers and activists.",
                        "ثلاث مهام لخدمة المتطوعين والناشطين.",
                    ),
                    [
                        (
                            L("Relier", "Connect", "الربط"),
                            L(
                                "Des rencontres régulières entre associations, et avec "
                                "les personnes exilées, pour partager l'information.",
                                "Regular meetings between associations, and with exiled "
                                "people, to share information.",
                                "لقاءات منتظمة بين الجمعيات ومع الأشخاص المنفيين "
                                "لتبادل المعلومات.",
                            ),
                            "",
                        ),
                        (
                            L("Défendre", "Defend", "الدفاع"),
                            L(
                                "Un appui aux relations avec les avocats et aux actions "
                                "en justice : accès à l'eau, droits des occupants face "
                                "aux expulsions.",
                                "Support with lawyers and legal action: access to "
                                "water, the rights of occupants facing eviction.",
                                "دعم العلاقة مع المحامين والإجراءات القضائية: الحصول "
                                "على الماء، وحقوق الشاغلين في مواجهة الإخلاء.",
                            ),
                            "",
                        ),
                        (
                            L("Sensibiliser", "Raise awareness", "التوعية"),
                            L(
                                "Près d'un millier d'habitants rencontrés chaque année "
                                "pour parler de la frontière et des préjugés.",
                                "Around a thousand residents met every year to talk "
                                "about the border and prejudice.",
                                "نحو ألف من السكان نلتقيهم كل سنة للحديث عن الحدود "
                                "والأحكام المسبقة.",
                            ),
                            "",
                        ),
                    ],
                ),
                quote(
                    L(
                        "Seule, une association s'épuise ; ensemble, nous tenons.",
                        "On its own, an association wears out; together, we hold on.",
                        "الجمعية وحدها تُنهَك؛ أما معًا فنصمد.",
                    ),
                    L(
                        "Une coordinatrice du réseau",
                        "A network coordinator",
                        "منسّقة في الشبكة",
                    ),
                ),
                heading(
                    L(
                        "Le Journal des Jungles",
                        "The Journal des Jungles",
                        "«جريدة الأدغال»",
                    )
                ),
                paragraph(
                    L(
                        "<p>Deux à trois fois par an, une résidence d'écriture de trois "
                        "jours réunit près d'un campement des habitants des lieux de "
                        "vie et des bénévoles. Le journal qui en sort est imprimé à "
                        "4 000 exemplaires. Un don de 2 100 € finance l'impression d'un "
                        "numéro ; 6 700 € financent une résidence complète.</p>",
                        "<p>Two or three times a year, a three-day writing residency "
                        "near a camp brings together people living there and "
                        "volunteers. The paper that comes out of it is printed in 4,000 "
                        "copies. A gift of €2,100 pays for printing one issue; €6,700 "
                        "pays for a whole residency.</p>",
                        "<p>مرتين أو ثلاث مرات في السنة، تجمع إقامة كتابة لمدة ثلاثة "
                        "أيام قرب أحد المخيمات سكانَ أماكن العيش ومتطوعين. تُطبع الجريدة "
                        "الناتجة عنها في 4000 نسخة. تبرّع بـ2100 يورو يموّل طباعة عدد "
                        "واحد، و6700 يورو تموّل إقامة كاملة.</p>",
                    )
                ),
                call_to_action(
                    L("Soutenir le réseau", "Support the network", "ادعم الشبكة"),
                    L(
                        "Chaque don aide à former des bénévoles et à imprimer le journal.",
                        "Every gift helps train volunteers and print the paper.",
                        "كل تبرّع يساعد على تدريب المتطوعين وطباعة الجريدة.",
                    ),
                    L("Faire un don", "Donate", "تبرّع"),
                    url="https://www.helloasso.com/associations/plateforme-demo",
                ),
                contact_card(
                    L(
                        "Plateforme des Soutiens du Littoral",
                        "Plateforme des Soutiens du Littoral",
                        "منصّة دعم الساحل",
                    ),
                    address="12 rue des Dunes, 62100 Calais",
                    phone="+33 6 39 98 00 10",
                    email="contact@plateforme-littoral.example.org",
                    hours=L(
                        "Du lundi au vendredi, 9 h – 17 h",
                        "Monday to Friday, 9 am – 5 pm",
                        "من الاثنين إلى الجمعة، 9:00 – 17:00",
                    ),
                ),
            ],
        },
    )
    members = PageSpec(
        MembersPage,
        "membres",
        {
            "title": L(
                "Les associations membres", "Member associations", "الجمعيات الأعضاء"
            ),
            "introduction": L(
                "Chaque association garde son site, ses langues et son équipe. "
                "Trouvez celle qui agit près de chez vous.",
                "Each association keeps its own site, languages and team. Find the "
                "one working near you.",
                "تحتفظ كل جمعية بموقعها ولغاتها وفريقها. ابحث عن الجمعية التي تعمل "
                "بالقرب منك.",
            ),
        },
    )
    network_news = PageSpec(
        NetworkNewsPage,
        "actualites-du-reseau",
        {
            "title": L("Actualités du réseau", "Network news", "أخبار الشبكة"),
            "introduction": L(
                "Les dernières nouvelles publiées par toutes les associations membres.",
                "The latest news published by every member association.",
                "آخر الأخبار التي نشرتها جميع الجمعيات الأعضاء.",
            ),
        },
    )
    news = news_index(
        [
            update(
                "residence-ecriture-automne",
                datetime.date(2026, 10, 14),
                L(
                    "Une résidence d'écriture pour le prochain Journal des Jungles",
                    "A writing residency for the next Journal des Jungles",
                    "إقامة كتابة للعدد القادم من «جريدة الأدغال»",
                ),
                L(
                    "Trois jours d'ateliers près de Loon-Plage ont réuni quinze auteurs.",
                    "Three days of workshops near Loon-Plage brought fifteen writers "
                    "together.",
                    "جمعت ثلاثة أيام من الورشات قرب لون-بلاج خمسة عشر كاتبًا.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Habitants des campements et bénévoles ont écrit, dessiné "
                            "et traduit ensemble. Le numéro sortira en décembre, imprimé "
                            "à 4 000 exemplaires et distribué dans les villes du "
                            "réseau.</p>",
                            "<p>People from the camps and volunteers wrote, drew and "
                            "translated together. The issue comes out in December, "
                            "printed in 4,000 copies and handed out in the network's "
                            "towns.</p>",
                            "<p>كتب سكان المخيمات والمتطوعون ورسموا وترجموا معًا. يصدر "
                            "العدد في ديسمبر مطبوعًا في 4000 نسخة ويُوزَّع في مدن "
                            "الشبكة.</p>",
                        )
                    )
                ],
            ),
            update(
                "journee-formation-benevoles",
                datetime.date(2026, 11, 5),
                L(
                    "Journée de formation : le droit d'asile en pratique",
                    "Training day: asylum law in practice",
                    "يوم تدريبي: قانون اللجوء عمليًا",
                ),
                L(
                    "Soixante bénévoles de huit associations formés à Lille.",
                    "Sixty volunteers from eight associations trained in Lille.",
                    "تدريب ستين متطوعًا من ثماني جمعيات في ليل.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Au programme : la procédure Dublin, les recours devant "
                            "la Cour nationale du droit d'asile et la protection des "
                            "mineurs. Les supports sont disponibles auprès de la "
                            "coordination.</p>",
                            "<p>On the programme: the Dublin procedure, appeals to the "
                            "National Court of Asylum and the protection of minors. "
                            "The materials are available from the coordination "
                            "team.</p>",
                            "<p>في البرنامج: إجراءات دبلن، والطعن أمام المحكمة الوطنية "
                            "لحق اللجوء، وحماية القاصرين. المواد التدريبية متاحة لدى "
                            "فريق التنسيق.</p>",
                        )
                    )
                ],
            ),
            update(
                "acces-eau-decision",
                datetime.date(2026, 11, 18),
                L(
                    "Accès à l'eau : le tribunal donne raison aux associations",
                    "Access to water: the court rules for the associations",
                    "الحصول على الماء: المحكمة تنصف الجمعيات",
                ),
                L(
                    "Deux nouveaux points d'eau doivent être installés à Calais.",
                    "Two new water points must be installed in Calais.",
                    "يجب تركيب نقطتي مياه جديدتين في كاليه.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Saisi par plusieurs membres du réseau, le juge a "
                            "ordonné l'installation de points d'eau près de deux lieux "
                            "de vie. Nous suivrons la mise en œuvre semaine après "
                            "semaine.</p>",
                            "<p>Several network members went to court, and the judge "
                            "ordered water points near two living sites. We will "
                            "follow how the order is carried out week by week.</p>",
                            "<p>بعد أن رفع عدد من أعضاء الشبكة دعوى، أمر القاضي بتركيب "
                            "نقاط مياه قرب مكانَي عيش. سنتابع التنفيذ أسبوعًا بعد "
                            "أسبوع.</p>",
                        )
                    )
                ],
            ),
        ],
        in_menu=False,
    )
    plan = hub_action_plan()
    home_fields = {
        "title": L(
            "Plateforme des Soutiens du Littoral",
            "Plateforme des Soutiens du Littoral",
            "منصّة دعم الساحل",
            ps="د ساحل د ملاتړ پلاتفورم",
            prs="پلتفرم حمایت ساحل",
            ti="መድረኽ ደገፍ ገምገም ባሕሪ",
        ),
        "hero_title": L(
            "Ensemble, de Cherbourg à Grande-Synthe",
            "Together, from Cherbourg to Grande-Synthe",
            "معًا، من شيربورغ إلى غراند-سانت",
            ps="یوځای، له شربورګ څخه تر ګرانډ سینت پورې",
            prs="با هم، از شربورگ تا گراند سنت",
            ti="ብሓባር፡ ካብ ሸርቡርግ ክሳብ ግራንድ-ሲንት",
        ),
        "hero_text": L(
            "Vingt-neuf associations du littoral partagent informations, formations "
            "et actions juridiques pour que les personnes bloquées à la frontière "
            "soient accueillies dignement.",
            "Twenty-nine associations along the coast share information, training "
            "and legal action so that people stuck at the border are received with "
            "dignity.",
            "تتشارك تسع وعشرون جمعية على الساحل المعلومات والتدريب والعمل القانوني "
            "حتى يُستقبَل الأشخاص العالقون على الحدود بكرامة.",
            ps="د ساحل ۲۹ ټولنې یوځای کار کوي، ترڅو په پوله کې پاتې خلک په عزت سره "
            "ومنل شي.",
            prs="۲۹ انجمن در ساحل با هم کار می‌کنند تا با کسانی که در مرز مانده‌اند "
            "با کرامت رفتار شود.",
            ti="ኣብ ገምገም ባሕሪ ዘለዋ 29 ማሕበራት፡ ኣብ ዶብ ዝተዓገቱ ሰባት ብኽብሪ ምእንቲ ክቕበሉ ብሓባር ይሰርሓ።",
        ),
        "hero_cta_label": L(
            "Découvrir les associations",
            "Meet the associations",
            "تعرّف على الجمعيات",
            ps="ټولنې وپېژنئ",
            prs="انجمن‌ها را بشناسید",
            ti="ነተን ማሕበራት ፍለጡወን",
        ),
        "hero_cta_page": PageRef("/membres"),
        "introduction": L(
            "La Plateforme forme les bénévoles, appuie les actions en justice et "
            "sensibilise les habitants. Chaque association membre publie ici son "
            "propre site et ses lieux d'aide dans l'annuaire commun.",
            "The Platform trains volunteers, supports legal action and raises "
            "awareness among residents. Each member association publishes its own "
            "site here and adds its places of help to the shared directory.",
            "تدرّب المنصّة المتطوعين وتدعم الإجراءات القضائية وتوعّي السكان. تنشر "
            "كل جمعية عضو هنا موقعها الخاص وتضيف أماكن المساعدة إلى الدليل المشترك.",
            ps="پلاتفورم رضاکارانو ته زده کړه ورکوي او حقوقي هڅې ملاتړ کوي. دلته "
            "د مرستې ځایونه پیدا کولی شئ.",
            prs="پلتفرم به داوطلبان آموزش می‌دهد و از اقدامات حقوقی حمایت می‌کند. "
            "اینجا می‌توانید جاهای کمک را پیدا کنید.",
            ti="እቲ መድረኽ ንወለንተኛታት የሰልጥን፡ ሕጋዊ ስጉምቲታት ይድግፍ። ኣብዚ ቦታታት ሓገዝ ክትረኽቡ ትኽእሉ ኢኹም።",
        ),
        "featured_links": [
            *demo_cards(),
            featured_link(
                L(
                    "Les associations membres",
                    "Member associations",
                    "الجمعيات الأعضاء",
                ),
                L(
                    "Leurs villes, leurs langues, leurs sites.",
                    "Their towns, languages and sites.",
                    "مدنها ولغاتها ومواقعها.",
                ),
                page=PageRef("/membres"),
            ),
            featured_link(
                L(
                    "Plan d'action 2024–2026",
                    "Action plan 2024–2026",
                    "خطة العمل 2024–2026",
                ),
                L(
                    "Vingt-sept actions, qui fait quoi et quand.",
                    "Twenty-seven actions: who does what, and when.",
                    "سبعة وعشرون إجراءً: من يفعل ماذا ومتى.",
                ),
                page=PageRef("/plan-d-action-2024-2026"),
            ),
            featured_link(
                L("Actualités du réseau", "Network news", "أخبار الشبكة"),
                L(
                    "Les nouvelles de toutes les associations.",
                    "News from every association.",
                    "أخبار جميع الجمعيات.",
                ),
                page=PageRef("/actualites-du-reseau"),
            ),
            featured_link(
                L("Qui sommes-nous ?", "About us", "من نحن؟"),
                L(
                    "Un réseau né en 2011 sur le littoral.",
                    "A network born on the coast in 2011.",
                    "شبكة وُلدت على الساحل عام 2011.",
                ),
                page=PageRef("/qui-sommes-nous"),
            ),
        ],
        "body": [
            call_to_action(
                L("Devenir bénévole", "Volunteer with us", "تطوّع معنا"),
                L(
                    "Les associations du réseau cherchent des bénévoles pour les "
                    "maraudes, les permanences et les distributions.",
                    "The network's associations need volunteers for outreach rounds, "
                    "drop-in sessions and food distributions.",
                    "تحتاج جمعيات الشبكة إلى متطوعين للجولات وجلسات الاستقبال "
                    "وتوزيع الطعام.",
                    ps="د شبکې ټولنې رضاکارانو ته اړتیا لري.",
                    prs="انجمن‌های شبکه به داوطلب نیاز دارند.",
                    ti="ማሕበራት እቲ መርበብ ወለንተኛታት የድልየን።",
                ),
                L(
                    "Voir les associations",
                    "See the associations",
                    "اطّلع على الجمعيات",
                    ps="ټولنې وګورئ",
                    prs="انجمن‌ها را ببینید",
                    ti="ማሕበራት ርኣዩ",
                ),
                page=PageRef("/membres"),
            ),
        ],
    }
    return PageSpec(
        None,
        "",
        home_fields,
        children=[about, plan, news, members, network_news],
        languages=("fr", "en", "ar", "ps", "prs", "ti"),
    )


# EXOD (Lille): outreach rounds, drop-in sessions, volunteer training --------------


def exod_site():
    missions = PageSpec(
        ContentPage,
        "nos-missions",
        {
            "title": L("Nos missions", "Our missions", "مهامنا"),
            "introduction": L(
                "Aider les personnes exilées de la métropole lilloise à faire valoir "
                "leurs droits, et trouver des solutions durables à des situations "
                "administratives bloquées.",
                "Helping exiled people in the Lille area assert their rights, and "
                "finding lasting solutions to stalled administrative situations.",
                "مساعدة الأشخاص المنفيين في منطقة ليل على المطالبة بحقوقهم، وإيجاد "
                "حلول دائمة لأوضاع إدارية متعثّرة.",
            ),
            "body": [
                heading(
                    L("Deux façons d'agir", "Two ways of working", "طريقتان للعمل")
                ),
                team_grid(
                    "",
                    "",
                    [
                        (
                            L(
                                "Les maraudes administratives",
                                "Administrative outreach rounds",
                                "الجولات الإدارية",
                            ),
                            L(
                                "Deux soirs par semaine, nos équipes vont à la rencontre "
                                "des personnes dans les squats et les campements de la "
                                "métropole pour comprendre leurs besoins administratifs, "
                                "sociaux et juridiques.",
                                "Two evenings a week, our teams meet people in squats "
                                "and camps around Lille to understand their "
                                "administrative, social and legal needs.",
                                "مساءين في الأسبوع، تلتقي فرقنا بالأشخاص في المباني "
                                "المشغولة والمخيمات لفهم احتياجاتهم الإدارية "
                                "والاجتماعية والقانونية.",
                            ),
                            "maraudes@exod-lille.example.org",
                        ),
                        (
                            L("Les permanences", "Drop-in sessions", "جلسات الاستقبال"),
                            L(
                                "Le mercredi après-midi et le samedi matin, notre local "
                                "accueille sans rendez-vous toute personne qui a une "
                                "question sur ses droits ou ses démarches.",
                                "On Wednesday afternoons and Saturday mornings, our "
                                "premises welcome anyone with a question about their "
                                "rights or paperwork, no appointment needed.",
                                "بعد ظهر الأربعاء وصباح السبت، يستقبل مقرّنا دون موعد "
                                "كل من لديه سؤال عن حقوقه أو إجراءاته.",
                            ),
                            "permanence@exod-lille.example.org",
                        ),
                    ],
                ),
                heading(
                    L(
                        "Ce que nous faisons pendant une permanence",
                        "What happens at a drop-in session",
                        "ما نقوم به خلال جلسة الاستقبال",
                    )
                ),
                paragraph(
                    L(
                        "<ul><li>Informer chacun sur ses droits.</li><li>Aider aux "
                        "démarches qui ouvrent l'accès aux droits sociaux et à la "
                        "santé : domiciliation, couverture maladie, scolarisation.</li>"
                        "<li>Orienter vers les services compétents. Nous privilégions "
                        "toujours le droit commun, pour ne pas remplacer les "
                        "institutions chargées de l'accueil.</li></ul>",
                        "<ul><li>Telling people about their rights.</li><li>Helping "
                        "with the steps that open access to social rights and "
                        "healthcare: a postal address, health cover, school "
                        "enrolment.</li><li>Referring people to the right services. We "
                        "always favour mainstream services, so as not to stand in for "
                        "the institutions responsible for reception.</li></ul>",
                        "<ul><li>إعلام كل شخص بحقوقه.</li><li>المساعدة في الإجراءات "
                        "التي تفتح الحق في الخدمات الاجتماعية والصحة: عنوان بريدي، "
                        "تغطية صحية، تسجيل مدرسي.</li><li>التوجيه نحو المصالح "
                        "المختصة. نفضّل دائمًا الخدمات العامة حتى لا نحلّ محل "
                        "المؤسسات المسؤولة عن الاستقبال.</li></ul>",
                    )
                ),
                heading(
                    L(
                        "Un accompagnement juridique dans la durée",
                        "Legal support that lasts",
                        "مرافقة قانونية على المدى الطويل",
                    )
                ),
                paragraph(
                    L(
                        "<p>Certaines situations ne se débloquent qu'après des mois : "
                        "refus de séjour, procédure Dublin, droits des enfants. Nos "
                        "juristes bénévoles suivent ces dossiers jusqu'au bout, pour "
                        "que les personnes trouvent une stabilité en France.</p>",
                        "<p>Some situations only move after months: refused residence "
                        "permits, the Dublin procedure, children's rights. Our "
                        "volunteer lawyers follow these cases to the end, so that "
                        "people can find stability in France.</p>",
                        "<p>بعض الأوضاع لا تُحلّ إلا بعد أشهر: رفض الإقامة، إجراءات "
                        "دبلن، حقوق الأطفال. يتابع قانونيّونا المتطوعون هذه الملفات "
                        "حتى النهاية ليجد الأشخاص استقرارًا في فرنسا.</p>",
                    )
                ),
                heading(
                    L(
                        "Former nos bénévoles",
                        "Training our volunteers",
                        "تدريب متطوعينا",
                    )
                ),
                paragraph(
                    L(
                        "<p>Chaque bénévole suit un programme de formation en droit "
                        "administratif et en droit social des personnes exilées. Des "
                        "groupes d'échange par thème permettent ensuite de suivre "
                        "l'actualité du droit des étrangers et de se poser des "
                        "questions entre bénévoles. Chaque mois se tiennent une "
                        "réunion des bénévoles, une réunion des coordinateurs et une "
                        "réunion du bureau.</p>",
                        "<p>Every volunteer follows a training programme in the "
                        "administrative and social law that applies to exiled people. "
                        "Themed exchange groups then help them keep up with changes in "
                        "immigration law and ask each other questions. Every month "
                        "there is a volunteers' meeting, a coordinators' meeting and a "
                        "board meeting.</p>",
                        "<p>يتابع كل متطوع برنامجًا تدريبيًا في القانون الإداري "
                        "والقانون الاجتماعي الخاص بالأشخاص المنفيين. ثم تسمح مجموعات "
                        "تبادل موضوعية بمتابعة مستجدات قانون الأجانب وطرح الأسئلة بين "
                        "المتطوعين. وكل شهر يُعقد اجتماع للمتطوعين واجتماع للمنسّقين "
                        "واجتماع للمكتب.</p>",
                    )
                ),
                call_to_action(
                    L("Rejoindre l'équipe", "Join the team", "انضمّ إلى الفريق"),
                    L(
                        "Prochain cycle de formation : lundis soir à partir de janvier.",
                        "Next training course: Monday evenings from January.",
                        "الدورة التدريبية القادمة: أمسيات الاثنين ابتداءً من يناير.",
                    ),
                    L("Devenir bénévole", "Become a volunteer", "كن متطوعًا"),
                    url="https://exod-lille.example.org/benevolat",
                ),
                contact_card(
                    L("Permanence d'EXOD", "EXOD drop-in session", "جلسة استقبال EXOD"),
                    address="48 rue Gambetta, 59000 Lille",
                    phone="+33 6 39 98 03 01",
                    email="permanence@exod-lille.example.org",
                    hours=L(
                        "Mercredi 14 h – 18 h, samedi 10 h – 13 h",
                        "Wednesday 2 pm – 6 pm, Saturday 10 am – 1 pm",
                        "الأربعاء 14:00 – 18:00، السبت 10:00 – 13:00",
                    ),
                ),
            ],
        },
    )
    news = news_index(
        [
            update(
                "permanence-samedi",
                datetime.date(2026, 10, 3),
                L(
                    "La permanence ouvre aussi le samedi matin",
                    "The drop-in session now also opens on Saturday mornings",
                    "جلسة الاستقبال تفتح أيضًا صباح السبت",
                ),
                L(
                    "Trois heures de plus pour celles et ceux qui travaillent en semaine.",
                    "Three more hours for people who work during the week.",
                    "ثلاث ساعات إضافية لمن يعملون خلال الأسبوع.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Dès ce mois-ci, le local est ouvert le samedi de 10 h "
                            "à 13 h, en plus du mercredi après-midi.</p>",
                            "<p>From this month, the premises are open on Saturdays "
                            "from 10 am to 1 pm, as well as on Wednesday "
                            "afternoons.</p>",
                            "<p>ابتداءً من هذا الشهر، يفتح المقرّ يوم السبت من 10:00 "
                            "إلى 13:00، إضافة إلى بعد ظهر الأربعاء.</p>",
                        )
                    )
                ],
            ),
            update(
                "bilan-maraudes",
                datetime.date(2026, 10, 28),
                L(
                    "Maraudes d'octobre : 140 personnes rencontrées",
                    "October outreach rounds: 140 people met",
                    "جولات أكتوبر: لقاء 140 شخصًا",
                ),
                L(
                    "Domiciliation et couverture maladie restent les premières demandes.",
                    "A postal address and health cover remain the most common requests.",
                    "لا يزال العنوان البريدي والتغطية الصحية أكثر الطلبات شيوعًا.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Nos huit maraudes du mois ont permis de fixer 52 "
                            "rendez-vous en permanence. Merci aux bénévoles qui ont "
                            "bravé la pluie.</p>",
                            "<p>Our eight rounds this month led to 52 appointments at "
                            "the drop-in session. Thank you to the volunteers who "
                            "braved the rain.</p>",
                            "<p>أتاحت جولاتنا الثماني هذا الشهر تحديد 52 موعدًا في جلسة "
                            "الاستقبال. شكرًا للمتطوعين الذين تحدّوا المطر.</p>",
                        )
                    )
                ],
            ),
            update(
                "formation-janvier",
                datetime.date(2026, 11, 16),
                L(
                    "Inscriptions ouvertes pour la formation de janvier",
                    "Sign-up open for the January training",
                    "التسجيل مفتوح لتدريب يناير",
                ),
                L(
                    "Dix séances sur le droit des étrangers et le droit social.",
                    "Ten sessions on immigration and social law.",
                    "عشر جلسات حول قانون الأجانب والقانون الاجتماعي.",
                ),
                [
                    paragraph(
                        L(
                            "<p>La formation est ouverte aux nouveaux bénévoles comme "
                            "aux plus anciens. Elle se tient le lundi de 18 h 30 à "
                            "21 h.</p>",
                            "<p>The course is open to new and long-standing volunteers "
                            "alike. It runs on Mondays from 6.30 pm to 9 pm.</p>",
                            "<p>التدريب مفتوح للمتطوعين الجدد والقدامى على حد سواء، "
                            "ويُعقد أيام الاثنين من 18:30 إلى 21:00.</p>",
                        )
                    )
                ],
            ),
        ]
    )
    home = {
        "title": L("EXOD Lille", "EXOD Lille", "EXOD ليل"),
        "hero_title": L(
            "Vos droits, pas à pas",
            "Your rights, step by step",
            "حقوقك، خطوة بخطوة",
        ),
        "hero_text": L(
            "Maraudes dans les squats et campements, permanences sans rendez-vous, "
            "accompagnement juridique : nos bénévoles vous aident dans vos démarches.",
            "Outreach rounds in squats and camps, drop-in sessions with no "
            "appointment, legal support: our volunteers help you with your paperwork.",
            "جولات في المباني المشغولة والمخيمات، وجلسات استقبال دون موعد، ومرافقة "
            "قانونية: يساعدك متطوعونا في إجراءاتك.",
        ),
        "hero_cta_label": L("Nos missions", "Our missions", "مهامنا"),
        "hero_cta_page": PageRef("/nos-missions"),
        "introduction": L(
            "Association lilloise d'accès aux droits des personnes exilées : maraudes "
            "administratives, permanences et formation des bénévoles.",
            "A Lille association for exiled people's access to rights: administrative "
            "outreach rounds, drop-in sessions and volunteer training.",
            "جمعية في ليل تعمل على وصول الأشخاص المنفيين إلى حقوقهم: جولات إدارية "
            "وجلسات استقبال وتدريب المتطوعين.",
        ),
        "featured_links": [
            *demo_cards(),
            featured_link(
                L("Nos missions", "Our missions", "مهامنا"),
                L(
                    "Maraudes et permanences.",
                    "Outreach rounds and drop-in sessions.",
                    "الجولات وجلسات الاستقبال.",
                ),
                page=PageRef("/nos-missions"),
            ),
            featured_link(
                L("Actualités", "News", "الأخبار"),
                L(
                    "La vie de l'association.",
                    "Life at the association.",
                    "حياة الجمعية.",
                ),
                page=PageRef("/actualites"),
            ),
        ],
        "body": [],
    }
    return PageSpec(None, "", home, children=[missions, news])


# Collectif Toit Commun (Calais): nine poles and a six-step procedure ---------------


def _pole(fr, en, ar, dfr, den, dar):
    return (L(fr, en, ar), L(dfr, den, dar), "")


def _step(fr, en, ar, xfr, xen, xar, wfr, wen, war):
    return (L(fr, en, ar), L(xfr, xen, xar), L(wfr, wen, war))


def toit_commun_site():
    poles = [
        _pole(
            "Mobilisation",
            "Mobilisation",
            "التعبئة",
            "Retarder ou empêcher l'expulsion par les voies légales, et la faire connaître.",
            "Delay or stop the eviction by lawful means, and make it known.",
            "تأخير الإخلاء أو منعه بالطرق القانونية، والتعريف به.",
        ),
        _pole(
            "Logistique",
            "Logistics",
            "اللوجستيك",
            "Transporter, stocker et mettre à l'abri les affaires des personnes.",
            "Move, store and safeguard people's belongings.",
            "نقل أمتعة الأشخاص وتخزينها وحمايتها.",
        ),
        _pole(
            "Hébergement",
            "Housing",
            "الإيواء",
            "Trouver des solutions d'hébergement temporaire pour le soir même.",
            "Find temporary places to stay for that same night.",
            "إيجاد حلول إيواء مؤقتة في المساء نفسه.",
        ),
        _pole(
            "Nourriture",
            "Food",
            "الطعام",
            "Apporter des repas aux personnes expulsées.",
            "Bring meals to the people evicted.",
            "إيصال الوجبات إلى الأشخاص الذين تم إخلاؤهم.",
        ),
        _pole(
            "Juridique",
            "Legal",
            "القانوني",
            "Vérifier la légalité de l'opération et accompagner les recours.",
            "Check that the operation is lawful and support appeals.",
            "التحقق من قانونية العملية ومرافقة الطعون.",
        ),
        _pole(
            "Santé",
            "Health",
            "الصحة",
            "Premiers secours sur place et accès aux soins.",
            "First aid on site and access to healthcare.",
            "الإسعافات الأولية في المكان والوصول إلى العلاج.",
        ),
        _pole(
            "Soutien psychologique",
            "Psychological support",
            "الدعم النفسي",
            "Écouter et accompagner les personnes expulsées comme les bénévoles.",
            "Listen to and support both the people evicted and the volunteers.",
            "الإصغاء إلى الأشخاص الذين تم إخلاؤهم وإلى المتطوعين ومرافقتهم.",
        ),
        _pole(
            "Communication",
            "Communication",
            "التواصل",
            "Informer le public et mobiliser les soutiens.",
            "Inform the public and rally supporters.",
            "إعلام الجمهور وحشد الداعمين.",
        ),
        _pole(
            "Coordination",
            "Coordination",
            "التنسيق",
            "Planifier les actions et faire le lien entre tous les pôles.",
            "Plan the actions and link all the poles together.",
            "تخطيط الأعمال والربط بين جميع الأقطاب.",
        ),
    ]
    steps = [
        _step(
            "Alerte et mobilisation",
            "Alert and mobilisation",
            "الإنذار والتعبئة",
            "<p>Vérifier l'information : date, lieu, cadre légal. Prévenir les "
            "associations et les réseaux locaux.</p>",
            "<p>Check the information: date, place, legal basis. Warn the local "
            "associations and networks.</p>",
            "<p>التحقق من المعلومة: التاريخ والمكان والإطار القانوني. إبلاغ الجمعيات "
            "والشبكات المحلية.</p>",
            "Pôle coordination",
            "Coordination pole",
            "قطب التنسيق",
        ),
        _step(
            "Préparation logistique",
            "Logistics",
            "التحضير اللوجستي",
            "<p>Prévoir un véhicule pour les affaires personnelles et réserver des "
            "places d'hébergement temporaire.</p>",
            "<p>Arrange a vehicle for personal belongings and book temporary "
            "places to stay.</p>",
            "<p>توفير مركبة للأمتعة الشخصية وحجز أماكن إيواء مؤقتة.</p>",
            "Pôles logistique et hébergement",
            "Logistics and housing poles",
            "قطبا اللوجستيك والإيواء",
        ),
        _step(
            "Présence sur le terrain",
            "On-site intervention",
            "الحضور الميداني",
            "<p>Être là pour accompagner les personnes, récupérer et mettre à l'abri "
            "les biens, apporter un soutien moral.</p>",
            "<p>Be there to accompany people, recover and safeguard belongings, and "
            "offer moral support.</p>",
            "<p>الحضور لمرافقة الأشخاص، واسترجاع الممتلكات وحمايتها، وتقديم الدعم "
            "المعنوي.</p>",
            "Tous les pôles",
            "All poles",
            "جميع الأقطاب",
        ),
        _step(
            "Recours juridiques",
            "Legal remedies",
            "الطعون القانونية",
            "<p>Vérifier les droits de chacun, rédiger et déposer les recours "
            "possibles.</p>",
            "<p>Check everyone's rights, then draft and file whatever appeals are "
            "possible.</p>",
            "<p>التحقق من حقوق كل شخص، وصياغة الطعون الممكنة وتقديمها.</p>",
            "Pôle juridique",
            "Legal pole",
            "القطب القانوني",
        ),
        _step(
            "Communication",
            "Communication",
            "التواصل",
            "<p>Informer le public sur ce qui s'est passé et peser pour que cela ne "
            "se reproduise pas.</p>",
            "<p>Tell the public what happened and press for it not to happen "
            "again.</p>",
            "<p>إعلام الجمهور بما حدث والضغط حتى لا يتكرّر.</p>",
            "Pôle communication",
            "Communication pole",
            "قطب التواصل",
        ),
        _step(
            "Suivi après l'expulsion",
            "Follow-up",
            "المتابعة بعد الإخلاء",
            "<p>Aider à se reloger, suivre les recours et les démarches, proposer un "
            "accompagnement psychosocial si besoin.</p>",
            "<p>Help people find a new place to live, follow up appeals and "
            "paperwork, and offer psychosocial support where needed.</p>",
            "<p>المساعدة في إيجاد سكن جديد، ومتابعة الطعون والإجراءات، وتقديم مرافقة "
            "نفسية اجتماعية عند الحاجة.</p>",
            "Pôles hébergement, juridique et soutien psychologique",
            "Housing, legal and psychological support poles",
            "أقطاب الإيواء والقانون والدعم النفسي",
        ),
    ]
    plan = PageSpec(
        ContentPage,
        "plan-contre-les-expulsions",
        {
            "title": L(
                "Notre plan contre les expulsions",
                "Our plan against evictions",
                "خطتنا ضد عمليات الإخلاء",
            ),
            "introduction": L(
                "Répondre vite et ensemble quand une expulsion s'annonce : avant, "
                "pendant et après.",
                "Responding quickly and together when an eviction is announced: "
                "before, during and after.",
                "الاستجابة بسرعة ومعًا عند الإعلان عن إخلاء: قبله وأثناءه وبعده.",
            ),
            "body": [
                heading(L("Nos priorités", "Our priorities", "أولوياتنا")),
                paragraph(
                    L(
                        "<ul><li>Soutenir immédiatement les personnes expulsées.</li>"
                        "<li>Coordonner citoyens, associations et structures d'aide.</li>"
                        "<li>Protéger les droits et empêcher les abus.</li><li>Suivre "
                        "les personnes ensuite, pour qu'elles ne retombent pas dans la "
                        "précarité.</li></ul><p>Notre principe : anticiper. Un plan "
                        "préparé à l'avance évite bien des situations critiques.</p>",
                        "<ul><li>Support people who are evicted straight away.</li>"
                        "<li>Coordinate citizens, associations and aid services.</li>"
                        "<li>Protect rights and prevent abuse.</li><li>Stay with "
                        "people afterwards, so that they do not fall back into "
                        "hardship.</li></ul><p>Our principle: plan ahead. A plan "
                        "prepared in advance avoids many critical situations.</p>",
                        "<ul><li>دعم الأشخاص الذين تم إخلاؤهم فورًا.</li><li>التنسيق "
                        "بين المواطنين والجمعيات وهياكل المساعدة.</li><li>حماية "
                        "الحقوق ومنع التجاوزات.</li><li>متابعة الأشخاص بعد ذلك حتى لا "
                        "يعودوا إلى الهشاشة.</li></ul><p>مبدؤنا: الاستباق. الخطة "
                        "المُعدّة مسبقًا تجنّب الكثير من المواقف الحرجة.</p>",
                    )
                ),
                team_grid(
                    L("Les neuf pôles", "The nine poles", "الأقطاب التسعة"),
                    L(
                        "Chaque pôle a un rôle précis ; une personne référente le "
                        "coordonne.",
                        "Each pole has a clear role, coordinated by one contact person.",
                        "لكل قطب دور محدّد، ويتولى تنسيقه شخص مرجعي.",
                    ),
                    poles,
                ),
                procedure(
                    L(
                        "En cas d'expulsion : la procédure en six étapes",
                        "If an eviction happens: the six-step procedure",
                        "في حالة الإخلاء: الإجراء ذو الخطوات الست",
                    ),
                    L(
                        "Suivez les étapes dans l'ordre. Au moindre doute, appelez la "
                        "ligne d'alerte.",
                        "Follow the steps in order. If in doubt, call the alert line.",
                        "اتبع الخطوات بالترتيب. عند أي شك، اتصل بخط الإنذار.",
                    ),
                    steps,
                ),
                heading(L("Ressources", "Resources", "الموارد")),
                paragraph(
                    L(
                        "<ul><li>Numéros d'urgence et contacts des pôles</li><li>Modèles "
                        "de recours et de courriers</li><li>Liste des associations "
                        "partenaires, dans l'annuaire</li><li>Fiches pratiques pour "
                        "chaque étape</li></ul><p>Ce plan évolue avec les retours du "
                        "terrain : proposez vos améliorations lors de la réunion "
                        "mensuelle.</p>",
                        "<ul><li>Emergency numbers and pole contacts</li><li>Templates "
                        "for appeals and letters</li><li>The list of partner "
                        "associations, in the directory</li><li>Practical sheets for "
                        "every step</li></ul><p>This plan changes with feedback from "
                        "the ground: bring your ideas to the monthly meeting.</p>",
                        "<ul><li>أرقام الطوارئ وجهات الاتصال بالأقطاب</li><li>نماذج "
                        "طعون ورسائل</li><li>قائمة الجمعيات الشريكة في الدليل</li>"
                        "<li>بطاقات عملية لكل خطوة</li></ul><p>تتطوّر هذه الخطة بحسب "
                        "ملاحظات الميدان: اقترح تحسيناتك في الاجتماع الشهري.</p>",
                    )
                ),
                contact_card(
                    L(
                        "Ligne d'alerte expulsions",
                        "Eviction alert line",
                        "خط الإنذار بالإخلاء",
                    ),
                    phone="+33 6 39 98 00 62",
                    email="alerte@toit-commun.example.org",
                    hours=L(
                        "Tous les jours, 24 h sur 24",
                        "Every day, 24 hours",
                        "كل يوم، على مدار 24 ساعة",
                    ),
                ),
            ],
        },
    )
    news = news_index(
        [
            update(
                "expulsion-rue-des-garennes",
                datetime.date(2026, 9, 22),
                L(
                    "Expulsion rue des Garennes : 38 personnes relogées le soir même",
                    "Eviction on rue des Garennes: 38 people rehoused that evening",
                    "إخلاء شارع غارين: إيواء 38 شخصًا في المساء نفسه",
                ),
                L(
                    "La procédure en six étapes a permis de ne laisser personne dehors.",
                    "The six-step procedure meant nobody was left outside.",
                    "سمح الإجراء ذو الخطوات الست بألّا يبقى أحد في الخارج.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Alertés à 6 h, les pôles logistique et hébergement ont "
                            "mis à l'abri les affaires et trouvé des places pour "
                            "tout le monde avant la nuit.</p>",
                            "<p>Alerted at 6 am, the logistics and housing poles "
                            "stored people's belongings and found places for "
                            "everyone before nightfall.</p>",
                            "<p>بعد الإنذار في السادسة صباحًا، حمى قطبا اللوجستيك "
                            "والإيواء الأمتعة ووجدا أماكن للجميع قبل حلول الليل.</p>",
                        )
                    )
                ],
            ),
            update(
                "formation-observateurs",
                datetime.date(2026, 10, 19),
                L(
                    "Devenir observateur ou observatrice lors des expulsions",
                    "Become an observer during evictions",
                    "كن مراقبًا أثناء عمليات الإخلاء",
                ),
                L(
                    "Une soirée de formation pour apprendre à documenter sans s'exposer.",
                    "An evening's training on documenting safely.",
                    "أمسية تدريبية لتعلّم التوثيق بأمان.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Ce que l'on peut filmer, ce que l'on doit noter, à qui "
                            "transmettre : rendez-vous jeudi à 19 h à la Maison des "
                            "associations.</p>",
                            "<p>What you may film, what you should write down, whom to "
                            "pass it on to: Thursday at 7 pm at the Maison des "
                            "associations.</p>",
                            "<p>ما يمكن تصويره، وما يجب تدوينه، ولمن يُرسَل: الموعد يوم "
                            "الخميس الساعة 19:00 في دار الجمعيات.</p>",
                        )
                    )
                ],
            ),
            update(
                "bagagerie-ouverte",
                datetime.date(2026, 11, 9),
                L(
                    "Une bagagerie pour protéger les affaires",
                    "A storage room to protect belongings",
                    "مخزن لحماية الأمتعة",
                ),
                L(
                    "Sacs et papiers peuvent être déposés jusqu'à trente jours.",
                    "Bags and papers can be left for up to thirty days.",
                    "يمكن إيداع الحقائب والوثائق لمدة تصل إلى ثلاثين يومًا.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Avec la Bagagerie du Courgain, les biens récupérés lors "
                            "des expulsions ne sont plus perdus.</p>",
                            "<p>With the Bagagerie du Courgain, belongings recovered "
                            "during evictions are no longer lost.</p>",
                            "<p>مع مخزن الكورغان، لم تعد الممتلكات المسترجعة أثناء "
                            "الإخلاء تضيع.</p>",
                        )
                    )
                ],
            ),
        ]
    )
    home = {
        "title": L(
            "Collectif Toit Commun", "Collectif Toit Commun", "تجمّع «سقف مشترك»"
        ),
        "hero_title": L(
            "Personne seul face à une expulsion",
            "Nobody alone when facing eviction",
            "لا أحد وحيدًا في مواجهة الإخلاء",
        ),
        "hero_text": L(
            "Un collectif de citoyens et d'associations de Calais, organisé en neuf "
            "pôles, qui se mobilise avant, pendant et après chaque expulsion.",
            "A collective of citizens and associations in Calais, organised in nine "
            "poles, who act before, during and after every eviction.",
            "تجمّع من المواطنين والجمعيات في كاليه، منظّم في تسعة أقطاب، يتحرّك قبل "
            "كل عملية إخلاء وأثناءها وبعدها.",
        ),
        "hero_cta_label": L("Lire notre plan", "Read our plan", "اقرأ خطتنا"),
        "hero_cta_page": PageRef("/plan-contre-les-expulsions"),
        "introduction": L(
            "Collectif calaisien contre les expulsions : neuf pôles d'action et une "
            "procédure d'urgence en six étapes.",
            "A Calais collective against evictions: nine action poles and a six-step "
            "emergency procedure.",
            "تجمّع في كاليه ضد عمليات الإخلاء: تسعة أقطاب عمل وإجراء طوارئ من ست خطوات.",
        ),
        "featured_links": [
            *demo_cards(),
            featured_link(
                L("Le plan d'action", "The action plan", "خطة العمل"),
                L(
                    "Les neuf pôles et les six étapes.",
                    "The nine poles and six steps.",
                    "الأقطاب التسعة والخطوات الست.",
                ),
                page=PageRef("/plan-contre-les-expulsions"),
            ),
            featured_link(
                L("Actualités", "News", "الأخبار"),
                L(
                    "Nos dernières interventions.",
                    "Our latest interventions.",
                    "آخر تدخلاتنا.",
                ),
                page=PageRef("/actualites"),
            ),
        ],
        "body": [
            contact_card(
                L(
                    "Ligne d'alerte expulsions",
                    "Eviction alert line",
                    "خط الإنذار بالإخلاء",
                ),
                phone="+33 6 39 98 00 62",
                hours=L(
                    "Tous les jours, 24 h sur 24",
                    "Every day, 24 hours",
                    "كل يوم، على مدار 24 ساعة",
                ),
            )
        ],
    }
    return PageSpec(None, "", home, children=[plan, news])


# Les Cuisines des Dunes (Grande-Synthe): meals, water and care ---------------------


def dunes_site():
    questions = [
        (
            L(
                "Où et quand organiser une distribution ?",
                "Where and when should a distribution take place?",
                "أين ومتى يُنظَّم التوزيع؟",
            ),
            L(
                "<p>Là où rien n'existe encore. Consultez l'annuaire et le calendrier "
                "commun : une nouvelle distribution doit compléter celles qui existent, "
                "sur un lieu ou un jour qui n'est pas couvert.</p>",
                "<p>Where nothing exists yet. Check the directory and the shared "
                "calendar: a new distribution should complement the existing ones, at "
                "a place or on a day not yet covered.</p>",
                "<p>حيث لا يوجد شيء بعد. راجع الدليل والجدول المشترك: يجب أن يكمّل "
                "التوزيع الجديد ما هو موجود، في مكان أو يوم غير مغطّى.</p>",
            ),
        ),
        (
            L(
                "Combien de bénévoles faut-il ?",
                "How many volunteers are needed?",
                "كم متطوعًا نحتاج؟",
            ),
            L(
                "<p>Ne distribuez jamais seul. Les associations expérimentées comptent "
                "au moins cinq personnes par distribution : pour servir, gérer la file "
                "d'attente dans le calme, veiller à la sécurité et ranger.</p>",
                "<p>Never distribute alone. Experienced associations count at least "
                "five people per distribution: to serve, keep the queue calm, look "
                "after safety and tidy up.</p>",
                "<p>لا توزّع وحدك أبدًا. تعتمد الجمعيات ذات الخبرة خمسة أشخاص على "
                "الأقل لكل توزيع: للتقديم، وتنظيم الطابور بهدوء، والسهر على السلامة، "
                "والترتيب.</p>",
            ),
        ),
        (
            L(
                "Comment respecter la chaîne du froid et la liaison chaude ?",
                "How do we keep the cold chain and hot holding?",
                "كيف نحافظ على سلسلة التبريد والحفظ الساخن؟",
            ),
            L(
                "<p>Les plats froids restent sous 4 °C jusqu'au service, dans des "
                "glacières avec pains de glace. Les plats chauds restent au-dessus de "
                "63 °C dans des conteneurs isothermes. Un thermomètre par équipe, et "
                "tout reste non servi est jeté, jamais resservi le lendemain. Les "
                "règles officielles sont publiées par la DGCCRF.</p>",
                "<p>Cold dishes stay below 4 °C until served, in cool boxes with ice "
                "packs. Hot dishes stay above 63 °C in insulated containers. One "
                "thermometer per team, and any leftovers are thrown away, never "
                "served the next day. The official rules are published by the "
                "DGCCRF, the French consumer protection authority.</p>",
                "<p>تبقى الأطباق الباردة تحت 4 درجات مئوية حتى التقديم، في صناديق "
                "تبريد مع قوالب ثلج. وتبقى الأطباق الساخنة فوق 63 درجة في حاويات "
                "عازلة. ميزان حرارة لكل فريق، وكل ما لم يُقدَّم يُرمى ولا يُقدَّم في "
                "اليوم التالي. القواعد الرسمية تنشرها هيئة حماية المستهلك الفرنسية "
                "(DGCCRF).</p>",
            ),
        ),
        (
            L(
                "Que faire des déchets ?",
                "What do we do with the waste?",
                "ماذا نفعل بالنفايات؟",
            ),
            L(
                "<p>Prévenez le service propreté de la commune bien avant la première "
                "distribution pour obtenir des conteneurs. Sortez-les aux heures de "
                "collecte de la rue et rentrez-les ensuite : ils ne restent pas sur "
                "l'espace public, surtout après une distribution du soir.</p>",
                "<p>Contact the town's cleaning service well before the first "
                "distribution to get bins. Put them out at the street's collection "
                "times and take them back in afterwards: they must not stay on the "
                "street, especially after an evening distribution.</p>",
                "<p>اتصل بمصلحة النظافة في البلدية قبل أول توزيع بوقت كافٍ للحصول على "
                "حاويات. أخرجها في مواعيد الجمع في الشارع ثم أعدها: يجب ألّا تبقى في "
                "الفضاء العام، خاصة بعد توزيع مسائي.</p>",
            ),
        ),
        (
            L(
                "Quelles règles de stationnement et de propreté respecter ?",
                "Which parking and cleanliness rules apply?",
                "ما قواعد الوقوف والنظافة الواجب احترامها؟",
            ),
            L(
                "<p>Garez le véhicule sans gêner la circulation : un stationnement "
                "gênant ou dangereux est sanctionné par une amende. Laisser des "
                "déchets sur la voie publique l'est aussi. Un lieu laissé propre, "
                "c'est une distribution qui peut continuer.</p>",
                "<p>Park without blocking traffic: obstructive or dangerous parking "
                "brings a fine, and so does leaving waste on the street. A place left "
                "clean is a distribution that can carry on.</p>",
                "<p>أوقف المركبة دون عرقلة السير: الوقوف المعرقل أو الخطر يعاقَب "
                "بغرامة، وكذلك ترك النفايات في الطريق العام. المكان الذي يُترك نظيفًا "
                "يعني توزيعًا يمكن أن يستمر.</p>",
            ),
        ),
    ]
    faq_page = PageSpec(
        ContentPage,
        "distributions-alimentaires",
        {
            "title": L(
                "Organiser une distribution alimentaire",
                "Organising a food distribution",
                "تنظيم توزيع للطعام",
            ),
            "introduction": L(
                "Les questions que se posent les nouvelles équipes avant leur première "
                "distribution de rue, et nos réponses.",
                "The questions new teams ask before their first street distribution, "
                "and our answers.",
                "الأسئلة التي تطرحها الفرق الجديدة قبل أول توزيع في الشارع، "
                "وإجاباتنا عنها.",
            ),
            "body": [
                faq(
                    L(
                        "Questions fréquentes",
                        "Frequently asked questions",
                        "أسئلة شائعة",
                    ),
                    questions,
                ),
                call_to_action(
                    L("Cuisiner avec nous", "Cook with us", "اطبخ معنا"),
                    L(
                        "Nous préparons 400 repas par jour ; chaque paire de mains compte.",
                        "We cook 400 meals a day; every pair of hands counts.",
                        "نحضّر 400 وجبة يوميًا؛ كل يد تُحدث فرقًا.",
                    ),
                    L("Devenir bénévole", "Become a volunteer", "كن متطوعًا"),
                    url="https://cuisines-dunes.example.org/benevolat",
                ),
            ],
        },
    )
    news = news_index(
        [
            update(
                "nouvelle-cuisine",
                datetime.date(2026, 9, 30),
                L(
                    "Notre nouvelle cuisine est ouverte",
                    "Our new kitchen is open",
                    "مطبخنا الجديد مفتوح",
                ),
                L(
                    "Deux fois plus de place pour préparer les repas.",
                    "Twice as much room to prepare meals.",
                    "مساحة مضاعفة لتحضير الوجبات.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Chambre froide, plonge et plans de travail neufs : "
                            "nous pouvons désormais préparer 400 repas par jour.</p>",
                            "<p>A cold room, a washing-up area and new worktops: we "
                            "can now prepare 400 meals a day.</p>",
                            "<p>غرفة تبريد ومغسلة وأسطح عمل جديدة: أصبح بإمكاننا "
                            "تحضير 400 وجبة يوميًا.</p>",
                        )
                    )
                ],
            ),
            update(
                "plan-grand-froid",
                datetime.date(2026, 11, 12),
                L(
                    "Grand froid : distributions renforcées",
                    "Cold snap: more distributions",
                    "موجة برد: تعزيز التوزيعات",
                ),
                L(
                    "Soupe chaude et couvertures chaque soir à Loon-Plage.",
                    "Hot soup and blankets every evening in Loon-Plage.",
                    "حساء ساخن وبطانيات كل مساء في لون-بلاج.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Pendant l'alerte, une tournée supplémentaire part à "
                            "21 h. Nous cherchons des chauffeurs.</p>",
                            "<p>During the alert, an extra round leaves at 9 pm. We "
                            "are looking for drivers.</p>",
                            "<p>خلال فترة الإنذار، تنطلق جولة إضافية في التاسعة "
                            "مساءً. نبحث عن سائقين.</p>",
                        )
                    )
                ],
            ),
            update(
                "citerne-puythouck",
                datetime.date(2026, 11, 20),
                L(
                    "La citerne du Puythouck à nouveau remplie chaque matin",
                    "The Puythouck water tank refilled every morning again",
                    "خزان مياه بويتوك يُملأ كل صباح من جديد",
                ),
                L(
                    "Après deux semaines de panne, l'eau potable est de retour.",
                    "After two weeks out of order, drinking water is back.",
                    "بعد أسبوعين من العطل، عادت مياه الشرب.",
                ),
                [
                    paragraph(
                        L(
                            "<p>Merci aux bénévoles qui ont apporté des bidons "
                            "pendant la panne.</p>",
                            "<p>Thank you to the volunteers who brought water cans "
                            "while it was broken.</p>",
                            "<p>شكرًا للمتطوعين الذين أحضروا عبوات المياه أثناء "
                            "العطل.</p>",
                        )
                    )
                ],
            ),
        ]
    )
    home = {
        "title": L(
            "Les Cuisines des Dunes",
            "Les Cuisines des Dunes",
            "مطابخ الكثبان",
            ps="د ډيونز پخلنځي",
            ti="ክሽነታት ዱንስ",
        ),
        "hero_title": L(
            "Un repas chaud, chaque jour",
            "A hot meal, every day",
            "وجبة ساخنة كل يوم",
            ps="هره ورځ ګرم خواړه",
            ti="መዓልታዊ ውዑይ መግቢ",
        ),
        "hero_text": L(
            "Repas, eau potable et premiers soins sur les lieux de vie de "
            "Grande-Synthe et de Loon-Plage, sept jours sur sept.",
            "Meals, drinking water and first aid at the living sites of "
            "Grande-Synthe and Loon-Plage, seven days a week.",
            "وجبات ومياه شرب وإسعافات أولية في أماكن العيش في غراند-سانت ولون-بلاج، "
            "سبعة أيام في الأسبوع.",
            ps="په ګرانډ سینت او لون پلاژ کې خواړه، د څښلو اوبه او لومړنۍ مرسته، "
            "د اونۍ اوه ورځې.",
            ti="ኣብ ግራንድ-ሲንትን ሉን-ፕላዥን መግቢ፡ ናይ ምስታይ ማይን ቀዳማይ ረድኤትን፡ ሸውዓተ መዓልቲ ኣብ ሰሙን።",
        ),
        "hero_cta_label": L(
            "Organiser une distribution",
            "Organise a distribution",
            "نظّم توزيعًا",
            ps="د خوړو ویش",
            ti="ምዕዳል መግቢ",
        ),
        "hero_cta_page": PageRef("/distributions-alimentaires"),
        "introduction": L(
            "Association de Grande-Synthe : cuisine solidaire, distributions de repas "
            "et veille sanitaire sur les lieux de vie du Dunkerquois.",
            "A Grande-Synthe association: a community kitchen, meal distributions "
            "and health monitoring at living sites around Dunkirk.",
            "جمعية في غراند-سانت: مطبخ تضامني وتوزيع وجبات ومراقبة صحية في أماكن "
            "العيش حول دنكيرك.",
            ps="په ګرانډ سینت کې ټولنه: پخلنځی، د خوړو ویش او روغتیايي څارنه.",
            ti="ማሕበር ግራንድ-ሲንት፡ ናይ ሓባር ክሽነ፡ ምዕዳል መግብን ምክትታል ጥዕናን።",
        ),
        "featured_links": [
            *demo_cards(),
            featured_link(
                L(
                    "Organiser une distribution",
                    "Organising a distribution",
                    "تنظيم توزيع",
                    ps="د خوړو ویش",
                    ti="ምዕዳል መግቢ",
                ),
                L(
                    "Bénévoles, chaîne du froid, déchets : nos réponses.",
                    "Volunteers, cold chain, waste: our answers.",
                    "المتطوعون وسلسلة التبريد والنفايات: إجاباتنا.",
                ),
                page=PageRef("/distributions-alimentaires"),
            ),
            featured_link(
                L("Actualités", "News", "الأخبار", ps="خبرونه", ti="ዜናታት"),
                L(
                    "Ce qui change cette semaine.",
                    "What changes this week.",
                    "ما الجديد هذا الأسبوع.",
                ),
                page=PageRef("/actualites"),
            ),
        ],
        "body": [],
    }
    return PageSpec(
        None,
        "",
        home,
        children=[faq_page, news],
        languages=("fr", "en", "ar", "ps", "ti"),
    )


# Which description fills which demo association (by slug).
SITES = {
    "plateforme": hub_site,
    "exod": exod_site,
    "toit-commun": toit_commun_site,
    "dunes": dunes_site,
}
