"""The change feed and the back ends' watches behind live refresh (issue 13).

The feed lists, in one query, what others wrote since the last look (record type, id,
version, who, when), leaves out the writer's own sets, and says "everything" when it
cannot list (a restore replaced the history, a batch too large).  The watch wakes on
another connection's commit only: SQLite's ``data_version`` on a connection of its own,
PostgreSQL's NOTIFY, sent at commit and not on a rollback; idle, it costs one pragma per
poll on SQLite and nothing on PostgreSQL.
"""

from __future__ import annotations

import select

import pytest

from relations_app.db import backend
from relations_app.db.models import ChangeSet, database
from relations_app.services import NotFoundError, change_feed, contacts, history, partners

pytestmark = pytest.mark.both_backends


@pytest.fixture
def watch(brest_location):
    found = change_feed.watch(brest_location)
    yield found
    found.close()


def kiel() -> dict:
    return partners.get_partner(partners.list_partners("kiel").rows[0]["id"])


def woken_soon(watch, seconds: float = 5.0) -> bool:
    """Whether the watch wakes (its socket readable, or its poll seeing a change)."""
    if watch.fileno is not None and not select.select([watch.fileno], [], [], seconds)[0]:
        return False
    return watch.woken()


class Statements:
    """Counts the statements the models' database runs."""

    def __init__(self, monkeypatch):
        self.sql: list[str] = []
        real = database.obj.execute_sql

        def counted(sql, params=None, *args, **kwargs):
            self.sql.append(sql)
            return real(sql, params, *args, **kwargs)

        monkeypatch.setattr(database.obj, "execute_sql", counted)


def test_the_feed_lists_others_changes_with_who_when_and_version(brest_db):
    feed = change_feed.ChangeFeed("window-a")
    record = kiel()
    after = partners.AREA.update(record["id"], {"population": 250000}, record["version"])
    gone = contacts.list_contacts("").rows[0]
    contacts.AREA.delete(gone["id"])
    batch = feed.read()
    assert not batch.everything
    assert [(c.collection, c.record_id, c.kind) for c in batch.changes] == [
        ("partners", record["id"], "changed"),
        ("contacts", gone["id"], "deleted"),
    ]
    first = batch.changes[0]
    assert first.version == after["version"] and first.label == "Kiel"
    assert first.user == history.user_name() and first.at.tzinfo is not None
    assert batch.changes[1].removed and batch.collections == {"partners", "contacts"}
    assert not feed.read()  # nothing new since


def test_a_writers_own_sets_are_left_out(brest_db):
    mine, theirs = change_feed.ChangeFeed("a"), change_feed.ChangeFeed("b")
    record = kiel()
    with history.writing_as("a"):
        partners.AREA.update(record["id"], {"population": 1}, record["version"])
    assert not mine.read()
    assert [c.record_id for c in theirs.read().changes] == [record["id"]]


def test_one_query_reads_a_batch_however_many_changes(brest_db, monkeypatch):
    feed = change_feed.ChangeFeed()
    for n in range(40):
        contacts.AREA.create({"family_name": f"Personne {n}", "given_name": "Awa"})
    statements = Statements(monkeypatch)
    batch = feed.read()
    assert len(batch.changes) == 40
    assert len(statements.sql) == 1


def test_a_batch_too_large_to_list_says_everything(brest_db, monkeypatch):
    monkeypatch.setattr(change_feed, "BATCH_LINES", 5)
    feed = change_feed.ChangeFeed()
    with database.atomic(), history.batch("import", "contacts.csv"):
        for n in range(8):
            contacts.AREA.create({"family_name": f"Personne {n}", "given_name": "Awa"})
    assert feed.read().everything
    contacts.AREA.create({"family_name": "Saponé", "given_name": "Awa"})
    assert [c.kind for c in feed.read().changes] == ["created"]  # listed again after


def test_a_history_replaced_under_the_feed_says_everything(brest_db):
    feed = change_feed.ChangeFeed()
    record = kiel()
    partners.AREA.update(record["id"], {"population": 1}, record["version"])
    assert feed.read().changes
    # as a restore does: the copy's history, whose last set is not the one seen
    ChangeSet.delete().where(ChangeSet.id == feed.last_id).execute()
    assert feed.read().everything
    assert not feed.read()


def test_the_watch_wakes_on_another_connections_commit_only(brest_db, watch):
    assert not watch.woken()  # nothing happened
    record = kiel()
    partners.AREA.update(record["id"], {"population": 1}, record["version"])
    assert woken_soon(watch)
    assert not watch.woken()  # taken


def test_a_rolled_back_write_wakes_no_listener(brest_db, watch):
    record = kiel()
    with pytest.raises(RuntimeError), database.atomic():
        partners.AREA.update(record["id"], {"population": 1}, record["version"])
        raise RuntimeError("given up")
    if watch.fileno is not None:  # PostgreSQL: the NOTIFY went with the transaction
        select.select([watch.fileno], [], [], 0.5)
    assert not watch.woken()
    assert partners.get_partner(record["id"])["population"] == record["population"]


def test_idle_the_watch_asks_nothing_of_the_models_connection(brest_db, watch, monkeypatch):
    statements = Statements(monkeypatch)
    for _ in range(5):
        assert not watch.woken()
    assert statements.sql == []


@pytest.mark.sqlite_only
def test_on_a_file_an_idle_poll_is_one_pragma(brest_db, watch):
    seen: list[str] = []
    watch._conn.set_trace_callback(seen.append)
    for _ in range(5):
        watch.woken()
    assert seen == ["PRAGMA data_version"] * 5


def test_the_engine_announces_each_set_on_postgresql_only(brest_db, monkeypatch):
    statements = Statements(monkeypatch)
    record = kiel()
    partners.AREA.update(record["id"], {"population": 1}, record["version"])
    notified = [s for s in statements.sql if "pg_notify" in s]
    assert len(notified) == (1 if backend.current().dialect == "postgresql" else 0)


def test_what_changed_is_the_stale_refusal_before_any_save(brest_db):
    opened = kiel()
    partners.AREA.update(opened["id"], {"website": "https://www.kiel.de/fr"})
    refusal = change_feed.what_changed("partners", opened["id"], opened["version"])
    assert "modifié ailleurs" in str(refusal) and "Site web" in str(refusal)
    assert refusal.expected_version == opened["version"]
    gone = contacts.get_contact(contacts.list_contacts("").rows[0]["id"])
    contacts.AREA.delete(gone["id"])
    with pytest.raises(NotFoundError):
        change_feed.what_changed("contacts", gone["id"], gone["version"])


def test_a_restore_wakes_the_watch_and_reloads_everything(brest_db, brest_location, tmp_path):
    from relations_app import backups

    copy = backups.create_backup(brest_location, tmp_path / "copie.db")
    feed = change_feed.ChangeFeed()
    record = kiel()
    partners.AREA.update(record["id"], {"population": 1}, record["version"])
    watch = change_feed.watch(brest_location)
    try:
        backups.restore_backup(brest_location, copy)
        assert woken_soon(watch)
    finally:
        watch.close()
    assert feed.read().everything
