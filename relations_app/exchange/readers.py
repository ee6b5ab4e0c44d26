"""Reading the files people bring: text in an unknown encoding, CSV, XLSX.

Encodings: UTF-8 (with or without byte-order mark) is tried first, then Windows-1252 (what
Excel writes as "CSV" on a French Windows); the caller may impose one instead.  UTF-16 and
UTF-32 files, and binary files, are refused with a message saying what to do: guessing
wrong would store garbled names.  Delimiters ``;``, ``,`` and tab are sniffed from the
header line.  XLSX cells are read as they are stored: a formula comes back as its text
(``=A1+1``), never as a computed value.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_, _, counted
from .common import ExchangeError, unescape_formula

ENCODINGS = ("utf-8-sig", "cp1252")
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": N_("point-virgule"), ",": N_("virgule"), "\t": N_("tabulation")}
MAX_ROWS = 100_000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceRow:
    line: int  # the line (CSV) or row (XLSX) number the user sees in their file
    cells: tuple[str, ...]


@dataclass(frozen=True)
class SourceTable:
    """A table read from a file: its header cells and its data rows, all as text."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    encoding: str | None = None  # None for XLSX
    delimiter: str | None = None

    def describe(self) -> str:
        parts = [
            counted("{count} ligne de données", "{count} lignes de données", len(self.rows)),
            counted("{count} colonne", "{count} colonnes", len(self.headers)),
        ]
        if self.encoding:
            parts.append(
                _("encodage {encoding}").format(
                    encoding=ENCODING_LABELS.get(self.encoding, self.encoding)
                )
            )
        if self.delimiter:
            shown = DELIMITER_NAMES.get(self.delimiter)
            parts.append(
                _("séparateur {delimiter}").format(
                    delimiter=_(shown) if shown else repr(self.delimiter)
                )
            )
        return ", ".join(parts)


ENCODING_LABELS = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp1252": "Windows-1252"}


def _line_of(raw: bytes, position: int) -> int:
    return raw.count(b"\n", 0, position) + 1


def decode_text(raw: bytes, encoding: str | None = None, name: str = "") -> tuple[str, str]:
    """The text of ``raw`` and the encoding used; an error naming the line otherwise."""
    name = name or _("le fichier")
    for bom, label in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(bom) and not (label == "UTF-16" and raw.startswith(codecs.BOM_UTF32_LE)):
            raise ExchangeError(
                _(
                    "{name} est encodé en {encoding}, non pris en charge (ligne 1) : "
                    "enregistrez-le en « CSV UTF-8 » ou en texte UTF-8."
                ).format(name=name, encoding=label)
            )
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ExchangeError(
            _(
                "{name} n'est pas un texte lisible (octet nul ligne {line}) : fichier binaire, "
                "ou encodé en UTF-16 ; enregistrez-le en « CSV UTF-8 »."
            ).format(name=name, line=_line_of(raw, nul))
        )
    tried = [encoding] if encoding else list(ENCODINGS)
    if not encoding:
        _refuse_mixed_encodings(raw, name)
    error: UnicodeDecodeError | None = None
    for candidate in tried:
        try:
            codecs.lookup(candidate)
        except LookupError:
            raise ExchangeError(
                _("encodage inconnu : « {encoding} ».").format(encoding=candidate)
            ) from None
        try:
            text = raw.decode(candidate)
        except UnicodeDecodeError as exc:
            error = error or exc
            continue
        _refuse_control_characters(text, name)
        return text, candidate
    assert error is not None
    line = _line_of(raw, error.start)
    if not encoding:
        raise ExchangeError(
            _(
                "{name} n'est pas lisible en UTF-8 ni en Windows-1252 : octet invalide ligne "
                "{line}."
            ).format(name=name, line=line)
        )
    raise ExchangeError(
        _("{name} n'est pas lisible en {encoding} : octet invalide ligne {line}.").format(
            name=name, encoding=ENCODING_LABELS.get(tried[0], tried[0]), line=line
        )
    )


#: A character of two to four bytes as UTF-8 writes it.  In Windows-1252 text these pairs
#: are rare ("Ã©", an accented capital before a non-breaking space).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _refuse_mixed_encodings(raw: bytes, name: str) -> None:
    """Refuse a file that is mostly UTF-8 with a byte that is not (a line pasted from
    another file): read whole as Windows-1252, every accent of the UTF-8 part would be
    stored garbled ("KÃ©rvÃ©")."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        seen = _UTF8_SEQUENCE.search(raw)
        if seen is not None:
            raise ExchangeError(
                _(
                    "{name} mélange deux encodages : du texte en UTF-8 (ligne {utf8}) et un "
                    "octet qui n'est pas de l'UTF-8 (ligne {other}) ; enregistrez-le en UTF-8 "
                    "(« CSV UTF-8 » dans Excel), ou imposez l'encodage Windows-1252 s'il est le "
                    "bon."
                ).format(
                    name=name, utf8=_line_of(raw, seen.start()), other=_line_of(raw, exc.start)
                )
            ) from None


def _refuse_control_characters(text: str, name: str) -> None:
    for index, char in enumerate(text):
        if ord(char) < 32 and char not in "\t\r\n\f":
            line = text.count("\n", 0, index) + 1
            raise ExchangeError(
                _(
                    "{name} n'est pas un texte lisible (caractère de contrôle ligne {line}) : "
                    "fichier binaire ou endommagé ?"
                ).format(name=name, line=line)
            )


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of ; , and tab."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv_bytes(
    raw: bytes, name: str = "", encoding: str | None = None, delimiter: str | None = None
) -> SourceTable:
    """A CSV file's header and rows; refuses a truncated file (open quote, short last row)."""
    name = name or _("le fichier")
    text, used = decode_text(raw, encoding, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ExchangeError(_("{name} est vide.").format(name=name))
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[SourceRow] = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                records.append(SourceRow(start, tuple(unescape_formula(c.strip()) for c in cells)))
            start = reader.line_num + 1
            if len(records) > MAX_ROWS:
                raise _too_many_rows(name)
    except csv.Error as exc:
        raise ExchangeError(
            _("{name} est mal formé ou tronqué à la ligne {line} : {reason}.").format(
                name=name, line=start, reason=_csv_reason(exc)
            )
        ) from exc
    if not records:
        raise ExchangeError(_("{name} est vide.").format(name=name))
    header, rows = records[0], records[1:]
    if rows and len(rows[-1].cells) < len(header.cells) and not text.endswith(("\n", "\r")):
        raise ExchangeError(
            _(
                "{name} semble tronqué : la dernière ligne ({line}) n'a que {count} colonne(s) "
                "sur {width}."
            ).format(
                name=name, line=rows[-1].line, count=len(rows[-1].cells), width=len(header.cells)
            )
        )
    return SourceTable(name, header.cells, tuple(rows), used, delimiter)


def _csv_reason(exc: csv.Error) -> str:
    """The csv module's reason, in the interface's language."""
    text = str(exc)
    if text.startswith("field larger than field limit"):
        return _("une cellule dépasse {limit} caractères").format(
            limit=f"{csv.field_size_limit():_}".replace("_", " ")
        )
    if text.startswith("unexpected end of data"):
        return _("le fichier s'arrête dans une cellule entre guillemets (guillemet non refermé ?)")
    if "expected after" in text:
        return _("un guillemet fermant est suivi d'autre chose qu'un séparateur")
    if text.startswith("new-line character"):
        return _("retour à la ligne isolé hors d'une cellule entre guillemets")
    return _("cellule entre guillemets mal formée")


def _too_many_rows(name: str) -> ExchangeError:
    return ExchangeError(_("{name} a plus de {limit} lignes.").format(name=name, limit=MAX_ROWS))


def xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_xlsx_bytes(raw: bytes, name: str = "") -> SourceTable:
    """The first sheet's first non-empty row as header, the other non-empty rows as data.

    Whatever openpyxl raises on a damaged file (a zip member that does not inflate, XML cut
    short, a workbook without sheets, a part that is not what its name says: some ten
    exception types) becomes one French message; the detail goes to the log.
    """
    name = name or _("le fichier")
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as exc:  # any failure to parse is a damaged file
        log.info("unreadable XLSX file %s", name, exc_info=True)
        raise ExchangeError(
            _("{name} n'est pas un classeur XLSX lisible (fichier tronqué ou endommagé ?).").format(
                name=name
            )
        ) from exc
    records: list[SourceRow] = []
    number = 0
    try:
        if not workbook.worksheets:
            raise ExchangeError(
                _("{name} : le classeur n'a aucune feuille de calcul.").format(name=name)
            )
        for number, values in enumerate(workbook.worksheets[0].iter_rows(values_only=True), 1):
            cells = tuple(xlsx_text(v) for v in values)
            if any(cells):
                records.append(SourceRow(number, cells))
            if len(records) > MAX_ROWS:
                raise _too_many_rows(name)
    except ExchangeError:
        raise
    except Exception as exc:  # as above
        log.info("damaged XLSX sheet in %s after row %d", name, number, exc_info=True)
        unreadable = (
            _("{name} : classeur XLSX endommagé, première feuille illisible après la ligne {line}.")
            if number
            else _("{name} : classeur XLSX endommagé, première feuille illisible dès la ligne 1.")
        )
        raise ExchangeError(unreadable.format(name=name, line=number)) from exc
    finally:
        workbook.close()
    if not records:
        raise ExchangeError(_("{name} : la première feuille est vide.").format(name=name))
    width = max(i + 1 for i, c in enumerate(records[0].cells) if c)
    header = records[0].cells[:width]
    rows = tuple(
        SourceRow(r.line, tuple(r.cells[:width]) + ("",) * (width - len(r.cells[:width])))
        for r in records[1:]
    )
    return SourceTable(name, header, rows)


def read_table(
    path: str | os.PathLike[str], encoding: str | None = None, delimiter: str | None = None
) -> SourceTable:
    """Read a .csv (or .txt, .tsv) or .xlsx file as a :class:`SourceTable`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(
            _("Impossible de lire {path} : {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    if path.suffix.lower() == ".xlsx":
        return read_xlsx_bytes(raw, path.name)
    return read_csv_bytes(raw, path.name, encoding, delimiter)


def read_text_file(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """A text file (an Atlas record saved from the browser) in UTF-8 or Windows-1252."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(
            _("Impossible de lire {path} : {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    text, _encoding = decode_text(raw, encoding, path.name)
    return text.lstrip("\ufeff")
