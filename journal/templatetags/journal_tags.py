"""Template helpers of the journal."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def credit_line(article):
    """ "By A, B and Anonymous" for an article (uses prefetched contributors)."""
    names = [
        str(credit.contributor.public_name) for credit in article.contributors.all()
    ]
    if not names:
        return ""
    if len(names) == 1:
        listed = names[0]
    else:
        listed = _("%(names)s and %(last)s") % {
            "names": ", ".join(names[:-1]),
            "last": names[-1],
        }
    return _("By %(names)s") % {"names": listed}


@register.filter
def file_uri(path):
    """A local path as a ``file://`` URI (for WeasyPrint)."""
    from pathlib import Path

    return Path(path).resolve().as_uri()
