"""The domain's messages have a translation in every language and their compiled catalogues
are up to date, as tests/test_translations.py checks for the window's."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "domain_messages", ROOT / "tools" / "domain_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["domain_messages"] = module
    spec.loader.exec_module(module)
    return module


def test_every_domain_message_is_translated_and_compiled():
    """A message marked with _() without running tools/domain_messages.py fails here."""
    tool = _tool()
    for language in tool.LANGUAGES:
        assert tool.problems(language) == []


def test_the_check_finds_a_message_without_translation(tmp_path, monkeypatch):
    tool = _tool()
    source = tmp_path / "relations_app"
    source.mkdir()
    (source / "new.py").write_text('from .i18n import _\nREASON = _("un motif tout neuf")\n')
    monkeypatch.setattr(tool, "SOURCES", source)
    assert any("un motif tout neuf" in p for p in tool.problems("en"))


def test_the_compiled_catalogue_is_found_by_the_installed_package():
    from relations_app import i18n

    i18n.set_language("en")
    try:
        assert i18n._("ce champ est obligatoire") == "this field is required"
    finally:
        i18n.set_language("fr")
