"""Helpers shared by the briefing tests: pages, table of contents and outline of a PDF."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

_DOTS = re.compile(r"^[\s.]*\.\s*(\d+)$")


def clean(text: str) -> str:
    """Text as the tests spell it: no-break spaces as spaces, the typographic apostrophe
    (which every printed text uses, see ``test_report_typography``) as "'"."""
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2019", "'")


def pdf_of(*pages: str) -> bytes:
    """A small PDF to attach: one page per text, each drawn as one line."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for text in pages:
        canvas.drawString(100, 700, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def page_texts(data: bytes) -> list[str]:
    return [clean(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def toc_entries(text: str) -> list[tuple[str, int]]:
    """(title, page) of each line of a contents page.

    ReportLab draws an entry's dots and page number while it lays the line out, before
    the title's text object: extracted text gives the number first, then the title.
    """
    entries, number = [], None
    for line in text.splitlines():
        match = _DOTS.match(line)
        if match:
            number = int(match.group(1))
        elif number is not None and line.strip():
            entries.append((line.strip(), number))
            number = None
    return entries


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """(level, title, page number from 1) of every bookmark, in order."""
    reader = PdfReader(io.BytesIO(data))
    found: list[tuple[int, str, int]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item["/Title"], reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


HEADING_SIZE = 11  # points: chapter titles and section headings, nothing else inside pages


def heading_texts(data: bytes) -> list[str]:
    """Per page, the text set in heading sizes (runs joined: a heading may change font)."""
    result = []
    for page in PdfReader(io.BytesIO(data)).pages:
        runs: list[str] = []

        def visit(text, cm, tm, font, size, runs=runs):
            if size * abs(tm[0] or 1) * abs(cm[0] or 1) >= HEADING_SIZE:
                runs.append(text)

        page.extract_text(visitor_text=visit)
        result.append(clean("".join(runs)))
    return result


def heading_page(headings: list[str], title: str, after: int = 2) -> int:
    """The first page (from 1), after the contents, where ``title`` is set as a heading."""
    for number, text in enumerate(headings, start=1):
        if number > after and title in text:
            return number
    raise AssertionError(f"{title!r} is a heading on no page")
