"""The catalogues are complete and compiled: no English left in the French window."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from shutil import which

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = ROOT / "resources" / "translations"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_catalogue_is_complete_and_compiled(tmp_path, language):
    ts = CATALOGUES / f"relations_{language}.ts"
    unfinished = [
        m.findtext("source")
        for m in ET.parse(ts).iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(tool) if tool.exists() else which("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (CATALOGUES / f"relations_{language}.qm").read_bytes()


def test_every_source_string_is_in_the_french_catalogue(tmp_path):
    """A string added to the code without running tools/update_translations.sh fails here."""
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    tool = str(tool) if tool.exists() else which("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([tool, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).iter("context")
        for m in c.iter("message")
    }
    have = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(CATALOGUES / "relations_fr.ts").iter("context")
        for m in c.iter("message")
        if m.find("translation").get("type") not in ("unfinished", "obsolete", "vanished")
    }
    assert sorted(wanted - have) == []


def test_plurals_in_both_languages(qapp):
    from PySide6.QtCore import QCoreApplication

    from ui.shell import app as ui_app

    for language, one, many in (
        ("fr", "1 partenaire", "16 partenaires"),
        ("en", "1 partner", "16 partners"),
    ):
        translators = ui_app.install_translators(qapp, language)
        try:
            assert QCoreApplication.translate("Counts", "%n partner(s)", "", 1) == one
            assert QCoreApplication.translate("Counts", "%n partner(s)", "", 16) == many
        finally:
            for t in translators:
                qapp.removeTranslator(t)


def test_record_type_names_follow_the_interface_language(qapp):
    from ui.kit import record_names
    from ui.shell import app as ui_app

    translators = ui_app.install_translators(qapp, "en")
    try:
        assert record_names.counted("posts", 1) == "1 diplomatic post"
        assert record_names.counted("posts", 0) == "0 diplomatic posts"
        assert record_names.kind("delegations") == "Delegation"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    ui_app.install_translators(qapp, "fr")
    assert record_names.counted("posts", 0) == "0 poste diplomatique"
    assert record_names.counted("events", 2) == "2 événements"
    assert record_names.plural_title("events") == "Événements"
