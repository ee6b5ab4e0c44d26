"""Reading a document in order, a record at a time, from a file or from memory.

Both sources come out as the same stream of :data:`Items`, which the check
(:mod:`.checking`) reads once: a file of any size never sits in memory whole.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .. import jsonstream
from ..i18n import _
from .document import (
    FORMAT,
    STREAMED_KEYS,
    VERSION,
    ImportFileError,
    not_a_list,
    not_relations,
    unknown_section,
    wrong_version,
)

#: One entry of a document read in order: (top-level key, whether ``value`` is one element
#: of that key's list, value).  Collections come element by element, the rest whole.
Items = Iterator[tuple[str, bool, Any]]
Progress = Callable[[int, int], None]


def read_document(path: str | os.PathLike[str]) -> dict:
    """The whole document in the file at ``path`` (for small files: imports use
    :func:`~.checking.validate_file`, which reads a record at a time)."""
    document: dict[str, Any] = {}
    for key, item, value in file_items(path):
        if item:
            document.setdefault(key, []).append(value)
        else:
            document[key] = value
    check_header(document)
    return document


def check_header(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise not_relations()
    if document.get("version") != VERSION:
        raise wrong_version(document.get("version"))
    unknown = sorted(
        set(document) - {"format", "version", "office", "aliases", "apd", *STREAMED_KEYS}
    )
    if unknown:
        raise unknown_section(unknown[0])
    for name in STREAMED_KEYS:
        if not isinstance(document.get(name, []), list):
            raise not_a_list(name)


def document_items(document: Mapping[str, Any]) -> Items:
    """A document already in memory, as :func:`file_items` reads one from a file."""
    for key, value in document.items():
        if key in STREAMED_KEYS and isinstance(value, list):
            for record in value:
                yield key, True, record
        else:
            yield key, False, value


def file_items(path: str | os.PathLike[str], progress: Progress | None = None) -> Items:
    """The document in the file at ``path``, read a record at a time (:mod:`.jsonstream`);
    ``progress(kib_read, kib_total)`` is called as it goes."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the last record
        total = max(1, os.fstat(handle.fileno()).st_size // 1024)
    except OSError as exc:
        raise ImportFileError(
            _("Impossible de lire {path} : {reason}").format(path=path, reason=exc.strerror)
        ) from exc

    def read(bytes_read: int) -> None:
        if progress is not None:
            progress(min(bytes_read // 1024, total), total)

    with handle:
        try:
            yield from jsonstream.read_top_level(handle, STREAMED_KEYS, read=read)
        except jsonstream.JsonSyntaxError as exc:
            raise ImportFileError(
                _("{path} n'est pas un JSON valide : {reason}.").format(path=path, reason=exc)
            ) from None
        except jsonstream.JsonEncodingError as exc:
            raise ImportFileError(
                _(
                    "{path} n'est pas un texte UTF-8 (octet invalide à la position {position})."
                ).format(path=path, position=exc.position)
            ) from None
        except jsonstream.NotAnObject:
            raise not_relations() from None
        except OSError as exc:
            raise ImportFileError(
                _("Impossible de lire {path} : {reason}").format(path=path, reason=exc.strerror)
            ) from exc
