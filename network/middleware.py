"""Closes the side doors Wagtail leaves open between sites on one install.

Stock Wagtail already refuses page edit/history/revision/copy/move views,
image and document listings, and per-site settings to users without rights on
them. This middleware covers the rest, in one place, for every admin user who
is not a network coordinator:

* the page explorer and the page chooser opened on a page of another
  association's tree (Wagtail lets a user whose rights sit on several home
  pages explore from the tree root, so it would show any page's title and
  site by id), and the chooser's "chosen-multiple" view, which returns the
  title and URL of any page id;
* every view in ``wagtailadmin_pages`` naming a page outside the user's trees
  (Wagtail's move confirmation shows any page's title without a check);
* bulk actions (``/admin/bulk/<app>/<model>/<action>/?id=...``) on pages,
  images and documents: their confirmation screens list the titles of every
  id given, including those the user may not act on;
* the page-types usage report (it shows other sites' last edited pages) and
  wagtail-localize's translations report (every translation of every site);
* every admin URL that names a row of an association-owned model (edit,
  delete, history, usage, revisions, preview, unpublish, copy, inspect,
  chooser ``chosen/<pk>/``, wagtail-localize's translation views, bulk actions);
* wagtail-localize's snippet API, which lists every row to any admin user.

The page chooser's listings and search are filtered by the
``construct_page_chooser_queryset`` hook, and the admin API's image and
document endpoints are replaced in ``network.admin_api``.
"""

from django.core.exceptions import PermissionDenied

from network import permissions

SCOPED_PREFIX = "/admin/"
# URL names whose ``parent_page_id`` must lie in the user's trees.
PAGE_BROWSE_URLS = {
    "wagtailadmin_choose_page_child",
    "wagtailadmin_explore",
    "wagtailadmin_explore_results",
}
# URL names listing pages by their ``?id=`` query parameters.
PAGE_IDS_URLS = {"wagtailadmin_choose_page_chosen_multiple"}
# Keyword arguments naming a page in the ``wagtailadmin_pages`` URLs.
PAGE_KWARGS = ("page_id", "pk", "parent_page_id", "page_to_move_id", "destination_id")
BULK_ACTION_URL = "wagtail_bulk_action"
COORDINATOR_ONLY_URLS = {
    ("wagtailadmin_reports", "page_types_usage"),
    ("wagtailadmin_reports", "page_types_usage_results"),
    # wagtail-localize's report lists every translation of every site
    ("wagtail_localize", "translations_report"),
    ("wagtail_localize", "translations_report_results"),
}
LOCALIZE_SNIPPET_API = {"snippets_api_listing", "snippets_api_detail"}


def _snippet_model_from_namespace(namespace):
    """``wagtailsnippets_directory_organisation`` → Organisation (if owned)."""
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            rest = namespace[len(prefix) :]
            for label, model in permissions.ASSOCIATION_OWNED_MODELS.items():
                if rest == label.replace(".", "_"):
                    return model
    return None


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
        namespace = match.namespace or ""
        url_name = match.url_name or ""

        if url_name in PAGE_BROWSE_URLS and not namespace:
            self._check_pages(user, [view_kwargs.get("parent_page_id")])
        elif url_name in PAGE_IDS_URLS and not namespace:
            self._check_pages(user, request.GET.getlist("id"))
        elif namespace == "wagtailadmin_pages":
            self._check_pages(user, [view_kwargs.get(key) for key in PAGE_KWARGS])
        elif url_name == BULK_ACTION_URL and not namespace:
            self._check_bulk_action(request, user, view_kwargs)
        elif (namespace, url_name) in COORDINATOR_ONLY_URLS:
            raise PermissionDenied
        elif namespace == "wagtail_localize" and url_name in LOCALIZE_SNIPPET_API:
            model = permissions.owned_model(
                view_kwargs.get("app_label", ""), view_kwargs.get("model_name", "")
            )
            if model is not None:
                from network.admin_api import scoped_localize_snippet_api

                return scoped_localize_snippet_api(
                    request, model, url_name, view_kwargs
                )
        else:
            model = _snippet_model_from_namespace(namespace)
            if model is None and "app_label" in view_kwargs:
                model = permissions.owned_model(
                    view_kwargs.get("app_label", ""), view_kwargs.get("model_name", "")
                )
            if model is not None:
                ids = [view_kwargs["pk"]] if "pk" in view_kwargs else []
                if "object_id" in view_kwargs:
                    ids.append(view_kwargs["object_id"])
                if url_name == "bulk_action" or "action" in view_kwargs:
                    ids += request.GET.getlist("id")
                self._check_rows(user, model, ids)
        return None

    @staticmethod
    def _check_pages(user, page_ids):
        """Refuse unless every page named lies in the user's associations' trees."""
        from wagtail.models import Page

        ids = set()
        for raw in page_ids:
            if raw is None:
                continue
            try:
                ids.add(int(raw))
            except (TypeError, ValueError):
                raise PermissionDenied from None
        if not ids:
            return
        pages = Page.objects.filter(pk__in=ids).only("path", "depth")
        found = 0
        for page in pages:
            found += 1
            if not permissions.user_can_reach_page(user, page):
                raise PermissionDenied
        if found != len(ids):
            raise PermissionDenied

    def _check_bulk_action(self, request, user, view_kwargs):
        """Bulk actions on pages, images, documents and owned rows.

        ``?id=all`` makes Wagtail act on a whole listing: for pages it is the
        children (or, when searching, descendants) of ``childOf``, or every
        page of every site when ``childOf`` is missing, so ``childOf`` must be
        one of the user's pages. Wagtail resolves ``all`` for images and
        documents from the user's own collections, but for snippets from every
        row, so it is refused for association-owned models.
        """
        from django.apps import apps
        from wagtail.models import Page

        from network.admin_api import visible_media

        try:
            model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
        except (KeyError, LookupError, ValueError):
            return
        ids = request.GET.getlist("id")
        select_all = "all" in ids
        ids = [value for value in ids if value != "all"]
        owned = permissions.owned_model(model._meta.app_label, model._meta.model_name)
        if issubclass(model, Page):
            if select_all:
                parent = Page.objects.filter(
                    pk__in=self._clean_ids([request.GET.get("childOf") or "-"])
                ).first()
                if (
                    parent is None
                    or parent.depth < 2
                    or not permissions.user_can_reach_page(user, parent)
                ):
                    raise PermissionDenied
            self._check_pages(user, ids)
        elif owned is not None:
            if select_all:
                raise PermissionDenied
            self._check_rows(user, model, ids)
        elif hasattr(model, "collection_id") and ids:
            clean = self._clean_ids(ids)
            allowed = visible_media(model, user, model._default_manager.all())
            if allowed.filter(pk__in=clean).count() != len(clean):
                raise PermissionDenied

    @staticmethod
    def _clean_ids(ids):
        from urllib.parse import unquote

        clean = set()
        for raw in ids:
            try:
                clean.add(int(unquote(str(raw))))
            except (TypeError, ValueError):
                raise PermissionDenied from None
        return clean

    def _check_rows(self, user, model, ids):
        clean = self._clean_ids(ids)
        if not clean:
            return
        visible = permissions.policy_for(model).visible_queryset(user)
        if visible.filter(pk__in=clean).count() != len(clean):
            raise PermissionDenied
