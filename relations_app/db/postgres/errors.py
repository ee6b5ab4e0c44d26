"""PostgreSQL: which error is which fault, read from the SQLSTATE code, and which
constraint a write broke.  psycopg is only looked at for errors that come from it."""

from __future__ import annotations

import getpass

import peewee as pw

from ...i18n import N_, _
from ...location import ServerAddress

_STATE_KINDS = {
    "53100": "disk_full",  # disk_full
    "53200": "disk_full",  # out_of_memory (the server's, as full as a disk for us)
    "25006": "read_only",  # read_only_sql_transaction (a standby, a read-only session)
    "42501": "read_only",  # insufficient_privilege: this login may not write here
    "55P03": "locked",  # lock_not_available
    "40P01": "locked",  # deadlock_detected (retrying succeeds)
    "40001": "locked",  # serialization_failure (retrying succeeds)
    "57P01": "cannot_open",  # admin_shutdown: the server is restarting
    "57P03": "cannot_open",  # cannot_connect_now: the server is starting
    "08000": "cannot_open",  # connection_exception
    "08001": "cannot_open",
    "08006": "cannot_open",  # connection_failure
    "3D000": "cannot_open",  # invalid_catalog_name: no such database
    "28000": "cannot_open",  # invalid_authorization_specification
    "28P01": "cannot_open",  # invalid_password
    "XX001": "corrupt",  # data_corrupted
    "XX002": "corrupt",  # index_corrupted
    "58030": "io",  # io_error
}
_CONSTRAINT_STATES = {"23505": "unique", "23503": "foreign_key"}
#: admin_shutdown (pg_terminate_backend, a restart), crash_shutdown, cannot_connect_now
_LOST_STATES = {"57P01", "57P02", "57P03"}


def _psycopg_errors() -> tuple[type[Exception], ...]:
    import psycopg

    return (psycopg.Error,)


def _from_psycopg(exc: BaseException) -> bool:
    return type(exc).__module__.split(".", 1)[0] == "psycopg"


class PostgresErrors:
    """Error classification for :class:`~relations_app.db.backend.Backend`."""

    def fault_kind(self, exc: BaseException) -> str | None:
        if not _from_psycopg(exc):
            return None
        state = getattr(exc, "sqlstate", None)
        if state in _STATE_KINDS:
            return _STATE_KINDS[state]
        import psycopg

        if isinstance(exc, psycopg.OperationalError) and state is None:
            return "cannot_open"  # no answer from the server (refused, unreachable, closed)
        return None

    def connection_lost(self, exc: BaseException) -> bool:
        """The session's connection closed under it (``pg_terminate_backend``, a server
        restart, a network cut): class 08, the shutdown states, or libpq's own error
        without a state (no answer from the server)."""
        from ...faults import chain

        for e in chain(exc):
            if not _from_psycopg(e):
                continue
            state = getattr(e, "sqlstate", None) or ""
            if state.startswith("08") or state in _LOST_STATES:
                return True
            import psycopg

            if not state and isinstance(e, psycopg.OperationalError):
                return True
        return False

    def reset_connection(self, db: pw.Database) -> None:
        """Close what is left of the connection (a broken one closes without a word)."""
        target = getattr(db, "obj", db)
        try:
            target.close()
        except (pw.DatabaseError, pw.InterfaceError, *_psycopg_errors()):
            target._state.reset()  # the broken socket is gone either way

    def constraint_kind(self, exc: BaseException) -> str | None:
        for e in (exc, exc.__cause__, exc.__context__, *exc.args):
            if isinstance(e, BaseException) and _from_psycopg(e):
                kind = _CONSTRAINT_STATES.get(getattr(e, "sqlstate", None) or "")
                if kind:
                    return kind
            elif isinstance(e, pw.IntegrityError):
                continue
        return None


#: libpq's words for a refused connection (lower case) -> what they mean, in French, with
#: ``{host}``, ``{port}``, ``{database}``, ``{user}`` and ``{sslmode}`` to fill in.
_CONNECTION_REASONS = (
    (
        ("password authentication failed",),
        N_(
            "le mot de passe du compte {user} est refusé par le serveur : corrigez-le dans "
            "~/.pgpass (ou la variable PGPASSWORD, ou le trousseau du système : Préférences › "
            "Base de données, ou relations-app password)."
        ),
    ),
    (
        ("no password supplied", "password is required"),
        N_(
            "le serveur demande un mot de passe pour {user} et aucun n'a été trouvé : "
            "ajoutez-le à ~/.pgpass (ou à la variable PGPASSWORD), ou enregistrez-le dans le "
            "trousseau du système (Préférences › Base de données, ou relations-app password)."
        ),
    ),
    (
        ("does not exist",),  # role "x" / database "x" does not exist: told apart below
        "",
    ),
    (
        ("no pg_hba.conf entry",),
        N_(
            "le serveur n'accepte pas les connexions de ce poste pour le compte {user} "
            "(pg_hba.conf) : demandez à son administrateur de l'autoriser."
        ),
    ),
    (
        ("permission denied for database", "not permitted to log in"),
        N_(
            "le compte {user} n'a pas le droit de se connecter à la base {database} : "
            "demandez-le à l'administrateur de Relations (relations-app users add)."
        ),
    ),
    (
        ("connection refused",),
        N_(
            "le serveur {host} refuse la connexion sur le port {port} : PostgreSQL n'y est pas "
            "démarré, ou écoute sur un autre port."
        ),
    ),
    (
        ("could not translate host name", "name or service not known", "nodename nor servname"),
        N_("le nom d'hôte {host} est inconnu : vérifiez son orthographe et le réseau."),
    ),
    (
        ("timeout expired", "timed out", "no route to host", "network is unreachable"),
        N_(
            "le serveur {host} ne répond pas (réseau coupé, poste hors du réseau de la mairie, "
            "pare-feu ?)."
        ),
    ),
    (
        ("ssl", "certificate"),
        N_("la connexion chiffrée (sslmode={sslmode}) a échoué : {detail}"),
    ),
    (
        ("server closed the connection", "terminating connection", "the database system is"),
        N_("le serveur {host} a fermé la connexion (redémarrage en cours ?) : réessayez."),
    ),
)


def connection_failure(exc: BaseException, server: ServerAddress) -> str:
    """Why libpq could not reach ``server``, in French and precisely (which of the host,
    the port, the login, the password, the database or TLS is at fault)."""
    detail = " ".join(str(exc).split())
    words = detail.lower()
    values = {
        "host": server.host,
        "port": server.port,
        "database": server.database,
        "user": server.user or getpass.getuser(),
        "sslmode": dict(server.options).get("sslmode", "prefer"),
        "detail": detail,
    }
    for needles, reason in _CONNECTION_REASONS:
        if not any(n in words for n in needles):
            continue
        if not reason:  # role or database
            if 'database "' in words:
                reason = N_(
                    "la base {database} n'existe pas sur le serveur {host} : vérifiez son nom "
                    "(ou créez-la : voir le README, « Serveur partagé »)."
                )
            else:
                reason = N_(
                    "le compte {user} n'existe pas sur le serveur {host} : demandez-le à "
                    "l'administrateur de Relations (relations-app users add)."
                )
        return _(reason).format(**values)
    return detail or type(exc).__name__
