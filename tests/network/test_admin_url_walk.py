"""Every admin URL pattern of the install, filled with association B's ids.

The walker iterates the URL resolver under ``/admin/``, asks the mechanism
(``network.middleware.kwarg_models``) which model each argument names, fills
each argument with an object of beta of that model and requests the URL as
alpha's editor: every one must answer 403, unless its objects are declared
shared across associations. A pattern with an argument the mechanism cannot
resolve to an owner is reported, and the test fails: a new view with an id
needs an owner rule (and is refused meanwhile, as the throwaway views show).
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver, resolve, reverse
from wagtail.models import Locale, Task
from wagtail_localize.models import OverridableSegment, StringSegment

from network import middleware, owners

pytestmark = pytest.mark.usefixtures("planted")

ARGUMENT = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")
# Arguments that name no object, and the value each takes in the walk.
FIXED_VALUES = {
    "content_type_app_name": "sitepages",
    "content_type_model_name": "contentpage",
    "action": "delete",
    "action_name": "approve",
    "mode": "default",
    "filter_spec": "original",
    "session_id": "1",
}
# (namespace, name) -> app_label/model_name arguments of that pattern
MODEL_ARGUMENTS = {
    "wagtailsettings": ("network", "themesettings"),
    "wagtailadmin_workflows": ("wagtailcore", "groupapprovaltask"),
    "wagtailadmin_pages": ("sitepages", "contentpage"),
}
# Patterns that name nobody's object by an id: the anonymous password reset
# (a signed token), skipped with their reason.
NOT_OBJECT_URLS = {"wagtailadmin_password_reset_confirm"}


def admin_patterns(resolver=None, prefix="", namespace=""):
    """(namespace, name, route) of every admin URL pattern with arguments."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from admin_patterns(pattern, route, inner)
        elif route.lstrip("^").startswith("admin/") and ARGUMENT.search(route):
            yield namespace, pattern.name, route


def arguments(route):
    return [a or b for a, b in ARGUMENT.findall(route)]


def objects_of(world, planted, slug):
    """The pk of one object of that association for every model label."""
    side = getattr(world, slug)
    translation = side.translation
    segment = StringSegment.objects.filter(source=translation.source_id).first()
    override = OverridableSegment.objects.filter(source=translation.source_id).first()
    plugins = {
        label: row.pk
        for label, row in planted.plugins[slug].items()
        if label != "pages"
    }
    return {
        **plugins,
        "wagtailcore.page": side.page.pk,
        "wagtailcore.revision": side.revisions[0],
        "wagtailimages.image": side.image.pk,
        "wagtaildocs.document": side.document.pk,
        "wagtailcore.collection": side.association.root_collection_id,
        "wagtailcore.site": side.association.site_id,
        "wagtailcore.workflow": planted.workflows[slug].pk,
        "wagtailcore.task": planted.tasks[slug].pk,
        "wagtailcore.workflowstate": planted.states[slug].pk,
        "wagtailcore.taskstate": planted.states[slug].current_task_state_id,
        "wagtailcore.uploadedfile": planted.uploads[slug].pk,
        "wagtailredirects.redirect": planted.redirects[slug].pk,
        "wagtail_localize.translation": translation.pk,
        "wagtail_localize.translationsource": translation.source_id,
        "wagtail_localize.stringsegment": segment.pk,
        "wagtail_localize.overridablesegment": override.pk if override else 0,
        "auth.user": side.editor.pk,
        "auth.group": side.association.editors_group_id,
        "directory.organisation": planted.entries[slug].pk,
        "directory.organisationstop": planted.stops[slug].pk,
        "wagtailcore.locale": Locale.get_default().pk,
    }


def _model_arguments(namespace, name):
    if namespace.startswith("wagtailsettings"):
        return MODEL_ARGUMENTS["wagtailsettings"]
    if namespace == "wagtailadmin_workflows":
        return MODEL_ARGUMENTS["wagtailadmin_workflows"]
    if namespace == "wagtailadmin_pages":
        return MODEL_ARGUMENTS["wagtailadmin_pages"]
    return ("directory", "organisation")


def walk(objects):
    """Fill every admin pattern; return (filled URLs, unowned patterns).

    Each filled URL comes with ``{model label: pk}`` of what it names.
    """
    filled, unowned = [], []
    for namespace, name, route in admin_patterns():
        if name in NOT_OBJECT_URLS:
            continue
        names = arguments(route)
        app_label, model_name = _model_arguments(namespace, name)
        values = {}
        for argument in names:
            if argument in ("app_label", "app_name"):
                values[argument] = app_label
            elif argument == "model_name":
                values[argument] = model_name
            elif argument in FIXED_VALUES:
                values[argument] = FIXED_VALUES[argument]
            else:
                values[argument] = "1"
        if not set(names) - middleware.NOT_IDS:
            continue  # names no object
        full = f"{namespace}:{name}" if namespace else name
        path = reverse(full, kwargs=values)
        match = resolve(path)
        models = middleware.kwarg_models(match, match.captured_kwargs)
        missing = [
            argument
            for argument, model in models.items()
            if model is None or not owners.is_resolvable(model)
        ]
        if missing:
            unowned.append((path, route, missing))
            continue
        named = {}
        for argument, model in models.items():
            label = model._meta.label_lower
            if issubclass(model, middleware.get_model("wagtailcore.Page")):
                label = "wagtailcore.page"
            if label not in objects:
                pk = model._default_manager.values_list("pk", flat=True).first()
                objects[label] = pk or 1
            values[argument] = str(objects[label])
            named[label] = objects[label]
        filled.append((reverse(full, kwargs=values), named, models))
    return filled, unowned


def _shared(models):
    return all(
        owners.resolver_for(model) is owners._everything for model in models.values()
    )


def test_every_admin_url_with_an_id_is_owned_and_refused(world, planted, as_user):
    beta = objects_of(world, planted, "beta")
    filled, unowned = walk(dict(beta))
    assert not unowned, (
        "admin URLs with an id and no owner rule (add one in network.owners, "
        f"or @names_object on the view): {unowned}"
    )
    assert len(filled) > 120, f"only {len(filled)} admin URLs walked"
    client = as_user(world.alpha.editor)
    answered = {}
    for url, named, models in filled:
        if _shared(models):
            continue  # shared reference data: Wagtail's own permissions apply
        answered[url] = client.get(url).status_code
    wrong = {url: status for url, status in answered.items() if status != 403}
    assert not wrong, f"beta's objects served to alpha's editor: {wrong}"
    assert len(answered) > 100


def test_every_owner_rule_lets_the_owner_through(world, planted):
    """Positive control of the same walk: alpha's own objects pass the check
    the middleware makes for every URL (people and groups excepted: their
    ids are for coordinators, and one's own account)."""
    alpha = objects_of(world, planted, "alpha")
    filled, _unowned = walk(dict(alpha))
    user = world.alpha.editor
    for url, named, models in filled:
        for model in set(models.values()):
            label = model._meta.label_lower
            if issubclass(model, middleware.get_model("wagtailcore.Page")):
                label = "wagtailcore.page"
            if label == "auth.group" or label not in alpha:
                continue
            ids = [alpha[label]] if label != "auth.user" else [user.pk]
            if label == "wagtail_localize.overridablesegment" and not ids[0]:
                continue
            middleware.check_objects(user, model, ids)  # raises if refused


@pytest.mark.urls("tests.network.throwaway_urls")
def test_a_new_view_without_owner_rule_is_flagged_and_refused(world, planted, as_user):
    """A throwaway view with an id, registered only in this test's URLconf."""
    filled, unowned = walk(objects_of(world, planted, "beta"))
    flagged = {route for _path, route, _missing in unowned}
    assert flagged == {
        "admin/throwaway/<int:secret_id>/",
        "admin/throwaway/pk/<int:pk>/",
    }
    for url in ("/admin/throwaway/7/", "/admin/throwaway/pk/7/"):
        refused = as_user(world.alpha.editor).get(url)
        assert refused.status_code == 403
        assert b"Beta secret" not in refused.content
        served = as_user(world.coordinator).get(url)
        assert served.status_code == 200 and b"Beta secret" in served.content


def test_query_ids_name_objects_too(world, planted, as_user):
    """``?id=`` on bulk actions and choosers is resolved like a path id."""
    beta_task = Task.objects.get(pk=planted.tasks["beta"].pk)
    client = as_user(world.alpha.editor)
    urls = [
        f"/admin/bulk/directory/organisation/delete/?id={planted.entries['beta'].pk}",
        f"/admin/bulk/wagtailimages/image/delete/?id={world.beta.image.pk}",
        f"/admin/bulk/wagtaildocs/document/delete/?id={world.beta.document.pk}",
        f"/admin/bulk/wagtailcore/page/delete/?id={world.beta.page.pk}",
        f"/admin/bulk/auth/user/delete/?id={world.beta.editor.pk}",
        f"/admin/bulk/wagtailcore/task/delete/?id={beta_task.pk}",
        f"/admin/choose-page/chosen-multiple/?id={world.beta.page.pk}",
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
    own = f"/admin/bulk/directory/organisation/delete/?id={planted.entries['alpha'].pk}"
    assert client.get(own).status_code == 200
    assert Group.objects.exists()
