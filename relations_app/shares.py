"""Is a database file on a network share?  SQLite is not safe there.

SQLite relies on the file system's locks and on writes reaching the disk in order; NFS,
SMB/CIFS and the FUSE network file systems do not guarantee either (SQLite's own "How To
Corrupt An SQLite Database File", §2).  Two PCs opening the same file on a share can
damage it, and a network cut can break a save half-way.  The office's way to work
together is the shared server; at start the window warns when a local file turns out to
live on a share (:func:`network_share`), so that nobody does it by accident.

On Linux the mount holding the file is read from ``/proc/self/mountinfo`` (the longest
mount point above the file's real path) and its file system type compared with
:data:`NETWORK_TYPES`; on Windows a UNC path (``\\\\serveur\\partage``) or a drive the
system reports as remote is a share.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from .i18n import _

MOUNTINFO = Path("/proc/self/mountinfo")

#: file system types of network shares (mountinfo's names)
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "smb2",
        "9p",
        "afs",
        "ncpfs",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "sshfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.cephfs",
        "fuse.s3fs",
        "fuse.smbnetfs",
    }
)


@dataclass(frozen=True)
class Mount:
    point: str  # where it is mounted
    fstype: str  # "nfs4", "cifs"…
    source: str  # what is mounted ("srv:/export", "//srv/partage")

    @property
    def is_network(self) -> bool:
        return self.fstype in NETWORK_TYPES


_ESCAPE = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    """mountinfo writes a space as ``\\040``, a tab as ``\\011``…"""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of a ``/proc/self/mountinfo`` text (lines it cannot read are skipped)."""
    mounts = []
    for line in text.splitlines():
        before, sep, after = line.partition(" - ")
        fields, tail = before.split(), after.split()
        if not sep or len(fields) < 5 or len(tail) < 2:
            continue
        mounts.append(Mount(_unescape(fields[4]), tail[0], _unescape(tail[1])))
    return mounts


def mount_of(path: str | os.PathLike[str], mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path``: the longest mount point above it (the last one mounted
    there, as mountinfo lists them in order)."""
    target = PurePath(path)
    best: Mount | None = None
    for mount in mounts:
        point = PurePath(mount.point)
        if (target == point or point in target.parents) and (
            best is None or len(point.parts) >= len(PurePath(best.point).parts)
        ):
            best = mount
    return best


def _real(path: Path) -> Path:
    """The path with its links resolved, through its nearest existing folder (the file
    itself may not exist yet)."""
    path = Path(os.path.abspath(path))
    missing: list[str] = []
    while not path.exists() and path.parent != path:
        missing.append(path.name)
        path = path.parent
    return path.resolve().joinpath(*reversed(missing))


def _windows_share(path: Path) -> Mount | None:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return Mount(text, "smb", text)
    drive = path.drive
    if os.name == "nt" and drive:
        import ctypes

        DRIVE_REMOTE = 4
        if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE:  # type: ignore[attr-defined]
            return Mount(drive, "smb", drive)
    return None


def network_share(path: str | os.PathLike[str], mountinfo: str | None = None) -> Mount | None:
    """The network share ``path`` is on, or None (a local disk, or nothing to tell by).

    ``mountinfo`` is a mount table's text (tests); by default this process's."""
    share = _windows_share(Path(path))  # a UNC path is told before any resolving
    if share is not None or os.name == "nt":
        return share
    real = _real(Path(path))
    if mountinfo is None:
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None  # no mount table (not Linux): nothing to tell by
    found = mount_of(real, parse_mountinfo(mountinfo))
    return found if found is not None and found.is_network else None


def warning(path: str | os.PathLike[str], share: Mount) -> str:
    """Why a database file should not stay on that share, and what to use, in French."""
    return _(
        "Le fichier {path} est sur un partage réseau ({fstype} : {source}). SQLite n'y est "
        "pas sûr : deux postes qui l'ouvrent en même temps peuvent l'endommager, et une "
        "coupure du réseau peut interrompre un enregistrement. Pour travailler à plusieurs, "
        "utilisez le serveur partagé : Fichier › Préférences › Base de données › Serveur "
        "partagé (voir le README, « Serveur partagé »)."
    ).format(path=path, fstype=share.fstype, source=share.source)
