"""Demo content for every sitepages page type, on every demo site.

Called by ``manage.py load_demo`` (named by ``HomePage.demo``) as
``load(stdout, associations)``. The content is data: one YAML file per demo
site, ``demo_data/<association slug>.yaml``, with the site's home page
(``home``) and its page tree (``pages``): content pages (missions, the eviction
collective's nine poles and six-step procedure, a street food distribution
FAQ), an action plan, a news index with updates, and on the hub the members
page and the network news page, in French, English and Arabic (home pages also
in the association's other languages). An association without a file gets no
content from here.

The file format, read by :func:`site_spec` against the page models and their
blocks, so that a mistake names the file and the field:

* a page is a mapping of its fields, plus ``type`` (the model's label, e.g.
  ``sitepages.ContentPage``), ``slug``, ``children`` (pages under it),
  ``languages`` (default: fr, en and ar) and ``show_in_menus`` (default: pages
  just under the home page are in the menu, others are not);
* a translated text is a mapping of language codes, ``{fr: …, en: …, ar: …}``
  (a language it lacks falls back to English);
* a StreamField is a list of one-key mappings, ``- heading: {text: …}``; struct
  and list blocks are written as mappings and lists, and a struct's empty fields
  can be left out;
* a link to a page of the same site (a page chooser or a page foreign key) is
  its slug path, ``/membres``.

A site's file may also describe its appeals for donations (``appeals``, read
by ``sitepages.appeals.demo``).

Plugins' demo cards (:func:`demo_cards`) come first among a home page's
featured links. French pages are found by slug under their parent and created
when missing; other languages are translations of them
(``copy_for_translation``), found with ``get_translation_or_none``. A page is
saved and published only when one of its fields differs from the description,
so running the loader twice changes nothing; each site's line says how many
pages were created, updated and left unchanged.

Plugins write their own demo pages with the same loader from Python:
:class:`L`, :class:`PageSpec`, :class:`PageRef`, :func:`featured_link` and
:class:`SiteLoader` are their API (``docs/plugins.md``).

The texts are the demo's own; facts come from the project's source documents
(the PSM, EXOD, an anti-eviction collective's plan, the City of Paris street
distribution FAQ and the Quebec City homelessness plan 2024–2026).
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from wagtail import blocks, hooks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from sitepages.models import HomePage

#: One YAML file per demo site, named after the association's slug.
DEMO_DATA = Path(__file__).resolve().parent / "demo_data"

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


def featured_link(title, text, *, page=None, url="", optional=False):
    """A home page card. ``optional``: left out while its page does not exist."""
    link = {
        "type": "link",
        "value": {"title": title, "text": text, "page": page, "url": url},
    }
    if optional:
        link["optional"] = True
    return link


# Demo cards: the API plugins use to put a card on the demo home pages ----------

DEMO_CARDS_HOOK = "register_sitepages_demo_cards"


def demo_cards():
    """The home page cards that plugins add to every demo site.

    A plugin registers a function with the ``register_sitepages_demo_cards``
    Wagtail hook; it returns a list of ``featured_link(..., optional=True)``
    cards whose ``page`` is a ``PageRef`` to the page its own demo loader
    creates. The cards come first among a home page's featured links, in
    registration order; an optional card is left out until its page exists,
    so the plugin's loader calls ``SiteLoader.refresh_home`` after creating
    the page. sitepages names no plugin: it only reads the hook.
    """
    return [card for fn in hooks.get_hooks(DEMO_CARDS_HOOK) for card in fn()]


# The data files ------------------------------------------------------------------


class DemoDataError(ValueError):
    """A demo data file that does not match the page models."""


def site_data(slug):
    """The plain data of demo site ``slug``'s file, or None without a file."""
    path = DEMO_DATA / f"{slug}.yaml"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data or {}


def site_spec(slug):
    """The ``PageSpec`` of the home page of demo site ``slug`` (its pages are
    its children), or None when ``demo_data`` has no file for it."""
    data = site_data(slug)
    if data is None:
        return None
    reader = _Reader(f"{slug}.yaml")
    home = reader.page(data.get("home") or {}, HomePage, "home")
    fields = home.fields
    fields["featured_links"] = [*demo_cards(), *fields.get("featured_links", [])]
    home.children = [
        reader.child(page, f"pages[{index}]")
        for index, page in enumerate(data.get("pages") or [])
    ]
    return home


class _Reader:
    """Turns one file's plain data into ``PageSpec``s, ``L`` and ``PageRef``s,
    guided by the models' fields and StreamField blocks."""

    META = {"type", "slug", "children", "languages", "show_in_menus"}

    def __init__(self, filename):
        self.filename = filename

    def error(self, where, message):
        return DemoDataError(f"demo_data/{self.filename}, {where}: {message}")

    def child(self, data, where):
        label = data.get("type", "")
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            raise self.error(where, f"unknown page type '{label}'") from None
        if not issubclass(model, Page) or not data.get("slug"):
            raise self.error(where, "a page needs a page type and a slug")
        where = f"{where} ({data['slug']})"
        spec = self.page(data, model, where)
        spec.children = [
            self.child(page, f"{where}.children[{index}]")
            for index, page in enumerate(data.get("children") or [])
        ]
        return spec

    def page(self, data, model, where):
        fields = {
            name: self.field(model, name, value, f"{where}.{name}")
            for name, value in data.items()
            if name not in self.META
        }
        return PageSpec(
            model if model is not HomePage else None,
            data.get("slug", ""),
            fields,
            languages=tuple(data.get("languages", CORE_LANGUAGES)),
            in_menu=data.get("show_in_menus"),
        )

    def field(self, model, name, value, where):
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            raise self.error(where, f"{model.__name__} has no such field") from None
        if isinstance(model_field, StreamField):
            return self.block(model_field.stream_block, value, where)
        if isinstance(model_field, models.ForeignKey) and issubclass(
            model_field.related_model, Page
        ):
            return PageRef(value) if value else None
        return self.text(value, where)

    def block(self, block, value, where):
        if isinstance(block, blocks.StreamBlock):
            items = []
            for index, item in enumerate(value or []):
                if not isinstance(item, dict) or len(item) != 1:
                    raise self.error(
                        f"{where}[{index}]", "a block is a one-key mapping"
                    )
                ((name, item_value),) = item.items()
                if name not in block.child_blocks:
                    raise self.error(f"{where}[{index}]", f"unknown block '{name}'")
                child = block.child_blocks[name]
                item_where = f"{where}[{index}].{name}"
                items.append(
                    {"type": name, "value": self.block(child, item_value, item_where)}
                )
            return items
        if isinstance(block, blocks.StructBlock):
            unknown = set(value or {}) - set(block.child_blocks)
            if unknown:
                raise self.error(where, f"unknown fields {sorted(unknown)}")
            return {
                name: self.block(block.child_blocks[name], item, f"{where}.{name}")
                for name, item in (value or {}).items()
            }
        if isinstance(block, blocks.ListBlock):
            return [self.block(block.child_block, item, where) for item in value or []]
        if isinstance(block, blocks.PageChooserBlock):
            return PageRef(value) if value else None
        return self.text(value, where)

    def text(self, value, where):
        if not isinstance(value, dict):
            return value
        try:
            return L(**value)
        except TypeError:
            raise self.error(
                where, "a translated text needs at least fr, en and ar"
            ) from None


# The loader ------------------------------------------------------------------


def _comparable(value):
    """Block data without ids, with ListBlock items unwrapped and without
    empty struct fields, so that a stored value and a freshly described one
    compare equal."""
    if isinstance(value, dict):
        if value.get("type") == "item" and set(value) <= {"type", "value", "id"}:
            return _comparable(value.get("value"))
        return {
            k: _comparable(v)
            for k, v in value.items()
            if k != "id" and v not in ("", None)
        }
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    return value


class SiteLoader:
    """Writes one association's page tree from a ``PageSpec`` of its home."""

    def __init__(self, association, stdout):
        self.association = association
        self.stdout = stdout
        self.languages = association.language_codes
        self.default = Locale.get_default().language_code
        self.pages = {}  # (slug path, language) -> page
        self._homes = None  # language -> home page, read when first needed
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
        return _comparable(prepared)

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
        if self._homes is None:
            # Fresh from the database: a cached root page may carry a stale
            # child count, and treebeard would then reuse a child's path.
            home = Page.objects.get(pk=self.association.site.root_page_id).specific
            self._homes = {self.default: home}
            for lang in self.languages:
                if lang != self.default:
                    self._homes[lang] = self._translation(home, lang)
        return self._homes

    def run(self, home_spec):
        """Write the pages of ``home_spec``, then the home page itself, and
        report."""
        self.ensure_pages(home_spec.children)
        self._write_home(home_spec)
        self.report()

    def refresh_home(self):
        """Rewrite the home page of a demo site from its data file.

        A plugin's loader calls it after creating a page that one of its demo
        cards links to, so that the card appears on the first run; the home
        pages count among the pages this loader reports.
        """
        home_spec = site_spec(self.association.slug)
        if home_spec is not None:
            self._write_home(home_spec)

    def _write_home(self, home_spec):
        # Reload the home pages: saving an instance read before its children
        # were added would write back a stale child count.
        self._homes = None
        for lang, page in self.homes.items():
            if lang in home_spec.languages:
                fields = self.resolve(home_spec.fields, lang)
                self.publish(page, self.apply(page, fields))

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
    """Fill every demo site that has a data file, then the demo appeals."""
    for association in associations:
        home_spec = site_spec(association.slug)
        if home_spec is not None:
            SiteLoader(association, stdout).run(home_spec)
    from sitepages.appeals import demo as appeals_demo

    appeals_demo.load(stdout, associations)
