"""Writing a finished report, and what a build tells about it.

Why apart: every printed document (fact sheet, delegation briefing) is written the same
way (atomically, readable by its owner only) and reports characters the fonts lack in the
same words.  Plain Python: no ReportLab here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from ..files import write_bytes_atomically


def write_output(target: str | os.PathLike[str] | BinaryIO, payload: bytes) -> Path | None:
    """Write to a stream, or atomically to a path: a failed build never leaves half a file.

    Like the exports, a new file is readable by its owner only (it holds contacts' names
    and addresses); the office shares it on purpose.  Returns the path written, if any.
    """
    if hasattr(target, "write"):
        target.write(payload)
        return None
    return write_bytes_atomically(target, payload)


def save_rendered(target: str | os.PathLike[str] | BinaryIO, rendered: tuple[bytes, Any]) -> Any:
    """Write a ``render_…`` function's PDF to ``target``; its result, with ``path`` set."""
    payload, result = rendered
    result.path = write_output(target, payload)
    return result


def missing_warning(name: str, characters: Iterable[str], document: str) -> str:
    """A French one-line warning about characters left out of ``document``, or ""."""
    from .fonts import describe_characters  # ReportLab only when there is something to say

    characters = list(characters)
    if not characters:
        return ""
    return (
        f"{name} : caractère(s) absent(s) des polices, omis dans {document} : "
        f"{describe_characters(characters)}"
    )
