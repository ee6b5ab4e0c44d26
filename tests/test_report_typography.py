"""French typography on the printed page: over every bundled fact sheet and the briefing,
no line starts with what must stay on the line before, no number is split, no justified
line is stretched loose, and one apostrophe, one kind of quotes and range dash."""

from __future__ import annotations

import re
from datetime import date

import pytest

pytest.importorskip("reportlab")
from report_layout import every_document

from relations_app.reports.fonts import markup
from relations_app.reports.typography import NBSP, NNBSP, french, superscript_ordinals

TODAY = date(2027, 3, 1)
NO_LINE_START = tuple(":;?!»€%")
#: A line ending in digits followed by one starting with a group of three, a unit or €.
NUMBER_SPLIT = re.compile(r"\d$")
NUMBER_TAIL = re.compile(r"^(\d{3}(?!\d)|€|%|km\b|h\b|habitants\b|millions?\b)")
LOOSE = 2.0  # a justified line's spaces may stretch to this many times their width


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """Every bundled document laid out once for the module (the bundled database)."""
    from relations_app import bootstrap
    from relations_app.location import DatabaseLocation

    path = tmp_path_factory.mktemp("typography") / "brest.db"
    bootstrap.open_app_database(DatabaseLocation.file(path))
    try:
        yield [(name, layout) for name, layout, _data in every_document(TODAY)]
    finally:
        bootstrap.close()


def test_no_line_starts_with_punctuation_that_belongs_to_the_line_before(documents):
    bad = [
        (name, line.text)
        for name, layout in documents
        for line in layout.lines
        if line.text.lstrip().startswith(NO_LINE_START)
    ]
    assert bad == []


def test_no_number_is_split_between_two_lines(documents):
    bad = []
    for name, layout in documents:
        for before, after in zip(layout.lines, layout.lines[1:], strict=False):
            if before.last:
                continue
            if NUMBER_SPLIT.search(before.text.rstrip()) and NUMBER_TAIL.match(after.text):
                bad.append((name, before.text, after.text))
    assert bad == []


def test_every_document_was_laid_out_with_its_narrow_spaces_kept(documents):
    """U+202F reaches the page inside words: amounts and thousands hold together."""
    for name, layout in documents:
        assert layout.lines, name
    everything = "\n".join(line.text for _name, layout in documents for line in layout.lines)
    assert re.search(rf"\d{NNBSP}\d{{3}}", everything)  # "1 210 km", "12 000 €"
    assert f"{NNBSP}€" in everything


def test_justified_lines_are_never_loose(documents):
    """Hyphenation fills justified lines: no space stretched past twice its width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from relations_app.reports.fonts import REGULAR

    loose = []
    for name, layout in documents:
        for line in layout.lines:
            if not line.justified or line.last:
                continue
            gaps = line.text.count(" ") + line.text.count(NBSP)
            if not gaps:
                continue
            space = stringWidth(" ", REGULAR, line.font_size)
            if (space + line.extra_space / gaps) / space > LOOSE:
                loose.append((name, line.text, round(line.extra_space, 1)))
    assert loose == []


def test_one_apostrophe_and_french_quotes_on_every_page(documents):
    everything = "\n".join(line.text for _name, layout in documents for line in layout.lines)
    assert "’" in everything
    assert "'" not in everything
    assert '"' not in everything
    assert "« " not in everything and " »" not in everything  # narrow no-break spaces


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("l'UBO", "l’UBO"),
        ('le "Kieler Woche"', f"le «{NNBSP}Kieler Woche{NNBSP}»"),
        ("« Kieler Woche »", f"«{NNBSP}Kieler Woche{NNBSP}»"),
        ("du port ; le port", f"du port{NNBSP}; le port"),
        ("Pourquoi ? Parce que !", f"Pourquoi{NNBSP}? Parce que{NNBSP}!"),
        ("Thèmes : mer", f"Thèmes{NBSP}: mer"),
        ("12 000 € par an", f"12{NNBSP}000{NNBSP}€ par an"),
        ("2 000 000 habitants", f"2{NNBSP}000{NNBSP}000{NBSP}habitants"),
        ("50 %", f"50{NNBSP}%"),
        ("plus de 8 millions", f"plus de 8{NBSP}millions"),
        ("2011-2012", "2011–2012"),
        ("de 2011 - 2012", "de 2011–2012"),
        ("le 2018-12-31", "le 2018-12-31"),  # an ISO date is no range
        ("en 2014 100 jeunes", f"en 2014 100{NBSP}jeunes"),  # a year then a count stay apart
        ("02 98 33 56 63", "02 98 33 56 63"),
        ("https://www.kiel.de/a'b?x=1 ;", f"https://www.kiel.de/a'b?x=1{NNBSP};"),
        ("nrest@hk-diplo.de : oui", f"nrest@hk-diplo.de{NBSP}: oui"),
    ],
)
def test_french_typography_of_typed_text(typed, printed):
    assert french(typed) == printed
    assert french(printed) == printed  # idempotent


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("le 2e festival", "le 2<super>e</super> festival"),
        ("au XIXe siècle", "au XIX<super>e</super> siècle"),
        ("la 19ème édition", "la 19<super>e</super> édition"),
        ("le 1er mars", "le 1<super>er</super> mars"),
        ("Ce port, De Gaulle, Le Havre", "Ce port, De Gaulle, Le Havre"),
        ("le 2ebis", "le 2ebis"),
    ],
)
def test_ordinals_in_superscript(typed, printed):
    assert superscript_ordinals(markup(typed)) == printed
    assert markup(typed) == printed


def test_labels_and_times_the_french_way(brest_db):
    from datetime import time

    from relations_app.reports.factsheet_story import Story
    from relations_app.reports.formatting import format_population
    from relations_app.services.factsheet_data import factsheet_data
    from relations_app.services.partner_lookup import find_partner
    from relations_app.text import clock_fr

    assert format_population(8_000_000, None, "plus de 8 millions") == (
        "plus de 8 millions d'habitants"
    )
    assert format_population(49_400, 2016) == f"49{NNBSP}400 habitants (2016)"
    assert [clock_fr(time(8)), clock_fr(time(10, 30)), clock_fr(time(0, 5))] == [
        f"8{NBSP}h",
        f"10{NBSP}h{NBSP}30",
        f"0{NBSP}h{NBSP}05",
    ]
    labels = {}
    for name in ("Kiel", "Denver", "Rimouski", "Cadix", "Saponé", "Plymouth"):
        data = factsheet_data(find_partner(name)["id"], today=TODAY)
        rows = dict(Story(data, TODAY, 500).identity_rows())
        labels[name] = next(
            k
            for k in rows
            if k in ("Land", "État", "Province", "Région", "Communauté autonome", "Comté")
        )
    assert labels == {
        "Kiel": "Land",
        "Denver": "État",
        "Rimouski": "Province",
        "Cadix": "Communauté autonome",
        "Saponé": "Région",
        "Plymouth": "Comté",
    }
    kiel = dict(
        Story(factsheet_data(find_partner("Kiel")["id"], today=TODAY), TODAY, 500).identity_rows()
    )
    assert kiel["Décalage horaire"] == "même heure"
