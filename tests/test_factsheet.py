"""Partner fact sheets: each section's values in the extracted text, empty sections left out."""

import io
import re
from datetime import date

import pytest

pytest.importorskip("reportlab")
from factsheet_helpers import assert_text_within_margins, pdf_text
from pypdf import PdfReader

from relations_app.reports import factsheet
from relations_app.services import partners
from relations_app.services.partner_lookup import find_partner

TODAY = date(2025, 1, 15)
HEADINGS = (
    "Présentation",
    "Histoire de la relation",
    "Chiffres clés",
    "Programmes et projets",
    "Financements",
    "Contacts",
    "Consulat honoraire",
    "Derniers événements",
)


def sheet(name: str) -> tuple[str, factsheet.FactsheetResult, bytes]:
    data, result = factsheet.render_factsheet(find_partner(name)["id"], invariant=True, today=TODAY)
    return pdf_text(data), result, data


def test_twin_city_kiel(brest_db):
    text, result, data = sheet("Kiel")
    assert data.startswith(b"%PDF") and 1 <= result.pages <= 2
    assert result.file_name == "kiel.pdf" and result.missing_characters == []
    for value in (
        "Kiel",
        "Ville jumelle · Allemagne · Schleswig-Holstein",
        "Jumelage, 1964",
        "Ville de Brest",
        "1 210 km à vol d'oiseau",
        "Décalage horaire",
        "même heure",
        "Kieler Woche",
        "50 ans",
        "20 YOH",
        "Échange d'agents Brest – Kiel",
        "depuis 2011",
        "Maison de l'Allemagne",
        "02 98 33 56 63",
        "nrest@hk-diplo.de",
        "50 ans du jumelage Brest – Kiel",
        "fiche éditée le 15 janvier 2025",
    ):
        assert value in text, value
    assert re.search(rf"page 1 /\s*{result.pages}\b", text)
    for absent in ("Chiffres clés", "Financements", "Contacts", "Population", "Site web"):
        assert absent not in text, absent


def test_decentralised_cooperation_rimouski_with_funding_and_contacts(brest_db):
    text, result, data = sheet("rimouski")
    assert result.pages == 2
    for value in (
        "Coopération décentralisée · Canada · Québec",
        "49 400 habitants",
        "Convention, 2010",
        "Brest métropole",
        "https://tmq.ca",
        "4 580 km",
        "−6 h",
        # programmes, current ones first, with status and dates
        "CREA OCEAN",
        "Inn'O",
        "OCEAN+",
        "OCEAN 2",
        "En cours",
        "Terminé",
        "2019 – 31 décembre 2020",
        "date de fin passée",
        # funding: funder × year with totals
        "Ministère de l'Europe et des",
        "Collectivités et partenaires",
        "12 000 €",
        "10 500 €",
        "17 150 €",
        "45 000 €",
        "82 300 €",
        "175 300 €",
        "CREA OCEAN : 79 300 €",
        "Inn'O : 96 000 €",
        # contacts on both sides
        "Côté partenaire",
        "Noémie Giguère",
        "Directrice générale",
        "ngiguere@tmq.ca",
        "Martin Beaulieu",
        "Ambassade de France à Ottawa",
        "Sarah Vaillant",
        "sarah.vaillant@diplomatie.gouv.fr",
        "Stéphane Catta",
        "Conseiller de coopération et d'action culturelle",
        "Derniers événements",
        "Entente France-Québec",
    ):
        assert value in text, value
    listed = text[text.index("Programmes et projets") : text.index("Financements")]
    order = [listed.index(title) for title in ("CREA OCEAN", "Inn'O", "OCEAN+", "OCEAN 2")]
    assert order == sorted(order)  # current ones first, then the latest
    assert "Consulat honoraire" not in text and "Chiffres clés" not in text
    assert_text_within_margins(data)


def test_key_figures_map_and_cjk_local_names(brest_db):
    text, result, _ = sheet("Saponé")
    for value in (
        "Chiffres clés",
        "Microcrédits accordés (2011)",
        "plus de 400",
        "45 000 habitants",
        "Protocole d'accord, 1989",
        "−1 h (−2 h en été)",
        "Facilitation de l'accès",
        "2010–2014",
        "Natural Earth",
    ):
        assert value in text, value
    text, result, _ = sheet("Yokosuka")
    assert "Yokosuka · 横須賀" in text and "+8 h (+7 h en été)" in text
    assert result.missing_characters == []
    text, _, _ = sheet("Veracruz")
    assert "plus de 8 millions" in text and "Relations depuis" in text and "2009" in text


def test_partner_without_optional_fields_has_no_empty_section(brest_db):
    created = partners.create_partner(
        {"name": "Vila Nova", "country": "PT", "kind": "friendship_city"}
    )
    data, result = factsheet.render_factsheet(created["id"], invariant=True, today=TODAY)
    text = pdf_text(data)
    assert result.pages == 1
    assert "Vila Nova" in text and "Portugal" in text and "Ville amie" in text
    for heading in HEADINGS:
        assert heading not in text, heading
    for label in (
        "Population",
        "Accord",
        "Signataire",
        "Site web",
        "Distance",
        "Décalage",
        "Natural Earth",
    ):
        assert label not in text, label


def test_fonts_are_embedded_and_no_standard_font_is_named(brest_db):
    _, _, data = sheet("Yokosuka")
    reader = PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(font["/BaseFont"].split("+")[-1])
            assert "+" in font["/BaseFont"]  # a subset…
            assert "/FontFile2" in font["/FontDescriptor"]  # …of an embedded TrueType font
    assert {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"} <= names
    assert b"Helvetica" not in data


def test_invariant_mode_is_repeatable_byte_for_byte(brest_db):
    partner_id = find_partner("Rimouski")["id"]
    first = io.BytesIO()
    factsheet.build_factsheet(partner_id, first, invariant=True, today=TODAY)
    second, _ = factsheet.render_factsheet(partner_id, invariant=True, today=TODAY)
    assert first.getvalue() == second


def test_outline_lists_the_sections(brest_db):
    _, _, data = sheet("Rimouski")
    titles = [entry["/Title"] for entry in PdfReader(io.BytesIO(data)).outline]
    assert titles == [
        "Présentation",
        "Histoire de la relation",
        "Programmes et projets",
        "Financements",
        "Contacts",
        "Derniers événements",
    ]


def test_build_all_writes_one_file_per_partner(brest_db, tmp_path):
    progress, results = [], []
    written = factsheet.build_all(
        tmp_path / "fiches",
        progress=lambda *a: progress.append(a),
        invariant=True,
        today=TODAY,
        results=results,
    )
    assert len(written) == 16 == len({p.name for p in written})
    assert all(p.exists() and p.read_bytes().startswith(b"%PDF") for p in written)
    assert {
        "kiel.pdf",
        "etat-de-veracruz.pdf",
        "constanta.pdf",
        "province-de-terre-de-feu.pdf",
    } <= {p.name for p in written}
    assert progress[0][:2] == (1, 16) and progress[-1][:2] == (16, 16)
    assert all(not r.missing_characters for r in results)
    assert not list((tmp_path / "fiches").glob("*.tmp"))


def test_build_all_stops_when_cancelled(brest_db, tmp_path):
    """Cancel hands out no more sheets; those under way (one per worker) are finished."""
    done = []
    out = tmp_path / "fiches"
    written = factsheet.build_all(
        out, progress=lambda d, t, s: done.append(d), cancelled=lambda: len(done) >= 2
    )
    assert 2 <= len(written) < 16
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
