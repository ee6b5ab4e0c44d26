"""A local database file on a network share (NFS, SMB/CIFS, sshfs…) is found at start, from
the mount table, and the person is told to use the shared server instead."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from relations_app import bootstrap, shares
from relations_app.location import DatabaseLocation
from ui.safety import startup

MOUNTS = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
30 22 0:26 / /home rw,relatime shared:2 - ext4 /dev/sda2 rw
41 22 0:44 / /mnt/bureau rw,relatime shared:20 - nfs4 fichiers.mairie:/bureau rw,vers=4.2
42 22 0:45 / /media/partage\\040commun rw,relatime shared:21 - cifs //srv-ri/commun rw
43 30 0:46 / /home/anne/distant rw,nosuid shared:22 - fuse.sshfs anne@srv:/data rw
44 41 0:47 / /mnt/bureau/local rw,relatime shared:23 - ext4 /dev/sdb1 rw
"""


def test_the_mount_holding_a_file_tells_a_share_from_a_local_disk():
    found = shares.network_share("/mnt/bureau/ri/relations.db", MOUNTS)
    assert found == shares.Mount("/mnt/bureau", "nfs4", "fichiers.mairie:/bureau")
    smb = shares.network_share("/media/partage commun/relations.db", MOUNTS)
    assert smb is not None and smb.fstype == "cifs" and smb.source == "//srv-ri/commun"
    assert shares.network_share("/home/anne/distant/r.db", MOUNTS).fstype == "fuse.sshfs"
    assert shares.network_share("/home/anne/relations.db", MOUNTS) is None  # ext4
    assert shares.network_share("/mnt/bureau/local/relations.db", MOUNTS) is None  # deeper
    assert shares.network_share("/mnt/bureaux/relations.db", MOUNTS) is None  # not a prefix
    assert shares.network_share("//srv-ri/commun/relations.db", "").fstype == "smb"  # UNC
    assert shares.parse_mountinfo("garbage\n\n") == []


def test_the_warning_names_the_share_and_the_shared_server():
    share = shares.Mount("/mnt/bureau", "nfs4", "fichiers.mairie:/bureau")
    text = shares.warning("/mnt/bureau/relations.db", share)
    assert "partage réseau (nfs4 : fichiers.mairie:/bureau)" in text
    assert "Serveur partagé" in text and "endommager" in text


def answer_share_warning(told: list, silence: bool) -> None:
    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.objectName() == "networkShareWarning"
                and widget.isVisible()
            ):
                told.append(widget.text())
                widget.checkBox().setChecked(silence)
                widget.accept()
                return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)


def test_a_file_on_a_share_is_warned_about_at_start_until_told_not_to(
    qapp, qtbot, tmp_path, monkeypatch
):
    from ui.shell import app as ui_app

    ui_app.install_translators(qapp, "fr")
    table = tmp_path / "mountinfo"
    table.write_text(
        MOUNTS + f"50 22 0:50 / {tmp_path.resolve()} rw - nfs4 fichiers.mairie:/ri rw\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(shares, "MOUNTINFO", table)
    location = DatabaseLocation.file(tmp_path / "relations.db")
    told: list[str] = []
    answer_share_warning(told, silence=False)
    report = startup.open_database(location)
    assert report is not None and report.ok  # warned, then opened as usual
    bootstrap.close()
    assert len(told) == 1 and "partage réseau (nfs4 : fichiers.mairie:/ri)" in told[0]
    assert "Serveur partagé" in told[0]
    answer_share_warning(told, silence=True)  # "ne plus afficher pour ce fichier"
    assert startup.warn_if_on_share(location)
    assert len(told) == 2
    assert not startup.warn_if_on_share(location)  # not again for this file
    other = DatabaseLocation.file(tmp_path / "autre.db")
    answer_share_warning(told, silence=False)
    assert startup.warn_if_on_share(other) and len(told) == 3  # another file still is
    monkeypatch.setattr(shares, "MOUNTINFO", tmp_path / "absent")
    assert not startup.warn_if_on_share(DatabaseLocation.file(tmp_path / "x.db"))
