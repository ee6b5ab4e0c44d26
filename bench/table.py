"""The developer notes' figure table, made from a saved benchmark run.

    python bench/table.py RUN.json                       # print the table
    python bench/table.py RUN.json --write docs/developers.md

``--write`` replaces what lies between the ``<!-- bench:table -->`` and
``<!-- /bench:table -->`` lines, so the published figures are always those of one run.
Figures a run does not have (a quick run has no JSON import) are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

START = "<!-- bench:table -->"
END = "<!-- /bench:table -->"


def _get(result: dict, *path: str) -> Any:
    node: Any = result
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _n(value: float | None, unit: str = "", digits: int = 0) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}".replace(",", " ")
    return f"{text} {unit}".strip()


def _target(result: dict, name: str) -> str:
    target = _get(result, "targets", name, "target")
    return "" if target is None else f"< {target:g}"


def rows(result: dict) -> list[tuple[str, str, str, str, str]]:
    """(figure, measured, target, floor, ratio) for every figure the run has."""
    out: list[tuple[str, str, str, str, str]] = []
    start = result.get("start_window")
    if start:
        out.append(
            (
                "window painted: dashboard / contacts list",
                f"{_n(start['dashboard']['s'], digits=2)} / "
                f"{_n(start['contacts_list']['s'], 's', 2)}",
                _target(result, "start_window_s") + " s"
                if _target(result, "start_window_s")
                else "",
                _n(_get(start, "floor", "s"), "s", 2),
                f"{_n(start['dashboard'].get('ratio_to_floor'), digits=1)} / "
                f"{_n(start['contacts_list'].get('ratio_to_floor'), digits=1)}",
            )
        )
        cold = start.get("first_after_written")
        if cold:
            out.append(
                (
                    "first start after the file was written (database / and libraries "
                    "dropped from the OS cache)",
                    f"{_n(cold['s'], digits=2)} / "
                    f"{_n(start['first_after_written_libraries_too']['s'], 's', 2)}",
                    _target(result, "start_first_after_written_s") + " s",
                    _n(_get(start, "floor", "s"), "s", 2),
                    f"{_n(cold.get('ratio_to_floor'), digits=1)}",
                )
            )
    search = result.get("search_as_you_type")
    if search:
        lengths = sorted({k for lists in search.values() for k in lists})
        worst = [
            max(lists[k]["p95_ms"] for lists in search.values() if k in lists) for k in lengths
        ]
        floors = [f["floor_p95_ms"] for lists in search.values() for f in lists.values()]
        out.append(
            (
                "keystroke → list, p95, "
                + " / ".join(k.split("_")[0] for k in lengths)
                + " letters (worst list)",
                " / ".join(_n(w) for w in worst) + " ms",
                _target(result, "search_p95_ms") + " ms"
                if _target(result, "search_p95_ms")
                else "",
                f"{_n(min(floors), digits=1)}–{_n(max(floors), 'ms', 1)}",
                "see JSON",
            )
        )
    for kind, label in (("partner", "partner"), ("contact", "contact"), ("programme", "programme")):
        p95 = _get(result, "open_record_ms", kind, "p95")
        if p95 is not None:
            out.append((f"{label} page opened, p95", _n(p95, "ms"), "", "", ""))
    sheet = result.get("factsheet")
    if sheet:
        out.append(
            (
                "fact sheet, p50 / p95",
                f"{_n(sheet['one_sheet_ms']['p50'])} / {_n(sheet['one_sheet_ms']['p95'], 'ms')}",
                _target(result, "factsheet_ms") + " ms" if _target(result, "factsheet_ms") else "",
                _n(_get(sheet, "floor_one_page_reportlab_ms", "p50"), "ms", 1),
                _n(sheet.get("ratio_p50")),
            )
        )
        out.append(
            ("`factsheet --all`", _n(sheet.get("all_sheets_per_second"), "sheets/s", 1), "", "", "")
        )
    scroll = result.get("scroll_contacts")
    if isinstance(scroll, dict) and "s" in scroll:
        out.append(("contacts scrolled to the end", _n(scroll["s"], "s", 1), "", "", ""))
    saved = result.get("save_until_selected_ms")
    if isinstance(saved, dict) and "contacts" in saved:
        shown_ms, floor_ms = saved["contacts"], saved["floor_service_save_ms"]
        out.append(
            (
                "contact saved until its list shows it selected, p50 / p95 (any row)",
                f"{_n(shown_ms['p50'])} / {_n(shown_ms['p95'], 'ms')}",
                f"{_target(result, 'save_selected_p95_ms')} ms",
                f"{_n(floor_ms['p50'])} / {_n(floor_ms['p95'], 'ms')}",
                _n(saved.get("ratio_p95"), digits=1),
            )
        )
    minimum = result.get("window_minimum")
    if isinstance(minimum, dict) and "fr" in minimum:
        out.append(
            (
                "window's minimum size, French / English",
                " / ".join("×".join(str(v) for v in minimum[k]["logical"]) for k in ("fr", "en")),
                "1024×506",
                "",
                "",
            )
        )
    exchange = result.get("json")
    if exchange:
        out.append(
            (
                f"JSON export / import into an empty file / over the same records "
                f"({_n(exchange['export']['file_mb'], 'MB')})",
                f"{_n(exchange['export']['s'])} / {_n(exchange['import_into_empty']['s'])} / "
                f"{_n(exchange['import_over_same_records']['s'], 's')}"
                + (
                    f" ({_n(exchange['export_records_per_s'])} / "
                    f"{_n(exchange.get('import_records_per_s'))} records/s)"
                    if exchange.get("export_records_per_s")
                    else ""
                ),
                "",
                "",
                "",
            )
        )
    memory = result.get("peak_rss_mb")
    if memory:
        out.append(
            (
                "peak memory: window / after scrolling every contact",
                f"{_n(memory.get('window_search_open'))} / "
                f"{_n(memory.get('window_after_scrolling_all_contacts'), 'MB')}",
                _target(result, "peak_rss_mb") + " MB" if _target(result, "peak_rss_mb") else "",
                "",
                "",
            )
        )
    shown = {
        "start_window_s",
        "start_first_after_written_s",
        "search_p95_ms",
        "factsheet_ms",
        "peak_rss_mb",
        "open_partner_ms",
        "save_selected_p95_ms",
    }
    for name, target in (result.get("targets") or {}).items():
        if name not in shown and isinstance(target, dict):
            out.append(
                (
                    name.replace("_", " "),
                    _n(target.get("measured"), digits=1),
                    f"< {target.get('target'):g}",
                    "",
                    "",
                )
            )
    return out


SERVER_RUNS = (("postgresql", "PostgreSQL"), ("postgresql_2ms", "PostgreSQL at 2 ms"))


def server_rows(result: dict) -> list[tuple[str, str, str, str, str]]:
    """The figures of the runs on a local server, and through the 2 ms proxy: each with
    its target (issue 13), its floor from the same run and its ratio to the SQLite run."""
    out: list[tuple[str, str, str, str, str]] = []
    for key, label in SERVER_RUNS:
        run = result.get(key)
        if not run:
            continue
        versus = run.get("ratio_to_sqlite", {})
        checks = run.get("issue13_targets", {})
        trip = _get(run, "round_trip_ms", "p50")
        out.append(
            (
                f"{label}: copy onto the server / a round trip (`SELECT 1`, p50)",
                f"{_n(run.get('copy_s'), 's')} / {_n(trip, 'ms', 2)}",
                "",
                "",
                "",
            )
        )
        search = run.get("search_as_you_type", {})
        floors = [f["floor_p95_ms"] for lists in search.values() for f in lists.values()]
        worst = _get(checks, "search_p95_ms", "measured")
        target = _get(checks, "search_p95_ms", "target")
        out.append(
            (
                f"{label}: keystroke → list, p95 (worst list and length)",
                _n(worst, "ms"),
                f"< {target:g} ms" if target else "",
                f"{_n(min(floors), digits=1)}–{_n(max(floors), 'ms', 1)}" if floors else "",
                f"× {_n(versus.get('search_p95_ms'), digits=1)} SQLite",
            )
        )
        for name, what, unit in (
            ("global_search_p95_ms", "global search keystroke, p95", "ms"),
            ("open_partner_ms", "partner page opened, p95", "ms"),
            ("save_selected_p95_ms", "contact saved until selected, p95", "ms"),
            ("dashboard_ms", "dashboard painted, p50", "ms"),
            ("factsheet_ms", "fact sheet, p95", "ms"),
            ("start_window_s", "window painted", "s"),
        ):
            value = _get(run, "targets", name, "measured")
            if value is not None:
                out.append(
                    (
                        f"{label}: {what}",
                        _n(value, unit, 2 if unit == "s" else 0),
                        "",
                        "",
                        f"× {_n(versus.get(name), digits=1)} SQLite",
                    )
                )
        counts = run.get("statements", {})
        keystroke = _get(checks, "statements_per_keystroke_max", "measured")
        page = _get(checks, "statements_per_page_opened_max", "measured")
        save = _get(counts, "per_save", "until_selected", "max")
        out.append(
            (
                f"{label}: statements per keystroke (list) / page opened (worst type) / save "
                "until selected / scrolled page",
                f"{_n(keystroke)} / {_n(page)} / {_n(save)} / "
                f"{_n(counts.get('per_scrolled_page'), digits=1)}",
                "≤ 3 / ≤ 12",
                "",
                "",
            )
        )
        exchange = run.get("json")
        if exchange:
            out.append(
                (
                    f"{label}: JSON export / import into an empty database (records a second)",
                    f"{_n(exchange.get('export_records_per_s'))} / "
                    f"{_n(exchange.get('import_records_per_s'), '/s')}",
                    "",
                    "",
                    "",
                )
            )
    return out


XL_LABELS = {
    "search_p95_ms": ("keystroke → list, p95, worst list", "ms"),
    "first_paint_ms": ("first paint of a list, worst list", "ms"),
    "global_search_p95_ms": ("global search keystroke, p95", "ms"),
    "profile_p95_ms": ("profile opened, p95, worst record type", "ms"),
    "window_after_scrolling_all_contacts_mb": ("window memory after scrolling every contact", "MB"),
}


def xl_rows(result: dict) -> list[tuple[str, str, str, str, str]]:
    """Issue 16 §2's targets, on a ``--size xl`` run."""
    if _get(result, "database", "size") != "xl":
        return []
    checks = result.get("xl_targets", {})
    out = []
    generated = _get(result, "database", "generation_s")
    if generated is not None:
        out.append(("xl: `demo-data` built the database", _n(generated, "s"), "< 180 s", "", ""))
    for name, (what, unit) in XL_LABELS.items():
        check = checks.get(name)
        if check:
            out.append(
                (
                    f"xl: {what}",
                    _n(check["measured"], unit),
                    f"< {check['target']:g} {unit}",
                    "",
                    "",
                )
            )
    return out


def render(result: dict) -> str:
    database = result.get("database", {})
    counts = database.get("rows", {})
    machine = result.get("machine", {})
    head = (
        f"Figures of one run ({machine.get('cpus', '?')} cores, Python {machine.get('python', '?')}, "
        f"SQLite {machine.get('sqlite', '?')}; "
        + ", ".join(
            f"{_n(v)} {k}s" for k, v in counts.items() if k in ("partner", "programme", "contact")
        )
        + f", {_n(database.get('size_mb'), 'MB')}):"
    )
    lines = [head, "", "| figure | measured | target | floor | ratio |", "|---|---|---|---|---|"]
    lines += [
        "| " + " | ".join(row) + " |"
        for row in rows(result) + xl_rows(result) + server_rows(result)
    ]
    load = [machine.get("load_before"), machine.get("load_after")]
    if any(load):
        lines += [
            "",
            "Machine load (1, 5, 15 min) before / after: "
            + " / ".join(", ".join(f"{x:g}" for x in values) if values else "–" for values in load)
            + ".",
        ]
    return "\n".join(lines)


def write_into(document: Path, table: str) -> None:
    text = document.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{document} has no {START} … {END} block")
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    document.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="a saved run (bench/run.py --out FILE)")
    parser.add_argument("--write", type=Path, metavar="DOCUMENT")
    args = parser.parse_args(argv)
    table = render(json.loads(args.run.read_text(encoding="utf-8")))
    if args.write:
        write_into(args.write, table)
    else:
        print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
