"""View restrictions still protect private sections (BasePage skips Wagtail's
restriction queries only while no restriction exists anywhere)."""

from wagtail.models import PageViewRestriction

from sitepages.models import ContentPage
from tests.sitepages.conftest import add_page, home_of, path_of


def test_password_protected_section_hides_its_pages(network, client_for):
    home = home_of(network.alpha)
    public = add_page(home, ContentPage, title="Nos missions", introduction="Ouvert")
    private = add_page(
        home, ContentPage, title="Espace bénévoles", introduction="Planning secret"
    )
    inner = add_page(private, ContentPage, title="Tours", introduction="Secret interne")
    client = client_for(network.alpha)
    assert "Planning secret" in client.get(path_of(private)).content.decode()

    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="ete2026"
    )
    for page, secret in ((private, "Planning secret"), (inner, "Secret interne")):
        response = client.get(path_of(page))
        assert response.status_code == 200
        assert secret not in response.content.decode(), page.title
        assert 'name="password"' in response.content.decode()
    assert "Ouvert" in client.get(path_of(public)).content.decode()
