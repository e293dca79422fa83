"""Finding 10: a Content-Security-Policy without 'unsafe-inline' and a
Permissions-Policy, on a public page, an admin page and a document download.

The public page's only inline ``<style>`` carries the header's nonce, and no
inline script or style attribute would be blocked by the policy.
"""

import re

import pytest
from django.test import RequestFactory

from network.views import server_error

CSP = "Content-Security-Policy"
PERMISSIONS = "Permissions-Policy"


def directives(response):
    header = response[CSP]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part)
    }


def assert_permissions_policy(response):
    policy = response[PERMISSIONS]
    assert "camera=()" in policy and "microphone=()" in policy
    assert "geolocation=(self)" in policy


def assert_strict(response):
    policy = directives(response)
    assert "'unsafe-inline'" not in response[CSP]
    assert "'unsafe-eval'" not in response[CSP]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    return policy


def test_public_page_has_a_strict_policy_and_its_style_the_nonce(world):
    from tests.conftest import site_client

    response = site_client(world.alpha.association).get("/fr/")
    assert response.status_code == 200
    policy = assert_strict(response)
    assert_permissions_policy(response)
    nonces = [v for v in policy["style-src"] if v.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0][len("'nonce-") : -1]
    body = response.content.decode()
    styles = re.findall(r"<style([^>]*)>", body)
    assert styles and all(f'nonce="{nonce}"' in attrs for attrs in styles)
    # nothing the policy would block: no inline script, no style attribute,
    # no inline event handler (JSON data blocks are not scripts)
    for attrs in re.findall(r"<script([^>]*)>", body):
        assert "src=" in attrs or "application/" in attrs, attrs
    assert not re.search(r"\sstyle=|\son[a-z]+=", body)
    # a second request gets a fresh nonce
    again = site_client(world.alpha.association).get("/fr/")
    assert again[CSP] != response[CSP]


def test_admin_page_has_a_policy_and_a_permissions_policy(world, as_user):
    response = as_user(world.alpha.editor).get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    # Wagtail's own inline scripts (inline panels, date pickers) need it
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert_permissions_policy(response)


def test_document_download_has_a_stricter_policy_still(world, as_user):
    """Wagtail's document view sends ``default-src 'none'`` (nothing in a
    downloaded file may run or load anything); ours leaves it alone."""
    document = world.alpha.document
    response = as_user(world.alpha.editor).get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert directives(response) == {"default-src": ["'none'"]}
    assert_permissions_policy(response)


def test_login_pages_have_the_headers(world):
    from tests.conftest import site_client

    response = site_client(world.alpha.association).get("/admin/login/")
    assert response.status_code == 200
    assert CSP in response and PERMISSIONS in response


@pytest.mark.django_db
def test_the_standalone_error_page_keeps_its_style_by_hash(settings):
    """The 500 page cannot carry a nonce (no request context): its style is
    allowed by hash, and still without 'unsafe-inline'."""
    from csp.middleware import CSPMiddleware

    request = RequestFactory().get("/fr/")
    middleware = CSPMiddleware(lambda r: server_error(r))
    middleware.process_request(request)
    response = middleware.process_response(request, server_error(request))
    assert response.status_code == 500
    policy = directives(response)
    assert "'unsafe-inline'" not in response[CSP]
    assert any(value.startswith("'sha256-") for value in policy["style-src"])
