"""The project's search backend: Wagtail's database backend, plus prefixes.

``WAGTAILSEARCH_BACKENDS`` names this module. It picks the same backend as
``wagtail.search.backends.database`` (PostgreSQL full text, SQLite FTS5, or
the plain fallback) and teaches its query compiler one more query type,
``network.search.Prefix``: a word matched as the start of indexed words
(``"marau"*`` in FTS5, ``'marau':*`` in PostgreSQL). Wagtail's own
``PlainText`` only does that for the last word of an ``autocomplete()`` over
autocomplete fields; ``network.search.search_query`` needs it per word, over
the whole text. The fallback backend already matches substrings.
"""

import functools

from wagtail.search.backends import database

from network.search import Prefix


@functools.cache
def _sqlite_backend():
    from wagtail.search.backends.database.sqlite.query import (
        Lexeme,
        SearchQueryExpression,
    )
    from wagtail.search.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class PrefixSQLiteCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if isinstance(query, Prefix):
                return SearchQueryExpression(
                    Lexeme(query.query_string, prefix=True), config=config
                )
            return super().build_search_query_content(query, config=config)

    class PrefixSQLiteBackend(SQLiteSearchBackend):
        query_compiler_class = PrefixSQLiteCompiler

    return PrefixSQLiteBackend


@functools.cache
def _postgres_backend():
    from django.contrib.postgres.search import SearchQuery
    from wagtail.search.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from wagtail.search.backends.database.postgres.query import Lexeme

    class PrefixPostgresCompiler(PostgresSearchQueryCompiler):
        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(query, Prefix):
                lexeme = Lexeme(query.query_string, invert=invert, prefix=True)
                return SearchQuery(lexeme, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    class PrefixPostgresBackend(PostgresSearchBackend):
        query_compiler_class = PrefixPostgresCompiler

    return PrefixPostgresBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up
    backend = database.SearchBackend(params)
    module = type(backend).__module__
    if module.endswith("sqlite.sqlite"):
        return _sqlite_backend()(params)
    if module.endswith("postgres.postgres"):
        return _postgres_backend()(params)
    return backend
