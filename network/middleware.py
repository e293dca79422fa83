"""Closes the side doors Wagtail leaves open between sites on one install.

Stock Wagtail already refuses page edit/history/revision/copy/move views,
image and document listings, and per-site settings to users without rights on
them. This middleware covers the rest, in one place, for every admin user who
is not a network coordinator:

* the page chooser browsing into another association's tree;
* the page-types usage report (it shows other sites' last edited pages);
* every admin URL that names a row of an association-owned model (edit,
  delete, history, usage, revisions, preview, unpublish, copy, inspect,
  chooser ``chosen/<pk>/``, wagtail-localize's translation views, bulk actions);
* wagtail-localize's snippet API, which lists every row to any admin user.

The page chooser's listings and search are filtered by the
``construct_page_chooser_queryset`` hook, and the admin API's image and
document endpoints are replaced in ``network.admin_api``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from network import permissions

SCOPED_PREFIX = "/admin/"
CHOOSER_BROWSE_URLS = {"wagtailadmin_choose_page_child"}
COORDINATOR_ONLY_URLS = {
    ("wagtailadmin_reports", "page_types_usage"),
    ("wagtailadmin_reports", "page_types_usage_results"),
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

        if url_name in CHOOSER_BROWSE_URLS:
            self._check_page(user, view_kwargs.get("parent_page_id"))
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
    def _check_page(user, page_id):
        from wagtail.models import Page

        if page_id is None:
            return
        page = Page.objects.filter(pk=page_id).only("path", "depth").first()
        if page is None or not permissions.user_can_reach_page(user, page):
            raise Http404

    @staticmethod
    def _check_rows(user, model, ids):
        from urllib.parse import unquote

        clean = []
        for raw in ids:
            try:
                clean.append(int(unquote(str(raw))))
            except (TypeError, ValueError):
                raise Http404 from None
        if not clean:
            return
        visible = permissions.policy_for(model).visible_queryset(user)
        if visible.filter(pk__in=clean).count() != len(set(clean)):
            raise Http404
