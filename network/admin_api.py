"""Admin API endpoints narrowed to what the user may choose.

Wagtail's admin API (``/admin/api/main/images/`` and ``documents/``) ignores
collection permissions; these replacements list only the images and documents
in collections where the user holds a permission. They are registered with the
``construct_admin_api`` hook (see ``network.wagtail_hooks``), after Wagtail's
own, so they take the same names.
"""

from django.http import Http404, JsonResponse
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from network import permissions

COLLECTION_ACTIONS = ["add", "change", "choose", "delete"]


def visible_media(model, user, queryset):
    if permissions.is_coordinator(user):
        return queryset
    policy = policy_registry.get_by_type(model)
    allowed = policy.instances_user_has_any_permission_for(user, COLLECTION_ACTIONS)
    return queryset.filter(pk__in=allowed.values("pk"))


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return visible_media(
            get_image_model(), self.request.user, super().get_queryset()
        )


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return visible_media(
            get_document_model(), self.request.user, super().get_queryset()
        )


def scoped_localize_snippet_api(request, model, url_name, kwargs):
    """wagtail-localize's snippet chooser API, limited to the user's rows."""
    from django.contrib.admin.utils import quote
    from django.urls import reverse

    queryset = permissions.policy_for(model).visible_queryset(request.user)
    if url_name == "snippets_api_detail":
        queryset = queryset.filter(pk=kwargs.get("pk"))
        if not queryset.exists():
            raise Http404
    namespace = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"
    rows = [
        {
            "id": obj.pk,
            "title": str(obj),
            "edit_url": reverse(f"{namespace}:edit", args=[quote(obj.pk)]),
        }
        for obj in queryset.order_by("pk")
    ]
    if url_name == "snippets_api_detail":
        return JsonResponse(rows[0])
    return JsonResponse(rows, safe=False)
