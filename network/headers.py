"""Security headers beside django-csp's Content-Security-Policy.

The policy itself is ``CONTENT_SECURITY_POLICY`` in the settings: public
pages and documents get it as it is, without ``'unsafe-inline'``; the one
inline ``<style>`` of the public templates (the theme colour) carries
django-csp's nonce (``request.csp_nonce``).

``SecurityHeadersMiddleware`` (placed after ``csp.middleware.CSPMiddleware``,
so that it sees each response first) adds:

* a ``Permissions-Policy`` (``PERMISSIONS_POLICY``) on every response;
* for the Wagtail admin only, ``'unsafe-inline'`` scripts and styles
  (``ADMIN_CSP_REPLACE``): Wagtail's inline panels, date pickers and
  wagtail-localize's editor still write inline scripts.

``allow_inline_styles(response)`` lets a page that cannot carry a nonce
(the standalone server-error page) keep its own ``<style>`` through hashes.
"""

import base64
import hashlib
import re

from django.conf import settings

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"
STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def permissions_policy() -> str:
    """``PERMISSIONS_POLICY`` ({feature: [origins]}) as a header value."""
    parts = []
    for feature, origins in settings.PERMISSIONS_POLICY.items():
        parts.append(f"{feature}=({' '.join(origins)})")
    return ", ".join(parts)


def allow_inline_styles(response):
    """Allow exactly the ``<style>`` elements of ``response``, by hash."""
    hashes = [
        "'sha256-{}'".format(
            base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        )
        for css in STYLE_ELEMENT.findall(response.content.decode())
    ]
    if hashes:
        response._csp_update = {"style-src": hashes}
    return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if PERMISSIONS_POLICY_HEADER not in response:
            response[PERMISSIONS_POLICY_HEADER] = permissions_policy()
        if request.path_info.startswith(settings.ADMIN_CSP_PREFIX):
            response._csp_replace = {
                **settings.ADMIN_CSP_REPLACE,
                **(getattr(response, "_csp_replace", None) or {}),
            }
        return response
