"""The annual activity report ("rapport d'activité"): the office's year, for the council.

The public entry points::

    build_activity_report(2026, "rapport-2026.pdf")             # or a binary stream
    render_activity_report(2026) -> (bytes, result)             # for a preview
    render_activity_report(..., progress=report, cancelled=asked)   # from a background task

Why here: the figures come from :func:`relations_app.services.activity.activity_year`
(no query in this package), laid out by :mod:`.activity_story` in the page frame of
:mod:`.template` with the office's identity (:mod:`.identity`): the band, the PDF's
author and the footer with the date printed and the date of the data (the database's
last change).  ``invariant=True`` makes the output repeatable byte for byte.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..services.activity import ActivityYear, activity_year
from ..text import format_partial_date_fr
from . import identity
from .activity_story import ActivityStory
from .output import missing_warning, save_rendered
from .template import Heading, ReportTemplate

ProgressCallback = Callable[[int, int, str], None]
READ_STEPS = 6  # activity_year's own steps


class ActivityCancelled(Exception):
    """The build stopped because ``cancelled()`` said so; nothing was written."""


@dataclass
class ActivityResult:
    """What a build produced: the year, its pages, which characters had to be left out."""

    year: int
    title: str
    file_name: str  # the name proposed for saving
    pages: int = 0
    missing_characters: list[str] = field(default_factory=list)
    path: Path | None = None

    def warning(self) -> str:
        """A French one-line warning about left-out characters, or ""."""
        return missing_warning(self.title, self.missing_characters, "le rapport")


class ActivityTemplate(ReportTemplate):
    """The report frame, stopping when the reader cancels."""

    def __init__(self, target, heading: Heading, *, cancelled=None, **kwargs) -> None:
        super().__init__(target, heading, **kwargs)
        self.cancelled = cancelled

    def afterFlowable(self, flowable) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ActivityCancelled
        super().afterFlowable(flowable)


def file_name(year: int) -> str:
    return f"rapport-activite-{year}.pdf"


def data_date(data: ActivityYear) -> str:
    """ "données du 3 décembre 2026" (the database's last change), or ""."""
    if data.data_changed is None:
        return ""
    return f"données du {format_partial_date_fr(data.data_changed.isoformat())}"


def render_activity_report(
    year: int,
    *,
    invariant: bool = False,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[bytes, ActivityResult]:
    """The activity report of ``year`` as PDF bytes, with what the build reports.

    ``progress(done, total, text)`` is called while the figures are read, once per
    partner's section and before the layout; ``cancelled()`` is asked along the way and,
    when true, stops the build with :class:`ActivityCancelled`.
    """
    today = today or date.today()

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ActivityCancelled

    holder: dict[str, int] = {"total": READ_STEPS + 2}

    def reading(done: int, _steps: int, text: str) -> None:
        check()
        if progress is not None:
            progress(done, holder["total"], text)

    data = activity_year(year, progress=reading)
    holder["total"] = READ_STEPS + len(data.partner_years) + 2

    def step(index: int, _count: int, name: str) -> None:
        check()
        if progress is not None:
            progress(READ_STEPS + index + 1, holder["total"], name)

    title = f"Rapport d'activité {year}"
    office = data.office
    heading = Heading(
        title=title,
        subtitle=f"Les relations internationales du 1er janvier au 31 décembre {year}",
        kicker=identity.issuer(office),
        footer=identity.footer(
            office, identity.printed_on("rapport édité", today.isoformat()), data_date(data)
        ),
        logo=identity.logo(office),
    )
    buffer = io.BytesIO()
    doc = ActivityTemplate(
        buffer,
        heading,
        cancelled=cancelled,
        invariant=invariant,
        subject=f"Rapport d'activité des relations internationales, année {year}",
        creator="Relations",
        author=identity.author(office),
    )
    story = ActivityStory(data, doc.content_width)
    for text in (heading.title, heading.subtitle, heading.footer):
        story.collect(text)
    flowables = story.flowables(step)
    check()
    if progress is not None:
        progress(holder["total"] - 1, holder["total"], "mise en page")
    doc.build(flowables)
    if progress is not None:
        progress(holder["total"], holder["total"], "")
    result = ActivityResult(
        year=year,
        title=title,
        file_name=file_name(year),
        pages=doc.page,
        missing_characters=sorted(story.missing),
    )
    return buffer.getvalue(), result


def build_activity_report(
    year: int,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    invariant: bool = False,
    today: date | None = None,
) -> ActivityResult:
    """Write the activity report of ``year`` to ``target`` (a path or a binary stream)."""
    return save_rendered(target, render_activity_report(year, invariant=invariant, today=today))
