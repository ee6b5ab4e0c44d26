"""The annual activity report's PDF (issue 15 §3): its sections and figures on the Brest
data, sections with nothing to say left out, the annex over pages, French typography,
embedded fonts and the PDF's declarations."""

from __future__ import annotations

import io
from datetime import date

import pytest

pytest.importorskip("reportlab")
from pypdf import PdfReader
from report_layout import recorded
from test_report_preflight import fonts_without_file
from test_report_typography import NO_LINE_START, NUMBER_SPLIT, NUMBER_TAIL

from relations_app import dataset
from relations_app.reports.activity import ActivityCancelled, render_activity_report
from relations_app.services import programmes

TODAY = date(2026, 12, 2)
NNBSP = "\u202f"


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _render(year: int):
    with recorded() as layout:
        data, result = render_activity_report(year, invariant=True, today=TODAY)
    return data, result, layout


def test_2019_prints_its_figures_charts_partners_and_annex(brest_db):
    data, result, _layout = _render(2019)
    text = "\n".join(_pages(data))
    assert result.pages == len(_pages(data)) and result.file_name == "rapport-activite-2019.pdf"
    for expected in (
        "Rapport d’activité 2019",
        "L’année en chiffres",
        "Financements de l’année",
        "Par financeur",
        "Par pays",
        "L’année 2019 de chaque partenaire",
        "Annexe — programmes financés en 2019",
        "Province de Terre de Feu (Argentine)",
        f"43{NNBSP}650{NNBSP}€",  # the year's total, in the tiles, tables and annex
        f"17{NNBSP}150{NNBSP}€",  # the largest funder's bar and row
        f"39{NNBSP}650{NNBSP}€",  # Canada's bar
    ):
        assert expected in text, expected
    assert "Délégations (" not in text  # none in 2019: that list is left out


def test_2019_summarises_the_apd_declaration(brest_db):
    """Issue 15 §3: the APD summary, by hand from the data: in 2019 Terre de Feu's project
    (Argentina, on the DAC list) received 4 000 € from the MEAE, and Brest métropole's
    12 000 € for CREA OCEAN went to Canada, not on the list: own money "hors APD"."""
    text = " ".join(" ".join(_pages(_render(2019)[0])).split())
    assert "Aide publique au développement" in text and "Déclaration APD 2019" in text
    assert "Cofinancements reçus pour ces actions 4 000 €" in text  # (narrow spaces split)
    assert "Fonds propres hors APD (pays non éligibles) 12 000 €" in text
    assert "Fonds propres dans les pays éligibles (déclarés) 0 €" in text
    assert "Pays éligibles concernés : Argentine (1 programme)." in text
    assert "édition 2018–2020" in text or "édition 2018-2020" in text


def test_a_year_with_little_data_leaves_its_empty_sections_out(brest_db):
    data, result, _layout = _render(2025)
    text = "\n".join(_pages(data))
    assert result.pages == 1
    assert "L’année en chiffres" in text and "Kiel (Allemagne)" in text
    for absent in (
        "Financements de l’année",
        "Annexe",
        "Par pays",
        "Programmes commencés",
        "Aide publique au développement",
    ):
        assert absent not in text, absent


def test_the_pdf_declares_itself_and_embeds_every_font(brest_db):
    data, _result, _layout = _render(2019)
    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    info = reader.metadata
    assert info.title == "Rapport d'activité 2019"
    assert info.author and "2019" in info.subject
    assert fonts_without_file(reader) == set()
    again, _ = render_activity_report(2019, invariant=True, today=TODAY)
    assert again == data  # repeatable


def test_typography_no_line_starts_with_punctuation_and_no_number_is_split(brest_db):
    _ = [
        programmes.create_programme(
            {
                "title": f"Programme de coopération numéro {i} : échanges ; formations !",
                "start": "2019",
                "partner_ids": [dataset.stable_id("partners", "kiel")],
                "funding": [
                    {"funder": "Ville de Brest", "amount_eur": f"{1234567 + i}", "year": 2019}
                ],
            }
        )
        for i in range(12)
    ]
    _data, _result, layout = _render(2019)
    assert layout.lines
    starts = [line.text for line in layout.lines if line.text.lstrip().startswith(NO_LINE_START)]
    assert starts == []
    split = [
        (before.text, after.text)
        for before, after in zip(layout.lines, layout.lines[1:], strict=False)
        if not before.last
        and NUMBER_SPLIT.search(before.text.rstrip())
        and NUMBER_TAIL.match(after.text)
    ]
    assert split == []


def test_the_annex_repeats_its_header_on_every_page_and_never_splits_a_row(brest_db):
    kiel = dataset.stable_id("partners", "kiel")
    for i in range(70):
        programmes.create_programme(
            {
                "title": f"Échange {i:02d}",
                "start": "2019",
                "partner_ids": [kiel],
                "funding": [
                    {"funder": f"Financeur {i % 7}", "amount_eur": "1000", "year": 2019},
                    {"funder": "Ville de Brest", "amount_eur": "500", "year": 2019},
                ],
            }
        )
    data, _result, _layout = _render(2019)
    pages = _pages(data)
    first = next(i for i, page in enumerate(pages) if "Annexe — programmes" in page)
    annex_pages = pages[first:]
    assert len(annex_pages) >= 2
    for page in annex_pages:
        assert "Financements de l’année" in page  # the repeated header row
    for i in range(70):  # each row whole on one page: title, funders and total together
        holding = [p for p in annex_pages if f"Échange {i:02d}\n" in p]
        assert len(holding) == 1, i
        assert f"Financeur {i % 7}" in holding[0]
    # Many funders: the chart sums the smallest into one bar, the table lists them all.
    assert "Autres (" in "\n".join(pages)


def test_progress_is_reported_and_cancel_stops_the_build(brest_db):
    seen: list[tuple[int, int]] = []
    render_activity_report(2019, progress=lambda done, total, _text: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _t in seen] == sorted(d for d, _t in seen)
    with pytest.raises(ActivityCancelled):
        render_activity_report(2019, cancelled=lambda: True)
