"""``make bench COMPARE=OLD.json``: the figures that got more than 20 % worse, and only those."""

import importlib.util
import json
from pathlib import Path

SPEC = importlib.util.spec_from_file_location(
    "bench_compare", Path(__file__).parents[1] / "bench" / "compare.py"
)
compare = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(compare)

OLD = {
    "database": {"size_mb": 519, "rows": {"contact": 250000}},
    "machine": {"cpus": 2},
    "start_window": {"dashboard": {"s": 1.2, "peak_rss_mb": 228}},
    "search_as_you_type": {"contacts": {"3_letter": {"p95_ms": 30.0, "floor_p95_ms": 10.0}}},
    "factsheet": {
        "one_sheet_ms": {"p50": 120, "p95": 150},
        "floor_one_page_reportlab_ms": {"p50": 4},
        "ratio_p50": 30,
        "all_sheets_per_second": 10.0,
        "pages": 5,
    },
    "targets": {"factsheet_ms": {"measured": 150, "target": 300}},
}


def run_with(**changes):
    new = json.loads(json.dumps(OLD))
    for path, value in changes.items():
        node = new
        *parents, last = path.split("__")
        for part in parents:
            node = node[part]
        node[last] = value
    return new


def test_slower_times_more_memory_and_fewer_sheets_are_reported():
    new = run_with(
        search_as_you_type__contacts__3_letter__p95_ms=40.0,  # +33 %
        start_window__dashboard__peak_rss_mb=300,  # +32 %
        factsheet__all_sheets_per_second=7.0,  # -30 % of a rate
        factsheet__one_sheet_ms__p95=170,  # +13 %: within the margin
    )
    found = {path for path, _old, _new in compare.worse(OLD, new)}
    assert found == {
        "search_as_you_type.contacts.3_letter.p95_ms",
        "start_window.dashboard.peak_rss_mb",
        "factsheet.all_sheets_per_second",
    }
    assert "search_as_you_type.contacts.3_letter.p95_ms: 30 -> 40 (+33%)" in compare.report(
        OLD, new
    )


def test_better_figures_floors_sizes_and_targets_are_not_reported():
    new = run_with(
        start_window__dashboard__s=0.6,
        factsheet__all_sheets_per_second=25.0,
        search_as_you_type__contacts__3_letter__floor_p95_ms=20.0,
        factsheet__floor_one_page_reportlab_ms__p50=8,
        factsheet__pages=9,
        database__size_mb=2000,
        machine__cpus=8,
        targets__factsheet_ms__measured=400,
    )
    assert compare.worse(OLD, new) == []
    assert compare.report(OLD, new) == "No figure is more than 20% worse."


def test_the_command_exits_1_when_a_figure_got_worse(tmp_path, capsys):
    old_file, new_file = tmp_path / "old.json", tmp_path / "new.json"
    old_file.write_text(json.dumps(OLD))
    new_file.write_text(json.dumps(run_with(start_window__dashboard__s=2.0)))
    assert compare.main([str(old_file), str(new_file)]) == 1
    assert "start_window.dashboard.s: 1.2 -> 2 (+67%)" in capsys.readouterr().out
    assert compare.main([str(old_file), str(old_file)]) == 0


def test_the_developer_notes_table_is_made_from_a_run(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "bench_table", Path(__file__).parents[1] / "bench" / "table.py"
    )
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    run = json.loads(json.dumps(OLD))
    run["start_window"] = {
        "dashboard": {"s": 1.2, "ratio_to_floor": 10.0},
        "contacts_list": {"s": 1.1, "ratio_to_floor": 9.2},
        "floor": {"s": 0.12},
    }
    run["targets"] = {"start_window_s": {"measured": 1.2, "target": 1.5}}
    notes = tmp_path / "developers.md"
    notes.write_text("# Notes\n<!-- bench:table -->\nold figures\n<!-- /bench:table -->\nafter\n")
    table.write_into(notes, table.render(run))
    text = notes.read_text()
    assert "old figures" not in text and text.endswith("<!-- /bench:table -->\nafter\n")
    assert (
        "| window painted: dashboard / contacts list | 1.20 / 1.10 s | < 1.5 s | 0.12 s |" in text
    )
    assert "| fact sheet, p50 / p95 | 120 / 150 ms |" in text
    assert "250 000 contacts" in text
