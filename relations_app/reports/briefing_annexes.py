"""Chosen documents appended to a delegation briefing ("Annexes").

Why apart from :mod:`.briefing`: the briefing is laid out by ReportLab; the annexes are
other PDFs, copied page for page after it with pypdf.  :func:`prepare` opens each chosen
document first: a PDF protected by a password or encrypted, one pypdf cannot read and an
empty one are left out with a French message (the briefing is still made); an image
becomes one A4 page with its title.  The briefing's contents list an "Annexes" chapter
with each document's first page: :class:`AnnexMarks`, the last flowable of the story,
tells the template on which page the briefing ends, pass after pass, so those numbers are
right.  :func:`append` copies the pages and adds the bookmarks ("Annexes", one per
document).  The briefing's footers ("page X / N") count the briefing's own pages only:
the annexes keep their pages as they are; the numbers in the contents are the PDF's.

pypdf is imported inside the functions: nothing of it loads at start-up.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from ..i18n import _
from ..services.briefing_documents import Annex
from . import styles
from .fonts import REGULAR, markup
from .template import MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH

CHAPTER = "Annexes"
IMAGE_TOP = 28 * mm  # room above an image for its title


@dataclass(frozen=True)
class Prepared:
    """A document that will be appended: its pages as a PDF, and how many."""

    annex: Annex
    reader: Any  # the pypdf reader of its pages, opened once
    pages: int

    @property
    def title(self) -> str:
        return self.annex.candidate.label


def _left_out(annex: Annex, reason: str) -> str:
    return _("« {title} » n'est pas joint au dossier : {reason}").format(
        title=annex.candidate.label, reason=reason
    )


def _pdf_reader(content: bytes) -> tuple[Any, str]:
    """(the reader, "") for a PDF pypdf reads whole, else (None, the reason in French)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            return None, _("il est protégé par un mot de passe ou chiffré.")
        for page in reader.pages:  # each page's tree read now, not half-way through a copy
            page.mediabox  # noqa: B018
    except Exception:  # pypdf raises many kinds for a damaged file
        return None, _("le fichier PDF est illisible ou endommagé.")
    if not reader.pages:
        return None, _("le fichier PDF n'a aucune page.")
    return reader, ""


def _image(content: bytes) -> ImageReader | None:
    """The image, or None when it cannot be read."""
    try:
        image = ImageReader(io.BytesIO(content))
        image.getSize()
        image.getRGBData()  # decoded whole now: a truncated file shows here
    except Exception:  # Pillow raises many kinds for a damaged image
        return None
    return image


def image_page(annex: Annex, image: ImageReader, *, invariant: bool = False) -> bytes:
    """An image on one A4 page, under its title, as large as the page allows."""
    width, height = image.getSize()
    style = styles.stylesheet()["SubHeading"]  # (the fonts registered)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=int(invariant),
        initialFontName=REGULAR,
    )
    canvas.setTitle(annex.candidate.title)
    title = Paragraph(markup(annex.candidate.title, style.fontName), style)
    room_width = PAGE_WIDTH - 2 * MARGIN_X
    title_height = title.wrap(room_width, IMAGE_TOP)[1]
    title.drawOn(canvas, MARGIN_X, PAGE_HEIGHT - 18 * mm - title_height)
    room_height = PAGE_HEIGHT - IMAGE_TOP - 20 * mm - title_height
    scale = min(room_width / width, room_height / height)
    shown_w, shown_h = width * scale, height * scale
    canvas.drawImage(
        image,
        (PAGE_WIDTH - shown_w) / 2,
        PAGE_HEIGHT - IMAGE_TOP - title_height - shown_h,
        shown_w,
        shown_h,
        mask="auto",
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def prepare(annexes: list[Annex], *, invariant: bool = False) -> tuple[list[Prepared], list[str]]:
    """The documents that can be appended, and a French message for each left out."""
    ready: list[Prepared] = []
    left_out: list[str] = []
    for annex in annexes:
        if annex.candidate.is_pdf:
            reader, reason = _pdf_reader(annex.content)
        else:
            image = _image(annex.content)
            reason = "" if image is not None else _("l'image est illisible ou endommagée.")
            reader = None
            if image is not None:
                reader, reason = _pdf_reader(image_page(annex, image, invariant=invariant))
        if reader is None:
            left_out.append(_left_out(annex, reason))
        else:
            ready.append(Prepared(annex, reader, len(reader.pages)))
    return ready, left_out


class AnnexMarks(Flowable):
    """Nothing drawn: at the end of the story, it tells the template the page the briefing
    ends on, from which the annexes' pages follow (:meth:`entries`)."""

    def __init__(self, prepared: list[Prepared]) -> None:
        super().__init__()
        self.prepared = prepared

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        return None

    def entries(self, last_page: int) -> list[tuple[int, str, int]]:
        """(level, text, page) for the contents: the chapter, then each document."""
        page = last_page + 1
        found = [(0, CHAPTER, page)]
        for number, item in enumerate(self.prepared, start=1):
            found.append((1, f"Annexe {number} — {item.title}", page))
            page += item.pages
        return found


def append(briefing: bytes, prepared: list[Prepared]) -> bytes:
    """The briefing with the documents' pages after it, each under an "Annexes" bookmark;
    the briefing's own bookmarks, title and language stay."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(briefing))
    starts = []
    for item in prepared:
        starts.append(len(writer.pages))
        writer.append(item.reader, import_outline=False)
    parent = writer.add_outline_item(title=CHAPTER, page_number=starts[0])
    for number, (item, start) in enumerate(zip(prepared, starts, strict=True), start=1):
        writer.add_outline_item(
            title=f"Annexe {number} — {item.title}", page_number=start, parent=parent
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
