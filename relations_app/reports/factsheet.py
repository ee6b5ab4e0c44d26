"""Partner fact sheets ("fiches villes"): one A4 PDF per partner, in French.

The public entry points::

    build_factsheet(partner_id, "kiel.pdf")          # or a binary stream
    render_factsheet(partner_id) -> (bytes, result)  # for a preview
    build_all(out_dir, progress=..., cancelled=...)  # one file per partner

Why here: the sheet is built from :func:`relations_app.services.factsheet_data.factsheet_data`
(no query in this package), laid out by :mod:`.factsheet_story` inside the page frame of
:mod:`.template`.  ``invariant=True`` makes ReportLab's output repeatable byte for byte
(fixed creation date and document id), which the tests rely on.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..services import partners
from ..services.factsheet_data import factsheet_data
from ..text import format_partial_date_fr
from .factsheet_story import Story
from .fonts import describe_characters
from .naming import safe_file_name, unique_file_names
from .template import Heading, ReportTemplate

ProgressCallback = Callable[[int, int, str], None]


@dataclass
class FactsheetResult:
    """What a build produced: where, how many pages, which characters had to be left out."""

    partner_id: str
    name: str
    file_name: str  # the safe name proposed for saving
    pages: int = 0
    missing_characters: list[str] = field(default_factory=list)
    path: Path | None = None

    def warning(self) -> str:
        """A French one-line warning about left-out characters, or ""."""
        if not self.missing_characters:
            return ""
        return (f"{self.name} : caractère(s) absent(s) des polices, omis dans la fiche : "
                f"{describe_characters(self.missing_characters)}")


def _write(target: str | os.PathLike[str] | BinaryIO, payload: bytes) -> Path | None:
    """Write to a stream, or atomically to a path: a failed build never leaves half a file.

    Like the exports, a new file is readable by its owner only (it holds contacts' names
    and addresses); the office shares it on purpose.
    """
    if hasattr(target, "write"):
        target.write(payload)  # type: ignore[union-attr]
        return None
    path = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def render_factsheet(
    partner_id: str, *, invariant: bool = False, today: date | None = None
) -> tuple[bytes, FactsheetResult]:
    """The fact sheet of ``partner_id`` as PDF bytes, with what the build reports."""
    today = today or date.today()
    data = factsheet_data(partner_id, today=today)
    office = data["office"]["name"]
    heading = Heading(
        title=data["name"],
        local_title=data.get("local_name") or "",
        subtitle=" · ".join(
            x for x in (data["kind_label"], data["country_name"], data.get("region")) if x
        ),
        kicker=f"Fiche ville · {office} · Relations internationales",
        footer=f"{office} · Relations internationales · fiche éditée le "
        f"{format_partial_date_fr(today.isoformat())}",
    )
    buffer = io.BytesIO()
    doc = ReportTemplate(buffer, heading, invariant=invariant, subject="Fiche ville",
                         author=f"{office} — Relations internationales", creator="Relations")
    doc.title = f"Fiche ville — {data['name']}"
    story = Story(data, today, doc.content_width)
    for text in (heading.title, heading.local_title, heading.subtitle, heading.footer):
        story.collect(text)
    doc.build(story.flowables())
    result = FactsheetResult(
        partner_id=partner_id,
        name=data["name"],
        file_name=safe_file_name(data["name"]),
        pages=doc.page,
        missing_characters=sorted(story.missing),
    )
    return buffer.getvalue(), result


def build_factsheet(
    partner_id: str,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    invariant: bool = False,
    today: date | None = None,
) -> FactsheetResult:
    """Write the fact sheet of ``partner_id`` to ``target`` (a path or a binary stream)."""
    payload, result = render_factsheet(partner_id, invariant=invariant, today=today)
    result.path = _write(target, payload)
    return result


def build_all(
    out_dir: str | os.PathLike[str],
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    invariant: bool = False,
    today: date | None = None,
    results: list[FactsheetResult] | None = None,
) -> list[Path]:
    """One fact sheet per partner in ``out_dir``, named from the partners' names.

    ``progress(done, total, text)`` is called after each file (the signature of
    ``ui.tasks.TaskContext.progress``); ``cancelled()`` is asked before each one and stops
    the run when true.  Returns the files written; ``results``, when given, receives each
    build's :class:`FactsheetResult` (for warnings).
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    rows = partners.list_partners(sort="name").rows
    names = unique_file_names(row["name"] for row in rows)
    written: list[Path] = []
    for index, (row, name) in enumerate(zip(rows, names), start=1):
        if cancelled is not None and cancelled():
            break
        result = build_factsheet(row["id"], folder / name, invariant=invariant, today=today)
        result.file_name = name
        written.append(folder / name)
        if results is not None:
            results.append(result)
        if progress is not None:
            progress(index, len(rows), f"{row['name']} → {folder / name}")
    return written
