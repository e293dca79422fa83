"""wagtail-localize translates an entry: text fields are translated, the rest
(coordinates, hours, categories, stops) is synchronised from the source."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from directory.models import Organisation
from tests.directory.conftest import make_org


def test_translate_entry_with_wagtail_localize(network, api):
    source = make_org(
        network.alpha,
        "Cantine",
        description="Repas chauds",
        opening_hours="Mo-Fr 12:00-14:00",
        latitude=50.95,
        longitude=1.85,
        categories=["alimentation", "hygiene"],
        stops=[{"name": "Parking", "latitude": 50.96, "longitude": 1.86}],
    )
    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    arabic = Locale.objects.get(language_code="ar")
    translation = Translation.objects.create(
        source=translation_source, target_locale=arabic
    )
    for segment in translation_source.stringsegment_set.select_related("string"):
        text = {"Cantine": "مطعم", "Repas chauds": "وجبات ساخنة"}.get(
            segment.string.data
        )
        if text:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=arabic,
                context=segment.context,
                data=text,
            )
    translation.save_target(publish=True)

    target = Organisation.objects.get(
        translation_key=source.translation_key, locale=arabic
    )
    assert target.name == "مطعم" and target.live
    assert target.opening_hours == "Mo-Fr 12:00-14:00"
    assert sorted(c.slug for c in target.categories.all()) == [
        "alimentation",
        "hygiene",
    ]
    assert [stop.name for stop in target.stops.all()] == ["Parking"]
    rows = api(lang="ar", open_at="2026-11-24T12:30:00+01:00").json()["results"]
    assert [row["name"] for row in rows] == ["مطعم"]
    assert rows[0]["language"] == "ar"
