"""The documents a delegation briefing may append ("annexes"): the PDF and image
attachments of the delegation and of its partners.

:func:`candidates` lists them (the window's check boxes, ``briefing --joindre``);
:func:`choose` finds those the command line names by id or title; :func:`load` reads the
chosen ones with their bytes for :mod:`relations_app.reports.briefing_annexes`, which
appends them.  Plain reads: two or three queries whatever the number of partners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..db.models import Attachment, AttachmentBlob
from ..errors import UserError
from ..i18n import _
from ..text import fold
from . import AREAS, delegations

#: What can be appended: PDFs as they are, images on a page of their own.
APPENDABLE = ("application/pdf", "image/png", "image/jpeg")


@dataclass(frozen=True)
class Candidate:
    """One document the briefing may append, with the record it belongs to."""

    id: str
    title: str
    date: str | None
    media_type: str
    size: int
    owner: str  # "la délégation" or the partner's name
    owner_kind: str  # "delegations" or "partners"

    @property
    def label(self) -> str:
        """The title, with the partner's name for a partner's document."""
        return f"{self.title} ({self.owner})" if self.owner_kind == "partners" else self.title

    @property
    def is_pdf(self) -> bool:
        return self.media_type == "application/pdf"


@dataclass(frozen=True)
class Annex:
    """A chosen document with its file, ready to be appended."""

    candidate: Candidate
    content: bytes


class AnnexChoiceError(UserError):
    """``--joindre`` names no document of the delegation, or several (the message is French)."""


def candidates(delegation_id: str) -> list[Candidate]:
    """The delegation's appendable documents first, then each partner's in the
    delegation's order; within a record, newest date first."""
    record = delegations.get_delegation(delegation_id)
    partner_ids = list(record.get("partner_ids") or [])
    names = AREAS["partners"].option_labels(partner_ids) if partner_ids else {}
    owners = [("delegations", delegation_id), *(("partners", p) for p in partner_ids)]
    rank = {owner: index for index, owner in enumerate(owners)}
    where = (Attachment.kind == "delegations") & (Attachment.record_id == delegation_id)
    if partner_ids:
        where |= (Attachment.kind == "partners") & Attachment.record_id.in_(partner_ids)
    query = (
        Attachment.select(
            Attachment.id,
            Attachment.kind,
            Attachment.record_id,
            Attachment.title,
            Attachment.date,
            Attachment.media_type,
            Attachment.created_at,
            AttachmentBlob.size,
        )
        .join(AttachmentBlob)
        .where(where & Attachment.media_type.in_(APPENDABLE))
        .order_by(Attachment.date.is_null(), Attachment.date.desc(), Attachment.created_at.desc())
        .dicts()
    )
    found = [
        (
            rank[(row["kind"], row["record_id"])],
            Candidate(
                row["id"],
                row["title"],
                row["date"],
                row["media_type"],
                int(row["size"]),
                _("la délégation")
                if row["kind"] == "delegations"
                else names.get(row["record_id"], ""),
                row["kind"],
            ),
        )
        for row in query
    ]
    return [candidate for _rank, candidate in sorted(found, key=lambda pair: pair[0])]


def choose(delegation_id: str, wanted: Sequence[str | None]) -> list[Candidate]:
    """The candidates ``wanted`` names, in the order named: an id, or a title typed loosely
    (accents and case aside; a part is enough when only one title holds it); ``None``
    stands for every PDF.  :class:`AnnexChoiceError` for a name matching none or several."""
    listed = candidates(delegation_id)
    chosen: list[Candidate] = []

    def add(candidate: Candidate) -> None:
        if candidate not in chosen:
            chosen.append(candidate)

    for name in wanted:
        if name is None:
            for candidate in listed:
                if candidate.is_pdf:
                    add(candidate)
            continue
        by_id = [c for c in listed if c.id == name.strip()]
        key = fold(name)
        exact = [c for c in listed if fold(c.title) == key]
        partial = [c for c in listed if key and key in fold(c.title)]
        matches = by_id or exact or partial
        if len(matches) == 1:
            add(matches[0])
            continue
        if not matches:
            titles = " ; ".join(f"« {c.title} »" for c in listed) or _("aucun")
            raise AnnexChoiceError(
                _(
                    "aucun document de la délégation ni de ses partenaires ne s'appelle "
                    "« {name} » (documents joignables : {titles})."
                ).format(name=name, titles=titles)
            )
        raise AnnexChoiceError(
            _(
                "« {name} » désigne plusieurs documents : {titles} ; précisez le titre ou l'identifiant."
            ).format(name=name, titles=" ; ".join(f"« {c.title} » ({c.id})" for c in matches))
        )
    return chosen


def load(delegation_id: str, attachment_ids: Sequence[str]) -> list[Annex]:
    """The chosen documents with their files, in the order given; ids that are not among
    the delegation's appendable documents (removed since) are left out."""
    by_id = {c.id: c for c in candidates(delegation_id)}
    wanted = [a_id for a_id in dict.fromkeys(attachment_ids) if a_id in by_id]
    if not wanted:
        return []
    contents = dict(
        Attachment.select(Attachment.id, AttachmentBlob.content)
        .join(AttachmentBlob)
        .where(Attachment.id.in_(wanted))
        .tuples()
    )
    return [Annex(by_id[a_id], bytes(contents[a_id])) for a_id in wanted if a_id in contents]


__all__ = ["APPENDABLE", "Annex", "AnnexChoiceError", "Candidate"]
