"""A contact's photo: stored as base64 text so that every back end keeps it in a plain text
column, checked on the way in so that a briefing can always print what is stored."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Any

from .errors import UserError
from .i18n import _

MAX_BYTES = 2_000_000
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


def image_kind(data: bytes) -> str | None:
    """ "png" or "jpeg" from the file's first bytes, else None."""
    return next((kind for sig, kind in _SIGNATURES.items() if data.startswith(sig)), None)


def decode_photo(text: str | None) -> bytes | None:
    """The image bytes of a stored photo, or None when there is none or it is unreadable."""
    if not text:
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if image_kind(data) else None


def photo_problem(value: Any) -> str | None:
    """Why ``value`` cannot be stored as a photo (French), or None when it can."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        return _("une photo est attendue sous forme de texte base64")
    if len(value) > MAX_BYTES * 4 // 3 + 4:
        return _("photo trop lourde ({size} Mo au plus)").format(size=MAX_BYTES // 1_000_000)
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return _("photo illisible (base64 attendu)")
    if not image_kind(data):
        return _("la photo doit être une image PNG ou JPEG")
    return None


def encode_photo_file(path: Path) -> str:
    """A PNG or JPEG file as the text a contact's ``photo`` holds; UserError otherwise."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("Photo illisible : {name} ({reason}).").format(
                name=path.name, reason=exc.strerror or exc
            )
        ) from exc
    text = base64.b64encode(data).decode("ascii")
    if problem := photo_problem(text):
        raise UserError(
            _("Photo refusée ({name}) : {problem}.").format(name=path.name, problem=problem)
        )
    return text
