"""Two benchmark runs side by side: every figure that got more than 20 % worse.

    python bench/compare.py OLD.json NEW.json       # or: make bench COMPARE=OLD.json

A figure is a number in the JSON that ``bench/run.py`` prints.  Times (``…_ms``, ``…_s``,
``p50``, ``p95``), memory (``…_mb``) and ratios to a floor are better lower; rates
(``…per_second``) better higher.  What the machine or the database is (floors, counts,
sizes, versions, targets) is not compared: a floor is what the figures are divided by, and
a ratio to it says more than the raw time when two runs come from different machines.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

#: How much worse a figure may get before it is reported.
THRESHOLD = 0.20
#: Path parts whose numbers describe the run rather than measure it.
NOT_FIGURES = ("database", "machine", "targets", "floor", "pages", "rows", "built_now")
HIGHER_IS_BETTER = ("per_second", "per_s", "throughput")
LOWER_IS_BETTER_ENDINGS = ("_ms", "_s", "_mb", "p50", "p95", "p99", "mean", "ratio", "median")


def figures(result: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, float]]:
    """(dotted path, value) of every number of a run that measures something."""
    if isinstance(result, dict):
        for key, value in result.items():
            yield from figures(value, (*path, str(key)))
    elif (
        isinstance(result, (int, float))
        and not isinstance(result, bool)
        and not any(part in NOT_FIGURES or "floor" in part for part in path)
    ):
        yield ".".join(path), float(result)


def direction(path: str) -> int:
    """+1 when a larger value is worse, -1 when a smaller one is, 0 when it is neither."""
    parts = path.split(".")
    if any(marker in part for part in parts for marker in HIGHER_IS_BETTER):
        return -1
    if any(part.endswith(LOWER_IS_BETTER_ENDINGS) or part.startswith("ratio") for part in parts):
        return 1
    if parts[-1] in ("s", "ms", "mb"):
        return 1
    return 0


def worse(old: dict, new: dict, threshold: float = THRESHOLD) -> list[tuple[str, float, float]]:
    """(figure, old value, new value) for each figure more than ``threshold`` worse."""
    before = dict(figures(old))
    found = []
    for path, value in figures(new):
        sense = direction(path)
        previous = before.get(path)
        if not sense or previous is None or previous <= 0:
            continue
        change = (value - previous) / previous
        if change * sense > threshold:
            found.append((path, previous, value))
    return found


def report(old: dict, new: dict, threshold: float = THRESHOLD) -> str:
    found = worse(old, new, threshold)
    if not found:
        return f"No figure is more than {threshold:.0%} worse."
    lines = [f"{len(found)} figure(s) more than {threshold:.0%} worse:"]
    for path, previous, value in found:
        lines.append(f"  {path}: {previous:g} -> {value:g} ({(value - previous) / previous:+.0%})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    old, new = (json.loads(Path(a).read_text(encoding="utf-8")) for a in args)
    text = report(old, new)
    print(text)
    return 1 if worse(old, new) else 0


if __name__ == "__main__":
    sys.exit(main())
