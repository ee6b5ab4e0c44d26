"""Safe file names for the documents of a partner: "État de Veracruz" → "etat-de-veracruz.pdf".

Why: names come from the database and may hold accents, slashes, CJK or reserved device
names; a file name must work on every system the office shares files with, and one file
per partner must never overwrite another's.  Plain Python: the window proposes these names
in its "Save as" dialog without loading ReportLab.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import fold

MAX_STEM = 80
FALLBACK_STEM = "partenaire"
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)
}


def safe_stem(name: str | None) -> str:
    """Lower-case ASCII words joined by hyphens, never empty, never a path."""
    stem = re.sub(r"[^a-z0-9]+", "-", fold(name or "")).strip("-")
    stem = stem[:MAX_STEM].rstrip("-") or FALLBACK_STEM
    if stem in _WINDOWS_RESERVED:
        stem += "-fiche"
    return stem


def safe_file_name(name: str | None, suffix: str = ".pdf") -> str:
    return safe_stem(name) + suffix


def unique_file_names(names: Iterable[str], suffix: str = ".pdf") -> list[str]:
    """Safe names for ``names`` in order; repeats get "-2", "-3"… (case-insensitively)."""
    taken: set[str] = set()
    result = []
    for name in names:
        stem = safe_stem(name)
        candidate, n = stem, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(candidate.lower())
        result.append(candidate + suffix)
    return result
