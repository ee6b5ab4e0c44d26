"""The office's identity (Préférences › Documents), kept in the database: checked, stored,
exported, and printed in every document's band, footer and metadata; a partner's sources
printed on its sheet."""

from __future__ import annotations

import base64
import io
from datetime import date

import pytest

pytest.importorskip("reportlab")
from factsheet_helpers import pdf_text
from pypdf import PdfReader

from relations_app import dataset
from relations_app.jsonio.dump import export_document
from relations_app.reports import briefing, factsheet
from relations_app.services import office, partners
from relations_app.services.partner_lookup import find_partner
from relations_app.validation import ValidationError

TODAY = date(2027, 3, 1)
EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")
# a 2 x 1 PNG, red and blue
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAZ9AL+4hJ7tgAAAABJRU5ErkJggg=="
)
IDENTITY = {
    "organisation": "Brest métropole",
    "service": "Direction des relations internationales",
    "address": "24 rue Coat-ar-Guéven\n29200 Brest",
    "phone": "02 98 00 80 80",
    "email": "relations.internationales@brest-metropole.fr",
    "website": "https://www.brest.fr",
    "confidentiality": "Diffusion interne",
}


def test_the_identity_is_checked_and_stored_once_for_every_pc(brest_db):
    assert office.get_office()["organisation"] == ""
    stored = office.update_identity({**IDENTITY, "logo": office.logo_uri(PNG)})
    assert stored["organisation"] == "Brest métropole"
    assert stored["phone"] == "+33 2 98 00 80 80"
    assert office.logo_bytes(stored) == PNG
    assert stored["name"] == "Brest" and stored["timezone"] == "Europe/Paris"  # untouched
    exported = export_document()["office"]
    assert exported["service"] == IDENTITY["service"] and exported["logo"].startswith("data:")
    assert office.validate_office(exported)["logo"] == exported["logo"]  # imports back


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"email": "pas une adresse"}, "Courriel"),
        ({"phone": "12"}, "Téléphone"),
        ({"logo": "data:image/gif;base64,R0lGOD"}, "PNG"),
        ({"logo": office.LOGO_PREFIX + base64.b64encode(b"GIF89a").decode()}, "PNG"),
        ({"colour": "bleu"}, "clé inconnue"),
    ],
)
def test_bad_identity_is_refused_in_french_and_changes_nothing(brest_db, values, message):
    office.update_identity({"service": "Avant"})
    with pytest.raises(ValidationError) as error:
        office.update_identity({"service": "Après", **values})
    assert message in str(error.value)
    assert office.get_office()["service"] == "Avant"


def test_documents_print_the_identity_and_the_sources(brest_db):
    office.update_identity({**IDENTITY, "logo": office.logo_uri(PNG)})
    kiel = find_partner("Kiel")["id"]
    record = partners.update_partner(
        kiel, {"sources": "Site de la ville de Brest\nAtlas de la coopération décentralisée"}
    )
    data, _ = factsheet.render_factsheet(kiel, invariant=True, today=TODAY)
    text = " ".join(pdf_text(data).split())
    assert "Brest métropole · Direction des relations internationales" in text
    assert "Direction des relations internationales · 24 rue Coat-ar-Guéven, 29200 Brest" in text
    assert "02 98 00 80 80 · relations.internationales@brest-metropole.fr" in text
    assert "relations.internationales@brest-metropole.fr" in text
    assert "fiche éditée le 1er mars 2027" in text
    assert "Sources : Site de la ville de Brest ; Atlas de la coopération décentralisée" in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.author == "Brest métropole — Direction des relations internationales"
    drawn = [k for k in reader.pages[0]["/Resources"]["/XObject"] if "PageCount" not in k]
    assert drawn  # the logo, an image form on the first page
    assert partners.get_partner(kiel)["sources"] == record["sources"]
    brief, _ = briefing.render_briefing(EXAMPLE, invariant=True, today=TODAY)
    brief_text = " ".join(pdf_text(brief).split())
    assert "Direction des relations internationales" in brief_text
    assert "02 98 00 80 80" in brief_text
    assert "Diffusion interne" in brief_text  # the office's default confidentiality mention


def test_without_identity_documents_print_as_before(brest_db):
    data, _ = factsheet.render_factsheet(find_partner("Kiel")["id"], invariant=True, today=TODAY)
    text = pdf_text(data)
    assert "Brest · Relations internationales" in text
    assert "Sources" not in text
