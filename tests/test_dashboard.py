"""The dashboard as the morning's work list (issue 12 §3): the services and the page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from window_helpers import settled

from relations_app.location import DatabaseLocation
from relations_app.services import dashboard, delegations, programmes
from ui.kit import labels
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow


def _programme(title, end, status="ongoing"):
    return programmes.create_programme({"title": title, "end": end, "status": status})


def test_year_only_ends_counted_only_when_their_last_day_falls_in_the_window(brest_db):
    year_end = _programme("Fin d'année", "2026")
    may = _programme("Fin en mai", "2026-05")
    day = _programme("Fin le 15 juin", "2026-06-15")
    _programme("Déjà fini", "2026-03", status="finished")
    in_june = {p["id"] for p in dashboard.programmes_ending_soon(date(2026, 1, 10))}
    assert in_june >= {may["id"], day["id"]}
    assert year_end["id"] not in in_june  # "2026" may mean 31 December: not within six months
    in_july = {p["id"] for p in dashboard.programmes_ending_soon(date(2026, 7, 1))}
    assert year_end["id"] in in_july and may["id"] not in in_july
    assert dashboard.count_ending_soon(date(2026, 7, 1)) == len(in_july)
    listed = programmes.list_programmes(watch="ending_soon").rows  # "tout voir": the same
    today = {p["id"] for p in dashboard.programmes_ending_soon(date.today())}
    assert {r["id"] for r in listed} == today


def test_past_end_means_the_whole_end_is_past(brest_db):
    this_year = _programme("Cette année", str(date.today().year))
    past = _programme("L'an dernier", str(date.today().year - 1))
    overdue = {p["id"] for p in dashboard.ongoing_past_end(date.today())}
    assert past["id"] in overdue and this_year["id"] not in overdue
    assert dashboard.count_ongoing_past_end(date.today()) == len(overdue)
    listed = programmes.list_programmes(watch="past_end", limit=1000)
    assert {r["id"] for r in listed.rows} == overdue


def test_funding_grouped_into_at_most_twelve_bars():
    by_year = {y: Decimal(1000) for y in range(1990, 2027)}
    bars = dashboard.funding_bars(by_year)
    assert len(bars) <= 12
    assert bars[0].label == "1990–1994" and bars[0].watch == "funded:1990-1994"
    assert sum(b.amount for b in bars) == Decimal(37000)
    assert [b.label for b in dashboard.funding_bars({2019: Decimal(5), 2021: Decimal(7)})] == [
        "2019",
        "2020",
        "2021",
    ]


def test_upcoming_delegations_with_days_left(brest_db):
    today = date.today()
    start = date.fromordinal(today.toordinal() + 12).isoformat()
    created = delegations.create_delegation(
        {"title": "Mission à Łódź", "start": start, "status": "confirmed"}
    )
    trips = dashboard.upcoming_delegations(today)
    trip = next(t for t in trips if t.id == created["id"])
    assert trip.days_left == 12


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path):
    translators = ui_app.install_translators(qapp, "fr")
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.show_section("dashboard")
    settled(qtbot, w)  # the lists, map and chart are read once the window shows
    yield w
    for section in w.sections.values():
        section.editor.set_clean()
    w.close()
    w.deleteLater()
    for t in translators:
        qapp.removeTranslator(t)


def test_cards_agree_in_number_and_open_the_list(window, qtbot):
    board = window.dashboard
    assert board.card_labels["twin_city"].text() == "9 villes jumelles"
    assert board.card_labels["total"].text() == "16 partenaires en tout"
    qtbot.mouseClick(board.card_labels["twin_city"], Qt.MouseButton.LeftButton)
    section = window.sections["partners"]
    assert window.current_section() is section
    assert section.model.filters == {"kind": "twin_city"}
    assert section.model.total == 9


def test_lists_say_how_programmes_end_and_open_in_full(window, qtbot):
    board = window.dashboard
    lines = [board.overdue.item(i).text() for i in range(board.overdue.count())]
    assert lines[0] == "Inn'O — terminé le 31 décembre 2018"
    more = board.overdue_work.more
    assert more.text() == f"tout voir ({len(lines)})"
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    section = window.sections["programmes"]
    assert window.current_section() is section
    assert section.model.filters == {"watch": "past_end"}
    assert section.model.total == len(lines)
    window.go_back()
    assert window.current_section() is None


def test_a_year_only_end_is_written_as_a_year(window):
    board = window.dashboard
    assert board.ends_text("2026", past=False) == "se termine fin 2026"
    assert board.ends_text("1996", past=True) == "fin prévue en 1996"
    assert board.ends_text("2026-05", past=False) == "se termine en mai 2026"


def test_a_bar_opens_the_programmes_funded_that_year(window):
    board = window.dashboard
    assert board.chart_view.categories() == ["2017", "2018", "2019", "2020", "2021"]
    assert board.chart_view.unit == "k€"
    board.chart_view._clicked(4, None)
    section = window.sections["programmes"]
    assert section.model.filters == {"watch": "funded:2021"}
    assert section.model.total == programmes.list_programmes(watch="funded:2021").total > 0


def test_map_clusters_zooms_and_names(window, qtbot):
    world = window.dashboard.map
    marks = world.clusters()
    assert sum(len(c.points) for c in marks) == 16
    assert len(marks) < 16  # Plymouth and Dun Laoghaire overlap: one disc
    group = next(c for c in marks if len(c.points) > 1)
    assert world.tooltip_for(group).startswith(f"{len(group.points)} partenaires : ")
    before = world.zoom
    centre = QPointF(world.width() / 2, world.height() / 2)
    event = QWheelEvent(
        centre,
        world.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    world.wheelEvent(event)
    assert world.zoom > before
    assert len(world.clusters()) >= len(marks)  # closer in: the discs come apart
    area = world.width() * world.height()
    assert area <= window.width() * window.height() / 3


def test_the_whole_dashboard_fits_a_1366x768_window_with_its_chart(window, qtbot):
    board = window.dashboard
    qtbot.waitUntil(lambda: board.filled and not board.checking, timeout=10_000)
    qtbot.wait(50)  # the lists' new heights laid out
    assert not board.verticalScrollBar().isVisible()
    chart = board.chart_view
    bottom = chart.mapTo(board.viewport(), chart.rect().bottomLeft()).y()
    assert chart.height() >= 170 and bottom <= board.viewport().height()
    top = board.map.mapTo(board.viewport(), board.map.rect().topLeft()).y()
    assert top >= 0 and chart.mapTo(board, chart.rect().topLeft()).y() > top


def test_data_warnings_link_to_their_record(window, qtbot, monkeypatch):
    from ui.kit import tasks

    monkeypatch.setattr(tasks, "INLINE", True)
    board = window.dashboard
    board.refresh()
    qtbot.waitUntil(lambda: not board._checking)
    lines = [board.warnings.list.item(i).text() for i in range(board.warnings.list.count())]
    mail = next(i for i, t in enumerate(lines) if "nrest@hk-diplo.de" in t)
    assert any("même téléphone" in t for t in lines)
    board.warnings.activated.emit(board.warnings.list.item(mail).data(Qt.ItemDataRole.UserRole))
    assert window.current_section() is window.sections["consulates"]
    assert window.sections["consulates"].editor.heading.text() == "Allemagne"


def test_the_latest_changes_open_their_record(window, qtbot):
    from relations_app.db.models import Partner
    from relations_app.services import AREAS

    kiel = Partner.get(Partner.name == "Kiel")
    AREAS["partners"].update(kiel.id, {"population": 250_000})
    board = window.dashboard
    board.refresh()
    first = board.changes.list.item(0)
    assert first.text().startswith("Kiel : Population : ")
    assert "250\u202f000" in first.text() and " — par " in first.text()
    opened = []
    board.open_record.connect(lambda *target: opened.append(target))
    board.changes.list.itemActivated.emit(first)
    assert opened == [("partners", kiel.id)]


def test_a_document_change_names_the_document_once(window, tmp_path):
    import os

    from relations_app.db.models import Partner
    from relations_app.services import attachments

    kiel = Partner.get(Partner.name == "Kiel")
    path = tmp_path / "convention.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"x" * 2000)
    attachments.add("partners", kiel.id, path, title="Convention de jumelage", date="1964")
    board = window.dashboard
    board.refresh()
    first = board.changes.list.item(0)
    assert first.text().startswith("Kiel : Document ajouté : Convention de jumelage (PDF, ")
    assert first.text().count("Convention de jumelage") == 1
    if shots := os.environ.get("RELATIONS_SHOTS"):
        board.changes.grab().save(f"{shots}/dashboard_document_change.png")
    opened = []
    board.open_record.connect(lambda *target: opened.append(target))
    board.changes.list.itemActivated.emit(first)
    assert opened == [("partners", kiel.id)]


def test_the_lists_map_and_chart_are_read_off_the_gui_thread_and_shown_once_painted(
    qtbot, brest_db, qapp, tmp_path, monkeypatch
):
    import threading

    from ui.pages import dashboard as page

    readers = []
    kept = page.read_overview
    monkeypatch.setattr(
        page,
        "read_overview",
        lambda today: (readers.append(threading.current_thread()), kept(today))[1],
    )
    translators = ui_app.install_translators(qapp, "fr")
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    qtbot.addWidget(w)
    board = w.dashboard
    assert board.card_labels["total"].text() == "16 partenaires en tout"  # the cards at once
    qapp.processEvents()
    # read beside the window's first layout and paint, shown only once it has painted
    assert all(t is not threading.main_thread() for t in readers)
    assert not board.filled and board.map.clusters() == []
    w.show()
    qtbot.waitUntil(lambda: board.filled, timeout=10_000)
    assert len(readers) == 1 and readers[0] is not threading.main_thread()
    assert sum(len(c.points) for c in board.map.clusters()) == 16
    assert board.chart_view.categories() == ["2017", "2018", "2019", "2020", "2021"]
    board.refresh()  # later refreshes (after a change) read on the spot
    assert len(readers) == 2 and readers[1] is threading.main_thread()
    for t in translators:
        qapp.removeTranslator(t)


def _long_lists(board, n=40):
    """Every list of the left column as full as on the big database."""
    for work in board.work_lists:
        work.fill([(f"Ligne {i}", ("partners", "x")) for i in range(n)], n, "Aucun")
    board.fit_rows()


def test_the_left_column_fits_a_laptop_window_in_whole_lines(window, qtbot):
    board = window.dashboard
    qtbot.waitUntil(lambda: board.filled and not board.checking, timeout=10_000)
    _long_lists(board)
    qtbot.waitUntil(lambda: not board.verticalScrollBar().isVisible(), timeout=3000)
    work = board.work
    assert work.mapTo(board.viewport(), work.rect().bottomLeft()).y() <= board.viewport().height()
    for w in board.work_lists:
        lines = w.list
        # as tall as its whole lines: no line cut by the frame at the bottom
        assert lines.height() == w.rows() * w.line_height() + 2 * lines.frameWidth()
        last = lines.visualItemRect(lines.item(w.rows() - 1))
        assert last.bottom() < lines.viewport().height()
        assert lines.visualItemRect(lines.item(w.rows())).top() >= lines.viewport().height()
        assert w.rows() >= 3
    window.resize(1920, 1080)  # a taller window: longer lists
    qtbot.wait(20)
    assert board.trips.rows() > 5
    board.changes.see_all.emit()  # opened in place: up to 16 lines, kept on a resize
    window.resize(1366, 768)
    qtbot.wait(20)
    assert board.changes.rows_shown == 16 and board.trips.rows_shown < 16


def test_the_office_name_on_the_map_clear_of_the_discs(window, qtbot):
    world = window.dashboard.map
    qtbot.waitUntil(lambda: bool(world.clusters()), timeout=10_000)
    from ui.pages.world_map import disc_radius

    rect, name = world.home_label()
    assert name == "Brest"
    assert world.rect().contains(rect.toRect())
    for c in world.clusters():
        r = disc_radius(c)
        assert not rect.intersects(QRectF(c.x - r, c.y - r, 2 * r, 2 * r)), c.points[0]["name"]


def test_the_chart_years_are_never_cut(qapp):
    from ui.pages.dashboard_chart import FundingChart

    chart = FundingChart()
    chart.set_funding({y: Decimal(1_000_000) for y in range(1990, 2027)})
    chart.resize(700, 230)
    chart.show()
    qapp.processEvents()
    assert chart.categories()[0] == "1990–94"
    chart.resize(430, 230)  # the big database at 1366×768
    qapp.processEvents()
    assert chart.categories()[0] == "’90–94"
    chart.close()


def test_every_card_and_list_opens_its_whole_list(window, qtbot):
    board = window.dashboard
    qtbot.waitUntil(lambda: board.filled and not board.checking, timeout=10_000)
    partners_section = window.sections["partners"]
    for kind, card in board.card_labels.items():
        window.show_section("dashboard")
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
        assert window.current_section() is partners_section
        assert partners_section.model.filters == ({} if kind == "total" else {"kind": kind})
        assert labels.number(partners_section.model.total) == card.figure.text()
    lists = [
        (board.trips, "delegations", {}),
        (board.ending_work, "programmes", {"watch": "ending_soon"}),
        (board.overdue_work, "programmes", {"watch": "past_end"}),
    ]
    _programme("Fin de l'année en cours", str(date.today().year))  # one ending soon
    for work, key, filters in lists:
        window.show_section("dashboard")
        board.refresh()
        assert work.more.isVisible()
        total = work.more.text().removeprefix("tout voir (").removesuffix(")")
        qtbot.mouseClick(work.more, Qt.MouseButton.LeftButton)
        section = window.sections[key]
        assert window.current_section() is section
        assert section.model.filters == filters
        assert labels.number(section.model.total) == total
    # the lists with no filter of their own open in place, in full
    window.show_section("dashboard")
    for work in (board.anniversary_list, board.warnings, board.changes):
        shown = work.list.count()
        if work.more.isVisible():
            qtbot.mouseClick(work.more, Qt.MouseButton.LeftButton)
            assert work.list.count() >= shown and not work.more.isVisible()


def test_a_year_only_end_in_the_window_list(window, qtbot):
    board = window.dashboard
    year = date.today().year
    if date.today() < date(year, 7, 1):
        pytest.skip("a year-only end counts in the six months only from July on")
    _programme("Fin de l'année en cours", str(year))
    board.refresh()
    lines = [board.ending.item(i).text() for i in range(board.ending.count())]
    assert f"Fin de l'année en cours — se termine fin {year}" in lines
    overdue = [board.overdue.item(i).text() for i in range(board.overdue.count())]
    assert not [t for t in lines + overdue if f" le {year}" in t or " le 19" in t]


def test_french_grouping_and_agreement_on_the_cards(window, monkeypatch):
    board = window.dashboard
    monkeypatch.setattr(
        dashboard,
        "counts_by_kind",
        lambda: {"twin_city": 2952, "friendship_city": 1, "decentralised_cooperation": 7047},
    )
    board.refresh()
    cards = board.card_labels
    assert cards["twin_city"].text() == "2\u202f952 villes jumelles"
    assert cards["friendship_city"].text() == "1 ville amie"
    assert cards["decentralised_cooperation"].text() == "7\u202f047 coopérations décentralisées"
    assert cards["total"].text() == "10\u202f000 partenaires en tout"
    assert board.status_text() == "10\u202f000 partenaires"


def test_a_period_bar_opens_the_programmes_of_that_period(window):
    # funding of thirty years added once the window is open: the chart groups them in
    # periods, and the programmes' filter offers the new bars when one is clicked
    window.show_section("programmes")  # its filters read before the new funding
    window.show_section("dashboard")
    programmes.create_programme(
        {
            "title": "Trente ans de fonds",
            "funding": [
                {"funder": "Ville", "amount_eur": "1000", "year": year}
                for year in range(1990, 2020)
            ],
        }
    )
    board = window.dashboard
    board.refresh()
    assert len(board.chart_view.bars) <= 12
    first = board.chart_view.bars[0]
    board.chart_view._clicked(0, None)
    section = window.sections["programmes"]
    assert section.model.filters == {"watch": first.watch}
    assert section.model.total == programmes.list_programmes(watch=first.watch).total


def test_the_dashboard_with_the_keyboard_only(window, qtbot):
    from PySide6.QtWidgets import QApplication

    board = window.dashboard
    qtbot.waitUntil(lambda: board.filled and not board.checking, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    first = board.card_labels["twin_city"]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    seen = [first]
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not seen[-1], f"Tab stays in {now.objectName()!r}"
        if not board.isAncestorOf(now):
            break  # out of the dashboard: no trap
        seen.append(now)
    else:
        pytest.fail("Tab never leaves the dashboard")
    wanted = [*board.card_labels.values(), board.briefing_button]
    for work in board.work_lists:
        wanted.append(work.list)
        if work.more.isVisible():
            wanted.append(work.more)
    assert [w.objectName() for w in wanted if w not in seen] == []
    # in reading order: a list's "see all" and its lines before the next list
    order = [seen.index(w.list) for w in board.work_lists]
    assert order == sorted(order)
    qtbot.keyClick(first, Qt.Key.Key_Space)  # a card pressed from the keyboard
    assert window.current_section() is window.sections["partners"]


def test_the_map_discs_never_overlap_one_another(qapp):
    """A thousand partners crowded over Europe (the big database's map): each disc stands
    apart, and every partner is still counted once."""
    import random

    from ui.pages.world_map import WorldMap, disc_radius

    rng = random.Random(4)
    points = [
        {
            "name": f"P{i}",
            "kind": "twin_city",
            "lat": rng.uniform(35, 60),
            "lon": rng.uniform(-10, 30),
        }
        for i in range(1000)
    ] + [{"name": "Far", "kind": "twin_city", "lat": -40.0, "lon": 170.0}]
    world = WorldMap()
    world.resize(420, 160)
    world.set_points(points, {"name": "Brest", "lat": 48.39, "lon": -4.49})
    marks = world.clusters()
    assert sum(len(c.points) for c in marks) == len(points)
    assert any(len(c.points) == 1 and c.points[0]["name"] == "Far" for c in marks)
    for i, a in enumerate(marks):
        for b in marks[i + 1 :]:
            reach = disc_radius(a) + disc_radius(b)
            assert (a.x - b.x) ** 2 + (a.y - b.y) ** 2 >= reach * reach, (a.points[0], b.points[0])
    world.close()
