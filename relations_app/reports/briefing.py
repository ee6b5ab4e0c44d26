"""Delegation briefings ("dossiers de délégation"): the A4 pack handed out before a visit.

The public entry points::

    build_briefing(delegation_id, "mission.pdf")           # or a binary stream
    render_briefing(delegation_id) -> (bytes, result)       # for a preview
    render_briefing(..., progress=report, cancelled=asked)  # from a background task

Why here: the pack is built from :func:`relations_app.services.briefing_data.briefing_data`
(no query in this package), laid out by :mod:`.briefing_story` in the page frame of
:mod:`.template` with a cover of its own.  A table of contents needs the pages of the
headings it lists, so the document is laid out until they stop moving (ReportLab's
``multiBuild``, usually two passes).  ``invariant=True`` makes the output repeatable byte
for byte, which the tests rely on.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..services.briefing_data import briefing_data
from ..services.briefing_documents import load as load_annexes
from . import briefing_annexes, identity
from .briefing_story import BriefingStory
from .fonts import REGULAR, markup
from .naming import safe_file_name
from .output import missing_warning, save_rendered
from .template import MARGIN_X, PAGE_HEIGHT, Heading, ReportTemplate, fit_paragraph

ProgressCallback = Callable[[int, int, str], None]
COVER_BAND_HEIGHT = 70 * mm
COVER_TITLE_SIZES = (30, 26, 22, 18, 15, 12)


class BriefingCancelled(Exception):
    """The build stopped because ``cancelled()`` said so; nothing was written."""


@dataclass
class BriefingResult:
    """What a build produced: where, how many pages, which characters had to be left out."""

    delegation_id: str
    title: str
    file_name: str  # the safe name proposed for saving
    pages: int = 0
    passes: int = 0
    missing_characters: list[str] = field(default_factory=list)
    path: Path | None = None
    briefing_pages: int = 0  # the pages the footers count (``pages`` holds the annexes too)
    annexes: list[str] = field(default_factory=list)  # the titles of the documents appended
    left_out: list[str] = field(default_factory=list)  # why a chosen document is not, French

    def warning(self) -> str:
        """A French warning about left-out characters and documents, a line each, or ""."""
        lines = [missing_warning(self.title, self.missing_characters, "le dossier")]
        return "\n".join(line for line in [*lines, *self.left_out] if line)


class BriefingTemplate(ReportTemplate):
    """The report frame with a tall cover band, stopping when the reader cancels."""

    title_sizes = COVER_TITLE_SIZES

    def __init__(
        self, target, heading: Heading, *, cancelled: Callable[[], bool] | None = None, **kwargs
    ) -> None:
        super().__init__(target, heading, first_band_height=COVER_BAND_HEIGHT, **kwargs)
        self.cancelled = cancelled

    def draw_first_page(self, canvas: Canvas, doc) -> None:
        """The cover: the kicker on top of a tall band, the title and subtitle at its foot."""
        canvas.saveState()
        self.draw_band(canvas)
        width = self.content_width
        top = self.draw_kicker(canvas, PAGE_HEIGHT - 9 * mm)
        bottom = PAGE_HEIGHT - self.first_band_height + 8 * mm
        sub_height = 0.0
        if self.heading.subtitle:
            subtitle = fit_paragraph(
                self.heading.subtitle, "BandSubtitle", width, 28, sizes=(11, 10, 9, 8)
            )
            sub_height = subtitle.wrap(width, 28)[1]
            subtitle.drawOn(canvas, MARGIN_X, bottom)
        room = top - 6 * mm - (bottom + sub_height + 3 * mm)
        title = fit_paragraph(self.heading.title, "BandTitle", width, room, sizes=self.title_sizes)
        title.wrap(width, room)
        title.drawOn(canvas, MARGIN_X, bottom + sub_height + 3 * mm)
        canvas.restoreState()
        self.draw_footer(canvas, doc)

    def afterFlowable(self, flowable) -> None:
        if self.cancelled is not None and self.cancelled():
            raise BriefingCancelled
        if isinstance(flowable, briefing_annexes.AnnexMarks):  # the pages after this one
            for level, text, page in flowable.entries(self.page):
                self.notify("TOCEntry", (level, markup(text, REGULAR), page, None))
        super().afterFlowable(flowable)


def _subtitle(data: dict) -> str:
    return " · ".join(
        x
        for x in (
            data.get("direction_label"),
            BriefingStory.dates_of(data),
            data.get("destination_text"),
        )
        if x
    )


def render_briefing(
    delegation_id: str,
    *,
    invariant: bool = False,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    annexes: Sequence[str] = (),
) -> tuple[bytes, BriefingResult]:
    """The briefing of ``delegation_id`` as PDF bytes, with what the build reports.

    ``annexes`` are ids of the delegation's or its partners' documents
    (:func:`relations_app.services.briefing_documents.candidates`), appended in that order
    (:mod:`.briefing_annexes`); one that cannot be read is left out and said in the
    result's ``left_out``.

    ``progress(done, total, text)`` is called as the work goes: once per partner section
    (``text`` is the partner's name), then before the layout and at the end; ``cancelled()``
    is asked along the way and, when true, stops the build with :class:`BriefingCancelled`.
    """
    today = today or date.today()

    def check() -> None:
        if cancelled is not None and cancelled():
            raise BriefingCancelled

    data = briefing_data(delegation_id, today=today)
    ready, left_out = briefing_annexes.prepare(
        load_annexes(delegation_id, annexes) if annexes else [], invariant=invariant
    )
    total = len(data["partners"]) + 2

    def step(index: int, _count: int, name: str) -> None:
        check()
        if progress is not None:
            progress(index + 1, total, name)

    heading = Heading(
        title=data["title"],
        subtitle=_subtitle(data),
        kicker=f"Dossier de délégation · {identity.issuer(data['office'])}",
        footer=identity.footer(
            data["office"],
            identity.printed_on("dossier édité", today.isoformat()),
            identity.data_of("delegations", delegation_id),
            data["confidentiality_text"],
        ),
        logo=identity.logo(data["office"]),
    )
    buffer = io.BytesIO()
    doc = BriefingTemplate(
        buffer,
        heading,
        cancelled=cancelled,
        invariant=invariant,
        subject="Dossier de délégation",
        creator="Relations",
        author=identity.author(data["office"]),
    )
    doc.title = f"Dossier de délégation — {data['title']}"
    story = BriefingStory(data, today, doc.content_width)
    for text in (heading.title, heading.subtitle, heading.footer):
        story.collect(text)
    flowables = story.flowables(step)
    if ready:
        flowables.append(briefing_annexes.AnnexMarks(ready))
    check()
    if progress is not None:
        progress(total - 1, total, "mise en page")
    passes = doc.build_with_toc(flowables)
    payload = buffer.getvalue()
    if ready:
        check()
        payload = briefing_annexes.append(payload, ready)
    if progress is not None:
        progress(total, total, "")
    result = BriefingResult(
        delegation_id=delegation_id,
        title=data["title"],
        file_name=safe_file_name(data["title"]),
        pages=doc.page + sum(item.pages for item in ready),
        passes=passes,
        missing_characters=sorted(story.missing),
        briefing_pages=doc.page,
        annexes=[item.title for item in ready],
        left_out=left_out,
    )
    return payload, result


def build_briefing(
    delegation_id: str,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    invariant: bool = False,
    today: date | None = None,
    annexes: Sequence[str] = (),
) -> BriefingResult:
    """Write the briefing of ``delegation_id`` to ``target`` (a path or a binary stream),
    with the documents ``annexes`` names appended."""
    return save_rendered(
        target,
        render_briefing(delegation_id, invariant=invariant, today=today, annexes=annexes),
    )
