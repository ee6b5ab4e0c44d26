"""The record pages' shared wording: group titles translated when a page is built, a
programme's one-line summary in lists of related records, the status badges."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from relations_app.text import partial_date_end

from ..kit import labels

#: Badge colours by kind: (text, background).
BADGE_COLOURS = {
    "ongoing": ("#14532d", "#d8f0df"),
    "active": ("#14532d", "#d8f0df"),
    "planned": ("#1e3a8a", "#dbe6fb"),
    "confirmed": ("#1e3a8a", "#dbe6fb"),
    "preparation": ("#1e3a8a", "#dbe6fb"),
    "warning": ("#7c2d12", "#fde2cf"),
    "inactive": ("#44403c", "#e7e5e4"),
}
NEUTRAL = ("#334155", "#e2e8f0")


def translate(text: str) -> str:
    return QCoreApplication.translate("editors", text)


def group(text: str):
    """A group title, translated when the editor is built."""
    return lambda: translate(text)


def badge(text: str, kind: str | None = None) -> str:
    """A coloured pill of rich text ("lien actif", "date de fin passée")."""
    colour, background = BADGE_COLOURS.get(kind or "", NEUTRAL)
    return (
        f'<span style="color:{colour}; background-color:{background};">'
        f"&nbsp;{escape(text)}&nbsp;</span>"
    )


def past_end(programme: Mapping[str, Any], today: date | None = None) -> bool:
    """ "En cours" although its end date is past (the source's status, shown with the doubt)."""
    if programme.get("status") != "ongoing" or not programme.get("end"):
        return False
    try:
        return partial_date_end(programme["end"]) < (today or date.today())
    except ValueError:
        return False


def period(start: str | None, end: str | None) -> str:
    return " – ".join(labels.date(d) for d in (start, end) if d)


def programme_line(p: dict) -> str:
    status = labels.programme_status(p.get("status")) if p.get("status") else ""
    if past_end(p):
        status += " — " + QCoreApplication.translate("editors", "end date passed")
    dates = period(p.get("start"), p.get("end"))
    return f"{p['title']}  ({', '.join(x for x in (dates, status) if x)})"


def programme_items(rows: Iterable[dict]) -> list[tuple[str, str, str]]:
    """Programmes as the items of a related list: (collection, id, one-line summary)."""
    return [("programmes", p["id"], programme_line(p)) for p in rows]
