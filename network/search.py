"""Search, shared by every app: what is indexed, and how words are matched.

* The index only ever holds what is stored in the database, never a draft's
  unsaved values (``PublishedIndexMixin``, below).
* Words match through their stems and, in the site search, as prefixes
  (``StemmedSearchMixin``, ``search_query``; see "Words, stems and prefixes").
* ``highlight`` makes a result's excerpt with the matched words in ``<mark>``.

Published values only
---------------------

Saving a draft of a live object (a page or a snippet with ``DraftStateMixin``)
writes a revision and leaves the row's published values alone, but the object
in memory carries the draft. Anything that indexes that in-memory object (an
override of ``save``, a signal handler, Wagtail's own ``insert_or_update_object``
called with it) would put the draft's words into the public search and the
directory API's ``q``.

``PublishedIndexMixin.get_indexed_instance`` therefore reloads the row from the
database before it is indexed: for a live object those are its published
values. Every page type (through ``network.plugins.NetworkPageMixin``) and every
indexed model with drafts inherits it; the ``network.E010`` system check refuses
to start a project whose indexed draft-enabled model does not, so that a later
plugin cannot forget it.
"""

import re
import threading
import unicodedata

import snowballstemmer
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db.models import Manager
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import DraftStateMixin
from wagtail.search.query import And, Or, PlainText


class PublishedIndexMixin:
    """Index the stored (published, for a live object) row, not the instance."""

    def get_indexed_instance(self):
        parent = getattr(super(), "get_indexed_instance", None)
        instance = parent() if parent is not None else self
        if instance is None or instance.pk is None:
            return instance
        if not isinstance(instance, DraftStateMixin):
            return instance
        return type(instance)._default_manager.filter(pk=instance.pk).first()


def _project_app(app_config) -> bool:
    base = str(settings.BASE_DIR)
    return app_config.path.startswith(base) and "site-packages" not in app_config.path


def models_indexing_drafts(models):
    """The project's models among ``models`` that have drafts, are indexed
    and would index a draft's values (they lack ``PublishedIndexMixin``)."""
    return [
        model
        for model in models
        if _project_app(apps.get_app_config(model._meta.app_label))
        and issubclass(model, DraftStateMixin)
        and not issubclass(model, PublishedIndexMixin)
    ]


@checks.register(checks.Tags.models)
def check_draft_models_index_published_values(app_configs=None, **kwargs):
    """Every indexed model with drafts in the project uses the mixin."""
    from wagtail.search import index

    models = [
        model
        for model in index.get_indexed_models()
        if app_configs is None
        or apps.get_app_config(model._meta.app_label) in app_configs
    ]
    return [
        checks.Error(
            f"{model._meta.label} has drafts and is indexed for search, "
            "but would index a draft's unsaved values.",
            hint="Inherit network.search.PublishedIndexMixin first.",
            obj=model,
            id="network.E010",
        )
        for model in models_indexing_drafts(models)
    ]


# Words, stems and prefixes ----------------------------------------------------
# What a visitor types rarely matches the indexed text word for word:
# "maraude" against "maraudes", "sante" against "santé". The database backends
# match whole words only (SQLite's FTS5 without stemming; PostgreSQL with one
# text search configuration for every language). So every indexed object also
# carries the Snowball stems of its text, in its own language
# (``StemmedSearchMixin.search_stems``), and ``search_query`` looks a word up
# as itself or as its stem; the site search also matches it as the start of a
# word ("marau"). The same Python stemmers run on SQLite and PostgreSQL, so
# both databases find the same things.

#: Snowball algorithm per language code (languages without one, such as
#: Pashto or Tigrinya, are matched on whole words only).
STEMMER_ALGORITHMS = {
    "ar": "arabic",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fa": "persian",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "prs": "persian",
    "pt": "portuguese",
    "ru": "russian",
    "tr": "turkish",
}
#: At most this many words of a query are used.
MAX_QUERY_WORDS = 12
#: Shorter words are not matched as prefixes ("a" would match everything).
MIN_PREFIX_LENGTH = 3
STEMS_FIELD = "search_stems"

_WORD = re.compile(r"\w+")
_stemmers = threading.local()


def fold(text: str) -> str:
    """Lower case without accents or Arabic short vowels: "Santé" → "sante"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased (underscores split words)."""
    return _WORD.findall(text.casefold().replace("_", " "))


def _stemmer(language_code: str):
    algorithm = STEMMER_ALGORITHMS.get((language_code or "").split("-")[0])
    if algorithm is None:
        return None
    # Snowball stemmers keep state while they work: one per thread.
    cache = getattr(_stemmers, "cache", None)
    if cache is None:
        cache = _stemmers.cache = {}
    if algorithm not in cache:
        cache[algorithm] = snowballstemmer.stemmer(algorithm)
    return cache[algorithm]


def stem_forms(word: str, language_code: str) -> list[str]:
    """The folded stems of one lower-case word ("maraudes", "fr" → ["maraud"]).

    A stemmer reads accents ("infirmière" → "infirmi", "infirmiere" →
    "infirmier"), and visitors often leave them out: the word is stemmed as
    written and without its accents, so either spelling shares a stem.
    """
    stemmer = _stemmer(language_code)
    if stemmer is None:
        return [fold(word)]
    return list(
        dict.fromkeys([fold(stemmer.stemWord(word)), stemmer.stemWord(fold(word))])
    )


def stems(text: str, language_code: str) -> str:
    """The distinct stems of ``text``, space-separated, for the index."""
    return " ".join(
        dict.fromkeys(
            form for word in words(text) for form in stem_forms(word, language_code)
        )
    )


class Prefix(PlainText):
    """One word matched as the start of indexed words (``network.search_backend``)."""

    def __init__(self, word: str):
        super().__init__(word, operator="or")


def search_query(text: str, languages, prefix: bool = False):
    """A Wagtail search query matching every word of ``text``, or ``None``.

    Each word matches as typed, or through its stem in any of ``languages``
    (which should include the language of the content searched); with
    ``prefix``, also as the start of an indexed word.
    """
    languages = list(dict.fromkeys(code for code in languages if code))
    terms = []
    for word in list(dict.fromkeys(words(text)))[:MAX_QUERY_WORDS]:
        forms = dict.fromkeys([word, fold(word)])
        for code in languages:
            forms.update(dict.fromkeys(stem_forms(word, code)))
        options = [PlainText(form) for form in forms]
        if prefix and len(word) >= MIN_PREFIX_LENGTH:
            options.append(Prefix(fold(word)))
        terms.append(options[0] if len(options) == 1 else Or(options))
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else And(terms)


def _flatten(value):
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _flatten(item)
    else:
        yield str(value)


def indexed_texts(obj, fields=None, exclude=()):
    """The text of ``obj``'s search fields (and related fields), as indexed,
    without the fields named in ``exclude``."""
    from wagtail.search import index

    skip = {STEMS_FIELD, *exclude}
    for field in obj.get_search_fields() if fields is None else fields:
        if isinstance(field, index.SearchField) and field.field_name not in skip:
            yield from _flatten(field.get_value(obj))
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, Manager):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for item in related:
                yield from indexed_texts(item, field.fields)


class StemmedSearchMixin:
    """Index the stems of an object's text beside its words.

    Mixed into every page type (``network.plugins.NetworkPageMixin``) and
    every indexed model searched with ``search_query``. The stems are made
    in the object's own language (its locale, or the default language).
    """

    @classmethod
    def get_search_fields(cls):
        from wagtail.search import index

        fields = super().get_search_fields()
        if any(field.field_name == STEMS_FIELD for field in fields):
            return fields
        return [*fields, index.SearchField(STEMS_FIELD)]

    def search_language(self) -> str:
        if getattr(self, "locale_id", None) is not None:
            return self.locale.language_code
        return settings.LANGUAGE_CODE

    def search_stems(self) -> str:
        return stems(" ".join(indexed_texts(self)), self.search_language())


# Excerpts ---------------------------------------------------------------------
EXCERPT_WORDS = 30


def highlight(text: str, query: str, language_code: str, size: int = EXCERPT_WORDS):
    """An excerpt of ``text`` around the first word matching ``query``, with
    the matching words in ``<mark>`` (safe HTML), or ``""`` when ``text`` is
    empty. A word matches when it starts with a query word or shares its stem.
    """
    text = " ".join((text or "").split())
    if not text:
        return ""
    wanted = [
        (fold(word), set(stem_forms(word, language_code))) for word in words(query)
    ]

    def matches(token: str) -> bool:
        lowered = token.casefold()
        folded = fold(lowered)
        token_stems = set(stem_forms(lowered, language_code))
        return any(
            folded == word
            or token_stems & word_stems
            or (len(word) >= MIN_PREFIX_LENGTH and folded.startswith(word))
            for word, word_stems in wanted
        )

    # Tokens: words and what lies between them, so that the text is kept as is.
    tokens = re.split(r"(\w+)", text)
    word_positions = list(range(1, len(tokens), 2))
    first = next((i for i in word_positions if matches(tokens[i])), None)
    start_word = 0
    if first is not None:
        start_word = max(0, word_positions.index(first) - size // 3)
    if start_word >= len(word_positions):
        start_word = 0
    begin = word_positions[start_word] if word_positions else 0
    end_word = start_word + size
    end = word_positions[end_word] if end_word < len(word_positions) else len(tokens)
    pieces = ["… " if begin > 1 else ""]
    for i in range(begin, end):
        token = tokens[i]
        if i % 2 == 1 and matches(token):
            pieces.append(format_html("<mark>{}</mark>", token))
        else:
            pieces.append(conditional_escape(token))
    if end < len(tokens):
        pieces.append(" …")
    return mark_safe("".join(str(piece) for piece in pieces))  # noqa: S308 - escaped above
