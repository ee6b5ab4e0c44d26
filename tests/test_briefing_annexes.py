"""The briefing appends chosen documents (issue 14 §4): the PDFs and images of the
delegation and of its partners, after the briefing, listed under "Annexes" in its contents
with their pages, each with a bookmark; a protected or unreadable PDF is left out and named
in French, the briefing still made.  The service on both back ends, the command line's
``--joindre``, the window's dialog."""

from __future__ import annotations

import io
from datetime import date

import pytest

pytest.importorskip("reportlab")
from briefing_helpers import outline, page_texts, pdf_of, toc_entries
from pypdf import PdfReader, PdfWriter

from relations_app import cli, dataset
from relations_app.reports import briefing
from relations_app.services import attachments, briefing_documents, delegations, partners

pytestmark = pytest.mark.both_backends

TODAY = date(2027, 3, 1)
EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")


def protected() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_of("Secret")))
    writer.encrypt("motdepasse")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (400, 300), (20, 80, 160)).save(out, "PNG")
    return out.getvalue()


def attach(tmp_path, kind, owner, title, data, name="document.pdf", date=None):
    path = tmp_path / name
    path.write_bytes(data)
    return attachments.add(kind, owner, path, title=title, date=date)


def partner_of_example():
    return delegations.get_delegation(EXAMPLE)["partner_ids"][0]


@pytest.fixture
def documents(brest_db, tmp_path):
    """The example delegation with a convention (3 pages), minutes (1 page), a photo, a
    protected PDF and a damaged one; its partner with an agreement; another partner with
    one the briefing never offers."""
    rimouski = partner_of_example()
    kiel = partners.list_partners("kiel").rows[0]["id"]
    made = {
        "convention": attach(
            tmp_path,
            "delegations",
            EXAMPLE,
            "Convention de jumelage",
            pdf_of("Convention page un", "Convention page deux", "Convention page trois"),
            date="1964",
        ),
        "minutes": attach(
            tmp_path,
            "delegations",
            EXAMPLE,
            "Compte rendu du comité",
            pdf_of("Compte rendu du comite de pilotage"),
        ),
        "photo": attach(tmp_path, "delegations", EXAMPLE, "Photo de la visite", png(), "v.png"),
        "protected": attach(tmp_path, "delegations", EXAMPLE, "Note protégée", protected()),
        "damaged": attach(
            tmp_path, "delegations", EXAMPLE, "Fichier abîmé", b"%PDF-1.4\n" + b"x" * 300
        ),
        "agreement": attach(
            tmp_path, "partners", rimouski, "Accord de coopération", pdf_of("Accord Rimouski")
        ),
        "elsewhere": attach(tmp_path, "partners", kiel, "Accord de Kiel", pdf_of("Kiel")),
        "word": attach(
            tmp_path, "delegations", EXAMPLE, "Notes", b"PK\x03\x04" + b"x" * 40, "notes.docx"
        ),
    }
    return {key: info.id for key, info in made.items()}


def test_the_delegations_and_its_partners_pdfs_and_images_are_offered(documents):
    offered = briefing_documents.candidates(EXAMPLE)
    ids = [c.id for c in offered]
    assert set(ids) == {
        documents[k]
        for k in ("convention", "minutes", "photo", "protected", "damaged", "agreement")
    }
    assert ids[-1] == documents["agreement"]  # the delegation's own first
    agreement = offered[-1]
    assert agreement.label == f"Accord de coopération ({agreement.owner})" and agreement.owner
    assert next(c for c in offered if c.id == documents["convention"]).label == (
        "Convention de jumelage"
    )


def test_the_chosen_pdfs_follow_the_briefing_with_contents_and_bookmarks(documents):
    chosen = [documents["convention"], documents["photo"], documents["agreement"]]
    data, result = briefing.render_briefing(EXAMPLE, invariant=True, today=TODAY, annexes=chosen)
    plain, plain_result = briefing.render_briefing(EXAMPLE, invariant=True, today=TODAY)
    pages = page_texts(data)
    own = result.briefing_pages
    assert len(PdfReader(io.BytesIO(data)).pages) == result.pages == own + 3 + 1 + 1
    # The briefing's own pages are laid out as without annexes but for the contents' lines.
    assert own >= plain_result.pages
    # The annexes' text, in the order chosen, right after the briefing.
    assert pages[own].strip() == "Convention page un"
    assert pages[own + 2].strip() == "Convention page trois"
    assert pages[own + 3].strip() == "Photo de la visite"  # an image: a page with its title
    assert pages[own + 4].strip() == "Accord Rimouski"
    # The footers count the briefing's pages only.
    assert f"page {own} / \n{own}" in pages[own - 1]  # (the total is a form, drawn after)
    # Contents: an "Annexes" chapter, each document at the page where it starts.
    contents = [
        e
        for text in pages[:own]
        if "Sommaire" in text or "Annexe" in text
        for e in toc_entries(text)
    ]
    assert ("Annexes", own + 1) in contents
    assert ("Annexe 1 — Convention de jumelage", own + 1) in contents
    assert ("Annexe 2 — Photo de la visite", own + 4) in contents
    agreement = next(e for e in contents if e[0].startswith("Annexe 3 — "))
    assert agreement[0].startswith("Annexe 3 — Accord de coopération (") and agreement[1] == own + 5
    # Bookmarks: the briefing's, then Annexes with one child per document.
    marks = outline(data)
    assert marks[: len(outline(plain)) - 1][0] == outline(plain)[0]
    assert marks[-4:] == [
        (0, "Annexes", own + 1),
        (1, "Annexe 1 — Convention de jumelage", own + 1),
        (1, "Annexe 2 — Photo de la visite", own + 4),
        (1, agreement[0], own + 5),
    ]
    assert result.annexes[0] == "Convention de jumelage" and result.left_out == []
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata.title.startswith("Dossier de délégation — ")


def test_a_protected_or_damaged_pdf_is_left_out_and_named(documents):
    chosen = [documents["protected"], documents["minutes"], documents["damaged"]]
    data, result = briefing.render_briefing(EXAMPLE, today=TODAY, annexes=chosen)
    assert result.left_out == [
        "« Note protégée » n'est pas joint au dossier : il est protégé par un mot de passe "
        "ou chiffré.",
        "« Fichier abîmé » n'est pas joint au dossier : le fichier PDF est illisible ou endommagé.",
    ]
    assert result.left_out[0] in result.warning().splitlines()
    assert result.pages == result.briefing_pages + 1
    assert page_texts(data)[-1].strip() == "Compte rendu du comite de pilotage"


def test_a_document_removed_since_it_was_chosen_is_simply_not_appended(documents):
    info = attachments.get(documents["minutes"])
    attachments.remove(info.id, info.version)
    _data, result = briefing.render_briefing(
        EXAMPLE, today=TODAY, annexes=[documents["minutes"], documents["elsewhere"]]
    )
    assert result.pages == result.briefing_pages and result.annexes == []


def test_choosing_by_title_or_id_and_all_pdfs(documents):
    everything = briefing_documents.choose(EXAMPLE, [None])
    assert {c.id for c in everything} == {
        documents[k] for k in ("convention", "minutes", "protected", "damaged", "agreement")
    }  # the photo is an image: named, not taken by "all the PDFs"
    named = briefing_documents.choose(EXAMPLE, ["PHOTO", documents["minutes"], "convention"])
    assert [c.id for c in named] == [
        documents["photo"],
        documents["minutes"],
        documents["convention"],
    ]
    with pytest.raises(briefing_documents.AnnexChoiceError, match="« Kiel »"):
        briefing_documents.choose(EXAMPLE, ["Kiel"])
    with pytest.raises(briefing_documents.AnnexChoiceError, match="plusieurs documents"):
        briefing_documents.choose(EXAMPLE, ["co"])


@pytest.mark.sqlite_only
def test_the_command_line_appends_with_joindre(documents, brest_location, tmp_path, capsys):
    target = tmp_path / "dossier.pdf"
    db = str(brest_location.path)
    assert cli.main(["--db", db, "briefing", "rimouski", "-o", str(target), "--joindre"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert " dont 5 d'annexes, 3 documents joints)" in out[0]
    assert sorted(out[1:]) == [
        "Attention : « Fichier abîmé » n'est pas joint au dossier : le fichier PDF est "
        "illisible ou endommagé.",
        "Attention : « Note protégée » n'est pas joint au dossier : il est protégé par un mot "
        "de passe ou chiffré.",
    ]
    assert page_texts(target.read_bytes())[-1].strip() == "Accord Rimouski"
    args = ["--db", db, "briefing", "rimouski", "-o", str(target)]
    assert cli.main([*args, "--joindre", "photo", "--joindre", "compte rendu"]) == 0
    assert "(1 page" not in capsys.readouterr().out
    assert [t.strip() for t in page_texts(target.read_bytes())[-2:]] == [
        "Photo de la visite",
        "Compte rendu du comite de pilotage",
    ]
    before = target.read_bytes()
    assert cli.main([*args, "--joindre", "zanzibar"]) == 1
    assert "ne s'appelle « zanzibar »" in capsys.readouterr().err
    assert target.read_bytes() == before  # nothing written
