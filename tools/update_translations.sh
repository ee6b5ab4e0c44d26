#!/usr/bin/env bash
# Refresh the French catalogue from the sources, then compile it.
# Edit resources/translations/relations_fr.ts (Qt Linguist or a text editor) between the two steps.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
"$BIN/pyside6-lupdate" ui/*.py -ts resources/translations/relations_fr.ts
"$BIN/pyside6-lrelease" resources/translations/relations_fr.ts -qm resources/translations/relations_fr.qm
