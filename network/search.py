"""The search index only ever holds what is stored in the database, never a
draft's unsaved values.

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

from django.apps import apps
from django.conf import settings
from django.core import checks
from wagtail.models import DraftStateMixin


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
