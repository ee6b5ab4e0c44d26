#!/usr/bin/env bash
# Refresh the catalogues from the sources, then compile them.
# French: every string (edit resources/translations/relations_fr.ts with Qt Linguist or a text
# editor between the two steps). English is the source language: relations_en only holds the
# plural forms ("%n partner(s)" -> "1 partner" / "2 partners").
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
"$BIN/pyside6-lupdate" $(find ui -name "*.py" | sort) -no-obsolete -ts resources/translations/relations_fr.ts
"$BIN/pyside6-lupdate" $(find ui -name "*.py" | sort) -pluralonly -no-obsolete -ts resources/translations/relations_en.ts
for lang in fr en; do
    "$BIN/pyside6-lrelease" "resources/translations/relations_$lang.ts" -qm "resources/translations/relations_$lang.qm"
done
