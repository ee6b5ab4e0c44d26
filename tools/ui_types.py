"""The ratchet that keeps ui/ from getting worse under mypy while it is made clean gradually.

relations_app/ must be mypy-clean (``make types`` runs plain ``mypy`` first); ui/ is not yet.
This runs mypy on ui/ and compares each module's error count with tools/ui_types_baseline.txt:
a module may only lose errors, and a module not listed there must have none. When counts
fall, ``--update`` writes the lower numbers so they cannot come back.

Usage: python tools/ui_types.py [--update]
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tools" / "ui_types_baseline.txt"
ERROR = re.compile(r"^(ui/[^:]+\.py):\d+: error:")


def current_counts() -> tuple[Counter[str], str]:
    mypy = Path(sys.executable).with_name("mypy")
    result = subprocess.run(
        [str(mypy), "ui"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode not in (0, 1):  # 2: mypy itself failed (a crash, a bad config)
        raise SystemExit(result.stdout + result.stderr)
    counts: Counter[str] = Counter()
    for line in result.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            counts[match[1]] += 1
    return counts, result.stdout


def read_baseline() -> dict[str, int]:
    baseline = {}
    for line in BASELINE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            count, path = line.split(maxsplit=1)
            baseline[path] = int(count)
    return baseline


def write_baseline(counts: Counter[str]) -> None:
    lines = ["# mypy errors per ui/ module that tools/ui_types.py tolerates (only ever lower)."]
    lines += [f"{counts[path]} {path}" for path in sorted(counts)]
    BASELINE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    counts, output = current_counts()
    baseline = read_baseline()
    worse = {p: n for p, n in counts.items() if n > baseline.get(p, 0)}
    if worse:
        for path, n in sorted(worse.items()):
            print(f"{path}: {n} mypy errors, {baseline.get(path, 0)} allowed")
        for line in output.splitlines():
            match = ERROR.match(line)
            if match and match[1] in worse:
                print(line)
        return 1
    better = {p for p, n in baseline.items() if counts[p] < n}
    if better and "--update" in argv:
        write_baseline(counts)
        print(f"baseline lowered for {len(better)} module(s)")
    elif better:
        print(f"ui/ has fewer mypy errors in {len(better)} module(s): run with --update")
    print(f"ui/: {sum(counts.values())} mypy errors, none new ({len(counts)} modules not clean)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
