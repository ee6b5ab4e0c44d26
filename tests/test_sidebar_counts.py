"""A narrowed sidebar still shows each section's count at its right edge (the name gives
way, elided), never a count cut off past the edge with a horizontal scroll bar."""

from PySide6.QtCore import Qt
from window_helpers import opened_window


def test_counts_stay_inside_a_narrowed_sidebar(qtbot, qapp, brest_db, tmp_path):
    with opened_window(qtbot, qapp, tmp_path / "brest.db") as window:
        counts_visible(qtbot, window)


def counts_visible(qtbot, window):
    window.resize(1366, 768)
    window.main_splitter.setSizes([150, 1216])
    qtbot.wait(100)
    sidebar = window.sidebar
    assert sidebar.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    image = sidebar.viewport().grab().toImage()
    width = sidebar.viewport().width()
    for row in range(sidebar.count()):
        rect = sidebar.visualItemRect(sidebar.item(row))
        if sidebar.item(row).isSelected():
            continue
        inked = [
            image.pixelColor(x, y).lightness()
            for x in range(width - 30, width - 5)
            for y in range(rect.top() + 2, rect.bottom() - 2)
        ]
        assert min(inked) < 200, f"no count drawn on row {row}"  # the list is white
