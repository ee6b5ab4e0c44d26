"""Each record type is declared once, and its declaration agrees with its service."""

import pytest

from relations_app.records import FORMER_KEYS, RECORD_TYPES, record_type, trashable
from relations_app.services import AREAS, GET_FUNCTIONS, LIST_FUNCTIONS, trash

pytestmark = pytest.mark.both_backends


@pytest.mark.parametrize("key", list(RECORD_TYPES))
def test_the_declaration_matches_its_service(brest_db, key):
    kind = RECORD_TYPES[key]
    assert AREAS[key].record_type is kind
    rows = LIST_FUNCTIONS[key]("", limit=5).rows
    assert rows, f"the bundled dataset has {kind.fr.plural}"
    for column in kind.export_columns:
        assert all(column.key in row for row in rows), column.key
    exported = {c.key for c in kind.export_columns}
    for column in kind.list_columns:
        assert set(column.exports) <= exported, column.key
        assert column.key in rows[0] and (not column.then or column.then in rows[0])
    assert GET_FUNCTIONS[key](rows[0]["id"])["id"] == rows[0]["id"]


def test_references_name_declared_record_types():
    for kind in RECORD_TYPES.values():
        for path, target in kind.references.items():
            assert target in RECORD_TYPES, (kind.key, path)


def test_one_name_per_collection_and_former_names_lead_to_it():
    assert FORMER_KEYS == {"diplomatic_posts": "posts"}
    assert record_type("diplomatic_posts") is record_type("posts")
    assert not set(FORMER_KEYS) & set(RECORD_TYPES)
    assert set(trash.TRASHABLE) == {t.key for t in trashable()}


def test_french_nouns_and_articles():
    assert [t.label_fr for t in RECORD_TYPES.values()] == [
        "le partenaire",
        "le programme",
        "l'organisation",
        "le contact",
        "le poste diplomatique",
        "le consulat",
        "l'événement",
        "la délégation",
    ]
    assert RECORD_TYPES["contacts"].counted_fr(10000) == "10\u202f000 contacts"
