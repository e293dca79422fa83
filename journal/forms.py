"""Admin forms of the journal's association-owned models."""

from network import permissions
from network.forms import AssociationOwnedForm


class ConsentForm(AssociationOwnedForm):
    """Offers only the user's own contributors and articles."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is None:
            return
        from journal.models import ArticlePage, Contributor

        if "contributor" in self.fields:
            self.fields["contributor"].queryset = permissions.policy_for(
                Contributor
            ).visible_queryset(user)
        if "article" in self.fields:
            self.fields["article"].queryset = permissions.scope_pages(
                ArticlePage.objects.all(), user
            ).order_by("title")
