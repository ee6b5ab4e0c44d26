"""Mutated import files for the fuzz test: seeded, so every run feeds the same inputs.

Each mutator takes a :class:`random.Random` and a sound file the application reads (its own
JSON and contacts exports, an Atlas record) and returns bytes: a few byte-level edits
(flips, hostile tokens, cuts, repeats), or a hostile value put where a field, a cell or a
line of the format expects something else.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import random
import zipfile

from hostile_files import rezipped

#: Tokens that have broken parsers: controls, stray UTF-8 and Latin-1 bytes, brackets and
#: quotes, escapes, a nesting deeper than the recursion limit, a very long integer.
TOKENS = (
    b"\x00",
    b"\x07",
    b"\x0b",
    b"\x1b",
    b"\xff",
    b"\xe9",
    b"\xc3",
    b"\xed\xa0\x80",
    "é".encode(),
    b'"',
    b"'",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b";",
    b":",
    b"\t",
    b"\n",
    b"\r",
    b"\\",
    b"\\ud800",
    b"\\u0007",
    b"-",
    b"1e999",
    b"9" * 30,
    b"9" * 5000,
    b"[" * 5000,
    b'{"a":' * 3000,
    b"=1+1",
    b"\xef\xbb\xbf",
)

#: Values that have broken validation or the writes after it.
VALUES: tuple[object, ...] = (
    1e30,
    2**63,
    -(2**63) - 1,
    10**400,
    -1,
    0,
    1.5,
    True,
    None,
    "",
    "   ",
    "Brest\ud800",
    "\udfff",
    "Cloche\x07",
    "Tab\vulation",
    "Deux\nlignes",
    "Sonnerie\x9b",
    "x" * 600,
    "x" * 200_001,
    "9999-99-99",
    "31/02/2018",
    "javascript:alert(1)",
    "ZZ",
    '=HYPERLINK("http://x")',
    [],
    {},
    [[[[[[["deep"]]]]]]],
    {"id": "x"},
    "0b53f0cd-0000-0000-0000-000000000000",
)

#: What replaces a line of an Atlas record.
ATLAS_LINES = (
    "99999999999999999999999",
    "1e400",
    "31/02/2018",
    "00/00/0000",
    "2010 | 2011 | 2012 |",
    "---|",
    "| | | |",
    "Collectivités et partenaires étrangers | 1e400 € | 2017 |",
    "Collectivités et partenaires étrangers | 99 999 999 999 999 999 € | 99999 |",
    "x[at]",
    "[at]diplomatie.gouv.fr",
    "Courriel :",
    "Titre",
    'Contacts dans le poste diplomatique ""',
    "Cloche\x07",
    "Brest\ud800",
    "",
)


def mutate_bytes(rng: random.Random, raw: bytes) -> bytes:
    """One to three byte-level edits of ``raw``."""
    data = bytearray(raw)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(data) + 1)
        edit = rng.randrange(5)
        if edit == 0 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif edit == 1:
            data[at:at] = rng.choice(TOKENS)
        elif edit == 2:
            del data[at : at + rng.randint(1, 64)]
        elif edit == 3:
            data[at:at] = data[at : at + rng.randint(1, 64)]
        else:
            del data[at:]
    return bytes(data)


def _json_text(document: object) -> bytes:
    """As JSON in ASCII: lone surrogates become ``\\ud800`` escapes, as JSON holds them."""
    return json.dumps(document).encode("ascii")


def mutate_json(rng: random.Random, document: dict) -> bytes:
    """A hostile value in one field of one record, or a record made wrong as a whole."""
    changed = copy.deepcopy(document)
    collections = [k for k, v in changed.items() if isinstance(v, list) and v]
    key = rng.choice(collections)
    records = changed[key]
    index = rng.randrange(len(records))
    record = records[index]
    edit = rng.randrange(8)
    if edit == 0:
        del record["id"]
    elif edit == 1:
        records.append(copy.deepcopy(record))  # the same id twice
    elif edit == 2:
        records[index] = rng.choice(VALUES)  # not an object
    elif edit == 3:
        changed[rng.choice(["format", "version", "office", key])] = rng.choice(VALUES)
    else:
        field = rng.choice([*record, "unknown_key"])
        record[field] = rng.choice(VALUES)
    return _json_text(changed)


def mutate_csv(rng: random.Random, raw: bytes) -> bytes:
    """A hostile value in one cell of the contacts CSV, in UTF-8 or Windows-1252."""
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    row = rng.choice(rows)
    value = rng.choice(VALUES)
    row[rng.randrange(len(row))] = value if isinstance(value, str) else json.dumps(value)
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    encoding = rng.choice(["utf-8", "utf-8", "cp1252"])
    return out.getvalue().encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace")


def mutate_xlsx(rng: random.Random, raw: bytes) -> bytes:
    """Damage one member of the XLSX zip (its XML edited, cut or left out), or the zip."""
    members = zipfile.ZipFile(io.BytesIO(raw)).namelist()
    member = rng.choice(members)
    edit = rng.randrange(4)
    if edit == 0:
        return rezipped(raw, lambda name, data: None if name == member else data)
    if edit == 1:
        return rezipped(raw, lambda name, data: mutate_bytes(rng, data) if name == member else data)
    if edit == 2:
        value = rng.choice([v for v in VALUES if isinstance(v, str)]).encode("utf-8", "replace")

        def cell(name: str, data: bytes) -> bytes:
            if not name.startswith("xl/worksheets/") or b"<v>" not in data:
                return data
            starts = [i for i in range(len(data)) if data.startswith(b"<v>", i)]
            at = rng.choice(starts) + 3
            return data[:at] + value.replace(b"&", b"&amp;").replace(b"<", b"&lt;") + data[at:]

        return rezipped(raw, cell)
    return mutate_bytes(rng, raw)


def mutate_atlas(rng: random.Random, text: str) -> bytes:
    """Lines of an Atlas record left out, repeated, swapped or replaced by hostile ones."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(lines))
        edit = rng.randrange(4)
        if edit == 0:
            del lines[at : at + rng.randint(1, 8)]
        elif edit == 1:
            lines[at:at] = lines[at : at + rng.randint(1, 8)]
        elif edit == 2:
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            lines[at] = rng.choice(ATLAS_LINES)
        if not lines:
            lines = [""]
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    return mutate_bytes(rng, raw) if rng.random() < 0.3 else raw
