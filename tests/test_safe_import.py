"""The safety copy before an import: made by the domain, first, and never skipped."""

from __future__ import annotations

import pytest

from relations_app import backups
from relations_app.exchange import safe_import
from relations_app.exchange.common import ExchangeError
from relations_app.location import DatabaseLocation
from relations_app.services import partners


def test_the_copy_is_taken_before_the_import_writes(brest_db, tmp_path):
    db_path = tmp_path / "brest.db"
    before = partners.list_partners("").total
    seen = []

    def apply():
        seen.append([info.reason for info in backups.list_backups(DatabaseLocation.file(db_path))])
        return "fait"

    done = safe_import.import_with_copy(apply)
    assert done.result == "fait" and done.copy.exists()
    assert "avant-import" in seen[0]  # the copy existed when the import started writing
    assert partners.list_partners("").total == before


def test_no_copy_no_import(brest_db, monkeypatch):
    def refuse(_path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "copy_before_import", refuse)
    applied = []
    with pytest.raises(OSError):
        safe_import.import_with_copy(lambda: applied.append(True))
    assert applied == []


def test_an_import_without_a_database_file_is_refused(monkeypatch):
    monkeypatch.setattr(safe_import.database, "obj", None)
    with pytest.raises(ExchangeError, match="aucune base"):
        safe_import.import_with_copy(lambda: None)
