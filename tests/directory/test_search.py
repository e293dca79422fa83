"""Full-text search (Wagtail's database backend) in every translated language."""

from tests.directory.conftest import make_org, translate


def names(response):
    assert response.status_code == 200, response.content
    return sorted(row["name"] for row in response.json()["results"])


def test_search_name_description_city_and_category(network, api):
    make_org(network.alpha, "Le Phare", description="Douches chaudes", city="Calais")
    make_org(
        network.alpha,
        "Permanence",
        categories=["juridique"],
        description="Asile et recours",
        city="Lille",
    )
    assert names(api(q="douches")) == ["Le Phare"]
    assert names(api(q="Lille")) == ["Permanence"]
    assert names(api(q="Phare")) == ["Le Phare"]
    # category names, in any language
    assert names(api(q="droits")) == ["Permanence"]
    assert names(api(q="Legal")) == ["Permanence"]
    assert names(api(q="قانونية")) == ["Permanence"]


def test_search_finds_an_entry_through_any_of_its_translations(network, api):
    source = make_org(network.alpha, "Cantine", description="Repas chauds")
    translate(source, "ar", name="مطعم", description="وجبات ساخنة")
    # an Arabic visitor typing a French word, and the other way round
    assert names(api(q="Repas", lang="ar")) == ["مطعم"]
    assert names(api(q="وجبات", lang="fr")) == ["Cantine"]
    assert names(api(q="وجبات", lang="ar")) == ["مطعم"]


def test_search_is_combined_with_filters(network, api):
    make_org(network.alpha, "Soupe Calais", city="Calais")
    make_org(network.beta, "Soupe Lille", city="Lille")
    assert names(api(q="Soupe", association="beta")) == ["Soupe Lille"]
    assert names(api(q="Soupe", city="Calais")) == ["Soupe Calais"]
