"""The text layer of an Atlas record: lines, headings, sections, repeats, table rows.

An Atlas page ("Atlas français de la coopération décentralisée", French Foreign Ministry)
pasted or saved as text comes in more than one layout: tables as ``a | b | c |`` rows
under a ``---|---|`` line, values on the line after their heading; or tables as plain
space-separated rows, headings repeated, blank lines between paragraphs.  Both reduce to
the same thing here: a mapping from each known heading to the lines under it, page chrome
removed (breadcrumbs, pagination, icon names, footer), and repeated lines or blocks of
lines kept once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import fold

#: Folded heading -> section key.  Headings are matched on the whole line, ":" ignored.
HEADINGS: dict[str, str] = {
    "titre": "title",
    "annee de premiere signature de la convention": "convention_year",
    "thematique d'intervention": "theme",
    "sous-thematique d'intervention": "sub_theme",
    "sous-sous-thematique d'intervention": "sub_sub_theme",
    "autres thematiques mises en oeuvre pour le partenariat": "other_themes",
    "annee de debut du partenariat": "start_year",
    "le partenariat est": "status",
    "date de fin du partenariat": "end",
    "contexte": "context",
    "historique": "history",
    "objectif du partenariat": "objectives",
    "objectifs du partenariat": "objectives",
    "description detaillee du partenariat": "description",
    "description du partenariat": "description",
    "votre partenariat prend la forme d'un(e)": "form",
    "mise en oeuvre du partenariat": "implementation",
    "maitre(s) d'oeuvre": "project_managers",
    "maitre(s) d'ouvrage": "owners",
    "beneficiaire(s)": "beneficiaries",
    "partenaires etrangers du partenariat": "foreign_partners",
    "contacts dans les partenaires etrangers du partenariat": "foreign_contacts",
    "collectivites territoriales partenaires du partenariat": "local_authorities",
    "financement du partenariat": "funding",
    "evaluations, communication et perspectives": "evaluation",
    "pied de page": "footer",
}
#: Headings recognised by their beginning (the rest of the line is data).
PREFIX_HEADINGS = {
    "contacts dans le poste diplomatique": "post",
    "volontaires impliques dans le partenariat": "volunteers",
}
MARKER = "atlas francais de la cooperation decentralisee"

#: Lines that are facts wherever they appear: folded text -> (flag, value).
FLAG_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^le partenariat (n'est pas|est) triennal$"), "triennial"),
    (
        re.compile(r"^(une|aucune) communication .*engagee .*pays partenaires?$"),
        "communication_partner",
    ),
    (re.compile(r"^(une|aucune) communication .*engagee .*en france$"), "communication_france"),
    (re.compile(r"^(une|aucune) politique d'evaluation .*engagee$"), "evaluation_done"),
)
NEGATION = re.compile(r"\b(n'est pas|n'a pas|pas ete|aucune?|non)\b")

#: Page chrome: breadcrumbs, pagination, icon alt texts, copyright.
JUNK = re.compile(
    r"^(accueil\s*>|\?\?\?|<<|>>|<|>|\d{1,2}$|pagination\.|tous droits reserves|"
    r"commun\.ico\.|!\[\]\(\))"
)
ICONS = re.compile(r"(\s*\|?\s*!\[\]\([^)]*\)\s*\|?)|(\s*commun\.ico\.[\w.]+)")
#: A markdown table's separator line: "---|---|" or "---|".
SEPARATOR = re.compile(r"^\|?\s*-{3,}\s*(\|\s*-*\s*)*\|?\s*$")


def heading_key(line: str) -> str:
    return " ".join(fold(line).rstrip(" :").split())


@dataclass
class AtlasText:
    """The sections of one record: key -> lines, and the flags found on their own lines."""

    sections: dict[str, list[str]] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    post_name: str | None = None
    has_marker: bool = False

    def lines(self, key: str) -> list[str]:
        return self.sections.get(key, [])

    def value(self, key: str) -> str:
        """The first line of a one-value section ("" when empty or absent)."""
        lines = self.lines(key)
        return lines[0] if lines else ""

    def text(self, key: str) -> str:
        """A text section, paragraphs kept once, one per line."""
        return "\n".join(dedupe(self.lines(key)))


def clean_line(line: str) -> str:
    line = line.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")
    line = ICONS.sub("", line)
    return " ".join(line.split())


def split_sections(text: str) -> AtlasText:
    """Sort the lines of ``text`` under their headings; page chrome dropped."""
    result = AtlasText()
    current: str | None = None
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean_line(raw)
        if not line:
            continue
        key = heading_key(line)
        if MARKER in key:
            result.has_marker = True
            continue
        if key in HEADINGS:
            current = HEADINGS[key]
            result.sections.setdefault(current, [])
            continue
        prefix = next((k for k in PREFIX_HEADINGS if key.startswith(k)), None)
        if prefix is not None:
            current = PREFIX_HEADINGS[prefix]
            result.sections.setdefault(current, [])
            if current == "post":
                result.post_name = quoted(line) or result.post_name
            continue
        flag = next((name for pattern, name in FLAG_PATTERNS if pattern.match(key)), None)
        if flag is not None:
            result.flags[flag] = not NEGATION.search(key)
            continue
        if JUNK.match(key) or current in (None, "footer", "implementation", "evaluation"):
            continue
        result.sections[current].append(line)
    return result


def quoted(line: str) -> str | None:
    match = re.search(r"[\"“«]\s*(.+?)\s*[\"”»]", line)
    return match.group(1) if match else None


def dedupe(lines: list[str]) -> list[str]:
    """``lines`` with repeated blocks kept once, then repeated lines within each sub-part.

    A block repeated right after itself ("A B C A B C") is dropped first, largest blocks
    first, so that a structure such as "Objectifs locaux : A B / Objectifs en France : A B"
    survives; then, between two sub-headings (lines ending with ":"), a line already seen
    is dropped.
    """
    items = list(lines)
    keys = [" ".join(fold(i).split()) for i in items]
    changed = True
    while changed:
        changed = False
        for size in range(len(items) // 2, 0, -1):
            for start in range(len(items) - 2 * size + 1):
                if keys[start : start + size] == keys[start + size : start + 2 * size]:
                    del (
                        items[start + size : start + 2 * size],
                        keys[start + size : start + 2 * size],
                    )
                    changed = True
                    break
            if changed:
                break
    result: list[str] = []
    seen: set[str] = set()
    for item, key in zip(items, keys, strict=True):
        if item.rstrip().endswith(":"):
            seen = set()
        elif key in seen:
            continue
        seen.add(key)
        result.append(item)
    return result


def table_rows(lines: list[str], header_starts: tuple[str, ...]) -> tuple[bool, list[list[str]]]:
    """The data rows of a table section: (markdown layout?, rows).

    Markdown rows come back as their cells (icon cells and trailing empty cells removed);
    plain rows as one cell holding the whole line, for the caller to split.  Header lines
    (folded, starting with one of ``header_starts``) and separators are skipped.
    """
    markdown = any("|" in line for line in lines)
    rows: list[list[str]] = []
    for line in dedupe(lines):
        key = heading_key(line)
        if SEPARATOR.match(line) or any(key.startswith(h) for h in header_starts):
            continue
        if markdown:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                rows.append(cells)
        else:
            rows.append([line])
    return markdown, rows
