"""Bundled Unicode TrueType fonts, and database text made safe for ReportLab Paragraphs.

Why: the standard PDF fonts (and ReportLab's own Vera) print boxes for ţ (U+0163),
ț (U+021B), Cyrillic or Chinese, yet every partner name must print as it is spelled.
DejaVu Sans covers Latin, Greek and Cyrillic; Droid Sans Fallback covers Chinese, Japanese
and Korean.  Both have TrueType outlines, which ReportLab needs, and ship in
``resources/fonts/`` with their licences.

Database text is plain text, never markup: :func:`markup` escapes it first, then wraps
the runs of characters the main font lacks in ``<font name="…">`` of the fallback font.
A character that no bundled font has is left out and reported (:func:`missing_characters`),
never printed as a box.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .typography import french, superscript_ordinals

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FALLBACK = "DroidSansFallback"

FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    FALLBACK: "DroidSansFallback.ttf",
}

#: Invisible characters dropped without a word: controls (line breaks are handled by the
#: callers), format characters (zero-width spaces and joiners, soft hyphens, direction
#: marks) and variation selectors.
_IGNORABLE = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)

_lock = threading.Lock()
_registered = False


def font_path(name: str) -> Path:
    return Path(str(resources.files("resources").joinpath("fonts", FILES[name])))


def register_fonts() -> None:
    """Register the bundled fonts with ReportLab (once per process, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name in FILES:
            pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        for bold in (0, 1):  # the fallback has one face: <b> and <i> keep it
            for italic in (0, 1):
                addMapping(FALLBACK, bold, italic, FALLBACK)
        _registered = True


@cache
def charset(name: str) -> frozenset[int]:
    """The code points font ``name`` has a glyph for (its character map)."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def _chain(font: str) -> tuple[str, ...]:
    """Fonts tried in turn for a character: the style's own, the regular face, the fallback."""
    return tuple(dict.fromkeys((font, REGULAR, FALLBACK)))


def clean_text(text: str) -> str:
    """NFC-normalised text without the invisible characters listed in ``_IGNORABLE``.

    Format characters (category Cf: zero-width spaces, joiners, soft hyphens, direction
    marks) go too: ReportLab neither shapes nor hyphenates with them.
    """
    text = unicodedata.normalize("NFC", text)
    text = _IGNORABLE.sub("", text)
    if text.isascii():  # no format character is ASCII
        return text
    dropped = {c for c in set(text) if unicodedata.category(c) == "Cf"}
    return "".join(c for c in text if c not in dropped) if dropped else text


def missing_characters(text: str, font: str = REGULAR) -> list[str]:
    """The characters of ``text`` that no bundled font can print, each once, in order."""
    fonts = [charset(name) for name in _chain(font)]
    missing: dict[str, None] = {}
    for char in clean_text(text):
        if char in "\n\t":
            continue
        if not any(ord(char) in cmap for cmap in fonts):
            missing[char] = None
    return list(missing)


def describe_characters(chars: Iterable[str]) -> str:
    """ "U+10FFFD, U+1FAE8 (…)" for a message: code points, with the names Unicode knows."""
    parts = []
    for char in chars:
        name = unicodedata.name(char, "")
        parts.append(f"U+{ord(char):04X}" + (f" ({name.lower()})" if name else ""))
    return ", ".join(parts)


def markup(text: str | None, font: str = REGULAR, missing: set[str] | None = None) -> str:
    """Paragraph markup printing ``text`` literally, in ``font`` or the fallback font.

    ``text`` is escaped before anything else, so "<b>", "&amp;" or "<img src=…>" print as
    typed, in French typography (:func:`.typography.french`: apostrophes, quotes,
    no-break spaces, ranges; ordinals in superscript).  Line breaks become ``<br/>``;
    tabs become spaces.  Characters no font has are dropped and added to ``missing``
    when given.
    """
    if not text:
        return ""
    result, left_out = _markup(text, font)
    if left_out and missing is not None:
        missing.update(left_out)
    return result


@lru_cache(maxsize=8192)  # the same labels, functions and countries on sheet after sheet
def _markup(text: str, font: str) -> tuple[str, tuple[str, ...]]:
    """:func:`markup`'s result for ``text`` in ``font``, and the characters it left out."""
    text = clean_text(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = french(text)
    escaped = escape(text)
    chain = _chain(font)
    cmaps = [charset(name) for name in chain]
    if all(ord(char) in cmaps[0] for char in set(escaped) - {"\n"}):  # the usual case
        return superscript_ordinals(escaped.replace("\n", "<br/>")), ()
    out: list[str] = []
    missing: list[str] = []
    run_font: str | None = None
    for char in escaped:
        if char == "\n":
            chosen: str | None = chain[0]
        else:
            chosen = next(
                (n for n, cmap in zip(chain, cmaps, strict=False) if ord(char) in cmap), None
            )
            if chosen is None:
                missing.append(char)
                continue
        if chosen != run_font:
            if run_font not in (None, chain[0]):
                out.append("</font>")
            if chosen != chain[0]:
                out.append(f'<font name="{chosen}">')
            run_font = chosen
        out.append("<br/>" if char == "\n" else char)
    if run_font not in (None, chain[0]):
        out.append("</font>")
    return superscript_ordinals("".join(out)), tuple(dict.fromkeys(missing))
