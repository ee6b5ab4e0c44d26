"""A throwaway PostgreSQL server for the tests: installed if missing, started, stopped.

The suite runs its service-level tests against both back ends; for PostgreSQL it needs a
server it may create databases on.  This script finds Debian's server binaries
(``/usr/lib/postgresql/N/bin``, or ``initdb`` on PATH), installs the ``postgresql``
package when they are missing (``apt-get`` as root, or through ``sudo`` without a
password prompt, else it says the one command to run), then ``initdb`` into a temporary
folder (as the ``postgres`` user when run as root: PostgreSQL refuses to run as root),
starts the server on 127.0.0.1 on a free port with durability off (a test server keeps
nothing), and removes it all when stopped.

Usage:
  python tools/pg_cluster.py install            make sure the server binaries are there
  python tools/pg_cluster.py run -- CMD ARGS…   start a server, run CMD with
                                                RELATIONS_TEST_PG set to its URL, stop it
Exit code: CMD's, or 1 with a message when PostgreSQL cannot be installed or started.
The tests' fixture (tests/conftest.py) uses :class:`Cluster` itself when RELATIONS_TEST_PG
is not set.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ENV_VAR = "RELATIONS_TEST_PG"
DEBIAN_ROOT = Path("/usr/lib/postgresql")
PACKAGE = "postgresql"
SERVER_USER = "postgres"  # the superuser role of the test cluster
START_TIMEOUT = 60  # seconds


class ClusterError(RuntimeError):
    """PostgreSQL could not be installed or started (the message says why)."""


def bin_dir() -> Path | None:
    """The newest server's binaries: Debian's layout first, then ``initdb`` on PATH."""
    if DEBIAN_ROOT.is_dir():
        versions = sorted(
            (p for p in DEBIAN_ROOT.iterdir() if (p / "bin" / "initdb").exists()),
            key=lambda p: int(re.sub(r"\D", "", p.name) or 0),
        )
        if versions:
            return versions[-1] / "bin"
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _privileged(command: list[str]) -> list[str] | None:
    if os.geteuid() == 0:
        return command
    if (
        shutil.which("sudo")
        and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    ):
        return ["sudo", "-n", *command]
    return None


def install() -> Path:
    """The binaries' folder, installing Debian's package first when there is none."""
    found = bin_dir()
    if found is not None:
        return found
    if shutil.which("apt-get") is None:
        raise ClusterError(
            "PostgreSQL is not installed and this system has no apt-get: install the "
            "PostgreSQL server (initdb, pg_ctl) and run again."
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", PACKAGE],
    ):
        runnable = _privileged(command)
        if runnable is None:
            raise ClusterError(f"PostgreSQL is not installed; run: sudo apt-get install {PACKAGE}")
        print("$", " ".join(runnable), flush=True)
        if subprocess.run(runnable, env=env).returncode != 0:
            raise ClusterError(f"'{' '.join(command)}' failed: PostgreSQL is not installed.")
    found = bin_dir()
    if found is None:
        raise ClusterError(f"The {PACKAGE} package installed no initdb.")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """One throwaway server: :meth:`start`, :attr:`url`, :meth:`stop`."""

    def __init__(self, binaries: Path | None = None, host_auth: str = "trust") -> None:
        """``host_auth``: how TCP logins are checked (``scram-sha-256`` for a server that
        asks passwords; the Unix socket in :attr:`folder` stays ``trust``)."""
        self.binaries = binaries or install()
        self.host_auth = host_auth
        self.folder = Path(tempfile.mkdtemp(prefix="relations-pg-"))
        self.data = self.folder / "data"
        self.port = 0
        self.options = ""
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.binaries / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, cwd=self.folder)

    def start(self) -> Cluster:
        if self.as_root:
            try:
                shutil.chown(self.folder, user=SERVER_USER)
            except (LookupError, PermissionError) as exc:
                raise ClusterError(f"No '{SERVER_USER}' user to run PostgreSQL as: {exc}") from exc
        done = self._run(
            "initdb", "-D", str(self.data), "-U", SERVER_USER, "--auth-local=trust",
            f"--auth-host={self.host_auth}",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        if done.returncode:
            raise ClusterError(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
        options = " ".join(
            (
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.folder}",
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "-c max_connections=200 -c track_commit_timestamp=on",
            )
        )
        self.options = options
        for _attempt in range(3):
            self.port = free_port()
            done = self._start()
            if done.returncode == 0:
                return self
            time.sleep(0.5)  # the port was taken in between: another one
        log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
        raise ClusterError(f"PostgreSQL did not start: {done.stderr.strip()}\n{log}")

    def _start(self) -> subprocess.CompletedProcess[str]:
        return self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
            "-o", f"-p {self.port} {self.options}", "-w", "-t", str(START_TIMEOUT), "start",
        )  # fmt: skip

    def halt(self) -> None:
        """Stop the server as a restart does (its sessions ended), keeping its data."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        """Start a halted server again, on the same port."""
        done = self._start()
        if done.returncode:
            raise ClusterError(f"PostgreSQL did not start again: {done.stderr.strip()}")

    @property
    def url(self) -> str:
        """The maintenance database, as the superuser (trust: no password)."""
        return f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("install", help="install PostgreSQL's server when missing")
    run = sub.add_parser("run", help="run a command with a throwaway server")
    run.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    try:
        if args.action == "install":
            print(f"PostgreSQL: {install()}")
            return 0
        command = args.command[1:] if args.command[:1] == ["--"] else args.command
        if not command:
            parser.error("run needs a command")
        with Cluster() as cluster:
            print(f"PostgreSQL for the tests: {cluster.url}", flush=True)
            return subprocess.run(command, env={**os.environ, ENV_VAR: cluster.url}).returncode
    except ClusterError as exc:
        print(f"pg_cluster: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
