"""History lines in the interface's language (issue 14 §2): the English window reads
English sentences, English dates and English digit grouping."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QDialog
from window_helpers import opened_window

from relations_app import i18n
from relations_app.services import history_read, history_text, partners
from ui.kit import tasks
from ui.shell import app as ui_app


@pytest.fixture(autouse=True)
def french_after():
    yield
    i18n.set_language("fr")


def change(fields, kind="changed", origin="edit", summary=""):
    return history_read.Change(
        1,
        datetime(2026, 12, 3, 10, 12, tzinfo=UTC).astimezone(),
        "m.dupont",
        origin,
        summary,
        "partners",
        "x",
        kind,
        2,
        "Béjaïa",
        fields,
    )


def test_the_issue_line_in_english():
    i18n.set_language("en")
    line = change({"population": [200_000, 210_000]})
    local = line.at.astimezone()
    assert history_text.lines(line, history_text.Names()) == [
        f"Population: 200,000 → 210,000 — by m.dupont, on 3 Dec 2026 at {local:%H:%M}"
    ]


def test_headlines_yes_no_and_the_origin_in_english():
    i18n.set_language("en")
    names = history_text.Names()
    active = change({"active": [True, False]}, origin="undo")
    assert history_text.lines(active, names)[0].startswith("Active link: yes → no (undo) — by ")
    created = change({}, kind="created", origin="import")
    assert history_text.lines(created, names)[0].startswith("Creation (import) — by ")
    merged = change({}, kind="merged", origin="merge", summary="Kiel (SH) → Kiel")
    assert history_text.headline(merged) == "Merged with “Kiel (SH)”"


def test_the_same_line_stays_french_in_the_french_window():
    line = change({"population": [200_000, 210_000]})
    assert history_text.lines(line, history_text.Names())[0].startswith(
        "Population : 200\u202f000 → 210\u202f000 — par m.dupont, le 3 déc. 2026 à "
    )


@pytest.fixture
def english_window(qtbot, qapp, brest_db, tmp_path, monkeypatch):
    monkeypatch.setattr(QDialog, "exec", lambda *a: pytest.fail("unexpected dialog"))
    monkeypatch.setattr(tasks, "INLINE", True)
    translators = ui_app.install_translators(qapp, "en")
    try:
        with opened_window(qtbot, qapp, tmp_path / "brest.db", language="en") as window:
            yield window
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_the_english_window_shows_the_history_in_english(english_window):
    window = english_window
    assert window.show_section("partners")
    section = window.sections["partners"]
    section.select_record(partners.list_partners("kiel").rows[0]["id"])
    form = next(f for f in section.editor.forms if "population" in f.inputs)
    form.inputs["population"].widget.setText("250000")
    assert section.save()
    panel = section.editor.history_panel
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    user = getpass.getuser()
    assert texts[0].startswith(f"Population: empty → 250,000 — by {user}, on ")
    assert texts[-1].startswith("Creation (original data) — by ")
    assert panel.list.item(0).toolTip() == "Population\nBefore: empty\nAfter: 250,000"
