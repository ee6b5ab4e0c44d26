"""Finding any record from what a person typed: its id, or a name as the lists search it.

Why: ``relations-app history NAME_OR_ID`` names a record of any kind, even one deleted
since (its id is still in the history).  A name is looked up through each list's own
search (a quarter-million contacts are not read), then matched by the rules of
:mod:`.lookup`; an unknown or ambiguous name is a French ``UserError``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..db.models import RecordChange
from ..errors import UserError
from ..text import fold
from . import AREAS
from .lookup import Candidate, NoMatch, SeveralMatches, match_one

PER_LIST = 50


class UnknownRecordError(UserError, LookupError):
    """Nothing answers to the text typed."""


@dataclass(frozen=True)
class FoundRecord:
    collection: str
    id: str
    label: str  # "Kiel (partenaire)"


def _by_id(text: str) -> FoundRecord | None:
    for collection, area in AREAS.items():
        labels = area.option_labels([text])
        if text in labels:
            return FoundRecord(collection, text, f"{labels[text]} ({area.record_type.fr.singular})")
    gone = (
        RecordChange.select(RecordChange.collection, RecordChange.label)
        .where(RecordChange.record_id == text)
        .order_by(RecordChange.id.desc())
        .first()
    )
    if gone is not None and gone.collection in AREAS:
        kind = AREAS[gone.collection].record_type.fr.singular
        return FoundRecord(gone.collection, text, f"{gone.label} ({kind}, supprimé)")
    return None


def find_record(text: str) -> FoundRecord:
    """The one record ``text`` designates (an id, or a name of any record type)."""
    text = text.strip()
    found = _by_id(text) if text else None
    if found is not None:
        return found
    if not fold(text):
        raise UnknownRecordError("indiquez le nom ou l'identifiant d'un enregistrement.")
    candidates: list[Candidate] = []
    kinds: dict[str, str] = {}
    for collection, area in AREAS.items():
        for record_id, label in area.options(limit=PER_LIST, search=text):
            kind = area.record_type.fr.singular
            candidates.append(Candidate(record_id, (label,), f"{label} ({kind})"))
            kinds[record_id] = collection
    try:
        chosen = match_one(text, candidates)
    except SeveralMatches as many:
        raise UnknownRecordError(
            f"« {text} » désigne plusieurs enregistrements : {many.listed()} ; précisez."
        ) from None
    except NoMatch as none:
        hint = f" Noms proches : {', '.join(none.suggestions)}." if none.suggestions else ""
        raise UnknownRecordError(f"aucun enregistrement ne s'appelle « {text} ».{hint}") from None
    return FoundRecord(kinds[chosen.id], chosen.id, chosen.label)
