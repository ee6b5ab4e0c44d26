"""Finding one record from what a person typed: a name, a title, another spelling.

Why one matcher: the command line names partners (``factsheet NAME``) and delegations
(``briefing DELEGATION``) the way people write them, without accents or case.  The rules
are the same for both: an exact match (accent- and case-insensitive) on one of the
record's names wins; failing that, a unique partial match is accepted (every word typed is
found in one of the names: "mission rimouski"); otherwise the caller reports the records
found (ambiguous) or the close names (unknown) in its own words.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import fold

MAX_SUGGESTIONS = 5
MAX_LISTED = 10
MIN_WORD = 4  # shorter words typed are not used to suggest close names


@dataclass(frozen=True)
class Candidate:
    """A record that may be meant: its id, the names it answers to (the first is shown)."""

    id: str
    names: tuple[str, ...]
    label: str  # how a message lists it: "Kiel (Allemagne)"

    @property
    def name(self) -> str:
        return self.names[0]


class NoMatch(LookupError):
    """Nothing answers to the text; ``suggestions`` are close names (at most five)."""

    def __init__(self, suggestions: list[str]) -> None:
        super().__init__(", ".join(suggestions))
        self.suggestions = suggestions


class SeveralMatches(LookupError):
    """Several records answer to the text; ``found`` lists them in the candidates' order."""

    def __init__(self, found: list[Candidate]) -> None:
        super().__init__(", ".join(c.label for c in found))
        self.found = found

    def listed(self) -> str:
        """ "A, B, C et 4 autres" for a message."""
        text = ", ".join(c.label for c in self.found[:MAX_LISTED])
        extra = len(self.found) - MAX_LISTED
        return text + (f" et {extra} autres" if extra > 0 else "")


def match_one(text: str, candidates: Sequence[Candidate]) -> Candidate:
    """The one candidate ``text`` designates; raises :class:`NoMatch` or :class:`SeveralMatches`.

    An empty ``text`` matches nothing (and suggests nothing).
    """
    wanted = fold(text)
    if not wanted:
        raise NoMatch([])
    folded = {c.id: [fold(n) for n in c.names if n] for c in candidates}
    words = wanted.split(" ")
    exact = [c for c in candidates if wanted in folded[c.id]]
    partial = [c for c in candidates if any(all(word in n for word in words) for n in folded[c.id])]
    for found in (exact, partial):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise SeveralMatches(found)
    by_name = {n: c for c in candidates for n in folded[c.id]}
    close = [
        by_name[n]
        for n in difflib.get_close_matches(wanted, list(by_name), n=MAX_SUGGESTIONS * 2, cutoff=0.6)
    ]
    close += [c for c in candidates if _shares_a_word(words, folded[c.id])]
    raise NoMatch(list(dict.fromkeys(c.name for c in close))[:MAX_SUGGESTIONS])


def _shares_a_word(words: list[str], names: list[str]) -> bool:
    """Whether a long word typed is close to a word of one of the names ("mision")."""
    typed = [w for w in words if len(w) >= MIN_WORD]
    own = {w for n in names for w in re.split(r"[^a-z0-9]+", n) if len(w) >= MIN_WORD}
    return any(difflib.get_close_matches(w, own, n=1, cutoff=0.8) for w in typed)
