"""Helpers for the layout tests: the lines every Paragraph drew, and how full each page is.

Why record while drawing: text extracted from a PDF loses which line a word was on once
tables put cells side by side; ReportLab knows the lines it laid out, so the tests read
them from each Paragraph as it draws.  The fill of a page is the lowest point any
flowable reached in its frame, recorded as frames add them.  A document laid out several
times (a table of contents) is recorded afresh at each pass.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlab.platypus import Frame, Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate


@dataclass
class Line:
    text: str
    extra_space: float  # points a justified line would stretch
    justified: bool
    last: bool  # the last line of its paragraph (never stretched)
    font_size: float


@dataclass
class Layout:
    lines: list[Line] = field(default_factory=list)
    # page number → (height used, frame height); only the content frames
    fill: dict[int, tuple[float, float]] = field(default_factory=dict)

    def page_fill(self) -> dict[int, float]:
        return {page: used / height for page, (used, height) in sorted(self.fill.items())}


def _line_text(para: Paragraph, line) -> str:
    if para.blPara.kind == 0:
        return " ".join(line[1])
    return "".join(getattr(frag, "text", "") for frag in line.words)


@contextlib.contextmanager
def recorded() -> Iterator[Layout]:
    """Record the lines of every paragraph drawn and each page's fill while active."""
    layout = Layout()
    draw, add, start = Paragraph.draw, Frame.add, BaseDocTemplate._startBuild

    def recording_draw(self: Paragraph) -> None:
        draw(self)
        lines = self.blPara.lines
        justified = self.style.alignment == 4
        for index, line in enumerate(lines):
            extra = line[0] if self.blPara.kind == 0 else line.extraSpace
            layout.lines.append(
                Line(
                    _line_text(self, line),
                    extra,
                    justified,
                    index == len(lines) - 1,
                    self.style.fontSize,
                )
            )

    def recording_add(self: Frame, flowable, canv, trySplit=0) -> int:
        added = add(self, flowable, canv, trySplit)
        if added:
            height = self._height - self._topPadding - self._bottomPadding
            used = self._y1 + self._height - self._topPadding - self._y
            page = canv.getPageNumber()
            layout.fill[page] = (max(layout.fill.get(page, (0.0, 0.0))[0], used), height)
        return added

    def recording_start(self: BaseDocTemplate, *args, **kwargs) -> None:
        layout.lines.clear()
        layout.fill.clear()
        start(self, *args, **kwargs)

    Paragraph.draw = recording_draw
    Frame.add = recording_add
    BaseDocTemplate._startBuild = recording_start
    try:
        yield layout
    finally:
        Paragraph.draw = draw
        Frame.add = add
        BaseDocTemplate._startBuild = start


def every_document(today) -> list[tuple[str, Layout, bytes]]:
    """Each bundled partner's fact sheet, then the example briefing, laid out and recorded."""
    from relations_app import dataset
    from relations_app.reports import briefing, factsheet
    from relations_app.services import partners

    documents = []
    for row in partners.list_partners(sort="name").rows:
        with recorded() as layout:
            data, _ = factsheet.render_factsheet(row["id"], invariant=True, today=today)
        documents.append((row["name"], layout, data))
    example = dataset.stable_id("delegations", "mission-rimouski-exemple")
    with recorded() as layout:
        data, _ = briefing.render_briefing(example, invariant=True, today=today)
    documents.append(("briefing", layout, data))
    return documents
