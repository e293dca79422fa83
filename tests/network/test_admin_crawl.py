"""Alpha's editor follows every admin link reachable from ``/admin/``.

Same-host admin links only, GET only, bounded, without logging out or
following destructive actions; no response (pages, fragments, JSON, CSV and
XLSX exports) may contain a marker planted in beta: a draft page title, an
image title, beta's editors' usernames, beta's directory entry names, tags.
"""

import io
import re
import zipfile
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.usefixtures("planted")

MAX_PAGES = 350
MAX_VARIANTS_PER_PATH = 3
# links, data-* URLs, and the sidebar menu's JSON ("url": "/admin/...")
LINK = re.compile(
    r"""(?:href|data-url|data-w-swap-src-value)=["']([^"'#]+)"""
    r"""|["'](/admin/[^"'\s<>#]*)["']"""
)
SKIP = re.compile(
    r"/logout/|/delete|/unpublish|/disable|/revert|/lock/|/unlock/|"
    r"/convert_alias|/convert_to_alias|/remove/|/release/|/ping/|"
    r"/pofile/upload|/machine_translate|/stop|/set_privacy|/enable"
)


def _text(response):
    content = (
        b"".join(response.streaming_content)
        if getattr(response, "streaming", False)
        else response.content
    )
    if content[:2] == b"PK":  # an XLSX export
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(
                archive.read(name).decode(errors="replace")
                for name in archive.namelist()
            )
    return unescape(content.decode(errors="replace"))


def crawl(client, start="/admin/"):
    seen, visited, variants, leaks = {start}, [], {}, []
    queue = deque([start])
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        visited.append((url, response.status_code))
        if response.status_code != 200:
            continue
        text = _text(response)
        yield url, text
        for first, second in LINK.findall(text):
            raw = first or second
            link, _fragment = urldefrag(urljoin(url, unescape(raw)))
            parts = urlsplit(link)
            if parts.netloc or not parts.path.startswith("/admin/"):
                continue
            if SKIP.search(parts.path) or link in seen:
                continue
            count = variants.get(parts.path, 0)
            if parts.query and count >= MAX_VARIANTS_PER_PATH:
                continue
            variants[parts.path] = count + 1
            seen.add(link)
            queue.append(link)
    crawl.visited = visited
    return leaks


def test_alpha_editor_never_meets_a_beta_marker(world, planted, as_user):
    client = as_user(world.alpha.editor)
    leaks = []
    pages = 0
    for url, text in crawl(client):
        pages += 1
        leaks += [(url, marker) for marker in planted.markers if marker in text]
    assert not leaks, f"beta's markers reached alpha's editor: {leaks}"
    # the crawl really went places, and met alpha's own content
    assert pages > 60, f"only {pages} admin pages reached"
    statuses = dict(crawl.visited)
    assert "/admin/reports/site-history/" in statuses
    assert "/admin/images/" in statuses


def test_crawl_positive_control_alpha_markers_are_seen(world, planted, as_user):
    """The same crawl as beta's editor meets beta's markers: the test can fail."""
    client = as_user(world.beta.editor, world.beta)
    found = set()
    for _url, text in crawl(client):
        found.update(marker for marker in planted.markers if marker in text)
        if len(found) >= 5:
            break
    assert len(found) >= 5, found
