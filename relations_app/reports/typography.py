"""French typography for every printed text, and line breaking that honours it.

Why at the root: the fact sheets and the briefing print database text, written by many
hands ("12 000 €", "2011-2012", "l'UBO", "le 19ème siècle", "quoi ?"), next to texts
the code formats.  :func:`french` gives them one set of rules before they become
Paragraph markup (:func:`.fonts.markup` calls it): one apostrophe (’), French quotes with
narrow no-break spaces (« … »), a narrow no-break space (U+202F) before ; ! ? » and
after «, a no-break space (U+00A0) before :, thousands groups and units held to their
number, an en dash between the years of a range, ordinals in superscript (2ᵉ, XIXᵉ,
1ᵉʳ; :func:`superscript_ordinals`, on markup).

ReportLab keeps U+00A0 inside a word but breaks lines at U+202F like at an ordinary
space, and then draws an ordinary, stretchable space in its place: lines started with
"; le port" and "€ par an", and justification stretched "12 000".
:func:`keep_no_break_spaces` gives ReportLab's paragraph module a word splitter that
breaks only at breakable spaces, so a narrow no-break space stays inside its word,
keeps its own narrow glyph and is never stretched (PDF word spacing applies to the
space character only).  The same function lets ReportLab's hyphenation (pyphen's French
patterns, ``hyphenationLang`` in :mod:`.styles`) see through what French typography puts
around a word: an elision ("l’économie" hyphenates as "l’éco-nomie"), « and » with
their narrow spaces, a narrow space before ; ! ?.
"""

from __future__ import annotations

import re
import threading

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space
EN_DASH = "\u2013"

#: Web addresses and e-mail addresses are printed exactly as typed.
_LITERAL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")

_APOSTROPHE = re.compile(r"(?<=\w)['\u02bc](?=\w)")
#: A quotation in prose: the opening quote after a space or a bracket, the closing one
#: before a space or punctuation ('src="x"' in pasted markup is no quotation).
_DOUBLE_QUOTED = re.compile(r"(?:^|(?<=[\s(\[]))\"\s*([^\"\n]*?[^\s\"])\s*\"(?=[\s.,;:!?)\]]|$)")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")
_BEFORE_HIGH_PUNCT = re.compile(r"[ \u00a0\u202f]+(?=[;!?])")
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+(?=:)")
_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])")
_NUMBER_SYMBOL = re.compile(r"(?<=\d)[ \u00a0\u202f]*(?=(?:€|%|‰|°|k€|M€)(?!\w))")
_NUMBER_WORD = re.compile(
    r"(?<=\d)[ \u00a0](?=(?:millions?|milliards?|habitants?|ans|an|km|km²|m|ha|h|heures?|"
    r"jours?|mois|semaines?|euros?|élèves|étudiants|personnes|participants|jeunes)\b)"
)
_YEAR_RANGE = re.compile(
    r"(?<![\d-])(\d{4})[ \u00a0]?[-\u2010\u2011\u2012][ \u00a0]?(\d{4}|\d{2})(?![-\d])"
)
_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_DAY_RANGE = re.compile(
    rf"(?<![\d-])(\d{{1,2}}|1er)[-\u2010\u2011](\d{{1,2}})(?=[ \u00a0](?:{_MONTHS})\b)"
)
_ORDINAL = re.compile(r"(?<![\w>])(\d{1,4}|[IVX]{1,6})(?:ème|eme|e|è)(?![\w<])")
_FIRST = re.compile(r"(?<![\w>])1(er|re)(?![\w<])")


def _french_words(text: str) -> str:
    text = _APOSTROPHE.sub("\u2019", text)
    text = _DOUBLE_QUOTED.sub(f"«{NNBSP}\\1{NNBSP}»", text)
    text = _AFTER_GUILLEMET.sub(f"«{NNBSP}", text)
    text = _BEFORE_GUILLEMET.sub(f"{NNBSP}»", text)
    text = _BEFORE_HIGH_PUNCT.sub(NNBSP, text)
    text = _BEFORE_COLON.sub(NBSP, text)
    text = _YEAR_RANGE.sub(f"\\1{EN_DASH}\\2", text)
    text = _DAY_RANGE.sub(f"\\1{EN_DASH}\\2", text)
    text = _THOUSANDS.sub(lambda m: re.sub(r"[ \u00a0]", NNBSP, m.group(0)), text)
    text = _NUMBER_SYMBOL.sub(NNBSP, text)
    return _NUMBER_WORD.sub(NBSP, text)


def french(text: str) -> str:
    """``text`` with French typography; web and e-mail addresses left as they are.

    Idempotent: text already set (by this function or by hand) comes back unchanged.
    """
    if not text:
        return text
    parts: list[str] = []
    last = 0
    for match in _LITERAL.finditer(text):
        parts += [_french_words(text[last : match.start()]), match.group(0)]
        last = match.end()
    parts.append(_french_words(text[last:]))
    return "".join(parts)


def superscript_ordinals(markup: str) -> str:
    """ "2e", "XIXe", "19ème", "1er" in Paragraph markup → the letters in superscript."""
    markup = _ORDINAL.sub(r"\1<super>e</super>", markup)
    return _FIRST.sub(r"1<super>\1</super>", markup)


# -- line breaking ----------------------------------------------------------------------------

_installed = False
_lock = threading.Lock()


_ELIDED = r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)[’']"
#: What ReportLab's hyphenation strips from a word's two ends before hyphenating it.
HYPHENATION_PREFIX = re.compile(
    f"^(?:(?:['\"([{{\xbf\u2018\u201a\u201c\u201e«]|{NNBSP}|{NBSP})+|{_ELIDED})",
    re.IGNORECASE,
)
HYPHENATION_SUFFIX = re.compile(f"[]'\")}}?!.,;:\u2019\u201b\u201d\u201f»{NNBSP}{NBSP}]+$")


def keep_no_break_spaces() -> None:
    """Make ReportLab's Paragraph break lines only at breakable spaces (once per process).

    ReportLab splits a paragraph's text into words with ``paragraph.split``: with
    Python's ``str.split`` (which breaks at every Unicode space, U+00A0 and U+202F
    included) or, when the text holds a U+00A0, a pattern of the spaces in
    ``paragraph._wsc`` (U+202F included).  The replacement splits at those spaces minus
    U+202F, never at U+00A0, and drops empty words as ``str.split`` does.  The word-end
    patterns of its hyphenation become :data:`HYPHENATION_PREFIX` and
    :data:`HYPHENATION_SUFFIX`.
    """
    global _installed
    with _lock:
        if _installed:
            return
        from reportlab.platypus import paragraph

        breakable = "".join(c for c in paragraph._wsc if c not in (NNBSP, NBSP))
        words = re.compile(f"[{re.escape(breakable)}]+").split

        def split(text, delim=None):
            if isinstance(text, bytes):
                text = text.decode("utf8")
            if delim is not None:
                if isinstance(delim, bytes):
                    delim = delim.decode("utf8")
                return text.split(delim)
            return [word for word in words(text) if word]

        paragraph.split = split
        paragraph._hy_pfx_pat = HYPHENATION_PREFIX
        paragraph._hy_sfx_pat = HYPHENATION_SUFFIX
        _installed = True
