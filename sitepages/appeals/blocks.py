"""The appeal progress block: any page embeds an appeal's progress bar."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AppealProgressBlock(blocks.StructBlock):
    """An appeal chosen in a StreamField, shown with its live progress."""

    appeal = blocks.PageChooserBlock(
        label=_("Appeal"), page_type="sitepages.AppealPage"
    )
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=160)

    class Meta:
        icon = "pick"
        # the same group as sitepages.blocks.GROUP_PRACTICAL (which imports this)
        group = _("Practical information")
        template = "blocks/appeal_progress_block.html"
        label = _("Appeal progress")
        description = _(
            "The progress bar of a fundraising appeal, with a link to give."
        )
        # the admin preview shows the newest live appeal (get_preview_value)
        preview_value = {"appeal": None, "heading": ""}

    def get_preview_value(self):
        from sitepages.models import AppealPage

        appeal = AppealPage.objects.live().order_by("-first_published_at").first()
        return {"appeal": appeal.pk if appeal else None, "heading": ""}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        appeal = value.get("appeal")
        appeal = appeal.specific if appeal is not None else None
        if appeal is not None and not appeal.live:
            appeal = None
        context["appeal"] = appeal
        context["totals"] = appeal.ledger() if appeal is not None else None
        return context
