"""Every service write waits for another connection's write lock and tries again.

A second connection (another window, another instance) holds the write lock for longer
than this connection's lock wait; each write must still succeed, through the one retry
helper (:mod:`relations_app.db.retry`), and fail with the "locked" fault without it.
"""

from __future__ import annotations

import sqlite3

import pytest
from lock_helpers import hold_lock

from relations_app import jsonio
from relations_app.db import retry
from relations_app.faults import fault_from
from relations_app.services import partners, removal, trash

LOCK_SECONDS = 0.4  # longer than the lock wait below, shorter than the retries' pauses
WAIT_MS = 100


def kiel_id():
    return partners.list_partners("kiel").rows[0]["id"]


def changed_document(record_id):
    """The whole export, with the partner's population changed (an import updates it)."""
    document = jsonio.export_document()
    for partner in document["partners"]:
        if partner["id"] == record_id:
            partner["population"] = 4
    return document


def delete(record_id):
    return partners.delete_partner(record_id)


def restore(record_id):
    snap = partners.delete_partner(record_id)
    return lambda: removal.restore(snap)


def to_trash(record_id):
    return trash.move_to_trash("partners", record_id)


def from_trash(record_id):
    entry = trash.move_to_trash("partners", record_id)
    return lambda: trash.restore(entry.id)


WRITES = {
    "create": lambda _id: partners.create_partner(
        {"name": "Tromsø", "country": "NO", "kind": "twin_city"}
    ),
    "update": lambda record_id: partners.update_partner(record_id, {"population": 3}),
    "delete": delete,
    "trash": to_trash,
    "import": lambda record_id: jsonio.import_document(changed_document(record_id)),
}
#: writes that need something done first (outside the lock): prepare(id) -> the write
PREPARED = {"restore (undo)": restore, "restore from the trash": from_trash}


def run_under_lock(brest_db, tmp_path, write):
    brest_db.execute_sql(f"PRAGMA busy_timeout = {WAIT_MS}")
    locker = hold_lock(tmp_path / "brest.db", LOCK_SECONDS, "BEGIN IMMEDIATE")
    try:
        return write()
    finally:
        locker.join()


@pytest.mark.parametrize("name", [*WRITES, *PREPARED])
def test_each_write_is_retried_while_another_connection_writes(brest_db, tmp_path, name):
    record_id = kiel_id()
    if name in WRITES:
        write = lambda: WRITES[name](record_id)  # noqa: E731
    else:
        write = PREPARED[name](record_id)
    run_under_lock(brest_db, tmp_path, write)
    present = partners.AREA.model.get_or_none(partners.AREA.model.id == record_id)
    assert (present is None) == (name in ("delete", "trash")), name
    if name in ("update", "import"):
        assert partners.get_partner(record_id)["population"] == (3 if name == "update" else 4)


@pytest.mark.parametrize("name", ["delete", "restore (undo)"])
def test_without_the_retry_the_same_write_fails_as_locked(brest_db, tmp_path, monkeypatch, name):
    record_id = kiel_id()
    write = (lambda: delete(record_id)) if name == "delete" else restore(record_id)
    monkeypatch.setattr(retry, "ATTEMPTS", 1)
    with pytest.raises(Exception) as info:
        run_under_lock(brest_db, tmp_path, write)
    assert fault_from(info.value).kind == "locked"


def test_no_retry_inside_an_enclosing_transaction(brest_db):
    """A retry could not restart the caller's transaction: the error goes up at once."""
    calls = []

    def busy():
        calls.append(1)
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError), brest_db.atomic():
        retry.retry_if_busy(busy, pause=0)
    assert calls == [1]
    with pytest.raises(sqlite3.OperationalError):
        retry.retry_if_busy(busy, pause=0)
    assert len(calls) == 1 + retry.ATTEMPTS
