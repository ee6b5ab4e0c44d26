"""Non-Latin names in the window (横須賀, 青岛): the bundled CJK font is registered with Qt,
so a machine without one draws them instead of boxes."""

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from ui.shell import app as ui_app


def test_the_bundled_fallback_font_covers_japanese_and_chinese_names(qapp):
    family = ui_app.add_fallback_font()
    assert family == "Droid Sans Fallback"
    assert family in QFontDatabase.families()
    metrics = QFontMetrics(QFont(family))
    for character in "横須賀青岛":
        assert metrics.inFontUcs4(ord(character)), character


def test_the_application_registers_it_when_it_is_made(qapp, monkeypatch):
    registered = []
    monkeypatch.setattr(ui_app, "add_fallback_font", lambda: registered.append(True))
    ui_app.create_application([])
    assert registered == [True]
