"""Fact sheets print database text literally, flow long texts and keep every name exact."""

import io
from datetime import date

import pytest

pytest.importorskip("reportlab")
from factsheet_helpers import assert_text_within_margins, pdf_text
from pypdf import PdfReader

from relations_app.reports import factsheet
from relations_app.services import events, partners, programmes

TODAY = date(2025, 1, 15)
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
NAMES = ["Constanţa", "Constanța", "Béjaïa", "Łódź", "東京都", "Москва"]


def test_markup_in_every_kind_of_field_prints_literally(brest_db):
    tricky = " ".join(MARKUP)
    partner = partners.create_partner(
        {
            "name": "R&D <b>City</b>",
            "local_name": "<font size=30>",
            "country": "PT",
            "kind": "twin_city",
            "summary": tricky,
            "history": "\n".join(MARKUP),
            "region": "a < b",
            "key_figures": [
                {"label": "Tom & Jerry <tom@x.org>", "value": '<img src="/etc/passwd">'}
            ],
        }
    )
    programmes.create_programme(
        {
            "title": "<a href='x'>Projet",
            "partner_ids": [partner["id"]],
            "status": "ongoing",
            "funding": [{"funder": "R&D <b>", "amount_eur": "1000", "year": 2024}],
        }
    )
    events.create_event(
        {
            "date": "2024-05",
            "title": "<b>non fermé",
            "description": "a < b",
            "partner_id": partner["id"],
        }
    )
    data, result = factsheet.render_factsheet(partner["id"], invariant=True, today=TODAY)
    text = pdf_text(data)
    assert "R&D <b>City</b> · <font size=30>" in text
    for snippet in MARKUP:
        assert snippet in text, snippet
    assert "<a href='x'>Projet" in text and "R&D <b>" in text and "1 000 €" in text
    assert result.missing_characters == []
    reader = PdfReader(io.BytesIO(data))
    assert not any("/Annots" in page for page in reader.pages)  # no link was made from text
    assert b"/Subtype /Image" not in data  # no image was loaded


def test_a_20000_character_history_flows_over_pages(brest_db):
    words = [f"mot{i}" for i in range(2700)]
    history = " ".join(words)
    assert len(history) >= 20_000
    long_word = "x" * 3000  # no space to break at: still split, never past the margin
    partner = partners.create_partner(
        {
            "name": "Longueville",
            "country": "PT",
            "kind": "twin_city",
            "history": history + "\n" + long_word + "\nFIN DE L'HISTOIRE",
        }
    )
    data, result = factsheet.render_factsheet(partner["id"], invariant=True, today=TODAY)
    assert result.pages >= 3
    text = pdf_text(data)
    assert "mot0" in text and "mot2699" in text and "FIN DE L'HISTOIRE" in text
    assert text.count("Histoire de la relation") == 1
    assert_text_within_margins(data)


def test_names_corpus_is_reproduced_exactly(brest_db):
    for name in NAMES:
        partner = partners.create_partner(
            {
                "name": name,
                "country": "RO",
                "kind": "twin_city",
                "summary": f"Ville : {name}.",
                "latitude": 44.17,
                "longitude": 28.63,
                "timezone": "Europe/Bucharest",
            }
        )
        data, result = factsheet.render_factsheet(partner["id"], invariant=True, today=TODAY)
        text = pdf_text(data)
        assert result.missing_characters == []
        assert text.count(name) >= 3, (name, text[:300])  # band, summary, map label
        assert f"Ville : {name}." in text


def test_characters_no_font_has_are_left_out_and_reported(brest_db):
    partner = partners.create_partner(
        {
            "name": "Emojiville \U0001fae8",
            "country": "PT",
            "kind": "twin_city",
            "summary": "Un \U0010fffd caractère inconnu.",
        }
    )
    data, result = factsheet.render_factsheet(partner["id"], invariant=True, today=TODAY)
    assert result.missing_characters == ["\U0001fae8", "\U0010fffd"]
    assert "U+1FAE8" in result.warning() and "U+10FFFD" in result.warning()
    text = pdf_text(data)
    assert "Emojiville" in text and "\U0001fae8" not in text and "Un caractère inconnu." in text


def test_many_funding_years_split_into_tables_that_fit(brest_db):
    partner = partners.create_partner({"name": "Annéeville", "country": "PT", "kind": "twin_city"})
    lines = [
        {"funder": f"Financeur {f}", "amount_eur": "123456.78", "year": 2000 + y}
        for f in range(3)
        for y in range(12)
    ]
    programmes.create_programme({"title": "Long", "partner_ids": [partner["id"]], "funding": lines})
    data, _ = factsheet.render_factsheet(partner["id"], invariant=True, today=TODAY)
    text = pdf_text(data)
    assert "2000" in text and "2011" in text and "123 456,78 €" in text
    assert "4 444 444,08 €" in text  # 36 lines of 123 456,78 €
    assert_text_within_margins(data)


def test_long_tables_split_over_pages_with_their_header_repeated(brest_db):
    partner = partners.create_partner({"name": "Tableville", "country": "PT", "kind": "twin_city"})
    for i in range(70):
        programmes.create_programme(
            {
                "title": f"Programme n° {i:02d}",
                "partner_ids": [partner["id"]],
                "status": "finished",
                "start": "2001",
                "end": "2002",
            }
        )
    data, result = factsheet.render_factsheet(partner["id"], invariant=True, today=TODAY)
    assert result.pages >= 2
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    for text in pages:
        assert "Programme\nType\nStatut\nPériode" in text  # the repeated header row
    assert sum(text.count("Programme n° ") for text in pages) == 70
    assert_text_within_margins(data)


def test_fields_at_their_maximum_length_still_fit_the_page(brest_db):
    from relations_app.services import consulates

    consulates.create_consulate(
        {"country": "PT", "address": "Rue très longue " * 300, "consul_name": "C" * 500}
    )
    partner = partners.create_partner(
        {
            "name": "Nom " * 120,
            "local_name": "東" * 400,
            "country": "PT",
            "kind": "twin_city",
            "region": "Région " * 70,
            "population": 123456789,
            "population_note": "environ " * 60,
            "website": "https://example.org/" + "a" * 1900,
            "latitude": 38.7,
            "longitude": -9.1,
            "key_figures": [{"label": "L" * 490, "value": "V" * 490}] * 4,
        }
    )
    programmes.create_programme(
        {
            "title": "T" * 500,
            "partner_ids": [partner["id"]],
            "funding": [{"funder": "F " * 240, "amount_eur": "1", "year": 2020}],
        }
    )
    events.create_event(
        {
            "date": "2024",
            "title": "É" * 500,
            "description": "mot " * 5000,
            "partner_id": partner["id"],
        }
    )
    data, result = factsheet.render_factsheet(partner["id"], invariant=True, today=TODAY)
    assert result.missing_characters == []
    text = pdf_text(data)
    assert "Consulat honoraire" in text and "[…]" in text
    assert_text_within_margins(data)
