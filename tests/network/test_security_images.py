"""Findings 12 and issue 9: image uploads through the real admin URLs.

A JPEG carrying GPS tags is stored without them (single, multiple and chooser
uploads), its orientation tag kept; a 10,000 × 10,000 px PNG is refused with a
clear message whatever its file size.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from wagtail.images import get_image_model

from tests.conftest import site_client

GPS = ExifTags.IFD.GPSInfo
ORIENTATION = 0x0112


def gps_jpeg():
    image = Image.new("RGB", (64, 32), "teal")
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # rotated: shown upright only if the tag is kept
    exif[GPS] = {1: "N", 2: (50.0, 57.0, 4.0), 3: "E", 4: (1.0, 51.0, 31.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    data = out.getvalue()
    assert GPS in Image.open(io.BytesIO(data)).getexif()  # the test file is real
    return data


def huge_png():
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG", optimize=True)
    return out.getvalue()


def _stored_exif(title):
    image = get_image_model().objects.get(title=title)
    with image.file.open("rb") as handle:
        return Image.open(io.BytesIO(handle.read())).getexif()


def _upload(world, kind, title, data, name):
    side = world.alpha
    client = site_client(side.association, side.editor)
    collection = side.association.root_collection.pk
    upload = SimpleUploadedFile(name, data, "image/jpeg")
    if kind == "single":
        return client.post(
            "/admin/images/add/",
            {"title": title, "file": upload, "collection": collection},
        )
    if kind == "multiple":
        return client.post(
            "/admin/images/multiple/add/",
            {"files[]": upload, "title": title, "collection": collection},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    return client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": title,
            "image-chooser-upload-file": upload,
            "image-chooser-upload-collection": collection,
        },
    )


@pytest.mark.parametrize("kind", ["single", "multiple", "chooser"])
def test_uploaded_images_lose_their_location(world, kind):
    title = f"camp-{kind}"
    response = _upload(world, kind, title, gps_jpeg(), f"{title}.jpg")
    assert response.status_code in {200, 302}
    if kind == "multiple":
        # the multiple uploader names the image after its file
        get_image_model().objects.filter(title__startswith=title).update(title=title)
    exif = _stored_exif(title)
    assert GPS not in exif
    assert exif[ORIENTATION] == 6


@pytest.mark.parametrize("kind", ["single", "multiple", "chooser"])
def test_a_decompression_bomb_is_refused_clearly(world, kind):
    data = huge_png()
    assert len(data) < 100_000  # small file, huge image
    response = _upload(world, kind, f"bomb-{kind}", data, "bomb.png")
    assert not get_image_model().objects.filter(title__startswith="bomb").exists()
    body = response.content.decode()
    assert "100000000" in body.replace("\u202f", "").replace(",", "").replace(" ", "")
