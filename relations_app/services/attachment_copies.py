"""Copies of attachments on the disk: into a folder under their cleaned names, or one to a
chosen file; each written whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import UserError
from ..files import atomic_file
from ..i18n import _
from .attachment_read import content, get

# -- copies on disk -----------------------------------------------------------------------


def _free_name(folder: Path, name: str, taken: set[str]) -> Path:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, n = name, 1
    while candidate.casefold() in taken or (folder / candidate).exists():
        n += 1
        candidate = f"{stem} ({n}){'.' + ext if ext else ''}"
    taken.add(candidate.casefold())
    return folder / candidate


def export_to(attachment_ids: Sequence[str], folder: str | os.PathLike[str]) -> list[Path]:
    """Copy attachments into ``folder`` under their cleaned names (never over an existing
    file: "nom (2).pdf"); each file written whole or not at all.  Returns the paths."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(
            _("Le dossier « {folder} » n'existe pas : rien n'a été exporté.").format(folder=folder)
        )
    written: list[Path] = []
    taken: set[str] = set()
    for attachment_id in attachment_ids:
        info = get(attachment_id)
        written.append(export_one(attachment_id, _free_name(folder, info.export_name, taken)))
    return written


def export_one(attachment_id: str, target: str | os.PathLike[str]) -> Path:
    """Copy one attachment to the file ``target`` (replaced whole if it exists)."""
    target = Path(target)
    data = content(attachment_id)
    try:
        with atomic_file(target, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise UserError(
            _("Impossible d'écrire « {path} » : {error}.").format(
                path=target, error=exc.strerror or exc
            )
        ) from exc
    return target
