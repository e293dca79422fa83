"""Admin forms for association-owned data.

``AssociationScopedFormMixin`` limits every foreign key and many-to-many field
of a form (and of its inline child forms) to the objects the editor may use,
through ``network.owners.visible``: their own association, images and
documents of their collections, pages of their trees, their own rows of
association-owned models, any row of a model declared shared. A forged id is a
form error ("Select a valid choice"). The viewsets of ``network.viewsets`` add
it to every form they build, so a model need not name it;
``AssociationOwnedForm`` is the ready-made base form for ``base_form_class``.

Page forms and site-setting forms hold association-owned data too (a cover
image, a prerequisite course, a contributor credited inline): when the apps
are ready, ``scope_admin_forms`` gives every page and site-setting model (and
every other model with a ``base_form_class``) a scoped base form, whatever
base form it declared.

StreamField chooser blocks (an image, a document, a page, a snippet) hold
ids too: an object newly chosen in a block must be one the editor may use
(``chosen_in_blocks``); objects already there (put by a coordinator) stay.

A field whose choices span the network on purpose (an appeal's partner
associations) is named in the model's ``network_wide_choice_fields``; it is
left as Wagtail builds it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.auth import LoginForm

from network import owners, permissions


class _ScopedChooserWidget:
    """A chooser widget that shows only an object the user may use: a form
    redisplayed after a forged id must not show that object's title."""

    network_queryset = None

    def get_instance(self, value):
        instance = super().get_instance(value)
        if instance is None or self.network_queryset is None:
            return instance
        if not self.network_queryset.filter(pk=instance.pk).exists():
            return None
        return instance


def _scope_widget(field):
    from wagtail.admin.widgets.chooser import BaseChooser

    widget = field.widget
    if not isinstance(widget, BaseChooser):
        return
    if not isinstance(widget, _ScopedChooserWidget):
        widget.__class__ = type(
            f"Scoped{type(widget).__name__}", (_ScopedChooserWidget, type(widget)), {}
        )
    widget.network_queryset = field.queryset


def scope_choice_fields(form, user):
    """Narrow every model-choice field of ``form`` to what ``user`` may use."""
    model = getattr(getattr(form, "_meta", None), "model", None)
    open_fields = set(getattr(model, "network_wide_choice_fields", ()))
    if model is not None:
        # an inline formset's own row id: Django limits it to the parent's rows
        open_fields.add(model._meta.pk.name)
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None or not isinstance(field, forms.ModelChoiceField):
            continue
        if name in open_fields:
            continue
        field.queryset = owners.visible(queryset.model, user, queryset)
        _scope_widget(field)


def _scope_formset(formset, user):
    """Every form of an inline formset, the blank template form included
    (``add_fields`` is called for each one Django builds)."""
    for child in formset.forms:
        scope_choice_fields(child, user)
    add_fields = formset.add_fields

    def scoped_add_fields(form, index):
        add_fields(form, index)
        scope_choice_fields(form, user)

    formset.add_fields = scoped_add_fields


def chosen_in_blocks(block, value):
    """Every object chosen in ``value`` of ``block`` (chooser blocks inside
    streams, structs and lists, at any depth)."""
    from wagtail import blocks

    if value is None:
        return
    if isinstance(block, blocks.ChooserBlock):
        if hasattr(value, "pk"):
            yield value
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from chosen_in_blocks(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from chosen_in_blocks(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from chosen_in_blocks(block.child_block, item)


def _object_key(obj):
    """(root model, pk): a specific page and its ``Page`` row are one."""
    model = obj._meta.concrete_model
    parents = model._meta.get_parent_list()
    return (parents[-1] if parents else model), obj.pk


BLOCK_OBJECT_REFUSED = _(
    "Item %(id)s is not one you may use: choose one of your association's."
)


class AssociationScopedFormMixin:
    """Scopes the model-choice fields of a ``WagtailAdminModelForm``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is None or permissions.is_coordinator(user):
            self._preselect_association()
            return
        scope_choice_fields(self, user)
        for formset in getattr(self, "formsets", {}).values():
            _scope_formset(formset, user)
        self._preselect_association()

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is not None and not permissions.is_coordinator(user):
            self._check_blocks(user, cleaned_data)
        return cleaned_data

    def _check_blocks(self, user, cleaned_data):
        from wagtail.blocks.base import BlockField

        for name, field in self.fields.items():
            if not isinstance(field, BlockField) or name not in cleaned_data:
                continue
            before = {
                _object_key(obj)
                for obj in chosen_in_blocks(
                    field.block, getattr(self.instance, name, None)
                )
            }
            for obj in chosen_in_blocks(field.block, cleaned_data[name]):
                model, pk = _object_key(obj)
                if (model, pk) in before:
                    continue
                rows = model._default_manager.filter(pk=pk)
                if not owners.visible(model, user, rows).exists():
                    self.add_error(name, BLOCK_OBJECT_REFUSED % {"id": pk})
                    break

    def _preselect_association(self):
        field = self.fields.get("association")
        if field is None or self.instance.pk:
            return
        if field.queryset.count() == 1:
            field.initial = field.queryset.first().pk
            field.empty_label = None


class AssociationOwnedForm(AssociationScopedFormMixin, WagtailAdminModelForm):
    """Base form for any model built on ``network.permissions.AssociationOwned``.

    The ``association`` field offers only the user's own associations; every
    other foreign key only what the user may use.
    """


def scoped_form_class(form_class):
    """``form_class`` with ``AssociationScopedFormMixin`` mixed in."""
    if issubclass(form_class, AssociationScopedFormMixin):
        return form_class

    class Scoped(AssociationScopedFormMixin, form_class):
        pass

    Scoped.__name__ = Scoped.__qualname__ = f"AssociationScoped{form_class.__name__}"
    Scoped.__module__ = form_class.__module__
    return Scoped


def _needs_scoped_form(model):
    from wagtail.models import Page

    if issubclass(model, Page):
        return True
    try:
        from wagtail.contrib.settings.models import BaseSiteSetting
    except ImportError:  # pragma: no cover - the settings app is installed
        BaseSiteSetting = ()
    return issubclass(model, BaseSiteSetting) or "base_form_class" in dir(model)


def scope_admin_forms():
    """Give every page, site-setting and other form-declaring model a scoped
    base form (called once from ``NetworkConfig.ready``, before any edit
    handler is built)."""
    from django.apps import apps
    from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
    from wagtail.models import Page

    for model in apps.get_models():
        if not _needs_scoped_form(model):
            continue
        default = WagtailAdminPageForm if issubclass(model, Page) else None
        base = getattr(model, "base_form_class", None) or default
        base = base or WagtailAdminModelForm
        if not issubclass(base, AssociationScopedFormMixin):
            model.base_form_class = scoped_form_class(base)


class AdminLoginForm(LoginForm):
    """Wagtail's admin login form (``WAGTAILADMIN_USER_LOGIN_FORM``), with a
    translated label on its password field: Wagtail leaves it to Django's
    default, the field's name, which reads "Password" in every language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
