"""The icon beside each directory category on the public pages.

Names are Lucide icons from the shared sprite (``static/icons/sprite.svg``,
built by ``tools/build_icon_sprite.py``), shown with ``{% icon %}``
(``sitepages.templatetags.icon_tags``) next to the category's name. A
category added by editors gets the generic ``tag`` icon.
"""

from dataclasses import dataclass

CATEGORY_ICONS = {
    "hebergement": "house",
    "alimentation": "utensils",
    "juridique": "scale",
    "sante": "stethoscope",
    "soutien-psy": "heart-handshake",
    "hygiene": "shower-head",
    "vetements": "shirt",
    "logistique": "truck",
    "numerique": "smartphone-charging",
    "education": "graduation-cap",
}
DEFAULT_ICON = "tag"


def category_icon(slug: str) -> str:
    return CATEGORY_ICONS.get(slug, DEFAULT_ICON)


@dataclass(frozen=True)
class CategoryLabel:
    """A category as a page shows it: its name in the visitor's language and
    its icon. Prints as its name, so ``|join`` lists read as before."""

    name: str
    slug: str

    @property
    def icon(self) -> str:
        return category_icon(self.slug)

    def __str__(self) -> str:
        return self.name
