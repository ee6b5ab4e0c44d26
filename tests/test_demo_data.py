"""The synthetic database: valid, as the services would have written it, repeatable, careful."""

import hashlib

import pytest

from relations_app import bootstrap, cli, demo_data, jsonio
from relations_app.db.models import database
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import AREAS, contacts, partners
from relations_app.text import fold

SMALL = ["--partners", "50", "--programmes", "100", "--contacts", "200"]


def make(path, *extra: str, seed: int = 1) -> int:
    """As the issue writes it: ``demo-data … --seed N --db FILE`` (--db after the options)."""
    return cli.main(
        ["demo-data", "--quiet", *SMALL, "--seed", str(seed), "--db", str(path), *extra]
    )


def export(path) -> str:
    bootstrap.open_app_database(DatabaseLocation.file(path))
    try:
        return jsonio.dumps(jsonio.export_document())
    finally:
        bootstrap.close()


def test_small_demo_database_is_valid_and_checks_clean(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert make(path) == 0
    assert "(50 partenaires," in capsys.readouterr().out
    assert cli.main(["--db", str(path), "check"]) == 0
    assert "Intégrité : OK" in capsys.readouterr().out
    bootstrap.open_app_database(DatabaseLocation.file(path))
    try:
        assert partners.list_partners().total == 50 and contacts.list_contacts().total == 200
        plan = jsonio.validate_document(jsonio.export_document())  # every record valid
        for (
            name,
            record_id,
            cleaned,
        ) in plan.cleaned_records():  # search and sort keys as the services compute them
            area = AREAS[name]
            row = area.model.get_by_id(record_id)
            assert row.search == area.search_text(cleaned), (name, record_id)
            assert row.sort_key == fold(area.sort_text(cleaned))[:200], (name, record_id)
        assert SQLITE.search_index_problems(database.obj) == []
        # built without the WAL and the foreign-key checks, then left as any other file
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        local_names = "".join(r["local_name"] or "" for r in partners.list_partners().rows)
        assert any(ord(c) > 0x2000 for c in local_names)  # some in Chinese, Japanese, Korean
    finally:
        bootstrap.close()


def test_same_seed_same_database_other_seed_other_one(tmp_path):
    first, second, other = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    assert make(first) == 0 and make(other, seed=2) == 0
    assert (
        cli.main(["--db", str(second), "demo-data", "--quiet", *SMALL]) == 0
    )  # --db first; seed 1
    digest = [hashlib.sha256(export(p).encode()).hexdigest() for p in (first, second, other)]
    assert digest[0] == digest[1] != digest[2]


def test_refuses_to_overwrite_without_force_and_keeps_a_copy_with_it(tmp_path, capsys):
    path = tmp_path / "office.db"
    assert cli.main(["--db", str(path), "init"]) == 0  # a real database, the Brest data
    before = path.read_bytes()
    assert make(path) == 1
    assert "--force" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert make(path, "--force") == 0
    assert list(tmp_path.glob("office.avant-init-*.db"))  # the replaced file, kept
    bootstrap.open_app_database(DatabaseLocation.file(path))
    try:
        assert partners.list_partners().total == 50
    finally:
        bootstrap.close()


@pytest.mark.parametrize("indexing", ["row by row", "rebuilt at the end"])
def test_round_trip_through_json_files(tmp_path, capsys, monkeypatch, indexing):
    """export → import into an empty database → export gives the same bytes (the import
    reads the file a record at a time and writes new records in batches), and the search
    finds the imported records, whichever way the import filled the search indexes."""
    if indexing == "rebuilt at the end":
        monkeypatch.setattr(jsonio.applying, "BULK_INDEXING", 0)
    path = tmp_path / "demo.db"
    demo_data.generate(DatabaseLocation.file(path), demo_data.Sizes(150, 200, 500), seed=5)
    first, second, target = tmp_path / "first.json", tmp_path / "second.json", tmp_path / "copy.db"
    assert cli.main(["--db", str(path), "export", str(first)]) == 0
    assert cli.main(["--db", str(target), "init", "--empty"]) == 0
    assert cli.main(["--db", str(target), "import", str(first)]) == 0
    assert "500 contacts créés" in capsys.readouterr().out
    assert cli.main(["--db", str(target), "export", str(second)]) == 0
    assert second.read_bytes() == first.read_bytes()
    bootstrap.open_app_database(DatabaseLocation.file(target))
    try:
        assert SQLITE.search_index_problems(database.obj) == []
        for row in contacts.list_contacts().rows[:20]:
            found = contacts.list_contacts(search=row["family_name"][1:6]).rows
            assert row["id"] in [r["id"] for r in found], row["family_name"]
    finally:
        bootstrap.close()


@pytest.mark.parametrize("sizes", [demo_data.Sizes(-1, 0, 0), demo_data.Sizes(0, 5, 0)])
def test_impossible_sizes_are_refused(tmp_path, sizes):
    with pytest.raises(demo_data.DemoDataError):
        demo_data.generate(DatabaseLocation.file(tmp_path / "x.db"), sizes)


@pytest.mark.parametrize("source", ["brest", "generated"])
def test_streamed_export_and_batched_records_equal_the_record_by_record_ones(tmp_path, source):
    path = tmp_path / "x.db"
    if source == "generated":
        demo_data.generate(DatabaseLocation.file(path), demo_data.Sizes(15, 30, 40), seed=9)
        bootstrap.open_app_database(DatabaseLocation.file(path))
    else:
        bootstrap.open_app_database(DatabaseLocation.file(path))  # created with the Brest dataset
    try:
        for area in AREAS.values():
            instances = list(area.model.select().order_by(area.model.id))
            assert area.records_for(instances) == [area.to_record(i) for i in instances]
        counts = jsonio.write_document(tmp_path / "dump.json")
        document = jsonio.export_document()
        assert (tmp_path / "dump.json").read_text(encoding="utf-8") == jsonio.dumps(document)
        assert counts == {name: len(document[name]) for name in jsonio.EXPORT_ORDER}
    finally:
        bootstrap.close()


def test_the_indexes_built_at_the_end_are_those_of_the_schema(tmp_path):
    """The generator drops the secondary indexes while it fills the tables and builds them
    once at the end: the file ends with every index a new database has, and uses them."""
    import sqlite3

    def indexes(path) -> set[tuple[str, str]]:
        with sqlite3.connect(path) as conn:
            return set(
                conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql NOT NULL"
                ).fetchall()
            )

    fresh, generated = tmp_path / "fresh.db", tmp_path / "demo.db"
    assert cli.main(["--db", str(fresh), "init", "--empty"]) == 0
    assert make(generated) == 0
    assert indexes(generated) == indexes(fresh) and len(indexes(fresh)) > 20
    with sqlite3.connect(generated) as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM contact ORDER BY sort_key, id LIMIT 10"
        ).fetchall()
    assert "contact_list" in str(plan)
