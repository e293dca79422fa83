"""Every page type renders in fr, en and ar with the right lang and dir."""

import pytest
from django.utils.html import escape

from tests.sitepages.conftest import LANGUAGES, path_of

PAGE_KEYS = ["home", "content", "plan", "news", "update"]
HUB_KEYS = ["members", "network_news"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", PAGE_KEYS + HUB_KEYS)
def test_every_page_type_renders_in_each_language(
    network, pages, client_for, key, language
):
    association = network.hub if key in HUB_KEYS else network.alpha
    page = pages[key][language]
    response = client_for(association).get(path_of(page))
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert escape(page.title) in html
    assert path_of(page).startswith(f"/{language}/")
