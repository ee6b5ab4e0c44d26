"""The full-text search index: same results as the LIKE search it speeds up, always in step.

Property-style: many queries (substrings cut from the records themselves, several words,
punctuation, accents) give the same ids through the index as through LIKE, in both of the
index's query forms; the index stays consistent through every way rows change.
"""

import json
import random

import pytest

from relations_app import demo_data, jsonio
from relations_app.db import backend
from relations_app.db.models import Contact, Organisation, Partner, Programme, database
from relations_app.db.sqlite import SQLITE
from relations_app.db.sqlite import search as sqlite_search
from relations_app.location import DatabaseLocation
from relations_app.services import contacts, organisations, partners, programmes, removal, trash

pytestmark = pytest.mark.both_backends

LISTS = {
    "partners": (partners.list_partners, Partner),
    "programmes": (programmes.list_programmes, Programme),
    "organisations": (organisations.list_organisations, Organisation),
    "contacts": (contacts.list_contacts, Contact),
}
FIXED = [
    "%",
    "_",
    '"',
    "'",
    "-",
    "|",
    "a_b",
    "50%",
    "bejaia",
    "BÉJAÏA",
    "constanța",
    "kie",
    "lodz",
    "ki el",
    "kiel allemagne",
    "zzqx",
    "ô",
    "de la",
    '"kiel"',
    "k*",
    "kiel OR cadix",
    "a b c",
    "NEAR(kiel)",
    "moskva",
    "tromso",
    "da nang",
    "@",
    "ocean+",
    "e-mail",
    "inn'o",
]


def queries(seed: int, texts: list[str], count: int = 60) -> list[str]:
    """Substrings of the records' own folded text (1 to 8 letters, sometimes two of them)."""
    rng = random.Random(seed)
    found = list(FIXED)
    for _ in range(count):
        text = rng.choice(texts)
        if not text:
            continue
        size = rng.choice((1, 2, 3, 4, 6, 8))
        start = rng.randrange(max(1, len(text) - size + 1))
        query = text[start : start + size]
        if rng.random() < 0.3:
            other = rng.choice(texts)
            query += " " + other[: rng.choice((1, 3, 5))]
        found.append(query)
    return found


def ids(list_fn, query: str, **kwargs) -> list[str]:
    return [r["id"] for r in list_fn(query, **kwargs).rows]


def compare_with_like(monkeypatch, seed: int) -> int:
    """Every list, every query: the index gives exactly what LIKE gives (order included)."""
    checked = 0
    for name, (list_fn, model) in LISTS.items():
        texts = [r[0] for r in model.select(model.search).tuples()]
        for query in queries(seed, texts):
            with monkeypatch.context() as m:
                m.setattr(backend.current(), "indexed_terms", lambda _model, _terms: [])
                expected = ids(list_fn, query)
                expected_page = list_fn(query, offset=0, limit=3)
            assert ids(list_fn, query) == expected, (name, query)
            page = list_fn(query, offset=0, limit=3)
            assert ([r["id"] for r in page.rows], page.total, page.exact) == (
                [r["id"] for r in expected_page.rows],
                expected_page.total,
                expected_page.exact,
            ), (name, query)
            with monkeypatch.context() as m:  # the other query form: the list read in order
                m.setattr(sqlite_search, "MIN_MANY_MATCHES", 1)
                m.setattr(sqlite_search, "WALK_FACTOR", 0)
                assert ids(list_fn, query) == expected, (name, query, "walk")
            checked += 1
    return checked


def test_index_equals_like_on_the_brest_dataset(brest_db, monkeypatch):
    assert backend.of(brest_db).search_indexed_tables(brest_db) == {
        "partner",
        "programme",
        "organisation",
        "contact",
        "event",  # migration 5, for the global search
    }
    assert compare_with_like(monkeypatch, seed=7) > 300


def test_index_equals_like_on_generated_data(tmp_path, monkeypatch):
    from relations_app import bootstrap

    demo_data.generate(
        DatabaseLocation.file(tmp_path / "demo.db"), demo_data.Sizes(40, 80, 150), seed=3
    )
    bootstrap.open_app_database(DatabaseLocation.file(tmp_path / "demo.db"))
    try:
        assert compare_with_like(monkeypatch, seed=11) > 300
        assert SQLITE.search_index_problems(database.obj) == []
    finally:
        bootstrap.close()


def test_filters_sort_and_paging_combine_with_the_index(brest_db):
    rimouski = partners.list_partners("rimouski").rows[0]["id"]
    assert [
        r["title"]
        for r in programmes.list_programmes("ocean", partner_id=rimouski, sort="start").rows
    ] == ["OCEAN", "OCEAN 2", "OCEAN+", "CREA OCEAN"]
    page = partners.list_partners("ville", sort="name", descending=True, offset=1, limit=2)
    everything = partners.list_partners("ville", sort="name", descending=True)
    assert [r["id"] for r in page.rows] == [r["id"] for r in everything.rows][1:3]
    assert page.total == everything.total and page.exact


def test_capped_count_says_at_least(brest_db, monkeypatch):
    from relations_app.services import listing

    monkeypatch.setattr(listing, "COUNT_CAP", 3)
    page = partners.list_partners("e", limit=2)
    assert len(page.rows) == 2 and page.total == 3 and not page.exact
    whole = partners.list_partners(limit=2)  # a whole table is counted exactly
    assert whole.total == 16 and whole.exact
    matching = len(partners.list_partners("e").rows)
    last = partners.list_partners("e", offset=matching - 1, limit=5)  # the end: known exactly
    assert last.exact and last.total == matching and len(last.rows) == 1


def found(name: str) -> bool:
    return bool(partners.list_partners(name).rows)


def consistent(db) -> None:
    assert backend.of(db).search_index_problems(db) == []


def test_index_follows_create_update_delete_undo_and_trash(brest_db):
    created = partners.create_partner(
        {"name": "Łódź", "country": "PL", "kind": "friendship_city", "aliases": ["Lodsch"]}
    )
    assert found("lodz") and found("lodsch")
    partners.update_partner(created["id"], {"name": "Gdańsk", "aliases": []})
    assert not found("lodz") and found("gdansk")
    consistent(brest_db)
    snap = partners.delete_partner(created["id"])
    assert not found("gdansk")
    removal.restore(json.loads(json.dumps(snap)))  # undo puts the raw rows back
    assert found("gdansk")
    consistent(brest_db)
    kiel = partners.list_partners("kiel").rows[0]["id"]
    entry = trash.move_to_trash("partners", kiel)
    assert not found("kiel")
    trash.restore(entry.id)
    assert found("kiel")
    giguere = contacts.list_contacts("giguere").rows[0]["id"]
    trash.move_to_trash("contacts", giguere)
    assert contacts.list_contacts("giguere").total == 0
    consistent(brest_db)


def test_index_follows_import_vacuum_and_erasure(brest_db, tmp_path):
    from relations_app.services import personal_data

    document = jsonio.export_document()
    document["partners"][0]["name"] = "Þórshöfn"
    jsonio.import_document(document)  # merges by id: an update of the first partner
    assert found("thorshofn")
    consistent(brest_db)
    giguere = contacts.list_contacts("giguere").rows[0]["id"]
    personal_data.erase_person(giguere)  # VACUUM and merging the index's segments
    assert contacts.list_contacts("giguere").total == 0
    assert contacts.list_contacts("gigu").total == 0
    consistent(brest_db)
    assert found("kiel") and found("thorshofn")


@pytest.mark.sqlite_only  # a server keeps its indexes in step itself
def test_check_reports_an_index_out_of_step_and_reindex_repairs_it(brest_db, tmp_path, capsys):
    from relations_app import bootstrap, checks, cli

    brest_db.execute_sql('DROP TRIGGER "partner_fts_update"')
    brest_db.execute_sql("UPDATE partner SET search = 'nowhere' WHERE name = 'Kiel'")
    report = checks.run_checks()
    assert not report.problems and "index de recherche" in report.index_problems[0]
    path = tmp_path / "brest.db"
    bootstrap.close()
    assert cli.main(["--db", str(path), "check"]) == 1
    assert cli.main(["--db", str(path), "check", "--reindex"]) == 0
    assert "reconstruits" in capsys.readouterr().out


@pytest.mark.sqlite_only
def test_without_fts5_search_uses_like(db, monkeypatch):
    monkeypatch.setattr(sqlite_search, "fts5_available", lambda _db: False)
    assert SQLITE.create_search_index(db, "partner") is False
    monkeypatch.setattr(SQLITE, "search_indexed_tables", lambda _db: frozenset())
    partners.create_partner({"name": "Tromsø", "country": "NO", "kind": "twin_city"})
    assert [r["name"] for r in partners.list_partners("tromso").rows] == ["Tromsø"]


@pytest.mark.parametrize("query", ["kiel", "ki", "k"])
def test_pickers_search_like_the_lists(brest_db, query):
    options = partners.AREA.options(limit=50, search=query)
    assert [i for i, _label in options] == ids(partners.list_partners, query)[:50]
    assert partners.AREA.option_labels([options[0][0], "nope"]) == {options[0][0]: options[0][1]}
