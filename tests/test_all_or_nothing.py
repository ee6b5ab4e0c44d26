"""All or nothing: a process killed (SIGKILL) in the middle of an import or a restore leaves
the database exactly as before or exactly as after, and sound.

Each test repeats the kill at a few random moments of the work (the seed is printed on
failure, to replay it).  "Nothing acknowledged is lost": once the child has said the work
was committed, the database must hold all of it.
"""

import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid

import pytest

from relations_app import backups, bootstrap, dataset, jsonio
from relations_app.location import DatabaseLocation

pytestmark = pytest.mark.both_backends

RUNS = 5


#: The history's change sets say when they were written: two runs of the same work differ
#: there only.
WRITTEN_AT = re.compile(r"""^(INSERT INTO "change_set" VALUES\(\d+,)'[^']*'""")


def digest(path):
    """The database's whole content (schema and rows, but the history's times), after
    SQLite's own recovery."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        lines = (WRITTEN_AT.sub(r"\1'…'", line) for line in conn.iterdump())
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def big_document():
    """Updates to every Brest record plus 1,500 new partners and 1,500 new contacts."""
    document = dataset.bundled_document()
    for partner in document["partners"]:
        partner["notes"] = "importé"
    document["partners"] += [
        {
            "id": str(uuid.uuid4()),
            "name": f"Ville {i}",
            "country": "DE",
            "kind": "twin_city",
            "summary": "x" * 300,
            "themes": ["mer", f"thème {i % 40}"],
        }
        for i in range(1500)
    ]
    document["contacts"] += [
        {
            "id": str(uuid.uuid4()),
            "family_name": f"Nom {i}",
            "given_name": "Anne",
            "email": f"anne.{i}@example.org",
        }
        for i in range(1500)
    ]
    return document


CHILD = """
import sys
from pathlib import Path
from relations_app import backups, bootstrap, jsonio
from relations_app.location import DatabaseLocation
work, location, source = sys.argv[1], DatabaseLocation.file(sys.argv[2]), Path(sys.argv[3])
if work == "import":
    bootstrap.open_app_database(location)
    plan = jsonio.validate_document(jsonio.read_document(source))
    print("started", flush=True)
    jsonio.apply_plan(plan)
else:
    print("started", flush=True)
    backups.restore_backup(location, source)
print("committed", flush=True)
"""


def kill_at_random_moments(tmp_path, work, start_file, source, duration, expected):
    """Run ``work`` RUNS times from ``start_file``, SIGKILL it at a random moment."""
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    outcomes = []
    for run in range(RUNS):
        db_path = tmp_path / f"run{run}" / "r.db"
        db_path.parent.mkdir()
        shutil.copy(start_file, db_path)
        child = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(CHILD), work, str(db_path), str(source)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout.readline().strip() == "started", child.stderr.read()
        time.sleep(rng.uniform(0, duration))
        os.kill(child.pid, signal.SIGKILL)
        out, _err = child.communicate(timeout=60)
        acknowledged = "committed" in out
        state = digest(db_path)
        where = f"seed {seed}, run {run}"
        assert state in expected.values(), f"neither before nor after ({where})"
        if acknowledged:
            assert state == expected["after"], f"committed work lost ({where})"
        outcomes.append(next(k for k, v in expected.items() if v == state))
    return outcomes


@pytest.fixture
def brest_file(tmp_path):
    path = tmp_path / "start" / "r.db"
    path.parent.mkdir()
    bootstrap.open_app_database(DatabaseLocation.file(path))
    bootstrap.close()
    return path


def test_import_killed_at_random_moments(brest_file, tmp_path):
    source = tmp_path / "big.json"
    source.write_text(json.dumps(big_document()), encoding="utf-8")
    # the same import once to the end, in this process: the "after" state and its duration
    after_file = tmp_path / "after" / "r.db"
    after_file.parent.mkdir()
    shutil.copy(brest_file, after_file)
    bootstrap.open_app_database(DatabaseLocation.file(after_file))
    plan = jsonio.validate_document(jsonio.read_document(source))
    began = time.monotonic()
    jsonio.apply_plan(plan)
    duration = time.monotonic() - began
    bootstrap.close()
    expected = {"before": digest(brest_file), "after": digest(after_file)}
    outcomes = kill_at_random_moments(
        tmp_path, "import", brest_file, source, duration * 1.1, expected
    )
    assert "before" in outcomes  # at least one kill landed before the commit


def test_restore_killed_at_random_moments(brest_file, tmp_path):
    # a large copy to restore (the "after" state) over the Brest database (the "before")
    big = tmp_path / "big" / "r.db"
    big.parent.mkdir()
    shutil.copy(brest_file, big)
    bootstrap.open_app_database(DatabaseLocation.file(big))
    jsonio.import_document(big_document())
    bootstrap.close()
    copy = backups.create_backup(DatabaseLocation.file(big), tmp_path / "copy.db")
    trial = tmp_path / "trial" / "r.db"
    trial.parent.mkdir()
    shutil.copy(brest_file, trial)
    began = time.monotonic()
    backups.restore_backup(DatabaseLocation.file(trial), copy)
    duration = time.monotonic() - began
    expected = {"before": digest(brest_file), "after": digest(trial)}
    kill_at_random_moments(tmp_path, "restore", brest_file, copy, duration * 1.2, expected)
