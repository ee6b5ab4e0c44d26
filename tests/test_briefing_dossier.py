"""A briefing a delegation can travel with: the one-page summary first, a brief per meeting,
biographies with photos, protocol, logistics with the venues, practical information, the
contact sheet that always prints, document control; nothing "en cours" once ended."""

from __future__ import annotations

import base64
import io
import re
from datetime import date

import pytest

pytest.importorskip("reportlab")
from briefing_helpers import page_texts
from PIL import Image
from pypdf import PdfReader

from relations_app import dataset
from relations_app.reports import briefing
from relations_app.services import contacts, delegations
from relations_app.validation import ValidationError

TODAY = date(2027, 3, 1)
EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")


def render(delegation_id: str) -> tuple[bytes, list[str]]:
    data, _result = briefing.render_briefing(delegation_id, invariant=True, today=TODAY)
    # lines joined, words hyphenated at a line's end made whole again
    return data, [re.sub(r"(\w)- (\w)", r"\1\2", " ".join(t.split())) for t in page_texts(data)]


def png(colour: str = "#17365d") -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), colour).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def test_the_summary_comes_first_on_a_page_of_its_own(brest_db):
    _data, pages = render(EXAMPLE)
    summary = pages[1]
    assert "Synthèse" in summary and "Synthèse" not in pages[0]
    for part in ("Enjeux", "Ce que nous attendons de la visite", "Points sensibles"):
        assert part in summary, part
    assert "ne pas le présenter comme un projet en cours" in summary
    assert "Sommaire" in pages[2] and "Sommaire" not in summary


def test_every_section_of_the_example(brest_db):
    _data, pages = render(EXAMPLE)
    text = "\n".join(pages)
    for value in (
        # a brief per meeting
        "Fiches de rencontre",
        "Faire le bilan de CREA OCEAN (2019–2020)",
        "Participants (Brest)",
        "Résultat attendu",
        "300, allée des Ursulines",
        # biographies of the people met
        "Biographies",
        "Contacts antérieurs avec Brest : Contact de TMQ",
        # protocol, logistics with the venues
        "Notes protocolaires",
        "Formules d'adresse",
        "Logistique",
        "Trajets",
        "Hébergement",
        "Transferts sur place",
        "Lieux des rendez-vous",
        "Croquis de situation",
        "500 m",
        # practical information
        "Formalités d'entrée",
        "autorisation de voyage électronique",
        "911 (toutes urgences) — à vérifier avant le départ",
        "A et B, 120 V",
        # contact sheet and document control
        "Contacts utiles",
        "Représentation française sur place",
        "Ambassade de France à Ottawa",
        "Numéros d'urgence",
        "Suivi du document",
        "0.3 (exemple)",
        "Liste de diffusion",
        "Technopôle Brest-Iroise",
    ):
        assert value in text, value
    talking = text.split("Éléments de langage")[-1].split("Notes protocolaires")[0]
    assert "cofinancement prévu" in talking and "a apporté" not in talking
    dossier = text.split("Programmes récents et financements")[-1].split("Points d'attention")[0]
    assert "terminé le 31 décembre 2020" in dossier and "· En cours ·" not in dossier


def test_a_bare_delegation_still_prints_its_contact_sheet(brest_db):
    created = delegations.create_delegation({"title": "Visite à préparer"})
    _data, pages = render(created["id"])
    text = "\n".join(pages)
    assert "Contacts utiles" in text
    assert "Permanence — Brest, Relations internationales" in text
    assert "à compléter avant le départ" in text
    assert "aucun poste enregistré pour ce pays" in text
    for absent in (
        "Synthèse",
        "Fiches de rencontre",
        "Biographies",
        "Notes protocolaires",
        "Logistique",
        "Suivi du document",
        "Points sensibles",
    ):
        assert absent not in text, absent


def test_numbers_recorded_reach_the_contact_sheet(brest_db):
    record = delegations.get_delegation(EXAMPLE)
    delegations.update_delegation(
        EXAMPLE,
        {
            "duty_phone": "02 98 00 12 34",
            "hotel": "Hôtel Rimouski\n225, boulevard René-Lepage Est",
            "hotel_phone": "+1 418 725 5000",
        },
        record["version"],
    )
    _data, pages = render(EXAMPLE)
    sheet = "\n".join(pages).split("Contacts utiles")[-1]
    assert "+33 2 98 00 12 34" in sheet  # international: read abroad
    assert "+1 418-725-5000" in sheet and "Hôtel Rimouski" in sheet


def test_biographies_with_photo_and_since_when(brest_db):
    [row] = contacts.list_contacts("giguere").rows
    record = contacts.get_contact(row["id"])
    positions = [{**record["positions"][0], "start": "2018-09"}]
    contacts.update_contact(row["id"], {"photo": png(), "positions": positions}, record["version"])
    data, pages = render(EXAMPLE)
    bios_page = next(i for i, t in enumerate(pages) if "Biographies" in t and "Noémie" in t)
    assert "En fonction depuis septembre 2018" in pages[bios_page]
    resources = PdfReader(io.BytesIO(data)).pages[bios_page]["/Resources"]
    images = [
        x for x in resources.get("/XObject", {}).values() if x.get_object()["/Subtype"] == "/Image"
    ]
    assert len(images) == 1  # the one contact with a photo


def test_a_photo_that_is_no_image_is_refused_and_nothing_changes(brest_db):
    [row] = contacts.list_contacts("giguere").rows
    record = contacts.get_contact(row["id"])
    not_png = base64.b64encode(b"GIF89a not a png").decode()
    for bad, reason in (("%%%", "base64"), (not_png, "PNG ou JPEG")):
        with pytest.raises(ValidationError) as caught:
            contacts.update_contact(row["id"], {"photo": bad}, record["version"])
        assert reason in str(caught.value)
    assert contacts.get_contact(row["id"]) == record


def test_a_copy_of_a_delegation_gets_new_calendar_identities(brest_db):
    original = delegations.get_delegation(EXAMPLE)
    copy = delegations.duplicate_delegation(EXAMPLE, date(2028, 6, 5))
    assert len(copy["agenda"]) == len(original["agenda"])
    assert not {i["uid"] for i in copy["agenda"]} & {i["uid"] for i in original["agenda"]}
    assert copy["protocol"] == original["protocol"] and copy["document_version"] == ""
