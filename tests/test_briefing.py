"""Delegation briefings: every section of the example, contents and bookmarks that match
the pages, several partners, nothing optional, and hostile text printed literally."""

import io
from datetime import date

import pytest

from relations_app.location import DatabaseLocation

pytest.importorskip("reportlab")
from briefing_helpers import heading_page, heading_texts, outline, page_texts, toc_entries
from factsheet_helpers import assert_text_within_margins, pdf_text
from pypdf import PdfReader

from relations_app import bootstrap, dataset
from relations_app.reports import briefing
from relations_app.services import delegations, events, partners, programmes
from relations_app.services.partner_lookup import find_partner

TODAY = date(2027, 3, 1)
EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")
CHAPTERS = [
    "Composition de la délégation",
    "Programme de la visite",
    "Fiches de rencontre",
    "Biographies",
    "Éléments de langage",
    "Notes protocolaires",
    "Logistique",
    "Informations pratiques",
    "Contacts utiles",
    "Suivi du document",
]
BEFORE_PARTNERS = 4  # chapters before the partners' dossiers
MARKUP = [
    "a < b",
    "R&D",
    "Tom & Jerry <tom@x.org>",
    "<font size=30>",
    "<a href='x'>",
    '<img src="/etc/passwd">',
    "<b>non fermé",
    "<i>",
    "</para>",
    "&nbsp;",
]
NAMES = ["東京都", "Łódź", "Constanţa"]


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The bundled example's briefing, built once: (pdf bytes, result, progress reports)."""
    bootstrap.open_app_database(
        DatabaseLocation.file(tmp_path_factory.mktemp("briefing") / "brest.db")
    )
    try:
        reports = []
        data, result = briefing.render_briefing(
            EXAMPLE, invariant=True, today=TODAY, progress=lambda *a: reports.append(a)
        )
        again, _ = briefing.render_briefing(EXAMPLE, invariant=True, today=TODAY)
    finally:
        bootstrap.close()
    return data, result, reports, again


def flat(data: bytes) -> str:
    """The document's text with line breaks as spaces: wrapped phrases read whole."""
    return " ".join(pdf_text(data).split())


def render(delegation_id: str):
    data, result = briefing.render_briefing(delegation_id, invariant=True, today=TODAY)
    return data, result, flat(data)


def contents_page(pages: list[str]) -> int:
    """The index of the contents page (after the cover and the summary when there is one)."""
    return next(i for i, text in enumerate(pages) if "Sommaire" in text.splitlines())


def assert_contents_right(data: bytes) -> None:
    pages = page_texts(data)
    entries = toc_entries(pages[contents_page(pages)])
    assert entries
    headings = heading_texts(data)
    last = contents_page(pages) + 2  # the first chapter comes after the contents
    if entries[0][0] == "Synthèse":  # the one-page summary, read before the contents
        assert entries.pop(0)[1] == contents_page(pages) == 2 and "Synthèse" in headings[1]
    for title, number in entries:  # in reading order: each is found from the one before
        last = heading_page(headings, title, after=last - 1)
        assert last == number, title


def test_the_example_holds_every_section(example):
    data, result, _, _ = example
    text = flat(data)
    assert result.missing_characters == [] and result.passes >= 2
    assert result.file_name == "mission-a-rimouski-autour-de-crea-ocean-exemple.pdf"
    for value in (
        # cover
        "Mission à Rimouski autour de CREA OCEAN (exemple)",
        "DOSSIER DE DÉLÉGATION",
        "du lundi 7 au vendredi 11 juin 2027",
        "Rimouski (Québec, Canada)",
        "Mission à l'étranger",
        "En préparation",
        "3 membres côté Brest, 2 côté partenaire",
        "11 rendez-vous sur 5 jours",
        "DOCUMENT DE TRAVAIL — DIFFUSION RESTREINTE",
        "édité le 1er mars 2027",
        "Sommaire",
        # the mission
        *CHAPTERS,
        "softlanding",
        "Hackathon de la mer",
        "Côté Brest",
        "Côté partenaire",
        "À désigner",
        "Vice-président·e de Brest métropole",
        "Noémie Giguère",
        "ngiguere@tmq.ca",
        "Martin Beaulieu",
        # the agenda, day by day, local and Brest times, time zone names
        "Lundi 7 juin 2027",
        "Mardi 8 juin 2027",
        "Vendredi 11 juin 2027",
        "heure d'été de l'Est nord-américain (UTC−4)",
        "heure d'été d'Europe centrale (UTC+2)",
        "9 h – 10 h 30",
        "Brest : 15 h – 16 h 30",
        "Brest : 0 h (8 juin)",
        "Point avec l'Ambassade de France à Ottawa",
        # the partner's dossier
        "Coopération décentralisée · Canada · Québec",
        "49 400 habitants",
        "Convention, 2010",
        "Natural Earth",
        "Présentation",
        "Histoire de la relation",
        "Derniers événements",
        "Entente France-Québec",
        "Programmes récents et financements",
        "terminé le 31 décembre 2020 (la fiche source l'indique encore « en cours »)",
        "CREA OCEAN",
        "Inn'O",
        "79 300 €",
        "96 000 €",
        "Points d'attention",
        "date de fin (31 décembre 2020) est passée",
        "Contacts sur place",
        "Poste diplomatique : Ambassade de France à Ottawa",
        "Sarah Vaillant",
        "stephane.catta@diplomatie.gouv.fr",
        # practical information on the travel dates
        "−6 h du 7 au 11 juin 2027",
        "quand il est midi à Brest, il est 6 h à Rimouski",
        "dollar canadien (CAD, $CA)",
        "4 580 km à vol d'oiseau",
        "Logistique",
        "EXEMPLE",
        "Notes",
    ):
        assert value in text, value
    on_the_spot = text.split("Contacts sur place")[-1].split("Poste diplomatique")[0]
    assert "Giguère" in on_the_spot and "Farrah" not in on_the_spot  # seen in Brest in 2015
    for absent in ("Consulat honoraire", "Chiffres clés", "OCEAN 2 (2013"):  # none for Canada
        assert absent not in text.split("Éléments de langage")[0], absent
    assert_text_within_margins(data)


def test_contents_page_numbers_are_the_real_pages(example):
    data, result, _, _ = example
    pages = page_texts(data)
    assert contents_page(pages) == 2  # cover, summary, contents
    entries = toc_entries(pages[2])
    titles = [title for title, _ in entries]
    assert titles[:2] == ["Synthèse", CHAPTERS[0]] and "Rimouski" in titles
    assert titles[-1] == "Notes"
    assert "Mardi 8 juin 2027" in titles and "Points d'attention" in titles
    assert_contents_right(data)
    marks = {title: page for _level, title, page in outline(data)}
    assert all(marks[title] == number for title, number in entries)
    assert result.pages == len(pages) and f"page {len(pages)} / {len(pages)}" in pages[-1].replace(
        "/ \n", "/ "
    )


def test_bookmarks_follow_the_chapters(example):
    data, _, _, _ = example
    marks = outline(data)
    top = [title for level, title, _ in marks if level == 0]
    assert top == [
        "Synthèse",
        "Sommaire",
        *CHAPTERS[:BEFORE_PARTNERS],
        "Rimouski",
        *CHAPTERS[BEFORE_PARTNERS:],
        "Notes",
    ]
    days = [title for level, title, _ in marks if level == 1 and "juin 2027" in title]
    assert days == [
        "Lundi 7 juin 2027",
        "Mardi 8 juin 2027",
        "Mercredi 9 juin 2027",
        "Jeudi 10 juin 2027",
        "Vendredi 11 juin 2027",
    ]
    pages = [page for _, _, page in marks]
    assert pages == sorted(pages)  # in reading order
    last = page_texts(data)[-1]
    assert "Notes" not in last.splitlines()  # the second note page is ruled only


def test_progress_per_partner_section_and_repeatable_output(example):
    data, _, reports, again = example
    assert reports == [(1, 3, "Rimouski"), (2, 3, "mise en page"), (3, 3, "")]
    assert again == data  # invariant: the same bytes every time


def test_cancelling_stops_the_build(brest_db):
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 5  # during the layout

    with pytest.raises(briefing.BriefingCancelled):
        briefing.render_briefing(EXAMPLE, cancelled=cancelled)
    with pytest.raises(briefing.BriefingCancelled):
        briefing.render_briefing(EXAMPLE, cancelled=lambda: True)


def test_several_partners_each_get_their_dossier(brest_db):
    rimouski, fuego = find_partner("Rimouski")["id"], find_partner("Terre de Feu")["id"]
    created = delegations.create_delegation(
        {
            "title": "Mission tripartite",
            "direction": "outgoing",
            "start": "2027-10-25",
            "end": "2027-11-10",
            "partner_ids": [rimouski, fuego],
            "agenda": [
                {
                    "date": "2027-11-03",
                    "start_time": "10:00",
                    "end_time": "11:30",
                    "timezone": "America/Argentina/Ushuaia",
                    "place": "Ushuaïa",
                    "subject": "Comité de pilotage",
                }
            ],
        }
    )
    data, result, text = render(created["id"])
    assert result.missing_characters == []
    for value in (
        "Rimouski (Canada), Province de Terre de Feu (Argentine)",
        "Province de Terre de Feu · Tierra del Fuego",
        "peso argentin (ARS",
        "dollar canadien",
        "Brest : 14 h – 15 h 30",
        "heure normale d'Argentine (UTC−3)",
        # Rimouski's clocks change on 7 November, Brest's on 31 October
        "Du 25 octobre au 10 novembre 2027 : −6 h jusqu'au 30 octobre, puis −5 h "
        "jusqu'au 6 novembre, puis −6 h",
        "Partenaires",
    ):
        assert value in text, value
    top = [title for level, title, _ in outline(data) if level == 0]
    assert top[top.index("Rimouski") + 1] == "Province de Terre de Feu · Tierra del Fuego"
    assert_contents_right(data)


def test_a_delegation_with_nothing_optional_has_no_empty_section(brest_db):
    created = delegations.create_delegation({"title": "Visite à préparer"})
    data, result, text = render(created["id"])
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == result.pages == 4  # cover, contact sheet, two note pages
    assert "Visite à préparer" in text and "dates à fixer" in text and "Notes" in text
    assert "Contacts utiles" in text  # always, with what is known
    for heading in (
        *(c for c in CHAPTERS if c != "Contacts utiles"),
        "Synthèse",
        "Sommaire",
        "Destination",
        "Délégation",
        "Partenaire",
        "Programmes en cours",
        "Points d'attention",
        "Natural Earth",
    ):
        assert heading not in text, heading
    assert [title for _, title, _ in outline(data)] == ["Contacts utiles", "Notes"]


def test_open_points_anniversaries_and_conventions_to_renew(brest_db):
    kiel = find_partner("Kiel")["id"]  # twinning 1964: 70 years in 2034
    programmes.create_programme(
        {
            "title": "Échanges 2033-2034",
            "partner_ids": [kiel],
            "status": "ongoing",
            "start": "2033",
            "end": "2034-06-30",
        }
    )
    created = delegations.create_delegation(
        {"title": "Kiel 2033", "start": "2033-05-02", "partner_ids": [kiel]}
    )
    _, _, text = render(created["id"])
    assert (
        "70 ans en 2034 de la première signature (jumelage, 1964, 50 ans célébrés en 2014)" in text
    )
    assert "Échanges 2033–2034 : se termine le 30 juin 2034" in text  # an en dash in print
    assert "Consulat honoraire à Brest" in text and "Maison de l'Allemagne" in text


def test_hostile_text_in_every_field_prints_literally(brest_db):
    tricky = " ".join(MARKUP)
    partner = partners.create_partner(
        {
            "name": "R&D <b>City</b> Łódź",
            "local_name": "東京都",
            "country": "RO",
            "kind": "twin_city",
            "summary": tricky,
            "history": "\n".join(MARKUP),
            "latitude": 44.17,
            "longitude": 28.63,
            "timezone": "Europe/Bucharest",
        }
    )
    programmes.create_programme(
        {
            "title": "<a href='x'>Projet",
            "partner_ids": [partner["id"]],
            "status": "ongoing",
            "description": "<font size=30>Constanţa",
            "end": "2027-12-31",
            "funding": [{"funder": "R&D <b>", "amount_eur": "1000", "year": 2027}],
        }
    )
    events.create_event(
        {
            "date": "2026-05",
            "title": "<b>non fermé",
            "description": "a < b",
            "partner_id": partner["id"],
        }
    )
    created = delegations.create_delegation(
        {
            "title": "<b>Mission</b> & <font size=30> Constanţa",
            "start": "2027-06-07",
            "destination": "Łódź & 東京都 <i>",
            "objectives": "\n".join(MARKUP),
            "logistics": tricky,
            "talking_points": "<b>non fermé\n東京都 Łódź Constanţa",
            "confidentiality": "<i>Confidentiel & secret",
            "partner_ids": [partner["id"]],
            "members": [
                {
                    "name": "<b>Nom",
                    "function": "R&D <font size=30>",
                    "organisation": "Tom & Jerry <tom@x.org>",
                    "side": "home",
                },
                {"name": "Łódź 東京都", "function": "</para>", "side": "partner"},
            ],
            "agenda": [
                {
                    "date": "2027-06-07",
                    "start_time": "09:00",
                    "timezone": "Asia/Tokyo",
                    "place": '<img src="/etc/passwd">',
                    "subject": "<a href='x'>Rendez-vous",
                    "people": "&nbsp; <b>",
                }
            ],
        }
    )
    data, result, text = render(created["id"])
    assert result.missing_characters == []
    for snippet in (
        *[" ".join(m.split()) for m in MARKUP],
        *NAMES,
        "<b>Mission</b> & <font size=30> Constanţa",
        "Łódź & 東京都 <i>",
        "<I>CONFIDENTIEL & SECRET",
        "<i>Confidentiel & secret",
        "R&D <b>City</b> Łódź · 東京都",
        "<a href='x'>Projet",
        "<font size=30>Constanţa",
        "<a href='x'>Rendez-vous",
        "&nbsp; <b>",
        "Łódź 東京都",
        "1 000 €",
    ):
        assert snippet in text, snippet
    assert b"/Subtype /Image" not in data and b"/URI" not in data  # no image, no link from text
    assert_contents_right(data)
    assert_text_within_margins(data)


def test_build_writes_the_file_atomically(brest_db, tmp_path):
    target = tmp_path / "dossier.pdf"
    result = briefing.build_briefing(EXAMPLE, target, invariant=True, today=TODAY)
    assert result.path == target and target.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob("*.tmp"))
