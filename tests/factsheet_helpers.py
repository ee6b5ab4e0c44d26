"""Helpers shared by the fact-sheet tests: the text and layout of a PDF, read with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader

MARGIN = 18 * 72 / 25.4  # the reports' side margins, in points


def pdf_text(data: bytes) -> str:
    """Every page's text, no-break spaces read as spaces, the typographic apostrophe (which
    every printed text uses, see ``test_report_typography``) as "'"."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2019", "'")


def assert_text_within_margins(data: bytes) -> None:
    """Every text run starts inside the page's side margins.

    Runs at the origin of an identity matrix are the footer's page-count form, which
    pypdf reads without the translation that places it.
    """
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        width = float(page.mediabox.width)
        starts: list[float] = []

        def visit(text, cm, tm, font, size, starts=starts):
            if text.strip() and (cm[4], cm[5], tm[4], tm[5]) != (0, 0, 0, 0):
                starts.append(cm[4] + tm[4] * cm[0])

        page.extract_text(visitor_text=visit)
        assert starts
        assert min(starts) >= MARGIN - 1
        assert max(starts) <= width - MARGIN
