"""The default directory categories and their names in every network language.

Used by the data migration that creates them (``0002_default_categories``) and
by the ``post_save`` handler on ``Locale`` that adds the translated rows when a
new locale is enabled later (see ``directory.signals``). Slugs are part of the
CSV contract: never rename one.
"""

# (slug, icon, {language code: name})
DEFAULT_CATEGORIES = [
    (
        "hebergement",
        "home",
        {
            "fr": "Hébergement",
            "en": "Housing",
            "ar": "سكن",
            "ps": "استوګنځی",
            "prs": "سرپناه",
            "ti": "መንበሪ",
        },
    ),
    (
        "alimentation",
        "pick",
        {
            "fr": "Alimentation",
            "en": "Food",
            "ar": "طعام",
            "ps": "خواړه",
            "prs": "غذا",
            "ti": "መግቢ",
        },
    ),
    (
        "juridique",
        "clipboard-list",
        {
            "fr": "Accès aux droits",
            "en": "Legal and administrative help",
            "ar": "مساعدة قانونية وإدارية",
            "ps": "حقوقي او اداري مرسته",
            "prs": "کمک حقوقی و اداری",
            "ti": "ሕጋዊን ምምሕዳራዊን ሓገዝ",
        },
    ),
    (
        "sante",
        "plus",
        {
            "fr": "Santé",
            "en": "Health",
            "ar": "صحة",
            "ps": "روغتیا",
            "prs": "صحت",
            "ti": "ጥዕና",
        },
    ),
    (
        "soutien-psy",
        "user",
        {
            "fr": "Soutien psychologique",
            "en": "Psychological support",
            "ar": "دعم نفسي",
            "ps": "رواني ملاتړ",
            "prs": "حمایت روانی",
            "ti": "ስነ-ኣእምሮኣዊ ደገፍ",
        },
    ),
    (
        "hygiene",
        "tint",
        {
            "fr": "Hygiène (douches, toilettes, laverie)",
            "en": "Hygiene (showers, toilets, laundry)",
            "ar": "النظافة (استحمام، مراحيض، غسيل)",
            "ps": "حفظ الصحه (شاور، تشناب، جامې وینځل)",
            "prs": "بهداشت (حمام، تشناب، لباس‌شویی)",
            "ti": "ጽሬት (መሕጸቢ ሰብነት፡ ሽቓቕ፡ ሕጽቦ ክዳን)",
        },
    ),
    (
        "vetements",
        "tag",
        {
            "fr": "Vêtements",
            "en": "Clothing",
            "ar": "ملابس",
            "ps": "جامې",
            "prs": "لباس",
            "ti": "ክዳውንቲ",
        },
    ),
    (
        "logistique",
        "cogs",
        {
            "fr": "Transport et bagagerie",
            "en": "Transport and storage",
            "ar": "نقل وتخزين الأمتعة",
            "ps": "ترانسپورټ او د سامان ساتنه",
            "prs": "حمل و نقل و نگهداری وسایل",
            "ti": "መጓዓዝያን መዐቀቢ ንብረትን",
        },
    ),
    (
        "numerique",
        "mobile-alt",
        {
            "fr": "Numérique (recharge, wifi, ordinateurs)",
            "en": "Phone charging, wifi and computers",
            "ar": "شحن الهاتف، واي فاي وحواسيب",
            "ps": "د تلیفون چارج، وای فای او کمپیوټر",
            "prs": "شارژ تلفن، وای‌فای و کامپیوتر",
            "ti": "ምምላእ ባትሪ ተሌፎን፡ ዋይፋይን ኮምፒተርን",
        },
    ),
    (
        "education",
        "doc-full",
        {
            "fr": "Éducation (cours de français, scolarité)",
            "en": "Education (French classes, schooling)",
            "ar": "تعليم (دروس الفرنسية، المدرسة)",
            "ps": "زده کړه (د فرانسوي ژبې ټولګي، ښوونځی)",
            "prs": "آموزش (کلاس زبان فرانسوی، مکتب)",
            "ti": "ትምህርቲ (ትምህርቲ ፈረንሳይኛ፡ ቤት ትምህርቲ)",
        },
    ),
]

DEFAULT_SLUGS = [slug for slug, _icon, _names in DEFAULT_CATEGORIES]


def ensure_default_categories(Category, Locale, default_language="fr"):
    """Create the default categories in every existing locale (idempotent).

    Works with real or historical models (so the data migration can call it).
    Rows in other locales share the default-locale row's ``translation_key``,
    exactly as wagtail-localize would link them.
    """
    import uuid

    locales = list(Locale.objects.all())
    default = next(
        (loc for loc in locales if loc.language_code == default_language), None
    )
    if default is None:
        return
    for order, (slug, icon, names) in enumerate(DEFAULT_CATEGORIES):
        source = Category.objects.filter(slug=slug, locale=default).first()
        if source is None:
            source = Category.objects.create(
                slug=slug,
                icon=icon,
                sort_order=order,
                name=names["fr"],
                locale=default,
                translation_key=uuid.uuid4(),
            )
        for loc in locales:
            if loc.pk == default.pk:
                continue
            exists = Category.objects.filter(
                translation_key=source.translation_key, locale=loc
            ).exists()
            if not exists:
                Category.objects.create(
                    slug=source.slug,
                    icon=source.icon,
                    sort_order=source.sort_order,
                    name=names.get(loc.language_code, names["en"])
                    if source.slug in DEFAULT_SLUGS
                    else source.name,
                    locale=loc,
                    translation_key=source.translation_key,
                )
