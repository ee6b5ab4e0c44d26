"""Where I was: Back and Forward across sections, the records opened lately, pinned ones.

A place is (section key, record id or None).  Back and Forward are a browser's two stacks
(a new step clears Forward); the "Récents" (the last :data:`RECENT_COUNT` records
opened, newest first) and the pinned records ("Épingler") are kept in the settings, so
they survive a restart, with the label the record had when it was opened (a record
deleted since is dropped when it no longer opens).  The menus that show them are filled
each time they open.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu

from ..kit import record_names, settings

RECENT_COUNT = 20
Place = tuple[str, "str | None"]

RECENTS = settings.Setting(
    "navigation/recent", str, "[]", "The last records opened (JSON: collection, id, label)."
)
PINS = settings.Setting("navigation/pinned", str, "[]", "Pinned records (JSON, as recents).")


@dataclass(frozen=True)
class Visited:
    collection: str
    id: str
    label: str


def _load(setting: settings.Setting) -> list[Visited]:
    try:
        rows = json.loads(settings.get(setting) or "[]")
        return [Visited(r["collection"], r["id"], r["label"]) for r in rows]
    except (ValueError, KeyError, TypeError):
        return []


def _save(setting: settings.Setting, items: list[Visited]) -> None:
    settings.set(setting, json.dumps([asdict(v) for v in items], ensure_ascii=False))


class History(QObject):
    """Back/Forward stacks of places, and the recents and pins lists."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.back: list[Place] = []
        self.forward: list[Place] = []
        self.recents = _load(RECENTS)
        self.pins = _load(PINS)

    # -- back and forward -------------------------------------------------------------

    def step(self, left: Place) -> None:
        """A new move away from ``left``: it goes on Back, Forward is cleared."""
        if not self.back or self.back[-1] != left:
            self.back.append(left)
        self.forward.clear()
        self.changed.emit()

    def take(self, stack: list[Place], other: list[Place], current: Place) -> Place | None:
        """The nearest place of ``stack`` other than ``current`` (which goes on ``other``)."""
        while stack:
            place = stack.pop()
            if place != current:
                other.append(current)
                self.changed.emit()
                return place
        self.changed.emit()
        return None

    # -- recents and pins -------------------------------------------------------------

    def opened(self, collection: str, record_id: str, label: str) -> None:
        if not record_id or not label:
            return
        item = Visited(collection, record_id, label)
        kept = [v for v in self.recents if (v.collection, v.id) != (collection, record_id)]
        self.recents = [item, *kept][:RECENT_COUNT]
        _save(RECENTS, self.recents)
        if any((p.collection, p.id) == (collection, record_id) for p in self.pins):
            self.pins = [
                item if (p.collection, p.id) == (collection, record_id) else p for p in self.pins
            ]
            _save(PINS, self.pins)

    def is_pinned(self, collection: str, record_id: str | None) -> bool:
        return any((p.collection, p.id) == (collection, record_id) for p in self.pins)

    def toggle_pin(self, collection: str, record_id: str, label: str) -> bool:
        """Pin the record, or unpin it if it was; True when it is pinned now."""
        if self.is_pinned(collection, record_id):
            self.pins = [p for p in self.pins if (p.collection, p.id) != (collection, record_id)]
            pinned = False
        else:
            self.pins = [*self.pins, Visited(collection, record_id, label)]
            pinned = True
        _save(PINS, self.pins)
        self.changed.emit()
        return pinned

    def forget(self, collection: str, record_id: str) -> None:
        """A record that no longer opens (deleted): out of both lists."""
        self.recents = [v for v in self.recents if (v.collection, v.id) != (collection, record_id)]
        self.pins = [v for v in self.pins if (v.collection, v.id) != (collection, record_id)]
        _save(RECENTS, self.recents)
        _save(PINS, self.pins)


def fill_menu(menu: QMenu, items: list[Visited], empty: str, open_record) -> None:
    """``menu`` lists ``items`` ("Kiel — Partenaire"), each opening its record."""
    menu.clear()
    if not items:
        action = menu.addAction(empty)
        action.setEnabled(False)
        return
    for item in items:
        action = menu.addAction(f"{item.label} — {record_names.kind(item.collection)}")
        action.setData((item.collection, item.id))
        action.triggered.connect(lambda _c=False, v=item: open_record(v.collection, v.id))
