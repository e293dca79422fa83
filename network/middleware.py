"""Deny by default: every admin URL naming an object is checked against its owner.

For every admin request of a user who is not a network coordinator, the
middleware reads what the resolved URL names and refuses (403) unless each
object belongs to the user's associations:

* each keyword argument of the URL is looked up in ``KWARG_MODELS`` by its
  name (``page_id``, ``image_id``, ``translation_id``, ``task_state_id``...);
  the generic ones (``pk``, ``object_id``) name a row of the view's model,
  found from the URL (``URL_MODELS``), its namespace (``NAMESPACE_MODELS``),
  its ``app_label``/``model_name`` arguments, the view's ``model`` (Wagtail's
  generic views and viewsets set it, ``network.owners.names_object`` sets it
  on a function view) or a snippet namespace;
* ``?id=`` parameters name rows of the same model (choosers' ``chosen-multiple``
  views, bulk actions);
* each object is resolved to its owner through ``network.owners.visible``.

An argument that the table cannot resolve to a model, or a model without an
owner rule, is refused: a new plugin view with an id is safe before anyone
thinks about it. ``tests/network/test_admin_url_walk.py`` walks every admin URL
pattern of the install to prove it.

A few Wagtail-core views span every association and offer no hook; they are
replaced here for association users (``_replaced_views``, see
``network.admin_views``) or refused (``COORDINATOR_ONLY_URLS``): the
page-types usage report, wagtail-localize's translations report and snippet
API, the workflow task chooser, the tag autocomplete, the tag filters of the
image and document listings and the image chooser's popular tags.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied

from network import owners, permissions

SCOPED_PREFIX = "/admin/"

# Keyword arguments that name a row of one model, whatever the view.
KWARG_MODELS = {
    "page_id": "wagtailcore.Page",
    "parent_page_id": "wagtailcore.Page",
    "page_to_move_id": "wagtailcore.Page",
    "destination_id": "wagtailcore.Page",
    "page_pk": "wagtailcore.Page",
    "revision_id": "wagtailcore.Revision",
    "revision_id_a": "wagtailcore.Revision",
    "revision_id_b": "wagtailcore.Revision",
    "image_id": "WAGTAILIMAGES_IMAGE_MODEL",
    "document_id": "WAGTAILDOCS_DOCUMENT_MODEL",
    "doc_id": "WAGTAILDOCS_DOCUMENT_MODEL",
    "collection_id": "wagtailcore.Collection",
    "uploaded_file_id": "wagtailcore.UploadedFile",
    "workflow_state_id": "wagtailcore.WorkflowState",
    "task_state_id": "wagtailcore.TaskState",
    "task_id": "wagtailcore.Task",
    "workflow_pk": "wagtailcore.Workflow",
    "redirect_id": "wagtailredirects.Redirect",
    "translation_id": "wagtail_localize.Translation",
    "translation_source_id": "wagtail_localize.TranslationSource",
    "string_segment_id": "wagtail_localize.StringSegment",
    "overridable_segment_id": "wagtail_localize.OverridableSegment",
}
# Revision comparisons name "live", "earliest" or "latest" instead of an id.
SYMBOLIC_IDS = {"live", "earliest", "latest"}
# Keyword arguments that name no object.
NOT_IDS = {
    "app_label",
    "model_name",
    "app_name",
    "content_type_app_name",
    "content_type_model_name",
    "action",
    "action_name",
    "mode",
    "filter_spec",
    "uidb64",
    "token",
    # editing sessions: Wagtail looks them up by id *and* request.user, and
    # creates a new one for an unknown id (the object is checked by its
    # app_label/model_name/object_id arguments)
    "session_id",
}
# Keyword arguments naming a row of the view's own model.
GENERIC_ID_KWARGS = {"pk", "object_id", "id"}
# The model named by the generic id of one URL (namespace, URL name).
URL_MODELS = {
    ("", "wagtailadmin_choose_page_chosen_multiple"): "wagtailcore.Page",
    ("wagtailadmin_workflows", "edit"): "wagtailcore.Workflow",
    ("wagtailadmin_workflows", "enable"): "wagtailcore.Workflow",
    ("wagtailadmin_workflows", "disable"): "wagtailcore.Workflow",
    ("wagtailadmin_workflows", "usage"): "wagtailcore.Workflow",
    ("wagtailadmin_workflows", "usage_results"): "wagtailcore.Workflow",
    ("wagtailadmin_workflows", "edit_task"): "wagtailcore.Task",
    ("wagtailadmin_workflows", "enable_task"): "wagtailcore.Task",
    ("wagtailadmin_workflows", "disable_task"): "wagtailcore.Task",
}
# The model named by the generic id of every URL of a namespace.
NAMESPACE_MODELS = {
    "wagtailadmin_pages": "wagtailcore.Page",
    "wagtailadmin_api:pages": "wagtailcore.Page",
    "wagtailadmin_api:images": "WAGTAILIMAGES_IMAGE_MODEL",
    "wagtailadmin_api:documents": "WAGTAILDOCS_DOCUMENT_MODEL",
    "wagtailimages_chooser": "WAGTAILIMAGES_IMAGE_MODEL",
    "wagtaildocs_chooser": "WAGTAILDOCS_DOCUMENT_MODEL",
    "wagtailadmin_collections": "wagtailcore.Collection",
}
# Models whose ids in a URL are for coordinators only (the user's own
# account excepted): people and groups are managed by the network.
COORDINATOR_ONLY_MODELS = {"auth.user", "auth.group"}
COORDINATOR_ONLY_URLS = {
    ("wagtailadmin_reports", "page_types_usage"),
    ("wagtailadmin_reports", "page_types_usage_results"),
    # wagtail-localize's report lists every translation of every site
    ("wagtail_localize", "translations_report"),
    ("wagtail_localize", "translations_report_results"),
    # the task chooser lists every task of the install; it serves the
    # workflow editor, which association groups may not use
    ("wagtailadmin_workflows", "task_chooser"),
    ("wagtailadmin_workflows", "task_chooser_results"),
    ("wagtailadmin_workflows", "task_chooser_create"),
}
BULK_ACTION_URL = ("", "wagtail_bulk_action")


def _replaced_views():
    """(namespace, URL name) -> view serving association users instead."""
    from network import admin_views

    return {
        ("wagtail_localize", "snippets_api_listing"): admin_views.localize_snippet_api,
        ("wagtail_localize", "snippets_api_detail"): admin_views.localize_snippet_api,
        ("", "wagtailadmin_tag_autocomplete"): admin_views.tag_autocomplete,
        ("", "wagtailadmin_tag_model_autocomplete"): admin_views.tag_autocomplete,
        ("wagtailimages", "index"): admin_views.scoped_media_index,
        ("wagtailimages", "index_results"): admin_views.scoped_media_index,
        ("wagtaildocs", "index"): admin_views.scoped_media_index,
        ("wagtaildocs", "index_results"): admin_views.scoped_media_index,
        ("wagtailimages_chooser", "choose"): admin_views.scoped_image_chooser,
    }


def get_model(label):
    """``app.Model`` or the name of a setting holding one, to a model class."""
    from django.conf import settings

    if label.startswith("WAGTAIL"):
        label = getattr(
            settings,
            label,
            "wagtailimages.Image" if "IMAGE" in label else "wagtaildocs.Document",
        )
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _snippet_model(namespace):
    """``wagtailsnippets_directory_organisation`` → Organisation."""
    from wagtail.snippets.models import get_snippet_models

    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            rest = namespace[len(prefix) :]
            for model in get_snippet_models():
                if rest == f"{model._meta.app_label}_{model._meta.model_name}":
                    return model
    return None


def _is_site_setting(model):
    try:
        from wagtail.contrib.settings.models import BaseSiteSetting
    except ImportError:
        return False
    return model is not None and issubclass(model, BaseSiteSetting)


def view_model(match, kwargs):
    """The model whose rows the view's generic ids (``pk``, ``?id=``) name."""
    namespace = match.namespace or ""
    label = URL_MODELS.get((namespace, match.url_name or "")) or NAMESPACE_MODELS.get(
        namespace
    )
    if label:
        return get_model(label)
    app_label = kwargs.get("app_label") or kwargs.get("app_name")
    if app_label and kwargs.get("model_name"):
        model = get_model(f"{app_label}.{kwargs['model_name']}")
        if namespace == "wagtailsettings" and _is_site_setting(model):
            return get_model("wagtailcore.Site")  # site settings are edited by site
        if model is not None:
            return model
    func = match.func
    model = (getattr(func, "view_initkwargs", None) or {}).get("model")
    model = model or getattr(getattr(func, "view_class", None), "model", None)
    model = model or getattr(func, "network_model", None)
    if isinstance(model, type):
        return model
    return _snippet_model(namespace)


def kwarg_models(match, kwargs):
    """``{argument name: model}`` for each URL argument naming an object;
    the model is ``None`` when the table cannot tell which model it names."""
    models = {}
    generic_model = None
    for name in kwargs:
        if name in NOT_IDS:
            continue
        if name in KWARG_MODELS:
            models[name] = get_model(KWARG_MODELS[name])
        elif name in GENERIC_ID_KWARGS:
            generic_model = generic_model or view_model(match, kwargs)
            models[name] = generic_model
        else:
            models[name] = None
    return models


def named_objects(match, kwargs, query_ids):
    """``{model: {ids}}`` named by a resolved URL; ``None`` as a key collects
    the arguments the table cannot resolve."""
    named = {}
    for name, model in kwarg_models(match, kwargs).items():
        value = kwargs[name]
        if name in KWARG_MODELS and str(value) in SYMBOLIC_IDS:
            continue
        named.setdefault(model, set()).add(value)
    if query_ids:
        model = view_model(match, kwargs)
        named.setdefault(model, set()).update(query_ids)
    return named


def _clean_ids(model, raw_ids):
    field = model._meta.pk
    clean = set()
    for raw in raw_ids:
        try:
            clean.add(field.to_python(unquote(str(raw))))
        except Exception:  # noqa: BLE001 - any unparsable id is refused
            raise PermissionDenied from None
    return clean


def check_objects(user, model, raw_ids):
    """Refuse unless every id names an existing row ``user`` may see."""
    from wagtail.models import Page

    if model is None or not owners.is_resolvable(model):
        raise PermissionDenied
    ids = _clean_ids(model, raw_ids)
    if not ids:
        return
    label = model._meta.label_lower
    if label in COORDINATOR_ONLY_MODELS:
        if ids != {user.pk}:
            raise PermissionDenied
        return
    queryset = model._default_manager.filter(pk__in=ids)
    if issubclass(model, Page):
        # the tree root holds nothing of anyone's: browsing it is allowed
        visible = permissions.scope_pages(queryset, user, with_ancestors=True)
    else:
        visible = owners.visible(model, user, queryset)
    if visible.count() != len(ids):
        raise PermissionDenied


class AssociationAdminScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(SCOPED_PREFIX):
            return None
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or permissions.is_coordinator(user)
        ):
            return None
        match = request.resolver_match
        if match is None:
            return None
        key = (match.namespace or "", match.url_name or "")
        if key in COORDINATOR_ONLY_URLS:
            raise PermissionDenied
        if key == BULK_ACTION_URL:
            self._check_bulk_action(request, user, view_kwargs)
        else:
            # only what the URL carries: a pattern's own defaults (such as
            # ``{"results_only": True}``) name nothing
            captured = getattr(match, "captured_kwargs", view_kwargs)
            named = named_objects(match, captured, request.GET.getlist("id"))
            for model, ids in named.items():
                check_objects(user, model, ids)
        replacement = _replaced_views().get(key)
        if replacement is not None:
            return replacement(request, match, *view_args, **view_kwargs)
        return None

    @staticmethod
    def _check_bulk_action(request, user, view_kwargs):
        """Bulk actions (``/admin/bulk/<app>/<model>/<action>/?id=...``).

        ``?id=all`` makes Wagtail act on a whole listing: for pages it is the
        children (or, when searching, descendants) of ``childOf``, or every
        page of every site when ``childOf`` is missing, so ``childOf`` must be
        one of the user's pages. Wagtail resolves ``all`` for images and
        documents from the user's own collections, but for snippets from every
        row, so it is refused for every other model.
        """
        from wagtail.models import Page

        model = get_model(
            f"{view_kwargs.get('app_label')}.{view_kwargs.get('model_name')}"
        )
        if model is None:
            raise PermissionDenied
        ids = request.GET.getlist("id")
        select_all = "all" in ids
        ids = [value for value in ids if value != "all"]
        if select_all:
            if issubclass(model, Page):
                parent = Page.objects.filter(
                    pk__in=_clean_ids(Page, [request.GET.get("childOf") or "-"])
                ).first()
                if (
                    parent is None
                    or parent.depth < 2
                    or not permissions.user_can_reach_page(user, parent)
                ):
                    raise PermissionDenied
            elif not hasattr(model, "collection_id"):
                raise PermissionDenied
        check_objects(user, model, ids)
