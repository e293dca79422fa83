"""How an association's logo is shown: header, members page.

A logo is an ordinary Wagtail image (``ThemeSettings.logo``), bitmap or SVG.
Wagtail keeps an SVG an SVG when a rendition's filter ends with
``preserve-svg``; an SVG is only ever shown through ``<img>``, where its
scripts never run.
"""

#: 96 px high (shown at 48 CSS px, sharp on dense screens), WebP for bitmaps.
LOGO_FILTER = "height-96|format-webp|preserve-svg"


def logo_data(image):
    """``{"url", "width", "height"}`` of ``image`` shown as a logo: its
    rendition at half size, 48 px high. Plain data, fit for the cache."""
    rendition = image.get_rendition(LOGO_FILTER)
    return {
        "url": rendition.url,
        "width": round(rendition.width / 2),
        "height": round(rendition.height / 2),
    }
