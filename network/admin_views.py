"""Scoped stand-ins for the Wagtail-core admin views that span every association.

``network.middleware.AssociationAdminScopeMiddleware`` serves these to
association users instead of the stock view (coordinators get the stock one):

* wagtail-localize's snippet API (``/admin/localize/api/snippets/...``), which
  lists every row of a translatable snippet model;
* the tag autocomplete (``/admin/tag-autocomplete/``), which offers every tag
  of the install;
* the image and document listings, whose "Tag" filter offers the most
  popular tags of every collection, and the image chooser, which lists them.

Each one answers with the user's own objects only, through
``network.owners.visible``.
"""

from django.apps import apps
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.urls import reverse
from taggit.models import Tag, TagBase

from network import owners

TAGS_AUTOCOMPLETE_LIMIT = 10


def localize_snippet_api(request, match, app_label, model_name, pk=None):
    """wagtail-localize's snippet chooser API, limited to the user's rows."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    queryset = owners.visible(model, request.user)
    if pk is not None:
        queryset = queryset.filter(pk=pk)
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
    if pk is not None:
        return JsonResponse(rows[0])
    return JsonResponse(rows, safe=False)


def _tagged_item_models(tag_model):
    from taggit.models import ItemBase

    for model in apps.get_models():
        if not issubclass(model, ItemBase):
            continue
        try:
            field = model._meta.get_field("tag")
        except Exception:  # noqa: BLE001 - a through model without "tag"
            continue
        if field.related_model is tag_model:
            yield model


def visible_tags(user, tag_model=Tag, for_model=None):
    """Tags used by at least one object ``user`` may see (of ``for_model``)."""
    tag_ids = set()
    for through in _tagged_item_models(tag_model):
        items = through._default_manager.all()
        if any(f.name == "content_type" for f in through._meta.fields):
            content_types = items.values_list("content_type_id", flat=True).distinct()
            for content_type_id in set(content_types):
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                if model is None or (for_model and model is not for_model):
                    continue
                tag_ids.update(
                    items.filter(
                        content_type_id=content_type_id,
                        object_id__in=owners.visible(model, user).values("pk"),
                    ).values_list("tag_id", flat=True)
                )
        else:
            target = through._meta.get_field("content_object").related_model
            if for_model and target is not for_model:
                continue
            tag_ids.update(
                items.filter(
                    content_object__in=owners.visible(target, user).values("pk")
                ).values_list("tag_id", flat=True)
            )
    return tag_model.objects.filter(pk__in=tag_ids)


def tag_autocomplete(request, match, app_name=None, model_name=None):
    """Wagtail's tag autocomplete, offering only tags of the user's objects."""
    tag_model = Tag
    if app_name and model_name:
        try:
            content_type = ContentType.objects.get_by_natural_key(app_name, model_name)
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        tag_model = content_type.model_class()
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404
    term = request.GET.get("term")
    names = []
    if term:
        names = list(
            visible_tags(request.user, tag_model)
            .filter(name__istartswith=term)
            .order_by("name")
            .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
        )
    return JsonResponse(names, safe=False)


def popular_visible_tags(user, model, count=10):
    """Like Wagtail's ``popular_tags_for_model``, among the user's objects."""
    content_type = ContentType.objects.get_for_model(model)
    return (
        visible_tags(user, Tag, model)
        .filter(taggit_taggeditem_items__content_type=content_type)
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count")[:count]
    )


def _scoped_filterset(filterset_class):
    class ScopedMediaFilterSet(filterset_class):
        def __init__(self, *args, request=None, **kwargs):
            super().__init__(*args, request=request, **kwargs)
            if "tag" in self.filters:
                tags = popular_visible_tags(request.user, self._meta.model)
                choices = [(tag.name, tag.name) for tag in tags]
                if choices:
                    self.filters["tag"].extra["choices"] = choices
                else:
                    del self.filters["tag"]

    ScopedMediaFilterSet.__name__ = f"Scoped{filterset_class.__name__}"
    return ScopedMediaFilterSet


_SCOPED_VIEWS = {}


def scoped_media_index(request, match, *args, **kwargs):
    """The image or document listing with its tag filter scoped."""
    view_class = match.func.view_class
    scoped = _SCOPED_VIEWS.get(view_class)
    if scoped is None:
        scoped = type(
            f"Scoped{view_class.__name__}",
            (view_class,),
            {"filterset_class": _scoped_filterset(view_class.filterset_class)},
        )
        _SCOPED_VIEWS[view_class] = scoped
    return scoped.as_view(**match.func.view_initkwargs)(request, *args, **kwargs)


def _scoped_chooser_class(view_class):
    def get_context_data(self, **kwargs):
        context = super(scoped, self).get_context_data(**kwargs)
        if "popular_tags" in context:
            context["popular_tags"] = popular_visible_tags(
                self.request.user, self.model
            )
        return context

    scoped = type(
        f"Scoped{view_class.__name__}",
        (view_class,),
        {"get_context_data": get_context_data},
    )
    return scoped


def scoped_image_chooser(request, match, *args, **kwargs):
    """The image chooser with its "popular tags" among the user's images."""
    view_class = match.func.view_class
    scoped = _SCOPED_VIEWS.get(view_class)
    if scoped is None:
        scoped = _SCOPED_VIEWS[view_class] = _scoped_chooser_class(view_class)
    return scoped.as_view(**match.func.view_initkwargs)(request, *args, **kwargs)
