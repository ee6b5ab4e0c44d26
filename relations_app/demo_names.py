"""Word pools for the synthetic database of :mod:`relations_app.demo_data`.

Why a module of its own: the generator's logic stays readable, and the pools say plainly
what the synthetic records look like.  They mix real places and people's names with
syllables built per writing system, so that searches meet what a large office meets:
accents (Béjaïa, Constanţa), letters that Unicode decomposition does not fold (Łódź,
Tromsø, Straße, Đà Nẵng, Þórshöfn, Œuvre), Cyrillic, Greek, Chinese, Japanese and Korean
local names.
"""

from __future__ import annotations

#: Countries of the partners: code, latitude, longitude, time zone, naming style, weight.
COUNTRIES: tuple[tuple[str, float, float, str, str, int], ...] = (
    ("DE", 51.2, 10.4, "Europe/Berlin", "de", 9),
    ("PL", 52.0, 19.4, "Europe/Warsaw", "pl", 7),
    ("ES", 40.4, -3.7, "Europe/Madrid", "es", 7),
    ("IT", 42.8, 12.5, "Europe/Rome", "it", 6),
    ("PT", 39.6, -8.0, "Europe/Lisbon", "pt", 4),
    ("RO", 45.9, 24.9, "Europe/Bucharest", "ro", 4),
    ("GB", 53.0, -1.5, "Europe/London", "en", 5),
    ("IE", 53.3, -7.7, "Europe/Dublin", "en", 2),
    ("NO", 61.0, 9.0, "Europe/Oslo", "nordic", 3),
    ("DK", 56.0, 10.0, "Europe/Copenhagen", "nordic", 2),
    ("IS", 64.9, -18.6, "Atlantic/Reykjavik", "nordic", 1),
    ("TR", 39.0, 35.2, "Europe/Istanbul", "tr", 3),
    ("GR", 39.1, 22.0, "Europe/Athens", "el", 2),
    ("RU", 56.0, 40.0, "Europe/Moscow", "ru", 3),
    ("UA", 49.0, 31.4, "Europe/Kyiv", "ru", 3),
    ("BG", 42.7, 25.5, "Europe/Sofia", "ru", 2),
    ("HR", 45.1, 15.2, "Europe/Zagreb", "hr", 2),
    ("CZ", 49.8, 15.5, "Europe/Prague", "cz", 2),
    ("HU", 47.2, 19.5, "Europe/Budapest", "hu", 2),
    ("VN", 16.0, 107.0, "Asia/Ho_Chi_Minh", "vi", 3),
    ("JP", 36.2, 138.3, "Asia/Tokyo", "ja", 3),
    ("CN", 33.0, 112.0, "Asia/Shanghai", "zh", 3),
    ("KR", 36.5, 127.9, "Asia/Seoul", "ko", 2),
    ("DZ", 35.5, 4.0, "Africa/Algiers", "maghreb", 3),
    ("MA", 32.0, -6.5, "Africa/Casablanca", "maghreb", 3),
    ("TN", 35.0, 9.5, "Africa/Tunis", "maghreb", 2),
    ("SN", 14.5, -14.5, "Africa/Dakar", "fr", 3),
    ("BF", 12.3, -1.6, "Africa/Ouagadougou", "fr", 2),
    ("ML", 14.0, -4.0, "Africa/Bamako", "fr", 2),
    ("CA", 47.0, -71.0, "America/Toronto", "fr", 4),
    ("US", 39.0, -95.0, "America/New_York", "en", 4),
    ("MX", 21.0, -100.0, "America/Mexico_City", "es", 2),
    ("AR", -38.0, -65.0, "America/Argentina/Buenos_Aires", "es", 2),
    ("BR", -12.0, -48.0, "America/Sao_Paulo", "pt", 3),
    ("CL", -33.5, -70.7, "America/Santiago", "es", 1),
)

#: Real places, one list per style: the generator uses them first, then variants.
REAL_PLACES: dict[str, tuple[str, ...]] = {
    "de": ("Kiel", "München", "Düsseldorf", "Lüneburg", "Görlitz", "Straßburg an der Oder",
           "Weißenfels", "Fürth", "Gießen", "Öhringen", "Tübingen", "Würzburg", "Bückeburg"),
    "pl": ("Łódź", "Wrocław", "Gdańsk", "Kraków", "Białystok", "Częstochowa", "Rzeszów",
           "Szczecin", "Toruń", "Świnoujście", "Żyrardów", "Łomża", "Gorzów Wielkopolski"),
    "es": ("Cadix", "Cádiz", "A Coruña", "León", "Logroño", "Málaga", "Córdoba", "Cáceres",
           "Ávila", "Jaén", "Almería", "Alcalá de Henares", "Castellón de la Plana"),
    "it": ("Forlì", "Cantù", "Sannicandro", "Cefalù", "Nardò", "Portofino", "Ancona"),
    "pt": ("Setúbal", "Évora", "Guimarães", "Olhão", "São João da Madeira", "Viçosa", "Maricá"),
    "ro": ("Constanţa", "Timişoara", "Iaşi", "Piteşti", "Brăila", "Galaţi", "Târgu Mureş"),
    "en": ("Plymouth", "Milford Haven", "Cork", "Galway", "Portland", "Savannah", "Denver"),
    "nordic": ("Tromsø", "Ålesund", "Bodø", "Århus", "Næstved", "Ærøskøbing", "Reykjavík",
               "Þórshöfn", "Ísafjörður", "Hjørring"),
    "tr": ("İzmir", "Eskişehir", "Muğla", "Çorum", "Ağrı", "Düzce", "Şanlıurfa"),
    "el": ("Θεσσαλονίκη", "Πάτρα", "Βόλος", "Χανιά", "Ιωάννινα", "Ηράκλειο"),
    "ru": ("Москва", "Санкт-Петербург", "Новосибирск", "Одеса", "Львів", "Пловдив", "Варна"),
    "hr": ("Đakovo", "Šibenik", "Čakovec", "Požega", "Split", "Rijeka"),
    "cz": ("Plzeň", "Brno", "České Budějovice", "Třebíč", "Ústí nad Labem"),
    "hu": ("Győr", "Pécs", "Székesfehérvár", "Debrecen", "Hódmezővásárhely"),
    "vi": ("Đà Nẵng", "Hải Phòng", "Huế", "Cần Thơ", "Vũng Tàu", "Quảng Ngãi", "Haïphong"),
    "ja": ("横須賀", "大阪", "名古屋", "福岡", "広島", "長崎", "函館"),
    "zh": ("青岛", "大连", "厦门", "宁波", "天津", "深圳"),
    "ko": ("부산", "인천", "대구", "광주", "울산", "포항"),
    "maghreb": ("Béjaïa", "Tlemcen", "Annaba", "Oran", "Sétif", "Essaouira", "Sfax", "Kairouan"),
    "fr": ("Saponé", "Rimouski", "Ziguinchor", "Saint-Louis", "Ségou", "Koudougou", "Trois-Rivières"),
}

#: Syllables per style: (onsets, vowels, endings, suffixes).  Non-Latin styles build the
#: local name; the French name is its transliteration.
SYLLABLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "de": (("K", "Br", "St", "W", "L", "G", "M", "H", "Sch", "Fr", "D", "N"),
           ("a", "e", "i", "o", "ü", "ö", "ä", "au", "ei"),
           ("", "n", "l", "r", "ß", "ck", "tz"),
           ("burg", "berg", "hausen", "heim", "feld", "stadt", "dorf", "bach", "straße", "brück")),
    "pl": (("Ł", "W", "Sz", "Cz", "Rz", "Ż", "Ś", "Gd", "Kr", "Br", "P", "B", "Z", "Ch", "D", "K"),
           ("a", "o", "e", "ó", "ą", "ę", "y", "i", "u"),
           ("", "ń", "ź", "ł", "w", "sk", "dź", "cz", "k"),
           ("ów", "ice", "owo", "sk", "ek", " Wielki", "-Zdrój", "ówka", "yn")),
    "es": (("C", "M", "T", "S", "V", "Ll", "R", "G", "B", "Al", "P"),
           ("a", "e", "i", "o", "u", "á", "é", "í", "ó", "ú"),
           ("", "n", "r", "s", "l", "ñ"),
           ("illa", "ero", "ón", "ares", "eña", "ía", " de la Sierra", " del Mar")),
    "it": (("C", "F", "M", "P", "S", "T", "V", "R", "G", "N"),
           ("a", "e", "i", "o", "u", "à", "ò", "ù"),
           ("", "n", "r", "l", "s"),
           ("ano", "ello", "ino", "ù", "ò", " Marittima", " al Mare")),
    "pt": (("S", "G", "V", "C", "M", "B", "T", "L", "J"),
           ("a", "e", "i", "o", "u", "ã", "õ", "é", "ó", "â"),
           ("", "s", "r", "l", "ç"),
           ("ão", "ães", "ela", "inho", "ópolis", " do Sul")),
    "ro": (("C", "T", "B", "P", "G", "S", "V", "D", "Ţ", "Ş"),
           ("a", "ă", "â", "e", "i", "î", "o", "u"),
           ("", "n", "r", "ş", "ţ"),
           ("eşti", "ani", "ea", "iţa", "ova", "eni")),
    "en": (("Ash", "Brad", "Chel", "Dun", "Fal", "Glen", "Hart", "Kil", "Mil", "North", "Wex"),
           ("", "a", "e", "i", "o"),
           ("", "n", "r", "l"),
           ("ford", "ton", "mouth", "bury", "field", "port", "wick", "haven")),
    "nordic": (("Tr", "Å", "B", "Hj", "N", "Æ", "St", "Sk", "Fl", "Gr", "Þ"),
               ("ø", "å", "æ", "o", "e", "a", "i", "ó", "í"),
               ("", "r", "n", "l", "s"),
               ("sund", "fjord", "by", "vik", "havn", "strand", "ø", "fjörður", "dalur")),
    "tr": (("İ", "Ç", "Ş", "G", "M", "K", "B", "D", "Ağ", "Er"),
           ("a", "e", "ı", "i", "o", "ö", "u", "ü"),
           ("", "r", "n", "l", "ş", "ğ"),
           ("şehir", "köy", "lı", "kale", "pınar", "dere")),
    "el": (("Θ", "Π", "Β", "Χ", "Κ", "Λ", "Μ", "Ν", "Σ", "Τ"),
           ("α", "ε", "ι", "ο", "ά", "ί", "ό", "ή"),
           ("", "ν", "ρ", "σ"),
           ("ούπολη", "ίνα", "άκι", "ιά", "ος")),
    "ru": (("Б", "В", "Г", "Д", "Ж", "З", "К", "Л", "М", "Н", "П", "Р", "С", "Т", "Х", "Ч"),
           ("а", "о", "е", "и", "у", "ы", "я"),
           ("", "н", "р", "в", "л"),
           ("ово", "ск", "град", "поль", "инск", "ань", "ец")),
    "hr": (("Đ", "Š", "Č", "Ž", "K", "P", "V", "Z", "B"),
           ("a", "e", "i", "o", "u"),
           ("", "ć", "č", "k", "n", "r"),
           ("ovo", "ac", "evo", "ica", "inj")),
    "cz": (("Ř", "Č", "Tř", "Pl", "Br", "K", "H", "Ž", "Ch"),
           ("a", "e", "ě", "i", "o", "u", "ů", "á"),
           ("", "ň", "č", "k", "v"),
           ("ov", "ice", "any", "ín", " nad Labem")),
    "hu": (("Gy", "Sz", "P", "D", "K", "H", "Zs", "B", "Ny"),
           ("ő", "ö", "é", "á", "a", "e", "ű", "ü", "o"),
           ("", "r", "n", "l", "k"),
           ("vár", "halom", "falva", "hely", "szeg", "háza")),
    "vi": (("Đ", "H", "Qu", "B", "Th", "Ng", "Tr", "L", "V", "C"),
           ("à", "ả", "ạ", "ơ", "ư", "ế", "ồ", "ị", "ắ", "ũ"),
           ("", "n", "ng", "nh", "c", "m"),
           ("", " Sơn", " Bình", " Định", " Giang", " Phú")),
    "ja": (("横", "須", "大", "名", "古", "浜", "松", "山", "川", "田"),
           ("島", "崎", "岡", "福", "広", "長", "野", "宮", "高", "北"),
           ("",),
           ("", "市", "町")),
    "zh": (("青", "大", "上", "天", "广", "深", "杭", "宁", "厦", "成", "武", "南"),
           ("岛", "连", "海", "津", "州", "圳", "波", "门", "都", "汉", "京", "阳"),
           ("",),
           ("", "市")),
    "ko": (("부", "인", "대", "광", "울", "수", "전", "포", "창", "제", "목", "여"),
           ("산", "천", "구", "주", "원", "항", "진", "포", "수", "양"),
           ("",),
           ("", "시")),
    "maghreb": (("B", "T", "S", "Ou", "K", "Ch", "Dj", "M", "Gh", "Al"),
                ("é", "a", "ï", "i", "ou", "è", "â"),
                ("", "n", "r", "l", "m", "t"),
                ("ia", "a", "ène", "ane", "ït", "ouine")),
    "fr": (("Sap", "Rim", "Zig", "Koud", "Tiv", "Kaol", "Ség", "Louga", "Bob", "Gat"),
           ("o", "ou", "é", "a", "i", "è"),
           ("", "n", "r", "k"),
           ("né", "ouski", "uinchor", "ougou", "ack", "ville", "-sur-Mer", "ière")),
}

NON_LATIN = frozenset({"el", "ru", "ja", "zh", "ko"})

FAMILY_NAMES = (
    "Giguère", "Lefèvre", "Le Gall", "Kerbrat", "Le Goff", "Quéré", "Péron", "Guégan", "Müller",
    "Schäfer", "Weiß", "Groß", "Strauß", "Köhler", "Wójcik", "Łukasiewicz", "Kowalczyk",
    "Żak", "Szymańska", "Dąbrowski", "Østergaard", "Sørensen", "Ågren", "Ólafsdóttir",
    "Þórsson", "Guðmundsdóttir", "Şahin", "Yılmaz", "Öztürk", "Çelik", "Nguyễn", "Trần",
    "Lê", "Phạm", "Đặng", "Đorđević", "Kovačić", "Jurić", "Gonçalves", "Muñoz", "Peña",
    "Núñez", "Conceição", "Ştefănescu", "Ţurcan", "Popescu", "Dvořák", "Černá", "Kővári",
    "Szőke", "Papadopoulos", "O'Brien", "MacLeod", "Smith", "Beaulieu", "Tremblay", "Diop",
    "Ndiaye", "Ouédraogo", "Traoré", "Benali", "Bouaziz", "Haddad", "Rossi", "Bianchi",
    "García", "Fernández", "Martín", "Silva", "Santos", "Dupont", "Durand", "Moreau",
    "Иванов", "Смирнова", "Кузнецов", "Шевченко", "Παπαδόπουλος", "Γεωργίου", "山田", "佐藤",
    "鈴木", "王", "李", "张", "김", "이", "박",
)
GIVEN_NAMES = (
    "Noémie", "Martin", "Sarah", "Stéphane", "Anaïs", "Loïc", "Gwenaëlle", "Yannick", "Maël",
    "Jürgen", "Käthe", "Małgorzata", "Łucja", "Wojciech", "Søren", "Åsa", "Bjørn", "Þóra",
    "Sigurður", "Ayşe", "Çağrı", "Thị Hương", "Văn Đức", "Đorđe", "Ivana", "João", "Inês",
    "Begoña", "José", "Ştefan", "Ioana", "Jiří", "Zsófia", "Ádám", "Siobhán", "Seán",
    "Aminata", "Moussa", "Fatoumata", "Yacine", "Amel", "Giulia", "Lorenzo", "Lucía", "Pedro",
    "Anne", "Pierre", "Marie", "Jean", "Claire", "Thomas", "Léa", "Hugo", "Chloé", "Élodie",
    "Анна", "Дмитрий", "Ольга", "Νίκος", "Μαρία", "花子", "太郎", "伟", "芳", "민준", "서연",
)
FUNCTIONS = (
    "Directrice générale", "Directeur général", "Chargée de mission coopération internationale",
    "Chargé de mission jumelages", "Adjoint au maire chargé des relations internationales",
    "Adjointe à la maire chargée de la jeunesse", "Conseiller de coopération et d'action culturelle",
    "Attachée de coopération", "Responsable des relations internationales",
    "Cheffe de projet", "Chef de projet eau et assainissement", "Professeure des universités",
    "Enseignant-chercheur", "Secrétaire général", "Présidente", "Vice-président",
    "Bürgermeister", "Leiterin des Europabüros", "Prezydent miasta", "Alcaldesa",
    "Sindaco", "Primar", "Maire", "Préfet de région", "Consul honoraire", "Interprète",
    "Coordinatrice Erasmus+", "Directeur du port", "Responsable de l'office de tourisme",
)
DOMAINS = ("example.org", "example.com", "mairie.example", "univ.example.edu", "agglo.example.fr",
           "stadt.example.de", "urzad.example.pl", "ayto.example.es", "diplomatie.example.fr")

THEMES = ("mer", "culture", "éducation", "jeunesse", "économie", "eau", "santé", "sport",
          "environnement", "université", "tourisme", "patrimoine", "numérique", "énergie",
          "agriculture", "francophonie", "gouvernance locale", "solidarité")

#: The Atlas taxonomy: theme › sub-theme › sub-sub-themes.
TAXONOMY: dict[str, dict[str, tuple[str, ...]]] = {
    "Développement économique": {
        "Tourisme": ("Écotourisme", "Tourisme culturel"),
        "Économie maritime": ("Ports", "Pêche", "Biotechnologies marines"),
    },
    "Éducation, formation": {
        "Enseignement supérieur": ("Mobilité étudiante", "Recherche"),
        "Formation professionnelle": ("Apprentissage", "Formation des agents"),
    },
    "Environnement": {
        "Eau et assainissement": ("Accès à l'eau potable", "Assainissement"),
        "Climat": ("Adaptation", "Énergies renouvelables"),
    },
    "Culture, patrimoine": {
        "Arts vivants": ("Musique", "Théâtre"),
        "Patrimoine": ("Patrimoine maritime", "Archives"),
    },
    "Gouvernance": {
        "Appui institutionnel": ("État civil", "Finances locales"),
        "Démocratie locale": ("Participation citoyenne",),
    },
    "Santé": {"Santé publique": ("Prévention", "Hôpitaux")},
}

PROGRAMME_TITLES = (
    "Échange de jeunes {home} – {partner}", "Échange scolaire avec {partner}",
    "Échange d'agents {home} – {partner}", "Festival des arts de la mer de {partner}",
    "Projet éducatif « Océans partagés » avec {partner}", "Coopération portuaire {partner}",
    "Accès à l'eau potable à {partner}", "Appui à l'état civil de {partner}",
    "Chantier de jeunes volontaires à {partner}", "Mobilité étudiante {home} – {partner}",
    "Résidence d'artistes à {partner}", "Jumelage des écoles de musique de {home} et {partner}",
    "Forum économique franco-{adjective} de {partner}", "Biotechnologies marines avec {partner}",
)
ORGANISATION_PATTERNS = (
    ("Université de {city}", "university", "U{C}"), ("Technopole {city}", "technopole", "T{C}"),
    ("Chambre de commerce de {city}", "company", "CC{C}"), ("Mairie de {city}", "local_authority", ""),
    ("Association des amis de {city}", "association", ""), ("Lycée maritime de {city}", "school", "LM{C}"),
    ("Agence de l'eau de {city}", "agency", "AE{C}"), ("Port autonome de {city}", "company", "PA{C}"),
    ("Institut de recherche marine de {city}", "research", "IRM{C}"), ("Pôle Mer {city}", "cluster", ""),
    ("Réseau des villes jumelles – {city}", "network", ""), ("Office de tourisme de {city}", "agency", "OT{C}"),
)
FUNDERS = (
    "Ministère de l'Europe et des Affaires étrangères", "Région Bretagne", "Brest métropole",
    "Ville de Brest", "Agence de l'eau Loire-Bretagne", "Union européenne (Erasmus+)",
    "Office franco-allemand pour la jeunesse", "Conseil départemental du Finistère",
    "Agence française de développement", "Fondation de France",
)
EVENT_TITLES = (
    ("Visite d'une délégation de {partner} à {home}", "visit"),
    ("Signature de la convention avec {partner}", "signature"),
    ("Exposition « Regards croisés » à {partner}", "exhibition"),
    ("Conférence sur la coopération maritime à {partner}", "conference"),
    ("Anniversaire du jumelage avec {partner}", "anniversary"),
    ("Lancement du projet « {programme} »", "project"),
    ("Élections municipales à {partner}", "election"),
    ("Rencontre sportive {home} – {partner}", "other"),
)
SENTENCES = (
    "{partner} est une ville portuaire de {population} habitants, tournée vers la mer et ses métiers.",
    "Les premiers échanges entre {home} et {partner} remontent à {year}, à l'initiative d'enseignants.",
    "La coopération porte sur la jeunesse, la culture, l'université et l'économie maritime.",
    "Chaque année, des lycéens des deux villes séjournent dans des familles d'accueil.",
    "Le comité de jumelage organise des voyages, des concerts et des expositions.",
    "Des agents municipaux participent à des échanges de pratiques sur la gestion des services publics.",
    "Le projet associe des associations locales, l'université et les services de la ville.",
    "Un accord de coopération décentralisée a été signé pour trois ans, renouvelable.",
    "Les financements proviennent du ministère, de la région et des deux collectivités.",
    "L'évaluation à mi-parcours a souligné l'engagement des bénévoles et des partenaires.",
    "La délégation a visité le port, le technopôle et le centre de recherche océanographique.",
    "Un programme d'accès à l'eau potable bénéficie à plusieurs milliers d'habitants.",
    "Les étudiants suivent un semestre dans l'université partenaire, avec reconnaissance des crédits.",
    "La crise sanitaire a interrompu les échanges pendant deux ans ; ils ont repris depuis.",
    "Une résidence d'artistes réunit des musiciens et des plasticiens des deux rives.",
    "Les archives municipales conservent les lettres échangées lors de la signature.",
)
STREETS = ("rue de Siam", "rue Jean Jaurès", "boulevard de l'Europe", "quai de la Douane",
           "place de la Liberté", "rue de Lyon", "avenue Foch", "rue Émile Zola")
KEY_FIGURE_LABELS = ("Habitants de l'agglomération", "Étudiants", "Jeunes accueillis depuis l'origine",
                     "Kilomètres de côtes", "Tonnes de marchandises par an", "Écoles partenaires")
