"""Theme texts are written in the network's default language; on a page in
another language they are marked as such, so that screen readers pronounce
them right and right-to-left pages don't scramble their punctuation."""

from network.models import ThemeSettings


def test_theme_texts_carry_their_own_language(network, client_for):
    theme = ThemeSettings.for_site(network.alpha.site)
    theme.tagline = "Maraudes et permanences à Lille."
    theme.footer_text = "Association loi 1901."
    theme.save()
    body = client_for(network.alpha).get("/ar/").content.decode()
    assert 'lang="ar" dir="rtl"' in body
    assert (
        '<p class="site-tagline" lang="fr" dir="auto">Maraudes et permanences à Lille.'
        in body
    )
    assert 'lang="fr" dir="auto">Association loi 1901.' in body
