"""Admin API endpoints narrowed to what the user may choose.

Wagtail's admin API (``/admin/api/main/images/`` and ``documents/``) ignores
collection permissions; these replacements list only the images and documents
in collections where the user holds a permission. They are registered with the
``construct_admin_api`` hook (see ``network.wagtail_hooks``), after Wagtail's
own, so they take the same names.
"""

from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from network import owners


def visible_media(model, user, queryset):
    """Images or documents in the collections where ``user`` holds a right."""
    return owners.visible(model, user, queryset)


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
