"""Partner fact sheets ("fiches villes"): one A4 PDF per partner, in French.

The public entry points::

    build_factsheet(partner_id, "kiel.pdf")          # or a binary stream
    render_factsheet(partner_id) -> (bytes, result)  # for a preview
    build_all(out_dir, progress=..., cancelled=...)  # one file per partner (see .batch)

Why here: the sheet is built from :func:`relations_app.services.factsheet_data.factsheet_data`
(no query in this package), laid out by :mod:`.factsheet_story` inside the page frame of
:mod:`.template`.  ``invariant=True`` makes ReportLab's output repeatable byte for byte
(fixed creation date and document id), which the tests rely on.

A sheet whose last page would hold less than a third of a page is set again, tighter
(:class:`.factsheet_story.Fit`: a smaller map, closer sections, then fewer events with
"et N autres événements"), and the first setting with one page fewer is kept.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..services.factsheet_data import factsheet_data
from . import identity
from .factsheet_story import Fit, Story
from .naming import safe_file_name
from .output import missing_warning, save_rendered
from .template import Heading, ReportTemplate

ProgressCallback = Callable[[int, int, str], None]
MIN_LAST_PAGE_FILL = 1 / 3


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
        return missing_warning(self.name, self.missing_characters, "la fiche")


def render_factsheet(
    partner_id: str, *, invariant: bool = False, today: date | None = None
) -> tuple[bytes, FactsheetResult]:
    """The fact sheet of ``partner_id`` as PDF bytes, with what the build reports."""
    today = today or date.today()
    data = factsheet_data(partner_id, today=today)
    office = data["office"]
    heading = Heading(
        title=data["name"],
        local_title=data.get("local_name") or "",
        subtitle=" · ".join(
            x for x in (data["kind_label"], data["country_name"], data.get("region")) if x
        ),
        kicker=f"Fiche ville · {identity.issuer(office)}",
        footer=identity.footer(
            office,
            identity.printed_on("fiche éditée", today.isoformat()),
            identity.data_of("partners", partner_id),
        ),
        logo=identity.logo(office),
    )

    def layout(fit: Fit) -> tuple[io.BytesIO, ReportTemplate, Story]:
        """One setting, laid out and drawn but not yet written out: only the setting
        kept is serialised (a tighter try that saves no page, or the first setting a
        tighter one replaces, then costs no PDF writing and compression)."""
        buffer = io.BytesIO()
        doc = ReportTemplate(
            buffer,
            heading,
            invariant=invariant,
            subject="Fiche ville",
            author=identity.author(office),
            creator="Relations",
        )
        doc.title = f"Fiche ville — {data['name']}"
        doc._doSave = 0  # ReportLab's own switch (multiBuild's): save() is called below
        story = Story(data, today, doc.content_width, fit=fit)
        for text in (heading.title, heading.local_title, heading.subtitle, heading.footer):
            story.collect(text)
        doc.build(story.flowables())
        return buffer, doc, story

    buffer, doc, story = layout(Fit())
    if doc.page > 1 and doc.last_page_fill() < MIN_LAST_PAGE_FILL:
        shown = len(data.get("latest_events") or [])
        for fit in [Fit(compact=True), *(Fit(True, n) for n in range(shown - 1, 0, -1))]:
            tighter = layout(fit)
            if tighter[1].page < doc.page:
                buffer, doc, story = tighter
                break
    doc.canv.save()
    pdf = buffer.getvalue()
    result = FactsheetResult(
        partner_id=partner_id,
        name=data["name"],
        file_name=safe_file_name(data["name"]),
        pages=doc.page,
        missing_characters=sorted(story.missing),
    )
    return pdf, result


def build_factsheet(
    partner_id: str,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    invariant: bool = False,
    today: date | None = None,
) -> FactsheetResult:
    """Write the fact sheet of ``partner_id`` to ``target`` (a path or a binary stream)."""
    return save_rendered(target, render_factsheet(partner_id, invariant=invariant, today=today))


def build_all(
    out_dir: str | os.PathLike[str],
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    invariant: bool = False,
    today: date | None = None,
    results: list[FactsheetResult] | None = None,
    workers: int | None = None,
) -> list[Path]:
    """One fact sheet per partner in ``out_dir``, named from the partners' names, made by
    a process per core (:func:`.batch.build_sheets`, which tells more: failures, Cancel).

    ``progress(done, total, text)`` is called after each file (the signature of
    ``ui.kit.tasks.TaskContext.progress``); ``cancelled()`` is asked between files and
    stops the run when true.  Returns the files written; ``results``, when given,
    receives each build's :class:`FactsheetResult` (for warnings).
    """
    from .batch import build_sheets

    report = build_sheets(
        out_dir, None, progress, cancelled, workers=workers, invariant=invariant, today=today
    )
    if results is not None:
        results.extend(report.results)
    return report.written
