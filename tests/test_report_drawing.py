"""What makes a fact sheet quick without changing what it prints (issue 16 §3).

The map's outlines are parsed once per process and drawn without their detours outside
the view; plain-text paragraphs skip ReportLab's markup parser and keep their lines per
width.  Each shortcut must give what the long way gives.
"""

import io

import pytest

pytest.importorskip("reportlab")

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as PlatypusParagraph

from relations_app import geo
from relations_app.reports import locator_map, styles
from relations_app.reports.flowables import Paragraph
from relations_app.reports.fonts import markup


def test_the_outlines_are_read_once_however_they_are_asked_for():
    assert geo.load_countries() is geo.load_countries(False) is geo.load_countries(fine=False)
    assert geo.load_countries(True) is geo.load_countries(fine=True)
    assert geo.load_countries(True) is not geo.load_countries()


def test_a_coast_beyond_one_edge_is_cut_to_its_ends_and_nothing_inside_moves():
    width, height = 100.0, 50.0
    # in the view, then five points beyond the left edge, then in the view again
    xs = [10.0, -20.0, -30.0, -40.0, -30.0, -20.0, 10.0]
    ys = [10.0, 10.0, 20.0, 30.0, 40.0, 45.0, 40.0]
    assert locator_map._outside_runs_cut(xs, ys, width, height) == [0, 1, 5, 6]
    # beyond the left edge, then beyond the bottom one: the corner point is kept, since
    # a chord from left to bottom could cross the view's corner
    xs = [10.0, -20.0, -20.0, 30.0, 50.0, 60.0, 10.0]
    ys = [10.0, 10.0, -20.0, -20.0, -20.0, -20.0, 40.0]
    assert locator_map._outside_runs_cut(xs, ys, width, height) == [0, 1, 2, 3, 5, 6]
    assert locator_map._outside_runs_cut([1.0, 50.0, 99.0], [1.0, 49.0, 1.0], width, height) is None


def test_a_regional_map_draws_far_fewer_points_than_its_countries_have(monkeypatch):
    """Kiel seen from Brest: the coasts of the far parts of the continents drawn (whose
    polygons reach into the view) are not drawn point by point: about 40 % fewer."""
    brest = locator_map.Place("Brest", 48.39, -4.49, "FR")

    def points_drawn() -> int:
        kiel = locator_map.Place("Kiel", 54.32, 10.13, "DE")
        locator = locator_map.LocatorMap(250, 150, kiel, brest)
        canvas = Canvas(io.BytesIO())
        locator.canv = canvas
        locator.draw()
        code = " ".join(canvas._code)
        return code.count(" l ") + code.count(" m ")

    cut = points_drawn()
    monkeypatch.setattr(locator_map, "_outside_runs_cut", lambda *_args: None)
    assert 100 < cut < points_drawn() * 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Jean Dupont",
        "  Maire   adjoint\n chargé des relations  ",
        "Łódź · Constanţa · Москва",
        "12\u202f000\u00a0€",
        "https://www.kiel.de/partner",
    ],
)
@pytest.mark.parametrize("style", ["Body", "SmallBold", "MutedItalic", "Text"])
def test_a_plain_paragraph_is_what_reportlab_parses(text, style):
    quick = Paragraph(markup(text), styles.stylesheet()[style])
    parsed = PlatypusParagraph(markup(text), styles.stylesheet()[style])
    assert [f.__dict__ for f in quick.frags] == [f.__dict__ for f in parsed.frags]
    assert quick.text == parsed.text
    assert quick.wrap(120, 500) == parsed.wrap(120, 500)
    assert repr(quick.blPara.lines) == repr(parsed.blPara.lines)  # fragments: no ==


def test_a_paragraph_keeps_its_lines_per_width_only():
    paragraph = Paragraph(markup("un texte " * 30), styles.stylesheet()["Body"])
    wide = paragraph.wrap(400, 100)
    assert paragraph.wrap(400, 10) == wide
    narrow = paragraph.wrap(100, 100)
    assert narrow[1] > wide[1] and narrow[0] == 100
    assert paragraph.wrap(400, 100) == wide
