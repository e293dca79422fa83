"""``{% icon "phone" %}``: a Lucide icon from the committed sprite.

The sprite (``static/icons/sprite.svg``) holds only the icons the sites use;
``tools/build_icon_sprite.py`` builds it from the ``lucide-static`` npm
package. An icon is decoration: it is hidden from assistive technologies and
always sits next to a visible text that says the same. Any app's template
(core or plugin) may use it.
"""

import re
from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

SPRITE = "icons/sprite.svg"
#: Icons that point somewhere, mirrored in right-to-left pages.
DIRECTIONAL = {"arrow-right", "navigation"}


@lru_cache(maxsize=1)
def sprite_icons() -> frozenset:
    """The names of the icons in the sprite."""
    path = finders.find(SPRITE)
    if not path:
        return frozenset()
    with open(path, encoding="utf-8") as sprite:
        return frozenset(re.findall(r'<symbol id="([a-z0-9-]+)"', sprite.read()))


@register.simple_tag
def icon(name, extra_class=""):
    """An inline ``<svg>`` using the sprite's symbol ``name``.

    An unknown name is a template error, so that a missing icon is seen
    while developing rather than shown as an empty square.
    """
    if name not in sprite_icons():
        raise template.TemplateSyntaxError(
            f"No icon '{name}' in {SPRITE}: add it to tools/build_icon_sprite.py."
        )
    classes = " ".join(
        part
        for part in (
            "icon",
            "icon--directional" if name in DIRECTIONAL else "",
            extra_class,
        )
        if part
    )
    return format_html(
        '<svg class="{}" aria-hidden="true" width="20" height="20">'
        '<use href="{}#{}"/></svg>',
        classes,
        static(SPRITE),
        name,
    )
