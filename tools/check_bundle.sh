#!/bin/sh
# Checks the folder `make bundle` built (dist/relations/) as an office PC would run it: no
# Python on the PATH, no virtual environment, an empty home.  It creates the Brest data in a
# temporary folder, prints Kiel's fact sheet, opens the window offscreen on a new file,
# closes it with SIGTERM (as a logout does) and checks the exit copy and the WAL.  Prints
# the bundle's size and the time of each step.
# Usage: sh tools/check_bundle.sh [BUNDLE_DIR]   (exit 0 when everything worked)
set -eu

BUNDLE=${1:-dist/relations}
APP="$BUNDLE/relations-app"
[ -x "$APP" ] || { echo "check_bundle: $APP is missing; run make bundle first" >&2; exit 1; }
APP=$(cd "$(dirname "$APP")" && pwd)/relations-app

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/bin"
DB="$WORK/data/relations.db"
LOG="$WORK/home/.local/share/Relations/relations.log"
# No Python, no venv: only the bundle. QT_QPA_PLATFORM=offscreen: no display needed here.
run() { env -i HOME="$WORK/home" PATH="$WORK/bin" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }
now() { date +%s.%N; }
elapsed() { awk "BEGIN { printf \"%.2f\", $2 - $1 }"; }

fail() { echo "check_bundle: FAILED: $*" >&2; [ -f "$LOG" ] && tail -20 "$LOG" >&2; exit 1; }

t0=$(now)
run "$APP" --version >/dev/null || fail "--version"
t1=$(now)
run "$APP" --db "$DB" init >"$WORK/init.txt" 2>&1 || fail "init: $(cat "$WORK/init.txt")"
t2=$(now)
run "$APP" --db "$DB" factsheet kiel -o "$WORK/kiel.pdf" >"$WORK/factsheet.txt" 2>&1 ||
	fail "factsheet: $(cat "$WORK/factsheet.txt")"
t3=$(now)
head -c 5 "$WORK/kiel.pdf" | grep -q '%PDF-' || fail "kiel.pdf is not a PDF"
size_pdf=$(wc -c <"$WORK/kiel.pdf")
[ "$size_pdf" -gt 20000 ] || fail "kiel.pdf is only $size_pdf bytes (fonts or map missing?)"

# The window, offscreen, on a new file (its first start fills it: the exit copy is due):
# open until the log says so, then SIGTERM as at a logout.
WDB="$WORK/window/relations.db"
t4=$(now)
(exec env -i HOME="$WORK/home" PATH="$WORK/bin" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
	"$APP" --db "$WDB" >"$WORK/window.txt" 2>&1) &  # exec: $! is the program's own pid
pid=$!
i=0
until grep -q "will close it as Ctrl+Q does" "$LOG" 2>/dev/null; do
	i=$((i + 1))
	[ $i -le 600 ] || { kill -9 $pid; fail "the window did not open in 60 s: $(cat "$WORK/window.txt")"; }
	kill -0 $pid 2>/dev/null || fail "the window ended at start: $(cat "$WORK/window.txt")"
	sleep 0.1
done
t5=$(now)
kill -TERM $pid
rc=0
wait $pid || rc=$?
[ $rc -eq 0 ] || fail "the window exited $rc after SIGTERM: $(cat "$WORK/window.txt")"
ls "$WORK"/window/backups/relations-*-fermeture.db >/dev/null 2>&1 || fail "no exit copy after SIGTERM"
[ ! -s "$WDB-wal" ] || fail "the WAL was not checkpointed at exit"
if grep -q "Traceback\|ERROR" "$LOG"; then fail "errors in the log"; fi

echo "check_bundle: OK ($BUNDLE)"
echo "  size: $(du -sh "$BUNDLE" | cut -f1) ($(find "$BUNDLE" -type f | wc -l) files)"
echo "  --version: $(elapsed "$t0" "$t1") s; init (Brest data): $(elapsed "$t1" "$t2") s"
echo "  factsheet kiel: $(elapsed "$t2" "$t3") s ($size_pdf bytes)"
echo "  window open (offscreen, until its signals are armed): $(elapsed "$t4" "$t5") s"
