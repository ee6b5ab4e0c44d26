"""What an editor changes between the records and the printed sheet.

Why apart from the layout: these are rules about words, not about boxes.  The records
keep what the office wrote, remarks about the sources included ("Les sources n'en
donnent pas d'autre description"); a sheet handed to a partner prints facts only, and
lists what the office still has to find in an "À compléter" box instead.  An event
whose title repeats its date in brackets ("Sea Tech Week (12-16 octobre 2020)") prints
the bracket in the date column and the title without it.
"""

from __future__ import annotations

import re

from ..text import MONTHS_FR

#: A sentence about the sources rather than about the partner.
_ABOUT_SOURCES = re.compile(
    r"\b(?:les|la|des|aucune?) sources?\b|\bselon la (?:page|présentation|source)\b"
    r"|\bn[’']en (?:dit|disent|précisent?|donnent?)\b|\bn[’']y (?:est|sont) détaillés?\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«])")
_SOURCE_BRACKET = re.compile(r"\s*\((?:selon|d[’']après) [^)]*\)", re.IGNORECASE)
_DATE_WORDS = (
    *MONTHS_FR,
    "printemps",
    "été",
    "automne",
    "hiver",
    "début",
    "fin",
    "mi",
    "au",
    "du",
    "et",
)
_DATE_BRACKET = re.compile(r"\s*\(([^()]*\d{4}[^()]*)\)\s*$")
_DATE_TOKEN = re.compile(r"\d{1,4}(?:er)?|[-–/]|" + "|".join(_DATE_WORDS), re.IGNORECASE)


def without_source_remarks(text: str | None) -> str:
    """``text`` without its sentences about the sources (line breaks kept)."""
    lines = []
    for line in (text or "").splitlines():
        kept = [s for s in _SENTENCE.split(line.strip()) if not _ABOUT_SOURCES.search(s)]
        if kept or not line.strip():
            lines.append(" ".join(kept))
    return "\n".join(lines).strip()


def event_title_and_date(title: str, date_text: str) -> tuple[str, str]:
    """The title without a bracket that only says when; the date column's text.

    "Comité de pilotage (automne 2020)", "2020" → ("Comité de pilotage", "automne 2020");
    a bracket naming the source goes as well ("(selon la présentation)").  A bracket that
    says more than a date, or a date of another year, stays in the title.
    """
    title = _SOURCE_BRACKET.sub("", title).strip()
    match = _DATE_BRACKET.search(title)
    if not match:
        return title, date_text
    bracket = match.group(1).strip()
    words = [w for w in re.split(r"[\s\u00a0\u202f]+", bracket) if w]
    only_dates = all(
        all(_DATE_TOKEN.fullmatch(part) for part in re.findall(r"\d+(?:er)?|[^\W\d]+|[-–/]", w))
        for w in words
    )
    year = re.search(r"\d{4}", date_text or "")
    if not only_dates or (year and year.group(0) not in bracket):
        return title, date_text
    return title[: match.start()].rstrip(), bracket


#: The facts every sheet should give, as the "À compléter" box names them.
_EXPECTED: tuple[tuple[str, str], ...] = (
    ("population", "la population"),
    ("agreement", "l’accord (forme et année)"),
    ("website", "le site web"),
    ("summary", "une présentation"),
    ("history", "l’histoire de la relation"),
    ("programmes", "les programmes et projets"),
    ("contacts", "des contacts sur place"),
    ("events", "des événements de la relation"),
)
#: A sheet missing this many of them is sparse: the box says what to complete.
SPARSE = 5


def facts_to_complete(data: dict) -> list[str]:
    """What a sheet built from ``data`` lacks, in French, when it lacks much; else []."""
    present = {
        "population": data.get("population") is not None or bool(data.get("population_note")),
        "agreement": bool(data.get("agreement_kind_label") or data.get("agreement_year")),
        "website": bool(data.get("website")),
        "summary": bool(without_source_remarks(data.get("summary"))),
        "history": bool(without_source_remarks(data.get("history"))),
        "programmes": bool(data.get("programmes")),
        "contacts": bool(data.get("partner_contacts")),
        "events": bool(data.get("latest_events")),
    }
    missing = [label for key, label in _EXPECTED if not present[key]]
    return missing if len(missing) >= SPARSE else []
