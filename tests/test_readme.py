"""The README speaks to the office: French, the window's real labels, links that resolve."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]


def _french_labels() -> set[str]:
    """Every French text of the window, without its mnemonic (``&Fichier``: ``Fichier``)."""
    tree = ElementTree.parse(ROOT / "resources" / "translations" / "relations_fr.ts")
    labels = set()
    for message in tree.iter("translation"):
        texts = [message.text or ""] + [form.text or "" for form in message.iter("numerusform")]
        labels.update(
            text.replace("&&", "\0").replace("&", "").replace("\0", "&") for text in texts
        )
    return labels


def test_every_label_the_readme_quotes_is_one_the_french_window_shows():
    """Bold text in the README is a button or menu label (``Fichier › Exporter``): each part
    must be a French label, not the English source ("Delegation briefing…")."""
    labels = _french_labels()
    text = README.read_text(encoding="utf-8")
    quoted = [" ".join(label.split()) for label in re.findall(r"\*\*(.+?)\*\*", text, re.S)]
    unknown = [
        part for label in quoted for part in label.split(" › ") if part.strip() not in labels
    ]
    assert unknown == []
    assert len(quoted) >= 15


def test_the_readme_is_french_and_keeps_the_quick_start():
    text = README.read_text(encoding="utf-8")
    assert text.startswith("# Relations\n\nRelations est l'application")
    for command in ("make run", "make test", ".venv/bin/relations-app", "make install"):
        assert command in text
    for heading in (
        "## Installer",
        "## Sauvegarder",
        "## Mettre à jour",
        "## Désinstaller",
        "## Aide",
    ):
        assert heading in text
    assert "Delegation briefing" not in text


def test_links_in_the_readme_and_docs_resolve():
    missing = []
    for page in DOCS:
        for target in re.findall(r"\]\(([^)#\s]+)\)", page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            if not (page.parent / target).exists():
                missing.append(f"{page.relative_to(ROOT)}: {target}")
    assert missing == []


def test_the_readme_points_to_data_safety_a_sample_atlas_file_and_the_developers():
    text = README.read_text(encoding="utf-8")
    for target in ("docs/data-safety.md", "docs/developers.md", "docs/bundle.md"):
        assert f"]({target})" in text
    sample = re.search(r"\]\((tests/data/atlas_[^)]+\.txt)\)", text)
    assert sample and "Atlas" in (ROOT / sample.group(1)).read_text(encoding="utf-8")[:500]
