"""Page breaks and space on the bundled fact sheets: no page less than a third full, no
heading left at the foot of a page, short timelines kept whole, newest events first,
sparse partners completed by an "À compléter" box rather than remarks about sources."""

from __future__ import annotations

import io
from datetime import date

import pytest

pytest.importorskip("reportlab")
from factsheet_helpers import pdf_text
from pypdf import PdfReader
from report_layout import every_document

from relations_app.reports import factsheet
from relations_app.reports.editorial import event_title_and_date
from relations_app.reports.locator_map import LocatorMap, Place
from relations_app.reports.typography import french
from relations_app.services.factsheet_data import factsheet_data
from relations_app.services.partner_lookup import find_partner
from relations_app.text import format_partial_date_fr

TODAY = date(2027, 3, 1)
HEADING_SIZE = 11  # points: section headings are 11.5, nothing else in the flow is as big
FOOTER_TOP = 45  # points from the page's foot: the footer's line and text lie below


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    from relations_app import bootstrap
    from relations_app.location import DatabaseLocation

    path = tmp_path_factory.mktemp("layout") / "brest.db"
    bootstrap.open_app_database(DatabaseLocation.file(path))
    try:
        yield [doc for doc in every_document(TODAY) if doc[0] != "briefing"]
    finally:
        bootstrap.close()


def runs_by_page(data: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page, (height from the foot, size, text) of every text run."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        runs: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, runs=runs):
            if text.strip():
                y = cm[5] + tm[5] * (cm[3] or 1)
                runs.append((y, size * abs(tm[3] or 1) * abs(cm[3] or 1), text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def test_no_page_of_a_bundled_sheet_is_less_than_a_third_full(sheets):
    fills = {name: layout.page_fill() for name, layout, _data in sheets}
    thin = {
        name: {page: round(fill, 2) for page, fill in pages.items() if fill < 1 / 3}
        for name, pages in fills.items()
    }
    assert {name: pages for name, pages in thin.items() if pages} == {}
    assert all(len(pages) <= 2 for pages in fills.values())


def test_a_sheet_that_almost_fits_one_page_is_set_to_fit(sheets):
    """Kiel, Haïphong, Saponé and Veracruz spilled a few lines onto a second page."""
    pages = {name: len(layout.page_fill()) for name, layout, _data in sheets}
    for name in ("Kiel", "Haïphong", "Saponé", "État de Veracruz"):
        assert pages[name] == 1, name


def test_no_heading_is_the_last_line_of_a_page(sheets):
    for name, _layout, data in sheets:
        for number, runs in enumerate(runs_by_page(data), start=1):
            flow = [run for run in runs if run[0] > FOOTER_TOP]
            lowest = min(flow, key=lambda run: run[0])
            assert lowest[1] < HEADING_SIZE, (name, number, lowest)


def test_a_short_timeline_is_never_split(sheets):
    for name, _layout, data in sheets:
        record = factsheet_data(find_partner(name)["id"], today=TODAY)
        titles = [
            event_title_and_date(e["title"], format_partial_date_fr(e["date"]))[0]
            for e in record["latest_events"]
        ]
        pages = [
            " ".join(run[2] for run in runs).replace("\u202f", " ").replace("\u00a0", " ")
            for runs in runs_by_page(data)
        ]
        if not titles:
            continue
        heading = next(i for i, text in enumerate(pages) if "Derniers événements" in text)
        shown = [t for t in titles if printed(t)[:20] in pages[heading]]
        assert shown, name
        for title in titles[len(shown) :]:  # the sheet may have trimmed the oldest
            assert all(printed(title)[:20] not in text for text in pages[heading + 1 :]), name


def printed(title: str) -> str:
    return french(title).replace("\u202f", " ").replace("\u00a0", " ")


def test_timeline_newest_first_year_alone_at_the_end_of_its_year(brest_db):
    record = factsheet_data(find_partner("Terre de Feu")["id"], today=TODAY)
    dates = [e["date"] for e in record["latest_events"]]
    assert dates[:4] == ["2020", "2020-10-12", "2019", "2019-05"]
    text = pdf_text(factsheet.render_factsheet(find_partner("Terre de Feu")["id"], today=TODAY)[0])
    assert "automne 2020" in text and "Comité de pilotage à distance" in text
    assert "(automne 2020)" not in text  # the date is not repeated in the title
    assert "12–16 octobre" in text and "(12-16 octobre 2020)" not in text


def test_the_partners_own_history_is_not_the_relationships(brest_db):
    record = factsheet_data(find_partner("Haïphong")["id"], today=TODAY)
    assert "patrimoine mondial" not in " ".join(e["title"] for e in record["latest_events"])
    assert event_title_and_date(
        "Début de la coopération avec Veracruz (selon la présentation)", "2009"
    ) == ("Début de la coopération avec Veracruz", "2009")


@pytest.mark.parametrize("name", ["Qingdao", "Tarente", "Chubut"])
def test_a_sparse_partner_lists_what_to_complete_not_remarks_on_sources(brest_db, name):
    text = " ".join(
        pdf_text(factsheet.render_factsheet(find_partner(name)["id"], today=TODAY)[0]).split()
    )
    assert "À compléter par le service" in text
    assert "la population" in text and "des contacts sur place" in text
    for remark in ("Les sources", "n'en précisent", "n'en donnent", "n'en dit", "n'y est détaillé"):
        assert remark not in text, remark


def test_a_full_sheet_has_no_box_to_complete(brest_db):
    text = pdf_text(factsheet.render_factsheet(find_partner("Rimouski")["id"], today=TODAY)[0])
    assert "À compléter" not in text


def test_the_map_has_a_scale_bar_and_an_inset_when_the_country_is_small(brest_db):
    text = pdf_text(factsheet.render_factsheet(find_partner("Saponé")["id"], today=TODAY)[0])
    assert "2 500 km" in text  # the scale bar's label
    brest = Place("Brest", 48.39, -4.49, "FR")
    import reportlab.pdfgen.canvas

    def small(place: Place) -> bool:
        from relations_app import geo

        locator = LocatorMap(250, 150, place, brest)
        points = [(place.longitude, place.latitude), (brest.longitude, brest.latitude)]
        route = geo.great_circle(brest.latitude, brest.longitude, place.latitude, place.longitude)
        bbox = geo.bbox_around([*points, *route], aspect=250 / 150)
        locator.canv = reportlab.pdfgen.canvas.Canvas(io.BytesIO())
        return locator._small_country(geo.Projection(bbox, 250, 150)) is not None

    assert small(Place("Saponé", 12.05, -1.6, "BF"))
    assert small(Place("Haïphong", 20.86, 106.68, "VN"))
    assert not small(Place("Kiel", 54.32, 10.13, "DE"))
    assert not small(Place("Denver", 39.74, -104.99, "US"))
