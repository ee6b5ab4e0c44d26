"""Reading a large JSON document one record at a time.

A full export of a quarter-million contacts is some 300 MB of JSON: ``json.load`` would
hold the text and then the Python objects, several times its size.  :func:`read_top_level`
walks the document's top-level object itself and hands each element of the arrays it is
asked to stream, one at a time, to the standard library's C scanner
(``json.JSONDecoder.raw_decode``).  Memory holds one record and a buffer of about a
megabyte; the text read is decoded as UTF-8 (a byte-order mark is allowed) as it comes.

Syntax errors carry the line and column in the whole file, as ``json.loads`` gives them,
with the reason in French; so are values nested too deep for the scanner and integers too
long for ``int()``.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Collection, Iterator
from typing import Any, BinaryIO

from .i18n import N_, _

CHUNK = 1 << 20  # characters read at a time (a megabyte of mostly ASCII text)
_SPACE = re.compile(r"[ \t\n\r]*")  # matches everywhere, if only the empty string
_DECODER = json.JSONDecoder()

#: The standard library's reasons, in French (the rest are shown as they are).
REASONS = {
    "Expecting value": N_("valeur attendue"),
    "Expecting ',' delimiter": N_("virgule attendue"),
    "Expecting ':' delimiter": N_("deux-points attendus"),
    "Expecting property name enclosed in double quotes": N_("nom de clé entre guillemets attendu"),
    "Unterminated string starting at": N_("texte entre guillemets non terminé"),
    "Invalid control character at": N_("caractère de contrôle dans un texte"),
    "Invalid \\escape": N_("séquence d'échappement invalide"),
    "Invalid \\uXXXX escape": N_("séquence \\u invalide"),
    "Extra data": N_("données après la fin du document"),
}


#: The standard library's scanner recurses once per level of nesting: a value nested
#: deeper than Python's recursion limit (about a thousand levels; a record needs a handful)
#: is refused, and the error points where the nesting passes this depth.
DEEP = 100
TOO_DEEP = N_("structure imbriquée trop profondément (des centaines de niveaux)")
TOO_LONG_NUMBER = N_("nombre de plus de 4 300 chiffres")
_STRUCTURE = re.compile(r'["\[\]{}]|\\.', re.DOTALL)


def _too_deep_at(text: str, start: int) -> int:
    """Where the value at ``start`` opens its level :data:`DEEP` + 1 (``start`` if it does
    not, in the text read so far)."""
    depth = 0
    in_string = False
    for match in _STRUCTURE.finditer(text, start):
        token = match.group()
        if token == '"':
            in_string = not in_string
        elif in_string or token.startswith("\\"):
            continue
        elif token in "[{":
            depth += 1
            if depth > DEEP:
                return match.start()
        else:
            depth -= 1
            if depth < 0:
                break
    return start


class JsonSyntaxError(ValueError):
    """The text is not valid JSON at ``line``, ``column`` (1-based, in characters)."""

    def __init__(self, reason: str, line: int, column: int) -> None:
        super().__init__(
            _("{reason} (ligne {line}, colonne {column})").format(
                reason=reason, line=line, column=column
            )
        )
        self.reason = reason
        self.line = line
        self.column = column


class JsonEncodingError(ValueError):
    """The bytes are not UTF-8; ``position`` is the offset of the first bad byte."""

    def __init__(self, position: int) -> None:
        super().__init__(_("octet invalide à la position {position}").format(position=position))
        self.position = position


class NotAnObject(ValueError):
    """Valid JSON whose top level is not an object (the caller says it is not its format)."""


class _Buffer:
    """Decoded text read ahead from a binary file, with positions in the whole file."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text = ""
        self.pos = 0  # in self.text
        self.dropped = 0  # characters before self.text
        self.lines = 0  # newlines before self.text
        self.column = 0  # characters after the last newline before self.text
        self.bytes_read = 0
        self.eof = False

    def more(self) -> bool:
        """Read ahead (at least as much as is held, so long values are rescanned rarely);
        False at the end of the file."""
        if self.eof:
            return False
        self._compact()
        raw = self.handle.read(max(CHUNK, len(self.text) - self.pos))
        try:
            text = self.decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            raise JsonEncodingError(self.bytes_read + exc.start) from exc
        self.bytes_read += len(raw)
        self.text += text
        if not raw:
            self.eof = True
        return True

    def _compact(self) -> None:
        """Forget the text already read."""
        if self.pos == 0:
            return
        gone = self.text[: self.pos]
        newlines = gone.count("\n")
        if newlines:
            self.lines += newlines
            self.column = len(gone) - gone.rfind("\n") - 1
        else:
            self.column += len(gone)
        self.dropped += self.pos
        self.text = self.text[self.pos :]
        self.pos = 0

    def error(self, reason: str, at: int | None = None) -> JsonSyntaxError:
        at = self.pos if at is None else at
        newlines = self.text.count("\n", 0, at)
        if newlines:
            column = at - self.text.rfind("\n", 0, at)
        else:
            column = self.column + at + 1
        return JsonSyntaxError(_(REASONS.get(reason, reason)), self.lines + newlines + 1, column)

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            spaces = _SPACE.match(self.text, self.pos)
            assert spaces is not None  # the pattern matches the empty string too
            self.pos = spaces.end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def take(self, char: str) -> bool:
        """Step over the next character if it is ``char``."""
        if self.peek() == char:
            self.pos += 1
            return True
        return False

    def expect(self, char: str, reason: str) -> None:
        if not self.take(char):
            raise self.error(reason)

    def ends(self, closing: str) -> bool:
        """After a member of an array or object: True at its closing bracket, False after
        a comma."""
        if self.take(closing):
            return True
        self.expect(",", "Expecting ',' delimiter")
        return False

    def value(self) -> Any:
        """The JSON value that starts at the next character."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise self.error(exc.msg, exc.pos) from None
            except RecursionError:  # the C scanner recurses once per nesting level
                raise self.error(TOO_DEEP, _too_deep_at(self.text, self.pos)) from None
            except ValueError:  # an integer longer than int() converts (4,300 digits)
                raise self.error(TOO_LONG_NUMBER) from None
            else:
                # A number that ends the text read so far may go on in the next chunk.
                if end < len(self.text) or self.eof:
                    self.pos = end
                    return value
            self.more()


def read_top_level(
    handle: BinaryIO,
    streamed: Collection[str],
    *,
    read: Callable[[int], None] | None = None,
) -> Iterator[tuple[str, bool, Any]]:
    """The top-level object of the JSON text in ``handle``, as ``(key, item, value)``.

    For a key of ``streamed`` whose value is an array, each element comes on its own,
    with ``item`` true (an empty array yields nothing); any other value comes whole, with
    ``item`` false.  ``read(bytes_read)`` is called after each element (progress).
    Raises :class:`JsonSyntaxError` or :class:`JsonEncodingError`, at the point where the
    text goes wrong: what came before it has been yielded already.
    """
    buffer = _Buffer(handle)
    if buffer.peek() == "":
        raise buffer.error("Expecting value")
    if buffer.peek() != "{":
        value = buffer.value()  # a valid document that is not an object, or a syntax error
        raise NotAnObject(type(value).__name__)
    buffer.pos += 1
    if not buffer.take("}"):
        while True:
            if buffer.peek() != '"':
                raise buffer.error("Expecting property name enclosed in double quotes")
            key = buffer.value()
            buffer.expect(":", "Expecting ':' delimiter")
            if key in streamed and buffer.take("["):
                if not buffer.take("]"):
                    while True:
                        yield key, True, buffer.value()
                        if read is not None:
                            read(buffer.bytes_read)
                        if buffer.ends("]"):
                            break
            else:
                yield key, False, buffer.value()
            if buffer.ends("}"):
                break
    if buffer.peek() != "":
        raise buffer.error("Extra data")
