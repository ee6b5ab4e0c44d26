"""The global search finds records by their long texts too (issue 12 §1, migration 12): a
word of a partner's presentation, a delegation's talking points or a consulate's notes,
accent-insensitively, ranked after every name match, shown with the field it was found in
and the words around it; on SQLite and PostgreSQL, in step with every way texts change."""

from __future__ import annotations

import json

import pytest
from migration_helpers import dataset_file, fill_from

from relations_app import checks, cli, jsonio
from relations_app.db import backend, migrations, statements
from relations_app.db.models import Consulate, Delegation, Partner, Programme, database
from relations_app.db.sqlite import SQLITE
from relations_app.db.texts import folded_texts
from relations_app.location import DatabaseLocation
from relations_app.services import global_search, partners, removal, trash

pytestmark = pytest.mark.both_backends


def _group(results, key):
    return next((g for g in results.groups if g.key == key), None)


def _labels(results, key):
    group = _group(results, key)
    return [h.label for h in group.hits] if group else []


def test_a_word_found_only_in_a_presentation_accents_folded(brest_db):
    """ "nevralgiques" is in Constanţa's presentation only ("névralgiques"), nowhere in a
    name: found, with the field named and the words around it."""
    results = global_search.search_everything("nevralgiques")
    hit = _group(results, "partners").hits[0]
    assert hit.label == "Constanţa" and hit.rank == global_search.IN_TEXT
    assert hit.found_in == "Présentation"
    assert hit.detail.startswith("Présentation : ")
    assert "points névralgiques de la mer Noire" in hit.detail
    assert hit.opens == ("partners", Partner.get(Partner.name == "Constanţa").id)
    # not in "tout voir": the partners' list searches names
    assert not _group(results, "partners").listable
    assert global_search.search_everything("zzqxw nevralgiques").groups == []


def test_a_delegation_text_and_a_consulate_note(brest_db):
    results = global_search.search_everything("cooperent")  # "coopèrent"
    delegation = _group(results, "delegations").hits[0]
    assert delegation.label == Delegation.get().title
    assert delegation.found_in == "Enjeux" and "coopèrent" in delegation.detail
    consulates = global_search.search_everything("virgule")  # in the Danish consulate's notes
    hit = _group(consulates, "consulates").hits[0]
    assert hit.id == Consulate.get(Consulate.country == "DK").id
    assert hit.found_in == "Notes" and "sans virgule" in hit.detail


def test_name_matches_rank_before_text_matches(brest_db):
    results = global_search.search_everything("cadix")
    partners_group = _group(results, "partners")
    assert partners_group.hits[0].label == "Cadix"
    assert partners_group.hits[0].rank == global_search.EXACT
    assert partners_group.hits[0].found_in == ""  # its name, not a text
    in_text = [h for h in partners_group.hits if h.found_in]
    assert in_text and all(h.rank == global_search.IN_TEXT for h in in_text)
    assert partners_group.hits.index(in_text[0]) > 0
    assert partners_group.listable  # the names' list still opens with "tout voir"
    # scoped: only the programmes' texts
    scoped = global_search.search_everything("programme: cadix")
    assert [g.key for g in scoped.groups] == ["programmes"]
    assert scoped.groups[0].hits[0].found_in == "Description"


def test_the_long_texts_of_every_type_in_one_statement(brest_db, engine):
    """SQLite reads which tables have a texts index from its schema (in-process), then one
    UNION ALL searches every record type; a server answers the catalogue from its cache."""
    terms = ["cooperation", "portuaire"]
    global_search.text_matches(global_search.KINDS, terms)  # the catalogue read once
    with statements.counting() as count:
        found = global_search.text_matches(global_search.KINDS, terms)
    assert count.statements <= (2 if engine == "sqlite" else 1), count.sql
    assert sum("UNION ALL" in sql for sql in count.sql) == 1
    assert found  # Brest's texts speak of port cooperation
    with statements.counting() as count:
        global_search.search_everything("nevralgiques")
    assert sum("UNION ALL" in sql for sql in count.sql) == 1


def test_the_result_follows_an_edit_an_undo_the_trash_and_an_import(brest_db):
    kiel = Partner.get(Partner.name == "Kiel")

    def found() -> list[str]:
        return [h.id for h in _group_hits(global_search.search_everything("zythologie"))]

    def _group_hits(results):
        group = _group(results, "partners")
        return group.hits if group else []

    before = partners.get_partner(kiel.id)
    partners.update_partner(kiel.id, {"notes": "Festival de la zythologie balte."})
    assert found() == [kiel.id]
    partners.update_partner(kiel.id, {"notes": before["notes"]})  # what undo writes back
    assert found() == []
    partners.update_partner(kiel.id, {"history": "Zythologie : échanges de brasseurs."})
    snap = partners.delete_partner(kiel.id)
    assert found() == []
    removal.restore(json.loads(json.dumps(snap)))  # undoing the deletion
    assert found() == [kiel.id]
    entry = trash.move_to_trash("partners", kiel.id)
    assert found() == []
    trash.restore(entry.id)
    assert found() == [kiel.id]
    document = jsonio.export_document()
    for record in document["partners"]:
        if record["id"] == kiel.id:
            record["history"] = "Jumelage."
        if record["name"] == "Cadix":
            record["summary"] = "Patrie de la zythologie andalouse."
    jsonio.import_document(document)
    cadix = Partner.get(Partner.name == "Cadix").id
    assert found() == [cadix]
    assert backend.of(brest_db).search_index_problems(brest_db) == []


def test_a_trash_item_made_before_the_texts_column_is_restored_with_them(brest_db):
    kiel = Partner.get(Partner.name == "Kiel")
    snap = partners.delete_partner(kiel.id)
    for item in snap["deleted"]:
        item["row"].pop("texts", None)  # as a snapshot taken at version 11
    removal.restore(snap)
    assert Partner.get_by_id(kiel.id).texts == folded_texts("partner", kiel.__data__)
    assert _labels(global_search.search_everything("chantiers navals"), "partners") == ["Kiel"]


def test_check_is_clean_on_a_fresh_database_and_on_brest(db, brest_db):
    for database_ in (db, brest_db):
        database.initialize(database_)
        assert backend.of(database_).search_index_problems(database_) == []
    assert checks.run_checks().ok


@pytest.mark.sqlite_only  # a server keeps its indexes in step itself
def test_check_reports_the_texts_index_out_of_step_and_reindex_repairs_it(
    brest_db, tmp_path, capsys
):
    from relations_app import bootstrap

    brest_db.execute_sql('DROP TRIGGER "partner_texts_fts_update"')
    brest_db.execute_sql("UPDATE partner SET texts = 'nulle part' WHERE name = 'Kiel'")
    report = checks.run_checks()
    assert not report.problems
    assert report.index_problems == [
        "l'index de recherche des textes de la table partner ne correspond plus aux enregistrements"
    ]
    bootstrap.close()
    path = tmp_path / "brest.db"
    assert cli.main(["--db", str(path), "check"]) == 1
    assert "check --reindex" in capsys.readouterr().out
    assert cli.main(["--db", str(path), "check", "--reindex"]) == 0
    assert "Intégrité : OK." in capsys.readouterr().out


@pytest.mark.sqlite_only
def test_migration_12_fills_the_texts_of_a_version_11_database(tmp_path):
    source = dataset_file(tmp_path)
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v11.db"))
    try:
        assert migrations.migrate(db, target=3) == [1, 2, 3]
        fill_from(db, source)  # the rows, then the search indexes are built from them
        assert migrations.migrate(db, target=11) == list(range(4, 12))
        assert migrations.migrate(db) == [12]
        assert SQLITE.texts_indexed_tables(db) == {
            "partner",
            "programme",
            "organisation",
            "contact",
            "consulate",
            "delegation",
            "event",
        }
        for programme in Programme.select():
            assert programme.texts == folded_texts("programme", programme.__data__)
        assert SQLITE.search_index_problems(db) == []
        assert _labels(global_search.search_everything("nevralgiques"), "partners") == ["Constanţa"]
    finally:
        SQLITE.close()


def test_the_long_texts_searched_from_a_word_of_five_letters(brest_db):
    """A word of three or four letters starts countless words of the texts ("nevr"): the
    names answer alone; from the fifth letter the texts are searched too."""
    assert global_search.search_everything("nevr").groups == []
    hit = _group(global_search.search_everything("nevra"), "partners").hits[0]
    assert hit.label == "Constanţa" and hit.found_in == "Présentation"
    # a short word beside a long one: the long one lets the texts be searched
    assert _labels(global_search.search_everything("mer nevralgiques"), "partners") == ["Constanţa"]
