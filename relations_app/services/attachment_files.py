"""A file to attach, read from the disk: refused with a French message when it cannot be
read, is empty, too big or changes while read; hashed, typed by its first bytes, named
safely (:func:`read_file`, :func:`safe_file_name`, :func:`size_text`)."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..i18n import _, ngettext
from ..text import number_fr

MAX_BYTES = 50 * 1024 * 1024
CHUNK = 1024 * 1024
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
#: Progress of a long read: (bytes read, bytes in all).
Progress = Callable[[int, int], None]


class AttachmentError(UserError):
    """A file that cannot be attached (the message is French); nothing was stored."""


@dataclass(frozen=True)
class LoadedFile:
    """A file read and hashed, ready to be stored."""

    file_name: str
    content: bytes | bytearray
    hash: str
    media_type: str

    @property
    def size(self) -> int:
        return len(self.content)


def size_text(size: int) -> str:
    """ "15 octets", "12 Ko", "3,4 Mo": a file's size as the messages say it."""
    if size < 1024:
        return ngettext("{n} octet", "{n} octets", size).format(n=size)
    if size < 1024 * 1024:
        return _("{size} Ko").format(size=number_fr(max(1, round(size / 1024))))
    units, _point, tenths = f"{size / (1024 * 1024):.1f}".partition(".")
    return _("{units},{tenths} Mo").format(units=units, tenths=tenths)


def media_type_of(file_name: str, head: bytes | bytearray) -> str:
    """The file's media type: from its first bytes when they say it, else its extension."""
    for signature, media in _SIGNATURES:
        if head.startswith(signature):
            return media
    guessed, _encoding = mimetypes.guess_type(file_name, strict=False)
    return guessed or "application/octet-stream"


_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)


def safe_file_name(name: str, limit: int = 120) -> str:
    """``name`` as a file name any system accepts: path separators, control and reserved
    characters become "_", no leading dot or trailing dot or space, no device name
    (``CON``…), at most ``limit`` characters keeping the extension; "document" if nothing
    is left.  Accents and other scripts stay (NFC)."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("_", text).strip().lstrip(".").rstrip(". ")
    if _RESERVED.match(text):
        text = "_" + text
    if len(text) > limit:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            text = stem[: limit - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            text = text[:limit].rstrip(". ")
    return text or "document"


def stored_file_name(name: str) -> str:
    """The name kept with the attachment: the last part of the path, control characters
    out, at most 255 characters (odd characters stay; :func:`safe_file_name` cleans them
    for a copy on disk)."""
    base = re.split(r"[/\\]", name)[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if c.isprintable())
    return base.strip()[:255] or "document"


# -- reading a file -----------------------------------------------------------------------


def _refused(path: Path, reason: str) -> AttachmentError:
    return AttachmentError(
        _("Impossible de joindre « {name} » : {reason} Rien n'a été enregistré.").format(
            name=stored_file_name(path.name), reason=reason
        )
    )


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return _("le fichier n'existe pas (ou plus).")
    if isinstance(exc, IsADirectoryError):
        return _("c'est un dossier, pas un fichier.")
    if isinstance(exc, PermissionError):
        return _("la lecture du fichier est refusée (droits d'accès).")
    return _("le fichier est illisible ({error}).").format(error=exc.strerror or exc)


def too_big(size: int) -> str:
    return _("le fichier pèse {size}, au-delà de la limite de {limit} par document.").format(
        size=size_text(size), limit=size_text(MAX_BYTES)
    )


def read_file(
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> LoadedFile:
    """The file at ``path`` read in chunks and hashed (SHA-256); :class:`AttachmentError`
    when it cannot be read, is empty, is over :data:`MAX_BYTES`, or changed or vanished
    while it was read.  ``cancelled()`` stops the read (:class:`AttachmentError` too)."""
    path = Path(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _refused(path, _os_reason(exc)) from exc
    with handle:
        try:
            before = os.fstat(handle.fileno())
        except OSError as exc:
            raise _refused(path, _os_reason(exc)) from exc
        if not path.is_file():
            raise _refused(path, _("ce n'est pas un fichier ordinaire."))
        if before.st_size == 0:
            raise _refused(path, _("le fichier est vide (0 octet)."))
        if before.st_size > MAX_BYTES:
            raise _refused(path, too_big(before.st_size))
        digest = hashlib.sha256()
        buffer = bytearray(before.st_size + 1)  # one byte more: a file that grew shows it
        view = memoryview(buffer)
        done = 0
        while True:
            if cancelled is not None and cancelled():
                raise _refused(path, _("la copie a été annulée."))
            try:
                read = handle.readinto(view[done : done + CHUNK])
            except OSError as exc:
                raise _refused(path, _os_reason(exc)) from exc
            if not read:
                break
            digest.update(view[done : done + read])
            done += read
            if done > before.st_size:  # it grows while read
                raise _refused(path, _("le fichier a changé ou disparu pendant sa lecture."))
            if progress is not None:
                progress(done, before.st_size)
        view.release()
    try:
        after = os.stat(path)
    except OSError:
        after = None
    if (
        after is None
        or done != before.st_size
        or (after.st_size, after.st_mtime_ns, after.st_ino)
        != (before.st_size, before.st_mtime_ns, before.st_ino)
    ):
        raise _refused(path, _("le fichier a changé ou disparu pendant sa lecture."))
    del buffer[done:]
    content = buffer  # a bytearray: no second copy of a large file
    name = stored_file_name(path.name)
    return LoadedFile(name, content, digest.hexdigest(), media_type_of(name, content[:16]))


def type_text(file_name: str, media_type: str) -> str:
    """ "PDF", "JPEG", "DOCX": what kind of file a document is, in a word."""
    known = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF"}
    if media_type in known:
        return known[media_type]
    stem, dot, ext = file_name.rpartition(".")
    if dot and stem and 0 < len(ext) <= 5 and ext.isalnum():
        return ext.upper()
    return _("fichier")
