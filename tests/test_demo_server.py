"""``make demo`` serves the demo as a newcomer should meet it: on this machine
only (its accounts have a known password), with the product's own error pages
rather than Django's debug page, and with its static files and uploaded media
(logos) still served."""

import re
from pathlib import Path

from tests.test_settings_and_commands import run

ROOT = Path(__file__).resolve().parent.parent


def makefile_variable(text, name):
    return re.search(rf"^{name} \?= (.*)$", text, re.M).group(1).strip()


def test_make_demo_binds_locally_without_the_debug_page():
    makefile = (ROOT / "Makefile").read_text()
    assert makefile_variable(makefile, "DEMO_ADDR") == "127.0.0.1"
    assert makefile_variable(makefile, "DEMO_DEBUG") == "0"
    serve = next(line for line in makefile.splitlines() if "runserver" in line)
    assert "DEBUG=$(DEMO_DEBUG)" in serve
    # without DEBUG, runserver serves the static files only when told to
    assert "--insecure" in serve
    assert "$(DEMO_ADDR):8000" in serve


def test_dev_settings_without_debug_still_serve_uploaded_media(tmp_path):
    script = (
        "import django; django.setup(); "
        "from django.conf import settings; from django.urls import resolve; "
        "match = resolve('/media/images/logo-exod.svg'); "
        "print(settings.DEBUG, match.kwargs['path'], match.kwargs['document_root']); "
        "from django.urls import Resolver404\n"
        "try:\n    resolve('/media/documents/private.pdf')\n"
        "except Resolver404:\n    print('documents-refused')"
    )
    result = run(
        ["-c", script],
        env={"DJANGO_SETTINGS_MODULE": "network.settings.dev", "DEBUG": "0"},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    debug, path, root, documents = result.stdout.split()
    assert debug == "False"
    # private documents only go through Wagtail's view, which checks privacy
    assert documents == "documents-refused"
    assert path == "images/logo-exod.svg"
    assert root.endswith("media")
