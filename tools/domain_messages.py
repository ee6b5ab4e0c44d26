"""The domain's gettext catalogues: extract the messages, update each ``.po``, compile the ``.mo``.

    .venv/bin/python tools/domain_messages.py          # extract, update, compile
    .venv/bin/python tools/domain_messages.py --check  # exit 1 when a catalogue is behind

The domain (``relations_app/``) writes its messages in French and marks them with ``_()``,
``N_()``, ``ngettext()`` or ``counted()`` (``relations_app/i18n.py``).  After adding one, run this script,
fill its ``msgstr`` in ``relations_app/locale/en/LC_MESSAGES/relations.po`` and run it again
to compile; ``tests/test_domain_messages.py`` fails while a message has no translation or a
``.mo`` differs from its ``.po``.  Babel does the extracting and compiling; the ``.mo`` is
committed, so that a clean clone and ``pip install .`` need no build step.
"""

from __future__ import annotations

import ast
import datetime
import gettext
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "relations_app"
LOCALE = SOURCES / "locale"
DOMAIN = "relations"
LANGUAGES = ("en",)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "counted": (1, 2)}
#: Field and ListField declarations name their French label second: it is a message too
#: (found with ast, since babel does not look inside the calls it does not extract).
LABELLED = ("Field", "ListField")
#: The catalogues' dates stay put, so that regenerating one changes only its messages.
FIXED_DATE = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)


HEADER = """\
# The domain's messages (relations_app/), from French.
# Made by tools/domain_messages.py: fill the msgstr lines, then run it again.
#"""


def _catalog(language: str) -> Catalog:
    return Catalog(
        locale=language,
        project="Relations",
        version="",
        header_comment=HEADER,
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
    )


def template() -> Catalog:
    """Every message the domain's sources mark, as an empty catalogue."""
    catalog = _catalog("fr")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCES),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    ):
        catalog.add(
            message,
            locations=[(f"relations_app/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    for path in sorted(SOURCES.rglob("*.py")):
        for label, lineno in declared_labels(path):
            catalog.add(label, locations=[(f"relations_app/{path.relative_to(SOURCES)}", lineno)])
    return catalog


def declared_labels(path: Path) -> list[tuple[str, int]]:
    """The labels of the fields declared in a source file: Field("start", "Début", …)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        label = node.args[1]
        if name in LABELLED and isinstance(label, ast.Constant) and isinstance(label.value, str):
            found.append((label.value, node.lineno))
    return found


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return _catalog(language)
    with path.open("rb") as stream:
        return read_po(stream, locale=language)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def updated(language: str) -> Catalog:
    catalog = read(language)
    catalog.update(template(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
    return out.getvalue()


def messages(mo: bytes) -> dict:
    """What a compiled catalogue translates, as gettext reads it."""
    return dict(gettext.GNUTranslations(io.BytesIO(mo))._catalog)  # type: ignore[attr-defined]


def untranslated(catalog: Catalog) -> list[str]:
    return [
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and (m.fuzzy or not _translated(m.string))
    ]


def problems(language: str) -> list[str]:
    """Why ``language``'s catalogue is behind the sources (empty: it is not)."""
    po, mo = po_path(language), po_path(language).with_suffix(".mo")
    found = []
    have = read(language)
    missing = [m.id for m in template() if m.id and m.id not in have]
    found += [f"{po.relative_to(ROOT)}: not in the catalogue: {m!r}" for m in missing]
    found += [f"{po.relative_to(ROOT)}: not translated: {m!r}" for m in untranslated(have)]
    if not mo.exists() or messages(mo.read_bytes()) != messages(compiled(have)):
        found.append(f"{mo.relative_to(ROOT)}: not compiled from {po.name}")
    return found


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = [p for language in LANGUAGES for p in problems(language)]
        print(*found, sep="\n")
        return 1 if found else 0
    for language in LANGUAGES:
        catalog = updated(language)
        po, mo = po_path(language), po_path(language).with_suffix(".mo")
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_bytes(po_text(catalog))
        mo.write_bytes(compiled(catalog))
        print(f"{po.relative_to(ROOT)}: {len(untranslated(catalog))} message(s) to translate")
    return 0


def _translated(string: str | tuple[str, ...]) -> bool:
    if isinstance(string, tuple):
        return all(string)
    return bool(string)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
