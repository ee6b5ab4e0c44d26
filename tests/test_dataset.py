"""The bundled Brest dataset holds every fact DOMAIN.md lists, as the sources give it.

The facts are read from what a user gets: ``relations-app init`` then ``export``.
"""

import json
from decimal import Decimal

import pytest

from relations_app import cli, dataset


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dataset")
    db, out = folder / "r.db", folder / "brest.json"
    assert cli.main(["--db", str(db), "init"]) == 0
    assert cli.main(["--db", str(db), "export", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def by(records, key, value):
    found = [r for r in records if r.get(key) == value]
    assert len(found) == 1, f"{key}={value!r}: {len(found)} found"
    return found[0]


def partner(doc, name):
    return by(doc["partners"], "name", name)


def programme(doc, title):
    return by(doc["programmes"], "title", title)


def funding(p):
    return sorted((f["funder"], Decimal(f["amount_eur"]), f["year"]) for f in p["funding"])


TWINS = {
    "Cadix": "ES",
    "Constanţa": "RO",
    "Denver": "US",
    "Dun Laoghaire": "IE",
    "Kiel": "DE",
    "Plymouth": "GB",
    "Saponé": "BF",
    "Tarente": "IT",
    "Yokosuka": "JP",
}
FRIENDS = {"Béjaïa": "DZ", "Qingdao": "CN"}
COOPERATION = {
    "État de Veracruz": "MX",
    "Haïphong": "VN",
    "Province de Terre de Feu": "AR",
    "Rimouski": "CA",
    "Chubut": "AR",
}


def test_every_partner_with_country_kind_side_and_position(doc):
    expected = {
        **{n: (c, "twin_city", "city") for n, c in TWINS.items()},
        **{n: (c, "friendship_city", "city") for n, c in FRIENDS.items()},
        **{n: (c, "decentralised_cooperation", "metropole") for n, c in COOPERATION.items()},
    }
    assert {p["name"] for p in doc["partners"]} == set(expected)
    unstated = {"Qingdao", "Chubut"}  # the sources name no signatory for these two
    expected.update({n: (expected[n][0], expected[n][1], None) for n in unstated})
    for name, (country, kind, side) in expected.items():
        p = partner(doc, name)
        assert (p["country"], p["kind"], p["signing_side"]) == (country, kind, side), name
        assert -90 <= p["latitude"] <= 90 and -180 <= p["longitude"] <= 180, name
        assert p["timezone"] and p["summary"] and p["history"], name


def test_partner_figures_as_the_sources_give_them(doc):
    denver = partner(doc, "Denver")
    assert (denver["agreement_kind"], denver["agreement_year"], denver["relations_since"]) == (
        "twinning_charter",
        1959,
        1948,
    )
    dun = partner(doc, "Dun Laoghaire")
    assert (dun["population"], dun["agreement_year"], dun["website"]) == (
        24000,
        1984,
        "https://www.dunlaoghairetown.ie/",
    )
    assert "Dun Loaghaire" in dun["aliases"]
    sapone = partner(doc, "Saponé")
    assert (sapone["population"], sapone["agreement_kind"], sapone["agreement_year"]) == (
        45000,
        "agreement_protocol",
        1989,
    )
    bejaia = partner(doc, "Béjaïa")
    assert (bejaia["population"], bejaia["agreement_kind"], bejaia["agreement_year"]) == (
        200000,
        "friendship_protocol",
        1995,
    )
    veracruz = partner(doc, "État de Veracruz")
    assert veracruz["population"] == 8000000 and "plus de 8 millions" in veracruz["population_note"]
    assert (veracruz["agreement_year"], veracruz["website"]) == (2010, "http://www.veracruz.gob.mx")
    haiphong = partner(doc, "Haïphong")
    assert (haiphong["population"], haiphong["agreement_year"]) == (2000000, 2007)
    assert haiphong["population_note"] == "2 millions"  # as the source words it
    fuego = partner(doc, "Province de Terre de Feu")  # "depuis 2016": no agreement named
    assert (fuego["agreement_kind"], fuego["agreement_year"], fuego["relations_since"]) == (
        None,
        None,
        2016,
    )
    rimouski = partner(doc, "Rimouski")
    assert (rimouski["population"], rimouski["agreement_year"]) == (49400, 2010)
    assert (
        rimouski["website"] == "https://tmq.ca"
        and rimouski["website_note"] == "site de TMQ, pas celui de la ville"
    )
    assert rimouski["counterpart"] == "Technopole maritime du Québec (TMQ)"
    assert partner(doc, "Chubut")["relations_since"] == 2010
    assert "Constanța" in partner(doc, "Constanţa")["aliases"]


def test_kiel_fifty_years_and_staff_exchange(doc):
    kiel = partner(doc, "Kiel")
    assert (kiel["agreement_year"], kiel["agreement_year_note"]) == (
        1964,
        "50 ans célébrés en 2014",
    )
    assert "double cursus" in kiel["history"]
    assert "démocratie participative" in kiel["history"] and "transports urbains" in kiel["history"]
    kiel_events = {(e["date"], e["title"]) for e in doc["events"] if e["partner_id"] == kiel["id"]}
    assert ("2014", "50 ans du jumelage Brest – Kiel") in kiel_events
    exchange = programme(doc, "Échange d'agents Brest – Kiel")
    assert (exchange["start"], exchange["kind"], exchange["partner_ids"]) == (
        "2011",
        "staff_exchange",
        [kiel["id"]],
    )


def test_programmes_named_by_the_seeds(doc):
    yoh = programme(doc, "20 YOH")  # a one-off 2012 project, never "depuis 2012"
    assert (yoh["start"], yoh["end"], yoh["status"]) == ("2012", "2012", "finished")
    assert {"Cadix", "Constanţa", "Kiel"} == {
        p["name"] for p in doc["partners"] if p["id"] in programme(doc, "20 YOH")["partner_ids"]
    }
    youth = programme(doc, "Échange de collégiens et lycéens Brest – Yokosuka")
    assert "15" in youth["description"] and "18" in youth["description"]
    assert programme(doc, "Échange d'agents Brest – Yokosuka")["kind"] == "staff_exchange"
    assert programme(doc, "Projet Erasmus+ éducation Brest – Plymouth")["end"] == "2018"
    assert programme(doc, "SapEAUné")["start"] == "2011"
    micro = programme(doc, "Facilitation de l'accès au microcrédit pour les femmes de Saponé")
    assert (micro["start"], micro["end"], micro["status"]) == ("2010", "2014", "finished")
    dcp = programme(doc, "Dispositif de concentration de poissons (DCP) en baie d'Halong")
    assert (dcp["start"], dcp["end"], dcp["status"]) == (None, "2018", "finished")  # start unstated
    assert (
        programme(doc, "Gestion intégrée des baies d'Halong, de Cat Ba et de Bai Tu Long")["start"]
        == "2019"
    )
    fuego = programme(doc, "Projet triennal de coopération Brest – Terre de Feu 2019-2021")
    assert (fuego["start"], fuego["end"], fuego["triennial"]) == ("2019", "2021", True)
    # "cofinancé à hauteur de 50 % par le MEAE, soit un total de 8 000 € par an": the MEAE's
    # half of 8,000 € a year, never 8,000 € of MEAE money a year (a 24,000 € total).
    assert funding(fuego) == [
        ("Ministère de l'Europe et des Affaires étrangères", Decimal("4000"), y)
        for y in (2019, 2020, 2021)
    ]
    assert "50 %" in fuego["description"] and "8 000 € par an" in fuego["description"]
    assert "Lecture retenue" in fuego["notes"]
    assert programme(doc, "Coopération Brest métropole – État de Veracruz")["start"] == "2010"
    series = [
        ("OCEAN", "2011", "2012"),
        ("OCEAN 2", "2013", "2014"),
        ("OCEAN+", "2015", "2016"),
        ("Inn'O", "2017", "2018-12-31"),
        ("CREA OCEAN", "2019", "2020-12-31"),
    ]
    rimouski = partner(doc, "Rimouski")["id"]
    for title, start, end in series:
        p = programme(doc, title)
        assert (p["start"], p["end"], p["partner_ids"]) == (start, end, [rimouski]), title


def test_facts_the_sheets_used_to_leave_out(doc):
    cadix = partner(doc, "Cadix")
    assert "Doñana" in cadix["summary"] and "UNESCO" in cadix["summary"]
    assert "Avoir 20 ans dans une ville portuaire européenne" in cadix["history"]
    assert "cofinancé par le ministère" in partner(doc, "Saponé")["history"]
    micro = programme(doc, "Facilitation de l'accès au microcrédit pour les femmes de Saponé")
    assert "cofinancement du ministère" in micro["description"]
    yokosuka = partner(doc, "Yokosuka")
    for topic in ("densité urbaine", "séances du conseil", "gestion des déchets", "Chaque année"):
        assert topic in yokosuka["history"], topic
    youth = programme(doc, "Échange de collégiens et lycéens Brest – Yokosuka")
    assert youth["status"] == "ongoing"  # yearly, never "Non renseigné"
    crea = programme(doc, "CREA OCEAN")["description"]
    for fact in ("Hackathon de la mer", "2021-2022", "jeunes entrepreneurs", "femmes", "SOPER"):
        assert fact in crea, fact
    assert "MRIF" in crea and "OFQJ" in crea
    assert "Cuauhtémoc" in partner(doc, "État de Veracruz")["history"]
    assert "Sabella" in partner(doc, "Province de Terre de Feu")["history"]


def test_remarks_about_the_sources_stay_in_the_notes(doc):
    printed = ("summary", "history")
    for p in doc["partners"]:
        for key in printed:
            for remark in ("les sources", "la source", "la page"):
                assert remark not in p[key].lower(), (p["name"], key, remark)


def test_georges_farrah_is_no_contact_on_the_spot(doc):
    farrah = by(doc["contacts"], "family_name", "Farrah")
    assert farrah["partner_ids"] == [] and not farrah["email"] and not farrah["phone"]
    assert "2015" in farrah["notes"]


def test_microcredit_2011_key_figures(doc):
    figures = {(k["value"], k["year"]) for k in partner(doc, "Saponé")["key_figures"]}
    for value in ("100", "20", "11", "plus de 400"):
        assert (value, 2011) in figures, value


def org_ids(doc, p, role):
    return {
        by(doc["organisations"], "id", o["organisation_id"])["acronym"]
        or by(doc["organisations"], "id", o["organisation_id"])["name"]
        for o in p["organisations"]
        if o["role"] == role
    }


def test_inno_in_full_from_the_atlas(doc):
    p = programme(doc, "Inn'O")
    assert (p["convention_year"], p["status"], p["triennial"]) == (2010, "ongoing", False)
    assert (p["theme"], p["sub_theme"], p["sub_sub_theme"]) == (
        "Economie durable",
        "Attractivité des territoires",
        "Pôles de compétitivité, clusters, filières",
    )
    assert p["form"] == "Projet de coopération décentralisée"
    assert p["context"] and p["history"] and p["objectives"] and p["description"]
    assert org_ids(doc, p, "foreign_partner") == {"TMQ", "SOPER"}
    meae, bm, foreign = (
        "Ministère de l'Europe et des Affaires étrangères",
        "Brest métropole",
        "Collectivités et partenaires étrangers",
    )
    assert funding(p) == sorted(
        [
            (meae, Decimal(12000), 2017),
            (meae, Decimal(12000), 2018),
            (bm, Decimal(12000), 2017),
            (bm, Decimal(12000), 2018),
            (foreign, Decimal(24000), 2017),
            (foreign, Decimal(24000), 2018),
        ]
    )
    people = {
        by(doc["contacts"], "id", c["contact_id"])["email"]: c["function"] for c in p["contacts"]
    }
    assert people["ngiguere@tmq.ca"] == "Directrice"
    assert people["mbeaulieu@soper-rimouski.ca"] == "Directeur général"


def test_crea_ocean_in_full_from_the_atlas(doc):
    p = programme(doc, "CREA OCEAN")
    assert (p["convention_year"], p["status"], p["triennial"]) == (2010, "ongoing", False)
    assert p["sub_sub_theme"] == "Entreprises"
    assert (
        p["owners"]
        == "Brest métropole, SOPER, Technopôle Brest-Iroise, Pôle Mer Bretagne Atlantique, MRIF"
    )
    assert p["beneficiaries"]
    assert (p["evaluation_done"], p["communication_france"], p["communication_partner"]) == (
        True,
        True,
        True,
    )
    assert org_ids(doc, p, "foreign_partner") == {"TMQ", "SOPER"}
    meae, bm, foreign = (
        "Ministère de l'Europe et des Affaires étrangères",
        "Brest métropole",
        "Collectivités et partenaires étrangers",
    )
    assert funding(p) == sorted(
        [
            (meae, Decimal(10500), 2019),
            (meae, Decimal(10500), 2020),
            (bm, Decimal(12000), 2019),
            (bm, Decimal(12000), 2020),
            (foreign, Decimal(17150), 2019),
            (foreign, Decimal(17150), 2020),
        ]
    )
    people = {
        by(doc["contacts"], "id", c["contact_id"])["email"]: c["function"] for c in p["contacts"]
    }
    assert people["ngiguere@tmq.ca"] == "Directrice générale"


def test_ottawa_post_and_its_two_contacts(doc):
    post = by(doc["posts"], "name", "Ambassade de France à Ottawa")
    assert post["country"] == "CA"
    staff = {
        (c["family_name"], c["email"]): pos["function"]
        for c in doc["contacts"]
        for pos in c["positions"]
        if pos["post_id"] == post["id"]
    }
    assert staff == {
        (
            "Vaillant",
            "sarah.vaillant@diplomatie.gouv.fr",
        ): "Correspondant coopération décentralisée",
        (
            "Catta",
            "stephane.catta@diplomatie.gouv.fr",
        ): "Conseiller de coopération et d'action culturelle",
    }


def test_seven_honorary_consulates_as_given(doc):
    c = {x["country"]: x for x in doc["consulates"]}
    assert set(c) == {"DE", "NL", "DK", "RO", "FI", "SE", "NO"}
    assert c["DE"]["email"] == "nrest@hk-diplo.de"  # kept as the source writes it
    assert c["DE"]["phone"] == "+33 2 98 33 56 63"
    assert "Esplanade de la fraternité 29200 Brest" in c["DE"]["address"]
    assert (c["NL"]["phone"], c["NL"]["email"]) == (
        "+33 2 98 80 32 70",
        "consulatpaysbasbrest@wanadoo.fr",
    )
    assert "B.P. 61232" in c["NL"]["address"] and "29212 Brest Cedex 01" in c["NL"]["address"]
    assert (c["RO"]["phone"], c["RO"]["address"]) == (
        "+33 6 65 21 66 05",
        "1 Rue Harteloire\n29200 Brest",
    )
    shared = [k for k in c if c[k]["phone"] == "+33 2 98 44 49 95"]
    assert sorted(shared) == ["DK", "FI", "NO", "SE"]
    assert all("quai de la Douane" in c[k]["address"] for k in shared)


def test_organisations_the_seeds_name(doc):
    acronyms = {o["acronym"] for o in doc["organisations"]}
    assert {
        "TBI",
        "UBO",
        "TMQ",
        "SOPER",
        "MEAE",
        "AFD",
        "Ifremer",
        "JAMSTEC",
        "YRP",
        "KiWi",
        "IFQM",
    } <= acronyms
    names = {o["name"] for o in doc["organisations"]}
    assert {
        "Pôle Mer Bretagne Atlantique",
        "Université du Québec à Rimouski",
        "Campus mondial de la mer",
    } <= names
    tmq = by(doc["organisations"], "acronym", "TMQ")
    assert partner(doc, "Rimouski")["id"] in tmq["partner_ids"]


def test_dated_events(doc):
    dated = {(e["date"], e["title"]) for e in doc["events"]}
    for item in [
        ("1959", "Charte de jumelage Brest – Denver"),
        ("1948", "Début des liens avec Denver"),
        ("1984", "Jumelage Brest – Dun Laoghaire"),
        ("1995", "Protocole d'amitié Brest – Béjaïa"),
        ("2011", "Safer Seas 2011 à Brest"),
        ("2019-05", "Approbation du projet triennal 2019-2021 par le MEAE"),
        ("2010-04", "Mission de prospection de la Jeanne d'Arc au Québec"),
    ]:
        assert item in dated
    assert len(doc["events"]) >= 40
    assert all(e["partner_id"] for e in doc["events"])


def test_office_and_stated_counts_kept_as_published(doc):
    assert doc["office"]["name"] == "Brest" and doc["office"]["timezone"] == "Europe/Paris"
    assert sorted(c["count"] for c in doc["office"]["stated_partner_counts"]) == [10, 12, 15]


def test_bundled_ids_are_stable():
    first = dataset.bundled_document()
    assert first == dataset.bundled_document()
    assert by(first["partners"], "name", "Kiel")["id"] == dataset.stable_id("partners", "kiel")


def test_the_example_delegation_is_marked_as_an_example(doc):
    """Built from the seeds' facts; its dates, times and places are invented and say so."""
    [mission] = doc["delegations"]
    assert mission["id"] == dataset.stable_id("delegations", "mission-rimouski-exemple")
    assert "(exemple)" in mission["title"] and mission["logistics"].startswith("EXEMPLE :")
    assert (mission["direction"], mission["status"]) == ("outgoing", "preparation")
    assert (mission["start"], mission["end"]) == ("2027-06-07", "2027-06-11")
    assert mission["partner_ids"] == [partner(doc, "Rimouski")["id"]]
    for idea in ("CREA OCEAN", "softlanding", "Hackathon de la mer", "OFQJ"):
        assert idea in mission["objectives"], idea
    home = [m for m in mission["members"] if m["side"] == "home"]
    assert home and all(not m["name"] and not m["contact_id"] and m["function"] for m in home)
    people = {m["contact_id"]: m for m in mission["members"] if m["side"] == "partner"}
    contacts = {c["id"]: c for c in doc["contacts"]}
    assert {(contacts[i]["given_name"], contacts[i]["family_name"]) for i in people} == {
        ("Noémie", "Giguère"),
        ("Martin", "Beaulieu"),
    }
    assert "Ambassade de France à Ottawa à informer" in mission["logistics"]
    texts = [
        mission["objectives"],
        mission["logistics"],
        mission["talking_points"],
        *(item.get("people") or "" for item in mission["agenda"]),
    ]
    for name in ("Giguère", "Beaulieu", "Vaillant", "Catta"):  # linked members only
        assert not any(name in text for text in texts), name
    zones = {item["timezone"] for item in mission["agenda"]}
    assert zones == {"America/Toronto", "Europe/Paris"}
    assert all(item["date"].startswith("2027-06-") for item in mission["agenda"])
    figures = ("10 500 €", "12 000 €", "2010", "2017")  # as CREA OCEAN's record and the pages give
    assert all(f in mission["talking_points"] for f in figures)
