"""Admin forms for association-owned data."""

from wagtail.admin.forms import WagtailAdminModelForm

from network import permissions
from network.models import Association


class AssociationOwnedForm(WagtailAdminModelForm):
    """Offers only the user's own associations in the ``association`` field.

    Set it as ``base_form_class`` on any model built on
    ``network.permissions.AssociationOwned``. A forged POST naming another
    association fails validation ("Select a valid choice").
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("association")
        user = getattr(self, "for_user", None)
        if field is None or user is None:
            return
        if not permissions.is_coordinator(user):
            field.queryset = Association.objects.filter(
                pk__in=permissions.user_association_ids(user)
            )
        if field.queryset.count() == 1 and not self.instance.pk:
            field.initial = field.queryset.first().pk
            field.empty_label = None
