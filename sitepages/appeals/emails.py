"""The pledge confirmation e-mail, written in the donor's language.

A mail server that fails is logged and leaves the pledge recorded: the donor
still sees her confirmation page, with the same instructions.
"""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def send_confirmation(pledge, confirmation_url):
    if not pledge.email:
        return False
    with translation.override(pledge.language):
        context = {
            "pledge": pledge,
            "appeal": pledge.appeal,
            "confirmation_url": confirmation_url,
        }
        subject = _("Your pledge %(reference)s: how to give") % {
            "reference": pledge.reference
        }
        body = render_to_string("sitepages/appeals/email/confirmation.txt", context)
    try:
        send_mail(subject, body, None, [pledge.email])
    except Exception:  # noqa: BLE001 (any mail backend error; the pledge stands)
        logger.exception("Pledge %s: the confirmation e-mail failed", pledge.reference)
        return False
    return True
