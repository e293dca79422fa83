"""Every uploaded image loses its location before it is stored.

People write from camps: a photo's EXIF GPS tags must not reveal where they
sleep. ``LocationFreeImageForm`` is Wagtail's image form base
(``WAGTAILIMAGES_IMAGE_FORM_BASE``), so the admin's single upload, multiple
upload, chooser upload and any code saving through ``get_image_form`` all go
through it. The GPS block is removed from the EXIF data and the image written
again; the orientation tag and the rest of the EXIF data stay, so a portrait
photo still shows upright. JPEG files keep their quantisation tables
(``quality="keep"``), so no visible quality is lost. SVG files (logos) carry
no EXIF data and pass through unchanged.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from PIL import ExifTags, Image, UnidentifiedImageError
from wagtail.images.forms import BaseImageForm

GPS_IFD = ExifTags.IFD.GPSInfo


def strip_location(data: bytes) -> bytes | None:
    """``data`` without its GPS tags, or None when it carries none."""
    try:
        opened = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:  # an SVG: text, no EXIF
        return None
    with opened as image:
        exif = image.getexif()
        if GPS_IFD not in exif:
            return None
        del exif[GPS_IFD]
        image_format = image.format
        options = {"exif": exif.tobytes()}
        if image_format == "JPEG":
            options["quality"] = "keep"
        out = io.BytesIO()
        image.save(out, format=image_format, **options)
        return out.getvalue()


class LocationFreeImageForm(BaseImageForm):
    """Wagtail's image form, stripping location metadata from new files."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        upload.seek(0)
        cleaned = strip_location(upload.read())
        upload.seek(0)
        if cleaned is None:
            return upload
        stripped = SimpleUploadedFile(upload.name, cleaned, upload.content_type)
        stripped.image = getattr(upload, "image", None)
        return stripped
