"""The editors' shared wording: group titles translated when a page is built, a programme's
one-line summary in lists of related records."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from ..kit import labels


def translate(text: str) -> str:
    return QCoreApplication.translate("editors", text)


def group(text: str):
    """A group title, translated when the editor is built."""
    return lambda: translate(text)


def programme_line(p: dict) -> str:
    dates = " – ".join(labels.date(d) for d in (p.get("start"), p.get("end")) if d)
    status = labels.programme_status(p.get("status"))
    return f"{p['title']}  ({', '.join(x for x in (dates, status) if x)})"


def programme_items(rows: Iterable[dict]) -> list[tuple[str, str, str]]:
    """Programmes as the items of a related list: (collection, id, one-line summary)."""
    return [("programmes", p["id"], programme_line(p)) for p in rows]
