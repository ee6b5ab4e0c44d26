"""Print preflight of every bundled document: language, title, author and subject
declared, every font it references embedded (a printer or an archive copy substitutes
nothing)."""

from __future__ import annotations

import io
from datetime import date

import pytest

pytest.importorskip("reportlab")
from pypdf import PdfReader

from relations_app import dataset
from relations_app.reports import briefing, factsheet
from relations_app.services import partners

TODAY = date(2027, 3, 1)
EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")


def fonts_without_file(reader: PdfReader) -> set[str]:
    """The base names of the fonts a page's resources name without embedding them."""
    missing = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing


def documents() -> list[tuple[str, bytes]]:
    result = [
        (row["name"], factsheet.render_factsheet(row["id"], invariant=True, today=TODAY)[0])
        for row in partners.list_partners(sort="name").rows
    ]
    result.append(("briefing", briefing.render_briefing(EXAMPLE, invariant=True, today=TODAY)[0]))
    return result


def test_every_document_passes_the_preflight(brest_db):
    for name, data in documents():
        reader = PdfReader(io.BytesIO(data))
        assert reader.trailer["/Root"]["/Lang"] == "fr-FR", name
        info = reader.metadata
        assert info.title and info.author and info.subject, name
        assert name in info.title or name == "briefing", name
        assert fonts_without_file(reader) == set(), name
