"""Admin forms for association-owned data.

``AssociationScopedFormMixin`` limits every foreign key and many-to-many field
of a form (and of its inline child forms) to the objects the editor may use,
through ``network.owners.visible``: their own association, images and
documents of their collections, pages of their trees, their own rows of
association-owned models, any row of a model declared shared. A forged id is a
form error ("Select a valid choice"). The viewsets of ``network.viewsets`` add
it to every form they build, so a model need not name it;
``AssociationOwnedForm`` is the ready-made base form for ``base_form_class``.
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
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None or not isinstance(field, forms.ModelChoiceField):
            continue
        field.queryset = owners.visible(queryset.model, user, queryset)
        _scope_widget(field)


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
            for child in formset.forms:
                scope_choice_fields(child, user)
        self._preselect_association()

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


class AdminLoginForm(LoginForm):
    """Wagtail's admin login form (``WAGTAILADMIN_USER_LOGIN_FORM``), with a
    translated label on its password field: Wagtail leaves it to Django's
    default, the field's name, which reads "Password" in every language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
