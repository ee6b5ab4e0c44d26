"""Who the history names: the OS account on a local file."""

from __future__ import annotations

import getpass

from relations_app.db import backend
from relations_app.db.models import database
from relations_app.db.sqlite import connection


def test_a_local_file_names_the_os_account(db):
    assert backend.current().user_name(database) == getpass.getuser()


def test_no_account_name_at_all_is_said_so(monkeypatch):
    def nobody() -> str:
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.setattr(getpass, "getuser", nobody)
    assert connection.os_user_name() == "inconnu"
