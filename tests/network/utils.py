"""Helpers shared by the isolation tests."""

REFUSED = {302, 400, 403, 404}


def ids_of(side):
    """Values for the ``{placeholders}`` of the admin URLs under test."""
    return {
        "root": side.root.pk,
        "page": side.page.pk,
        "rev1": side.revisions[0],
        "rev2": side.revisions[1],
        "image": side.image.pk,
        "document": side.document.pk,
        "site": side.association.site.pk,
        "collection": side.association.root_collection.pk,
        "translation": side.translation.pk,
        "source": side.translation.source_id,
    }


def secrets_of(side):
    """Strings that only appear where that association's content leaks."""
    label = side.association.name
    return [
        f"{label} secret page",
        f"{label} image",
        f"{label} document",
        side.association.site.hostname,
    ]


def assert_refused(response, url, secrets=()):
    """The response refuses access and shows none of ``secrets``.

    Refusals are 403, 404, or Wagtail's redirect to the admin home with a
    "permission denied" message. Django's ``LocaleMiddleware`` turns a 404
    under /admin/ into a redirect to the same path under /fr/, which is not a
    page either: that counts as a 404.
    """
    assert response.status_code in REFUSED, (
        f"{url} answered {response.status_code} instead of refusing"
    )
    if response.status_code == 302:
        location = response["Location"]
        if location == "/fr" + url:
            return
        assert location.rstrip("/").endswith("/admin") or "/login/" in location, (
            f"{url} redirected to {location}, not to the admin home or login"
        )
    body = response.content.decode(errors="replace")
    for secret in secrets:
        assert secret not in body, f"{url} shows {secret!r}"


def assert_not_listed(response, url, secrets):
    """A listing that answers 200 but does not show any of ``secrets``."""
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    body = response.content.decode(errors="replace")
    for secret in secrets:
        assert secret not in body, f"{url} lists {secret!r}"
