"""Bundled fonts: every name prints as spelled, database text is escaped, no glyph boxes."""

import pytest

pytest.importorskip("reportlab")

from reportlab.platypus import Paragraph

from relations_app.reports import fonts, styles

NAMES = [
    "ţ",
    "ț",
    "Łódź",
    "東京都",
    "Москва",
    "Béjaïa",
    "Saponé",
    "Doñana",
    "Constanţa",
    "Constanța",
    "横須賀",
    "Hải Phòng",
    "Ελλάδα",
    "12\u202f000\u00a0€ − 5 %",
]


@pytest.mark.parametrize("text", NAMES)
def test_names_are_in_the_fonts_character_maps(text):
    assert fonts.missing_characters(text) == []
    for font in (fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        assert fonts.missing_characters(text, font) == []


def test_latin_and_cyrillic_use_dejavu_and_cjk_the_fallback():
    dejavu = fonts.charset(fonts.REGULAR)
    assert all(ord(c) in dejavu for c in "ţțŁódźМосква")
    assert not any(ord(c) in dejavu for c in "東京都")
    assert all(ord(c) in fonts.charset(fonts.FALLBACK) for c in "東京都横須賀青岛")


def test_characters_no_font_has_are_reported_once_each():
    text = "Kiel \U0010fffd et \U0001fae8 puis \U0010fffd"
    assert fonts.missing_characters(text) == ["\U0010fffd", "\U0001fae8"]
    assert "U+10FFFD" in fonts.describe_characters(fonts.missing_characters(text))


def test_markup_escapes_first_then_wraps_fallback_runs():
    assert fonts.markup("a < b") == "a &lt; b"
    assert fonts.markup("R&D") == "R&amp;D"
    assert fonts.markup("東京都 (Tokyo) <b>") == (
        '<font name="DroidSansFallback">東京都</font> (Tokyo) &lt;b&gt;'
    )
    assert fonts.markup("ligne 1\nligne 2\tfin") == "ligne 1<br/>ligne 2 fin"
    assert fonts.markup("") == "" and fonts.markup(None) == ""


def test_markup_drops_and_collects_unprintable_and_invisible_characters():
    missing: set[str] = set()
    assert fonts.markup("a\U0010fffdb\u200bc\x07d", missing=missing) == "abcd"
    assert missing == {"\U0010fffd"}


def test_markup_normalises_decomposed_accents():
    assert fonts.markup("Be\u0301jai\u0308a") == "Béjaïa"


@pytest.mark.parametrize(
    "text",
    [
        "a < b",
        "R&D",
        "Tom & Jerry <tom@x.org>",
        "<font size=30>grand</font>",
        "<a href='x'>lien",
        '<img src="/etc/passwd"/>',
        "<b>non fermé",
        "</para>",
        "&amp; &nbsp; &#60;",
        "<br/>",
    ],
)
def test_markup_makes_paragraphs_print_the_text_literally(text):
    paragraph = Paragraph(fonts.markup(text), styles.stylesheet()["Body"])
    assert paragraph.getPlainText() == text
    assert {frag.fontSize for frag in paragraph.frags} == {styles.stylesheet()["Body"].fontSize}


def test_fonts_licences_and_outlines_ship_as_package_data():
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    globs = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]
    shipped = globs["resources"]
    needed = [*fonts.FILES.values(), "LICENSE-DejaVu.txt", "LICENSE-DroidSansFallback.txt"]
    for name in needed:
        assert (root / "resources" / "fonts" / name).is_file(), name
        assert any(fnmatch.fnmatch(f"fonts/{name}", g) for g in shipped), name
    assert any(fnmatch.fnmatch("geo/countries-110m.json", g) for g in shipped)
    assert (root / "resources" / "geo" / "README.md").is_file()
