"""Cached navigation never goes stale: publishing, unpublishing, moving and
deleting pages, and editing the theme show up on the next request."""

from network.models import ThemeSettings
from sitepages.models import ContentPage, NewsIndexPage
from tests.sitepages.conftest import add_page, add_updates, home_of, path_of, publish


def menu_of(client, url="/fr/"):
    html = client.get(url).content.decode()
    return html.split('class="site-nav__menu"')[1].split("</nav>")[0]


def test_menu_follows_publication(network, client_for):
    client = client_for(network.alpha)
    home = home_of(network.alpha)
    assert "Missions" not in menu_of(client)
    page = add_page(home, ContentPage, title="Missions", show_in_menus=True)
    assert "Missions" in menu_of(client)
    page.title = "Nos missions"
    publish(page)
    assert "Nos missions" in menu_of(client)
    page.unpublish()
    assert "missions" not in menu_of(client).lower()
    publish(page)
    page.delete()
    assert "missions" not in menu_of(client).lower()


def test_breadcrumbs_follow_moves_and_renames(network, client_for):
    client = client_for(network.alpha)
    home = home_of(network.alpha)
    first = add_page(home, ContentPage, title="Ressources")
    second = add_page(home, ContentPage, title="Documents")
    child = add_page(first, ContentPage, title="Modèles")
    assert ">Ressources</a>" in client.get(path_of(child)).content.decode()
    child.move(second, pos="last-child")
    child.refresh_from_db()
    html = client.get(path_of(child)).content.decode()
    assert ">Documents</a>" in html and ">Ressources</a>" not in html


def test_news_link_and_logo_follow_changes(network, client_for):
    client = client_for(network.alpha)
    ThemeSettings.for_site(network.alpha.site)
    assert "site-brand__logo" not in client.get("/fr/").content.decode()
    news = add_page(home_of(network.alpha), NewsIndexPage, title="Actualités")
    add_updates(news, 1)
    assert f'href="{path_of(news)}"' in client.get("/fr/").content.decode()

    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    theme = ThemeSettings.for_site(network.alpha.site)
    theme.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    theme.save()
    assert "site-brand__logo" in client.get("/fr/").content.decode()
