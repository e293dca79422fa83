# ruff: noqa: E501 (course texts read better one sentence per line)
"""Demo content of the trainings plugin, run by ``manage.py load_demo``.

``load(stdout, associations)``:

1. writes, on EXOD's site (Lille: drop-in sessions and administrative outreach
   rounds), a "Formations" index with three courses of three modules each, in
   fr, en and ar, through ``sitepages.demo.SiteLoader`` (the same loader as
   the core pages): "Asylum procedure basics", "Running a drop-in session"
   (which requires the first) and "First aid and psychological first aid"
   (open to the whole network);
2. creates demo volunteers at different stages (one certified, one halfway,
   one just enrolled, one from another association), with confirmed e-mails
   and the demo password, so that the reports show something.

Everything is looked up before it is created, so a second run changes nothing.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from sitepages.demo import L, PageSpec, SiteLoader

HOST = "exod"
DEMO_PASSWORD = "maillage-demo"


def text(html):
    return {"type": "text", "value": html}


def key_points(heading, points):
    return {"type": "key_points", "value": {"heading": heading, "points": points}}


def case(title, situation, discussion):
    return {
        "type": "case_study",
        "value": {"title": title, "situation": situation, "discussion": discussion},
    }


def question(q, choices):
    return {
        "type": "question",
        "value": {
            "text": q,
            "choices": [
                {"text": t, "correct": c, "explanation": e} for t, c, e in choices
            ],
        },
    }


VALID_ON = dt.date(2026, 10, 1)
REVIEW_BY = dt.date(2027, 10, 1)
OVERDUE = dt.date(2026, 11, 15)


def module(slug, title, lesson, quiz, *, legal="", jurisdiction="fr", overdue=False):
    from trainings.models import ModulePage

    return PageSpec(
        ModulePage,
        slug,
        {
            "title": title,
            "lesson": lesson,
            "quiz": quiz,
            "pass_mark": 80,
            "legal_basis": legal,
            "jurisdiction": jurisdiction,
            "valid_on": VALID_ON,
            "review_by": OVERDUE if overdue else REVIEW_BY,
        },
    )


# Course 1 ------------------------------------------------------------------


def asylum_basics():
    return [
        module(
            "enregistrement",
            L(
                "Déposer une demande d'asile",
                "Registering an asylum claim",
                "تسجيل طلب اللجوء",
            ),
            [
                text(
                    L(
                        "<p>En France, une personne qui veut demander l'asile se présente d'abord à une structure de premier accueil (SPADA), qui lui donne un rendez-vous au guichet unique (GUDA) de la préfecture. Au guichet, la préfecture enregistre la demande, relève les empreintes et remet une attestation de demande d'asile ; l'Office français de l'immigration et de l'intégration (OFII) propose les conditions matérielles d'accueil.</p>",
                        "<p>In France, a person who wants to claim asylum first goes to a first-reception service (SPADA), which books an appointment at the prefecture's one-stop desk (GUDA). There the prefecture registers the claim, takes fingerprints and issues an asylum claim certificate; the French immigration and integration office (OFII) offers the material reception conditions.</p>",
                        "<p>في فرنسا، يتوجّه الشخص الذي يريد طلب اللجوء أولاً إلى هيئة الاستقبال الأولي (SPADA) التي تحجز له موعداً في الشبّاك الموحّد (GUDA) في المحافظة. هناك تسجّل المحافظة الطلب وتأخذ البصمات وتسلّم شهادة طلب اللجوء، ويعرض المكتب الفرنسي للهجرة والاندماج (OFII) شروط الاستقبال المادية.</p>",
                    )
                ),
                key_points(
                    L("À retenir", "Remember", "تذكّر"),
                    [
                        L(
                            "L'attestation de demande d'asile prouve le séjour régulier pendant l'instruction.",
                            "The asylum claim certificate proves lawful stay while the claim is examined.",
                            "شهادة طلب اللجوء تثبت الإقامة النظامية أثناء دراسة الطلب.",
                        ),
                        L(
                            "Le formulaire OFPRA doit être envoyé dans les 21 jours.",
                            "The OFPRA form must be sent within 21 days.",
                            "يجب إرسال استمارة OFPRA خلال 21 يوماً.",
                        ),
                    ],
                ),
            ],
            [
                question(
                    L(
                        "Où la demande d'asile est-elle enregistrée ?",
                        "Where is the asylum claim registered?",
                        "أين يُسجَّل طلب اللجوء؟",
                    ),
                    [
                        (
                            L(
                                "Au guichet unique (GUDA) de la préfecture",
                                "At the prefecture's one-stop desk (GUDA)",
                                "في الشبّاك الموحّد (GUDA) في المحافظة",
                            ),
                            True,
                            L(
                                "Oui : la SPADA prend le rendez-vous, la préfecture enregistre.",
                                "Yes: the SPADA books the appointment, the prefecture registers.",
                                "نعم: تحجز SPADA الموعد وتسجّل المحافظة الطلب.",
                            ),
                        ),
                        (
                            L("À la mairie", "At the town hall", "في البلدية"),
                            False,
                            L(
                                "La mairie n'a aucun rôle dans l'enregistrement.",
                                "The town hall plays no part in registration.",
                                "لا دور للبلدية في التسجيل.",
                            ),
                        ),
                        (
                            L(
                                "Au commissariat",
                                "At the police station",
                                "في مركز الشرطة",
                            ),
                            False,
                            L(
                                "La police n'enregistre pas les demandes d'asile.",
                                "The police do not register asylum claims.",
                                "الشرطة لا تسجّل طلبات اللجوء.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "Dans quel délai envoyer le formulaire à l'OFPRA ?",
                        "Within how long must the form reach OFPRA?",
                        "خلال كم يوماً يجب إرسال الاستمارة إلى OFPRA؟",
                    ),
                    [
                        (
                            L("21 jours", "21 days", "21 يوماً"),
                            True,
                            L(
                                "Le délai court à partir de l'enregistrement en préfecture.",
                                "The time limit runs from registration at the prefecture.",
                                "تبدأ المهلة من تاريخ التسجيل في المحافظة.",
                            ),
                        ),
                        (
                            L("3 mois", "3 months", "3 أشهر"),
                            False,
                            L(
                                "Trop long : passé 21 jours, la demande risque d'être clôturée.",
                                "Too long: after 21 days the claim may be closed.",
                                "مدة طويلة جداً: بعد 21 يوماً قد يُغلق الطلب.",
                            ),
                        ),
                    ],
                ),
            ],
            legal=L(
                "CESEDA, art. L521-1 et suivants, R531-1",
                "CESEDA, art. L521-1 ff., R531-1",
                "قانون CESEDA، المواد L521-1 وما يليها، R531-1",
            ),
        ),
        module(
            "procedure-ofpra",
            L("L'examen par l'OFPRA", "The OFPRA examination", "دراسة الطلب لدى OFPRA"),
            [
                text(
                    L(
                        "<p>L'Office français de protection des réfugiés et apatrides (OFPRA) examine la demande : il lit le récit écrit, puis convoque la personne à un entretien individuel, avec un interprète dans la langue qu'elle a choisie. Elle peut venir accompagnée d'un avocat ou d'une association habilitée.</p>",
                        "<p>The French office for the protection of refugees and stateless persons (OFPRA) examines the claim: it reads the written account, then calls the person to a personal interview, with an interpreter in the language she chose. She may come with a lawyer or an approved association.</p>",
                        "<p>يدرس المكتب الفرنسي لحماية اللاجئين وعديمي الجنسية (OFPRA) الطلب: يقرأ الرواية المكتوبة ثم يستدعي الشخص إلى مقابلة فردية بحضور مترجم باللغة التي اختارها. ويمكنه الحضور مع محامٍ أو جمعية معتمدة.</p>",
                    )
                ),
                case(
                    L(
                        "Une convocation perdue",
                        "A lost interview letter",
                        "رسالة استدعاء ضائعة",
                    ),
                    L(
                        "Un homme arrive à la permanence : il a changé de domiciliation et pense avoir manqué sa convocation.",
                        "A man comes to the drop-in session: he changed his postal address and thinks he missed his interview.",
                        "يأتي رجل إلى المداومة: غيّر عنوان مراسلته ويظن أنه فوّت موعد المقابلة.",
                    ),
                    L(
                        "<p>Vérifier sur le courrier de l'OFPRA la date, aider à écrire tout de suite pour expliquer l'absence, et signaler le changement d'adresse.</p>",
                        "<p>Check the date on OFPRA's letters, help him write at once to explain the absence, and report the change of address.</p>",
                        "<p>تحقّق من التاريخ في رسائل OFPRA، وساعده على الكتابة فوراً لشرح الغياب، والإبلاغ عن تغيير العنوان.</p>",
                    ),
                ),
            ],
            [
                question(
                    L(
                        "Qui peut accompagner la personne à l'entretien ?",
                        "Who may go with the person to the interview?",
                        "من يمكنه مرافقة الشخص إلى المقابلة؟",
                    ),
                    [
                        (
                            L("Un avocat", "A lawyer", "محامٍ"),
                            True,
                            L(
                                "C'est un droit prévu par la loi.",
                                "It is a right given by law.",
                                "هذا حق ينص عليه القانون.",
                            ),
                        ),
                        (
                            L(
                                "Une association habilitée",
                                "An approved association",
                                "جمعية معتمدة",
                            ),
                            True,
                            L(
                                "Les associations habilitées peuvent assister à l'entretien.",
                                "Approved associations may attend the interview.",
                                "يمكن للجمعيات المعتمدة حضور المقابلة.",
                            ),
                        ),
                        (
                            L(
                                "Un membre de la famille qui traduit",
                                "A family member who translates",
                                "أحد أفراد العائلة ليترجم",
                            ),
                            False,
                            L(
                                "L'OFPRA fournit un interprète professionnel.",
                                "OFPRA provides a professional interpreter.",
                                "يوفّر OFPRA مترجماً محترفاً.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "L'interprète parle :",
                        "The interpreter speaks:",
                        "يتحدث المترجم:",
                    ),
                    [
                        (
                            L(
                                "La langue choisie par la personne",
                                "The language the person chose",
                                "اللغة التي اختارها الشخص",
                            ),
                            True,
                            L(
                                "Elle l'indique lors de l'enregistrement.",
                                "She states it at registration.",
                                "يحدّدها عند التسجيل.",
                            ),
                        ),
                        (
                            L(
                                "Toujours l'anglais",
                                "Always English",
                                "الإنجليزية دائماً",
                            ),
                            False,
                            L(
                                "Non, l'entretien se fait dans une langue qu'elle comprend.",
                                "No, the interview is held in a language she understands.",
                                "لا، تجري المقابلة بلغة يفهمها.",
                            ),
                        ),
                    ],
                ),
            ],
            legal=L(
                "CESEDA, art. L531-12 à L531-17",
                "CESEDA, art. L531-12 to L531-17",
                "قانون CESEDA، المواد L531-12 إلى L531-17",
            ),
        ),
        module(
            "recours-cnda",
            L("Le recours devant la CNDA", "Appealing to the CNDA", "الطعن أمام CNDA"),
            [
                text(
                    L(
                        "<p>Si l'OFPRA rejette la demande, la personne peut faire un recours devant la Cour nationale du droit d'asile (CNDA) dans un délai d'un mois après la notification. Elle peut demander l'aide juridictionnelle pour avoir un avocat gratuitement : cette demande doit être faite dans les 15 jours.</p>",
                        "<p>If OFPRA rejects the claim, the person can appeal to the national asylum court (CNDA) within one month of notification. She can ask for legal aid to get a lawyer free of charge: that request must be made within 15 days.</p>",
                        "<p>إذا رفض OFPRA الطلب، يمكن للشخص الطعن أمام المحكمة الوطنية لحق اللجوء (CNDA) خلال شهر من تاريخ التبليغ. ويمكنه طلب المساعدة القضائية للحصول على محامٍ مجاناً، على أن يُقدَّم هذا الطلب خلال 15 يوماً.</p>",
                    )
                ),
                key_points(
                    L("À retenir", "Remember", "تذكّر"),
                    [
                        L(
                            "Un mois pour le recours, 15 jours pour l'aide juridictionnelle.",
                            "One month to appeal, 15 days for legal aid.",
                            "شهر للطعن و15 يوماً للمساعدة القضائية.",
                        ),
                        L(
                            "Noter la date de notification dès le premier passage.",
                            "Write down the notification date at the first visit.",
                            "دوّن تاريخ التبليغ من الزيارة الأولى.",
                        ),
                    ],
                ),
            ],
            [
                question(
                    L(
                        "Quel est le délai de recours devant la CNDA ?",
                        "How long is there to appeal to the CNDA?",
                        "ما هي مهلة الطعن أمام CNDA؟",
                    ),
                    [
                        (
                            L("Un mois", "One month", "شهر واحد"),
                            True,
                            L(
                                "À compter de la notification de la décision de l'OFPRA.",
                                "From notification of OFPRA's decision.",
                                "ابتداءً من تبليغ قرار OFPRA.",
                            ),
                        ),
                        (
                            L("Un an", "One year", "سنة واحدة"),
                            False,
                            L(
                                "Beaucoup trop long : le recours serait irrecevable.",
                                "Far too long: the appeal would be out of time.",
                                "مدة طويلة جداً: يصبح الطعن غير مقبول.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "L'aide juridictionnelle se demande :",
                        "Legal aid must be requested:",
                        "تُطلب المساعدة القضائية:",
                    ),
                    [
                        (
                            L("Dans les 15 jours", "Within 15 days", "خلال 15 يوماً"),
                            True,
                            L(
                                "Cela suspend le délai de recours.",
                                "This suspends the appeal time limit.",
                                "وهذا يوقف مهلة الطعن.",
                            ),
                        ),
                        (
                            L("Après l'audience", "After the hearing", "بعد الجلسة"),
                            False,
                            L(
                                "Trop tard : l'avocat doit préparer le dossier avant.",
                                "Too late: the lawyer must prepare the case before.",
                                "متأخر جداً: يجب أن يحضّر المحامي الملف قبل ذلك.",
                            ),
                        ),
                    ],
                ),
            ],
            legal=L(
                "CESEDA, art. L532-1 ; loi n° 91-647 (aide juridictionnelle)",
                "CESEDA, art. L532-1; Act 91-647 (legal aid)",
                "قانون CESEDA، المادة L532-1؛ القانون 91-647 (المساعدة القضائية)",
            ),
            overdue=True,  # shows the stale-content warning
        ),
    ]


# Course 2 ------------------------------------------------------------------


def drop_in():
    return [
        module(
            "accueil",
            L(
                "Accueillir à la permanence",
                "Welcoming people at the drop-in session",
                "الاستقبال في المداومة",
            ),
            [
                text(
                    L(
                        "<p>Chaque permanence commence par un accueil calme : on se présente, on explique que l'association est indépendante de la préfecture, que l'aide est gratuite et confidentielle, et on demande dans quelle langue la personne préfère parler.</p>",
                        "<p>Every drop-in session starts with a calm welcome: introduce yourself, explain that the association is independent from the prefecture, that help is free and confidential, and ask which language the person prefers.</p>",
                        "<p>تبدأ كل مداومة باستقبال هادئ: نعرّف بأنفسنا ونشرح أن الجمعية مستقلة عن المحافظة وأن المساعدة مجانية وسرّية، ونسأل الشخص عن اللغة التي يفضّلها.</p>",
                    )
                ),
                key_points(
                    L("À retenir", "Remember", "تذكّر"),
                    [
                        L(
                            "Ne jamais promettre un résultat.",
                            "Never promise an outcome.",
                            "لا تعد أبداً بنتيجة.",
                        ),
                        L(
                            "Noter seulement ce qui est utile au suivi.",
                            "Write down only what the follow-up needs.",
                            "دوّن فقط ما يلزم للمتابعة.",
                        ),
                    ],
                ),
            ],
            [
                question(
                    L(
                        "Que dire en premier à une personne accueillie ?",
                        "What do you say first to a person you welcome?",
                        "ماذا تقول أولاً للشخص الذي تستقبله؟",
                    ),
                    [
                        (
                            L(
                                "Que l'aide est gratuite et confidentielle",
                                "That help is free and confidential",
                                "أن المساعدة مجانية وسرّية",
                            ),
                            True,
                            L(
                                "Cela installe la confiance.",
                                "It builds trust.",
                                "هذا يبني الثقة.",
                            ),
                        ),
                        (
                            L(
                                "Qu'elle obtiendra ses papiers",
                                "That she will get her papers",
                                "أنه سيحصل على أوراقه",
                            ),
                            False,
                            L(
                                "On ne promet jamais un résultat.",
                                "Never promise an outcome.",
                                "لا نعد أبداً بنتيجة.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "L'association travaille-t-elle pour la préfecture ?",
                        "Does the association work for the prefecture?",
                        "هل تعمل الجمعية لصالح المحافظة؟",
                    ),
                    [
                        (
                            L(
                                "Non, elle est indépendante",
                                "No, it is independent",
                                "لا، إنها مستقلة",
                            ),
                            True,
                            L(
                                "Il faut le dire clairement.",
                                "Say so clearly.",
                                "يجب قول ذلك بوضوح.",
                            ),
                        ),
                        (
                            L("Oui", "Yes", "نعم"),
                            False,
                            L(
                                "Non : l'association n'a aucun lien avec l'administration.",
                                "No: the association has no tie to the administration.",
                                "لا: لا صلة للجمعية بالإدارة.",
                            ),
                        ),
                    ],
                ),
            ],
            legal=L(
                "Charte des bénévoles d'EXOD ; RGPD, art. 5",
                "EXOD volunteer charter; GDPR, art. 5",
                "ميثاق متطوعي EXOD؛ اللائحة العامة لحماية البيانات، المادة 5",
            ),
        ),
        module(
            "orienter",
            L(
                "Orienter vers le bon partenaire",
                "Referring to the right partner",
                "التوجيه إلى الشريك المناسب",
            ),
            [
                text(
                    L(
                        "<p>La permanence ne règle pas tout : un besoin de soins, d'hébergement ou de douche se traite avec les partenaires de l'annuaire. On vérifie les horaires du jour, on écrit l'adresse et on explique le trajet.</p>",
                        "<p>The drop-in session does not solve everything: a need for care, shelter or a shower is handled with the partners in the directory. Check today's opening hours, write down the address and explain the way.</p>",
                        "<p>لا تحلّ المداومة كل شيء: الحاجة إلى العلاج أو المأوى أو الاستحمام تُعالج مع الشركاء في الدليل. نتحقّق من مواعيد اليوم ونكتب العنوان ونشرح الطريق.</p>",
                    )
                ),
                case(
                    L(
                        "Une famille sans hébergement",
                        "A family with nowhere to sleep",
                        "عائلة بلا مأوى",
                    ),
                    L(
                        "Une mère et deux enfants arrivent à 17 h sans solution pour la nuit.",
                        "A mother and two children arrive at 5 pm with nowhere to sleep.",
                        "تصل أمّ مع طفلين في الخامسة مساءً دون مكان للمبيت.",
                    ),
                    L(
                        "<p>Appeler le 115 avec elle, noter le nom de l'interlocuteur, puis chercher dans l'annuaire un accueil de jour ouvert le lendemain.</p>",
                        "<p>Call 115 with her, write down who answered, then find in the directory a day centre open tomorrow.</p>",
                        "<p>اتصل بالرقم 115 معها، ودوّن اسم من أجاب، ثم ابحث في الدليل عن مركز نهاري مفتوح في الغد.</p>",
                    ),
                ),
            ],
            [
                question(
                    L(
                        "Quel numéro appeler pour un hébergement d'urgence ?",
                        "Which number do you call for emergency shelter?",
                        "ما الرقم الذي تتصل به لطلب مأوى طارئ؟",
                    ),
                    [
                        (
                            L("Le 115", "115", "115"),
                            True,
                            L(
                                "C'est le numéro national de l'hébergement d'urgence.",
                                "It is the national emergency shelter line.",
                                "إنه الرقم الوطني للإيواء الطارئ.",
                            ),
                        ),
                        (
                            L("Le 17", "17", "17"),
                            False,
                            L(
                                "Le 17 est la police.",
                                "17 is the police.",
                                "الرقم 17 هو الشرطة.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "Avant d'orienter, on vérifie :",
                        "Before referring someone, check:",
                        "قبل التوجيه، تحقّق من:",
                    ),
                    [
                        (
                            L(
                                "Les horaires du jour",
                                "Today's opening hours",
                                "مواعيد اليوم",
                            ),
                            True,
                            L(
                                "Un lieu fermé fait perdre une journée.",
                                "A closed door wastes a day.",
                                "المكان المغلق يضيّع يوماً.",
                            ),
                        ),
                        (
                            L(
                                "L'adresse exacte",
                                "The exact address",
                                "العنوان الدقيق",
                            ),
                            True,
                            L(
                                "Écrite, elle évite de se perdre.",
                                "Written down, it avoids getting lost.",
                                "كتابته تجنّب الضياع.",
                            ),
                        ),
                        (
                            L(
                                "La nationalité du partenaire",
                                "The partner's nationality",
                                "جنسية الشريك",
                            ),
                            False,
                            L(
                                "Cela n'a aucun rapport.",
                                "That is irrelevant.",
                                "لا علاقة لذلك.",
                            ),
                        ),
                    ],
                ),
            ],
        ),
        module(
            "maraude",
            L(
                "Préparer une maraude administrative",
                "Preparing an administrative outreach round",
                "التحضير لجولة إدارية ميدانية",
            ),
            [
                text(
                    L(
                        "<p>En maraude, on va vers les personnes là où elles vivent. On part à deux au moins, avec des fiches pratiques traduites, des attestations de domiciliation vierges et la liste des permanences de la semaine.</p>",
                        "<p>On an outreach round, volunteers go to people where they live. Go at least in pairs, with translated fact sheets, blank address forms and the list of this week's drop-in sessions.</p>",
                        "<p>في الجولة الميدانية نذهب إلى الناس حيث يعيشون. نخرج اثنين على الأقل، ومعنا بطاقات عملية مترجمة واستمارات عنوان فارغة وقائمة مداومات الأسبوع.</p>",
                    )
                ),
            ],
            [
                question(
                    L(
                        "Combien de bénévoles au minimum en maraude ?",
                        "At least how many volunteers go on a round?",
                        "كم متطوعاً على الأقل في الجولة؟",
                    ),
                    [
                        (
                            L("Deux", "Two", "اثنان"),
                            True,
                            L(
                                "On ne part jamais seul.",
                                "Never go alone.",
                                "لا نخرج وحدنا أبداً.",
                            ),
                        ),
                        (
                            L("Un seul suffit", "One is enough", "واحد يكفي"),
                            False,
                            L(
                                "Seul, on ne peut ni se relayer ni se protéger.",
                                "Alone you can neither take turns nor stay safe.",
                                "وحدك لا يمكنك التناوب ولا حماية نفسك.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "Que faut-il emporter ?",
                        "What do you take with you?",
                        "ماذا تحمل معك؟",
                    ),
                    [
                        (
                            L(
                                "Les horaires des permanences",
                                "The drop-in session times",
                                "مواعيد المداومات",
                            ),
                            True,
                            L(
                                "Pour inviter à un suivi.",
                                "To invite people to follow-up.",
                                "لدعوة الناس إلى المتابعة.",
                            ),
                        ),
                        (
                            L(
                                "Des fiches traduites",
                                "Translated fact sheets",
                                "بطاقات مترجمة",
                            ),
                            True,
                            L(
                                "Elles restent après votre passage.",
                                "They stay after you leave.",
                                "تبقى بعد مغادرتك.",
                            ),
                        ),
                    ],
                ),
            ],
        ),
    ]


# Course 3 ------------------------------------------------------------------


def first_aid():
    return [
        module(
            "alerter",
            L(
                "Protéger, alerter, secourir",
                "Protect, alert, help",
                "الحماية والإبلاغ والإسعاف",
            ),
            [
                text(
                    L(
                        "<p>Face à une personne blessée, on protège d'abord (soi-même et les autres), on alerte ensuite le 15 (SAMU) ou le 112, puis on secourt avec les gestes appris. Au téléphone : où, quoi, combien de personnes, et on ne raccroche pas le premier.</p>",
                        "<p>When someone is hurt, first protect (yourself and others), then alert 15 (SAMU) or 112, then help with the moves you learnt. On the phone: where, what, how many people, and never hang up first.</p>",
                        "<p>أمام شخص مصاب نحمي أولاً (أنفسنا والآخرين)، ثم نتصل بالرقم 15 (SAMU) أو 112، ثم نسعف بالحركات التي تعلّمناها. على الهاتف: أين، ماذا، كم شخصاً، ولا نغلق الخط أولاً.</p>",
                    )
                ),
            ],
            [
                question(
                    L(
                        "Quel est le premier geste ?",
                        "What is the first step?",
                        "ما هي الخطوة الأولى؟",
                    ),
                    [
                        (
                            L("Protéger", "Protect", "الحماية"),
                            True,
                            L(
                                "Un sauveteur blessé ne sauve personne.",
                                "An injured helper saves no one.",
                                "المسعف المصاب لا ينقذ أحداً.",
                            ),
                        ),
                        (
                            L("Déplacer la victime", "Move the casualty", "نقل المصاب"),
                            False,
                            L(
                                "Seulement en cas de danger immédiat.",
                                "Only in immediate danger.",
                                "فقط عند الخطر المباشر.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "Quels numéros d'urgence appeler ?",
                        "Which emergency numbers do you call?",
                        "ما أرقام الطوارئ التي تتصل بها؟",
                    ),
                    [
                        (
                            L("Le 15", "15", "15"),
                            True,
                            L(
                                "Le SAMU, pour l'urgence médicale.",
                                "SAMU, for a medical emergency.",
                                "SAMU للطوارئ الطبية.",
                            ),
                        ),
                        (
                            L("Le 112", "112", "112"),
                            True,
                            L(
                                "Le numéro européen, joignable depuis tout téléphone.",
                                "The European number, reachable from any phone.",
                                "الرقم الأوروبي، متاح من أي هاتف.",
                            ),
                        ),
                        (
                            L("Le 3919", "3919", "3919"),
                            False,
                            L(
                                "C'est l'écoute violences femmes, pas une urgence médicale.",
                                "It is the domestic violence line, not a medical emergency.",
                                "إنه خط الاستماع لضحايا العنف، وليس للطوارئ الطبية.",
                            ),
                        ),
                    ],
                ),
            ],
            legal=L(
                "Code pénal, art. 223-6 (non-assistance)",
                "French Criminal Code, art. 223-6",
                "قانون العقوبات الفرنسي، المادة 223-6",
            ),
        ),
        module(
            "hypothermie",
            L(
                "Froid et hypothermie",
                "Cold and hypothermia",
                "البرد وانخفاض حرارة الجسم",
            ),
            [
                text(
                    L(
                        "<p>Sur le littoral, l'hiver et l'humidité exposent à l'hypothermie : frissons, confusion, gestes maladroits. On met la personne à l'abri, on retire les vêtements mouillés, on couvre et on donne une boisson chaude et sucrée si elle est consciente.</p>",
                        "<p>On the coast, winter and damp expose people to hypothermia: shivering, confusion, clumsy moves. Get the person under cover, remove wet clothes, wrap her up and give a warm sweet drink if she is conscious.</p>",
                        "<p>على الساحل يعرّض الشتاء والرطوبة لانخفاض حرارة الجسم: ارتجاف وارتباك وحركات غير متناسقة. نضع الشخص في مكان محمي وننزع الملابس المبللة ونغطّيه ونعطيه مشروباً ساخناً محلّى إذا كان واعياً.</p>",
                    )
                ),
                key_points(
                    L("Signes d'alerte", "Warning signs", "علامات الإنذار"),
                    [
                        L(
                            "Frissons intenses puis arrêt des frissons",
                            "Strong shivering, then shivering stops",
                            "ارتجاف شديد ثم توقّفه",
                        ),
                        L(
                            "Confusion, somnolence",
                            "Confusion, drowsiness",
                            "ارتباك ونعاس",
                        ),
                    ],
                ),
            ],
            [
                question(
                    L(
                        "Que faire d'abord ?",
                        "What do you do first?",
                        "ماذا تفعل أولاً؟",
                    ),
                    [
                        (
                            L(
                                "Mettre à l'abri et retirer les vêtements mouillés",
                                "Get under cover and remove wet clothes",
                                "الاحتماء ونزع الملابس المبللة",
                            ),
                            True,
                            L(
                                "L'humidité accélère la perte de chaleur.",
                                "Damp speeds up heat loss.",
                                "الرطوبة تسرّع فقدان الحرارة.",
                            ),
                        ),
                        (
                            L("Donner de l'alcool", "Give alcohol", "إعطاء الكحول"),
                            False,
                            L(
                                "L'alcool aggrave l'hypothermie.",
                                "Alcohol makes hypothermia worse.",
                                "الكحول يزيد الحالة سوءاً.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "Quand les frissons s'arrêtent, c'est :",
                        "When shivering stops, it is:",
                        "عندما يتوقف الارتجاف فهذا:",
                    ),
                    [
                        (
                            L(
                                "Un signe de gravité : appeler le 15",
                                "A sign of danger: call 15",
                                "علامة خطر: اتصل بالرقم 15",
                            ),
                            True,
                            L(
                                "Le corps ne lutte plus contre le froid.",
                                "The body has stopped fighting the cold.",
                                "الجسم توقّف عن مقاومة البرد.",
                            ),
                        ),
                        (
                            L(
                                "Un signe que tout va mieux",
                                "A sign all is well",
                                "علامة تحسّن",
                            ),
                            False,
                            L(
                                "C'est l'inverse.",
                                "It is the opposite.",
                                "العكس تماماً.",
                            ),
                        ),
                    ],
                ),
            ],
        ),
        module(
            "premiers-secours-psy",
            L(
                "Premiers secours psychologiques",
                "Psychological first aid",
                "الإسعافات النفسية الأولية",
            ),
            [
                text(
                    L(
                        "<p>Après un choc (expulsion d'un campement, naufrage, violence), on ne fait pas raconter : on observe, on écoute si la personne veut parler, et on relie aux besoins de base et aux soutiens psychologiques du réseau. Prendre soin de soi après une maraude difficile fait partie du travail.</p>",
                        "<p>After a shock (a camp eviction, a shipwreck, violence), do not make people tell their story: look, listen if she wants to talk, and link her to basic needs and to the network's psychological support. Looking after yourself after a hard round is part of the job.</p>",
                        "<p>بعد صدمة (إخلاء مخيّم، غرق قارب، عنف) لا نطلب من الشخص أن يروي ما حدث: نلاحظ ونستمع إن أراد الكلام، ونربطه بالاحتياجات الأساسية وبالدعم النفسي في الشبكة. الاعتناء بالنفس بعد جولة صعبة جزء من العمل.</p>",
                    )
                ),
            ],
            [
                question(
                    L(
                        "Face à une personne choquée, on :",
                        "With a person in shock, you:",
                        "أمام شخص مصدوم:",
                    ),
                    [
                        (
                            L(
                                "Écoute sans forcer le récit",
                                "Listen without forcing the story",
                                "نستمع دون إجبار على الرواية",
                            ),
                            True,
                            L(
                                "Forcer le récit peut aggraver le traumatisme.",
                                "Forcing the story can deepen the trauma.",
                                "الإجبار قد يزيد الصدمة.",
                            ),
                        ),
                        (
                            L(
                                "Demande tous les détails",
                                "Ask for every detail",
                                "نطلب كل التفاصيل",
                            ),
                            False,
                            L(
                                "Ce n'est ni utile ni sans danger.",
                                "It is neither useful nor safe.",
                                "هذا غير مفيد وغير آمن.",
                            ),
                        ),
                    ],
                ),
                question(
                    L(
                        "Après une maraude difficile, le bénévole :",
                        "After a hard round, the volunteer:",
                        "بعد جولة صعبة، المتطوع:",
                    ),
                    [
                        (
                            L(
                                "En parle lors du temps d'échange entre bénévoles",
                                "Talks about it at the volunteers' debrief",
                                "يتحدث عنها في لقاء المتطوعين",
                            ),
                            True,
                            L(
                                "Les réunions mensuelles servent aussi à cela.",
                                "The monthly meetings are there for that too.",
                                "الاجتماعات الشهرية مخصّصة لذلك أيضاً.",
                            ),
                        ),
                        (
                            L(
                                "Garde tout pour lui",
                                "Keeps it all to himself",
                                "يحتفظ بكل شيء لنفسه",
                            ),
                            False,
                            L(
                                "L'isolement épuise les bénévoles.",
                                "Isolation wears volunteers out.",
                                "العزلة تُنهك المتطوعين.",
                            ),
                        ),
                    ],
                ),
            ],
        ),
    ]


def course(
    slug, title, summary, modules, *, audience, duration, objectives, trainer, network
):
    from trainings.models import CoursePage

    return PageSpec(
        CoursePage,
        slug,
        {
            "title": title,
            "summary": summary,
            "audience": audience,
            "duration": duration,
            "learning_objectives": objectives,
            "trainer": trainer,
            "open_to_network": network,
        },
        children=modules,
    )


def programme():
    from trainings.models import TrainingIndexPage

    return PageSpec(
        TrainingIndexPage,
        "formations",
        {
            "title": L(
                "Formations des bénévoles", "Volunteer training", "تدريب المتطوعين"
            ),
            "introduction": L(
                "Avant de tenir une permanence ou de partir en maraude, chaque bénévole suit ces formations en droit administratif et social des étrangers.",
                "Before staffing a drop-in session or going on an outreach round, every volunteer follows these courses in foreigners' administrative and social law.",
                "قبل المداومة أو الخروج في جولة ميدانية، يتابع كل متطوع هذه الدورات في القانون الإداري والاجتماعي للأجانب.",
            ),
        },
        children=[
            course(
                "procedure-asile",
                L(
                    "Les bases de la procédure d'asile",
                    "Asylum procedure basics",
                    "أساسيات إجراءات اللجوء",
                ),
                L(
                    "De l'enregistrement en préfecture au recours devant la CNDA : les étapes, les délais et les documents.",
                    "From registration at the prefecture to an appeal to the CNDA: the steps, the time limits and the documents.",
                    "من التسجيل في المحافظة إلى الطعن أمام CNDA: المراحل والمهل والوثائق.",
                ),
                asylum_basics(),
                audience=L(
                    "Tous les nouveaux bénévoles",
                    "Every new volunteer",
                    "كل المتطوعين الجدد",
                ),
                duration=L("2 heures", "2 hours", "ساعتان"),
                objectives=L(
                    "<ul><li>Situer une personne dans la procédure</li><li>Repérer un délai qui court</li></ul>",
                    "<ul><li>Place a person in the procedure</li><li>Spot a running time limit</li></ul>",
                    "<ul><li>تحديد موقع الشخص في الإجراءات</li><li>رصد مهلة جارية</li></ul>",
                ),
                trainer="Pôle juridique EXOD",
                network=True,
            ),
            course(
                "tenir-une-permanence",
                L("Tenir une permanence", "Running a drop-in session", "إدارة مداومة"),
                L(
                    "Accueillir, écouter, orienter et préparer une maraude administrative.",
                    "Welcome, listen, refer and prepare an administrative outreach round.",
                    "الاستقبال والاستماع والتوجيه والتحضير لجولة إدارية.",
                ),
                drop_in(),
                audience=L(
                    "Bénévoles ayant suivi les bases de l'asile",
                    "Volunteers who took the asylum basics",
                    "المتطوعون الذين تابعوا أساسيات اللجوء",
                ),
                duration=L("1 h 30", "1 hour 30", "ساعة ونصف"),
                objectives=L(
                    "<ul><li>Accueillir en confiance</li><li>Orienter vers le bon partenaire</li></ul>",
                    "<ul><li>Welcome with trust</li><li>Refer to the right partner</li></ul>",
                    "<ul><li>استقبال بثقة</li><li>التوجيه إلى الشريك المناسب</li></ul>",
                ),
                trainer="Coordination des permanences",
                network=False,
            ),
            course(
                "premiers-secours",
                L(
                    "Premiers secours et premiers secours psychologiques",
                    "First aid and psychological first aid",
                    "الإسعافات الأولية والإسعافات النفسية الأولية",
                ),
                L(
                    "Les gestes qui protègent en maraude : alerter, lutter contre le froid, soutenir après un choc.",
                    "What keeps people safe on a round: alerting, fighting the cold, support after a shock.",
                    "ما يحمي الناس في الجولات: الإبلاغ ومواجهة البرد والدعم بعد الصدمة.",
                ),
                first_aid(),
                audience=L(
                    "Bénévoles de toutes les associations du réseau",
                    "Volunteers of every association of the network",
                    "متطوعو جميع جمعيات الشبكة",
                ),
                duration=L(
                    "2 heures et une séance en présentiel",
                    "2 hours and one in-person session",
                    "ساعتان وجلسة حضورية",
                ),
                objectives=L(
                    "<ul><li>Donner l'alerte correctement</li><li>Reconnaître l'hypothermie</li></ul>",
                    "<ul><li>Raise the alarm properly</li><li>Recognise hypothermia</li></ul>",
                    "<ul><li>الإبلاغ بشكل صحيح</li><li>التعرّف على انخفاض حرارة الجسم</li></ul>",
                ),
                trainer="Croix-Rouge, antenne de Lille",
                network=True,
            ),
        ],
    )


VOLUNTEERS = [
    # (email, name, association slug, stage per course slug: modules passed)
    (
        "lea.volunteer@example.org",
        "Léa Martin",
        HOST,
        {"procedure-asile": 3, "tenir-une-permanence": 1},
    ),
    ("samir.volunteer@example.org", "Samir Haddad", HOST, {"procedure-asile": 1}),
    ("hawa.volunteer@example.org", "Hawa Diallo", HOST, {"procedure-asile": 0}),
    ("tom.volunteer@example.org", "Tom Leroy", "toit-commun", {"premiers-secours": 3}),
]


class _Answers(dict):
    """A quiz submission as the form posts it: every value is a list."""

    def getlist(self, key):
        return self.get(key, [])


def _right_answers(module):
    data = _Answers(module=[str(module.translation_key)])
    for index, q in enumerate(module.questions()):
        data[f"q{index}"] = [str(i) for i, c in enumerate(q["choices"]) if c["correct"]]
    return data


def _volunteers(stdout, exod, associations):
    from allauth.account.models import EmailAddress

    from trainings import progress as logic
    from trainings.models import CoursePage, Enrolment, VolunteerProfile

    by_slug = {a.slug: a for a in associations}
    index_courses = {
        c.slug: c
        for c in CoursePage.objects.filter(locale__language_code="fr").descendant_of(
            exod.site.root_page
        )
    }
    User = get_user_model()
    for email, name, slug, stages in VOLUNTEERS:
        association = by_slug.get(slug)
        if association is None:
            continue
        user, created = User.objects.get_or_create(
            username=email, defaults={"email": email}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        VolunteerProfile.objects.get_or_create(
            user=user, defaults={"association": association, "display_name": name}
        )
        for course_slug, passed in stages.items():
            course = index_courses.get(course_slug)
            if course is None:
                continue
            enrolment, _created = Enrolment.objects.get_or_create(
                user=user,
                course_key=course.translation_key,
                defaults={"association": association},
            )
            for module in course.modules()[:passed]:
                progress = logic.get_progress(user, enrolment, module)
                if progress.passed:
                    continue
                if module == course.modules()[0] and passed < 3:
                    wrong = _Answers(
                        module=[str(module.translation_key)], q0=["1"], q1=["1"]
                    )
                    try:
                        logic.record_attempt(
                            user, enrolment, module, logic.grade(module, wrong)
                        )
                    except (logic.Tampered, logic.Incomplete):
                        pass
                logic.record_attempt(
                    user, enrolment, module, logic.grade(module, _right_answers(module))
                )
            logic.issue_certificate_if_complete(user, course)
    stdout.write(
        f"  Trainings: {len(VOLUNTEERS)} demo volunteers (log in at /fr/volunteers/login/ "
        f"with their e-mail and the password '{DEMO_PASSWORD}'), e.g. {VOLUNTEERS[0][0]}"
    )


@transaction.atomic
def load(stdout, associations):
    from trainings.models import CoursePage

    exod = next((a for a in associations if a.slug == HOST), None)
    if exod is None or not exod.has_plugin("trainings"):
        return
    loader = SiteLoader(exod, stdout)
    spec = programme()
    loader.ensure_pages([spec])
    loader.report()
    # "Running a drop-in session" requires "Asylum procedure basics" (every language)
    courses = CoursePage.objects.descendant_of(exod.site.root_page).filter(
        locale__language_code="fr"
    )
    basics = courses.filter(slug="procedure-asile").first()
    for page in CoursePage.objects.filter(
        translation_key__in=courses.filter(slug="tenir-une-permanence").values(
            "translation_key"
        )
    ):
        if basics is not None and not page.prerequisites.filter(pk=basics.pk).exists():
            page.prerequisites.add(basics)
            page.save_revision().publish()
    _volunteers(stdout, exod, associations)
