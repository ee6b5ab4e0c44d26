"""Where the database is: :class:`DatabaseLocation`, from ``--db``, ``RELATIONS_DB`` or the
user's data folder.

Everything above the storage layer passes this object around instead of a file path: the
window, the CLI and the services name the database with :meth:`DatabaseLocation.describe`
and never open it themselves.  A location is a SQLite file, or a PostgreSQL server named
by a URL (``postgresql://user@host:5432/relations?sslmode=require``, :class:`ServerAddress`).
A server's password is never part of a location: libpq finds it in its usual places
(``~/.pgpass``, ``PGPASSWORD``), so it is neither shown nor kept in the settings.

A light module (platformdirs only) so the launcher can find the database before anything
heavy is imported.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

import platformdirs

from .errors import UserError
from .files import APP_NAME
from .i18n import _

if TYPE_CHECKING:
    from .db.backend import Backend

DB_FILENAME = "relations.db"
ENV_VAR = "RELATIONS_DB"
BACKUP_DIRNAME = "backups"
SERVER_SCHEMES = ("postgresql", "postgres")
SERVERS_DIRNAME = "serveurs"  # where a server database's local copies are kept
DEFAULT_PORT = 5432


class LocationError(UserError):
    """``--db`` or ``RELATIONS_DB`` names no usable database (the message is in French)."""


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database on a server: what libpq needs to reach it, never a password.

    ``options`` are the URL's other parameters (``sslmode``, ``sslrootcert``,
    ``connect_timeout``…), passed to libpq as they are.
    """

    host: str
    port: int
    database: str
    user: str | None = None
    options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        """``postgresql://user@host:port/database?sslmode=...``; a password is refused."""
        parts = urlsplit(url)
        if parts.scheme not in SERVER_SCHEMES:
            raise LocationError(f"Adresse de serveur inattendue : {url} (postgresql://…)")
        if parts.password is not None:
            raise LocationError(
                "L'adresse du serveur ne doit pas contenir de mot de passe : il se met dans "
                "~/.pgpass (ou la variable PGPASSWORD), jamais dans l'adresse ni les réglages."
            )
        database = unquote(parts.path.lstrip("/"))
        if not database or "/" in database:
            raise LocationError(
                f"Indiquez la base de données du serveur : {url} (postgresql://hôte/base)."
            )
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError as exc:
            raise LocationError(f"Port invalide dans l'adresse du serveur : {url}") from exc
        return cls(
            host=unquote(parts.hostname or "localhost"),
            port=port,
            database=database,
            user=unquote(parts.username) if parts.username else None,
            options=tuple(parse_qsl(parts.query)),
        )

    @classmethod
    def from_parts(
        cls,
        host: str,
        port: int | str,
        database: str,
        user: str = "",
        options: Sequence[tuple[str, str]] = (),
    ) -> ServerAddress:
        """An address typed field by field (Préférences › Base de données), checked: a
        missing host or database, or a bad port, is refused in French."""
        host, database, user = host.strip(), database.strip(), user.strip()
        if not host:
            raise LocationError(_("Indiquez le serveur (son nom ou son adresse IP)."))
        if not database:
            raise LocationError(_("Indiquez le nom de la base de données sur le serveur."))
        try:
            number = int(port)
        except (TypeError, ValueError):
            number = 0
        if not 0 < number < 65536:
            raise LocationError(
                _("Port invalide : {port} (un nombre de 1 à 65535, souvent 5432).").format(
                    port=port
                )
            )
        if any(c.isspace() for c in host) or "/" in host:
            raise LocationError(_("Nom de serveur invalide : {host}").format(host=host))
        return cls(host, number, database, user or None, tuple((k, v) for k, v in options if v))

    def url(self) -> str:
        """The URL again (without a password, which it never holds)."""
        user = quote(self.user, safe="") + "@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = "?" + urlencode(self.options, safe="/") if self.options else ""
        return f"postgresql://{user}{host}:{self.port}/{quote(self.database, safe='')}{query}"

    def connect_params(self) -> dict[str, str | int]:
        """Keyword arguments for libpq (psycopg): the password comes from libpq itself."""
        params: dict[str, str | int] = {"host": self.host, "port": self.port}
        if self.user:
            params["user"] = self.user
        params.update(dict(self.options))
        return params

    @property
    def stem(self) -> str:
        """A file-name-safe name ("relations@db.mairie.fr-5432") for its local copies."""
        raw = f"{self.database}@{self.host}-{self.port}"
        return "".join(c if c.isalnum() or c in "@.-_" else "_" for c in raw)


@dataclass(frozen=True)
class DatabaseLocation:
    """One database: a SQLite file (``path``), or a server database (``server``).

    ``dialect`` names the back end that works on it (:meth:`backend`).  A server database's
    ``path`` is the local file that stands for it in the user's data folder: it is never
    opened, it only names the server's local copies (backups, the copy ``init --force``
    keeps), which are SQLite files beside it.
    """

    path: Path
    dialect: str = "sqlite"
    server: ServerAddress | None = None

    @classmethod
    def file(cls, path: str | os.PathLike[str]) -> DatabaseLocation:
        """The SQLite file at ``path`` (``~`` expanded)."""
        return cls(Path(path).expanduser())

    @classmethod
    def on_server(cls, url: str | ServerAddress) -> DatabaseLocation:
        """The PostgreSQL database at ``url`` (``postgresql://user@host:port/db``)."""
        server = url if isinstance(url, ServerAddress) else ServerAddress.parse(url)
        folder = platformdirs.user_data_path(APP_NAME, appauthor=False) / SERVERS_DIRNAME
        return cls(folder / f"{server.stem}.db", "postgresql", server)

    @classmethod
    def parse(cls, value: str | os.PathLike[str]) -> DatabaseLocation:
        """A server URL or a file path, as ``--db`` and ``RELATIONS_DB`` give them."""
        text = os.fspath(value)
        if isinstance(text, str) and text.split("://", 1)[0] in SERVER_SCHEMES:
            return cls.on_server(text)
        return cls.file(value)

    @classmethod
    def default(cls) -> DatabaseLocation:
        """``relations.db`` in the user's data directory (e.g. ~/.local/share/Relations)."""
        return cls(platformdirs.user_data_path(APP_NAME, appauthor=False) / DB_FILENAME)

    @classmethod
    def resolve(
        cls, cli_value: str | os.PathLike[str] | None = None, preferred: str | None = None
    ) -> DatabaseLocation:
        """``--db`` wins, then ``RELATIONS_DB``, then ``preferred`` (the database chosen in
        the window's preferences, a path or a server URL), then the default location."""
        if cli_value:
            return cls.parse(cli_value)
        if os.environ.get(ENV_VAR):
            return cls.parse(os.environ[ENV_VAR])
        if preferred:
            return cls.parse(preferred)
        return cls.default()

    @property
    def is_default(self) -> bool:
        return self == DatabaseLocation.default()

    @property
    def is_server(self) -> bool:
        return self.server is not None

    @property
    def name(self) -> str:
        """A short name for titles and suggested file names ("relations")."""
        return self.path.stem

    @property
    def title(self) -> str:
        """How a window title names it ("relations.db", "relations sur db.mairie.fr (anne)":
        two windows on two logins say whose each is)."""
        if self.server is not None:
            login = f" ({self.server.user})" if self.server.user else ""
            return f"{self.server.database} sur {self.server.host}{login}"
        return self.path.name

    def describe(self) -> str:
        """The full form for messages (the file's path, or the server's URL: no password)."""
        if self.server is not None:
            return self.server.url()
        return str(self.path)

    def describe_place(self) -> str:
        """Where it is kept, for messages about the disk (the file's folder, the server)."""
        if self.server is not None:
            return f"serveur {self.server.host}:{self.server.port}"
        return str(self.path.parent)

    @property
    def backup_folder(self) -> Path:
        """The folder of its automatic copies (beside the file)."""
        return self.path.parent / BACKUP_DIRNAME

    def backend(self) -> Backend:
        """The back end that works on this database."""
        from .db.backend import for_location

        return for_location(self)

    def __str__(self) -> str:
        return self.describe()


def imposed_by(cli_value: str | os.PathLike[str] | None = None) -> str | None:
    """What imposes the database over the preferences: ``"--db"``, ``"RELATIONS_DB"``, or
    None when the preferences' choice applies."""
    if cli_value:
        return "--db"
    if os.environ.get(ENV_VAR):
        return ENV_VAR
    return None


def window_argument(argv: Sequence[str]) -> tuple[str | None] | None:
    """When ``argv`` holds nothing but ``--db PATH`` (or nothing), the window is to open:
    ``(PATH,)``, or ``(None,)`` without ``--db``.  None when a command, an option or a
    mistake is there (the command line then deals with it)."""
    db: str | None = None
    args = iter(argv)
    for token in args:
        if token == "--db":
            db = next(args, None)
            if db is None:
                return None  # argparse says what is missing
        elif token.startswith("--db="):
            db = token[len("--db=") :]
        else:
            return None
    return (db,)
