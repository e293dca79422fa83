"""Build the public site's icon sprite from Lucide (https://lucide.dev).

    python tools/build_icon_sprite.py            # npm installs lucide-static
    python tools/build_icon_sprite.py --source node_modules/lucide-static

Only the icons listed in ``ICONS`` go into ``static/icons/sprite.svg``, one
``<symbol>`` each, with Lucide's ISC licence beside it
(``static/icons/LICENSE-lucide.txt``). Both files are committed: the sites
never fetch anything from npm or a CDN. Templates show an icon with
``{% icon "phone" %}`` (``sitepages.templatetags.icon_tags``), always next to
a text. To add an icon: add its Lucide name here, run the script, commit.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

LUCIDE_PACKAGE = "lucide-static"
LUCIDE_VERSION = "1.87.0"
OUTPUT = Path(__file__).resolve().parents[1] / "static" / "icons"
SVG_NS = "http://www.w3.org/2000/svg"

# Lucide name -> where it is used.
ICONS = {
    # key actions
    "phone": "call (directory entries, footer)",
    "navigation": "directions (directory entries)",
    "share-2": "share a list (directory)",
    "printer": "printable list (directory)",
    "mail": "e-mail (directory entries, footer)",
    "globe": "website (directory entries)",
    "map-pin": "address, city (footer, members)",
    "message-square": "send by SMS (directory)",
    "heart": "donate (footer)",
    "arrow-right": "card links, 'all updates' (mirrored right to left)",
    "newspaper": "news (home pages)",
    "users": "member associations (hub)",
    "network": "member of the network (footer)",
    # directory categories (directory.icons.CATEGORY_ICONS)
    "house": "housing",
    "utensils": "food",
    "scale": "legal and administrative help",
    "stethoscope": "health",
    "heart-handshake": "psychological support",
    "shower-head": "hygiene",
    "shirt": "clothing",
    "truck": "transport and storage",
    "smartphone-charging": "phone charging, wifi, computers",
    "graduation-cap": "French classes, schooling",
    "tag": "any other category",
}


def install(target: Path) -> Path:
    """``npm install`` the pinned package into ``target``; its folder."""
    subprocess.run(
        [
            "npm",
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--prefix",
            str(target),
            f"{LUCIDE_PACKAGE}@{LUCIDE_VERSION}",
        ],
        check=True,
    )
    return target / "node_modules" / LUCIDE_PACKAGE


def symbol(source: Path, name: str) -> str:
    """One icon as a ``<symbol>``: its shapes, without the outer ``<svg>``."""
    path = source / "icons" / f"{name}.svg"
    if not path.exists():
        raise SystemExit(f"{LUCIDE_PACKAGE} {LUCIDE_VERSION} has no icon '{name}'.")
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    shapes = "".join(_element(child) for child in root)
    return f'<symbol id="{name}" viewBox="{root.get("viewBox")}">{shapes}</symbol>'


def _element(element) -> str:
    """An SVG element written compactly, without namespace prefixes."""
    tag = element.tag.rsplit("}", 1)[-1]
    attributes = "".join(
        f' {key}="{escape(value, quote=True)}"' for key, value in element.attrib.items()
    )
    children = "".join(_element(child) for child in element)
    if children:
        return f"<{tag}{attributes}>{children}</{tag}>"
    return f"<{tag}{attributes}/>"


def build(source: Path) -> None:
    symbols = "\n".join(symbol(source, name) for name in sorted(ICONS))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "sprite.svg").write_text(
        f"<!-- Lucide icons ({LUCIDE_PACKAGE} {LUCIDE_VERSION}), ISC licence: "
        "LICENSE-lucide.txt. Built by tools/build_icon_sprite.py; do not edit. -->\n"
        f'<svg xmlns="{SVG_NS}">\n{symbols}\n</svg>\n',
        encoding="utf-8",
    )
    shutil.copyfile(source / "LICENSE", OUTPUT / "LICENSE-lucide.txt")
    sys.stdout.write(f"{len(ICONS)} icons written to {OUTPUT / 'sprite.svg'}\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="an unpacked lucide-static")
    args = parser.parse_args(argv)
    if args.source:
        build(args.source)
        return
    with tempfile.TemporaryDirectory() as folder:
        build(install(Path(folder)))


if __name__ == "__main__":
    sys.exit(main())
