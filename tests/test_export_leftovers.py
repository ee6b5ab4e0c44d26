"""A kill while an export is written leaves its staged file beside the export; the next
write of that file removes it (only files named exactly so, whose writer is gone)."""

import os
import time

from kill_helpers import KILLED_DURING_EXPORT, killed_once_staged

from relations_app.files import STALE_AFTER, write_text_atomically


def test_a_killed_export_leaves_a_file_the_next_export_removes(tmp_path):
    target = tmp_path / "contacts.json"
    staged, pid = killed_once_staged(KILLED_DURING_EXPORT, target, tmp_path / "staged.txt")
    assert staged.parent == tmp_path and staged.name.startswith(f".contacts.json.{pid}-")
    assert "Giguère" in staged.read_text(encoding="utf-8") and not target.exists()
    not_ours = [
        tmp_path / ".contacts.json.notes",
        tmp_path / f".autre.json.{pid}-abcdefgh.tmp",  # another file's
        tmp_path / f".contacts.json.{os.getpid()}-abcdefgh.tmp",  # being written now
        tmp_path / ".contacts.json.abcdefgh.tmp",  # earlier naming, not stale yet
    ]
    for path in not_ours:
        path.write_text("x")
    old_style = tmp_path / ".contacts.json.zyxwvuts.tmp"
    old_style.write_text("x")
    long_ago = time.time() - STALE_AFTER - 60
    os.utime(old_style, (long_ago, long_ago))

    write_text_atomically(target, "{}\n")

    assert target.read_text() == "{}\n"
    assert not staged.exists() and not old_style.exists()
    assert all(path.exists() for path in not_ours)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == sorted(
        p.name for p in not_ours if p.name.endswith(".tmp")
    )
