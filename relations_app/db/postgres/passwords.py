"""PostgreSQL: a login's password from the system keyring, when libpq has none.

libpq looks first, in its usual places (``~/.pgpass``, ``%APPDATA%\\postgresql\\pgpass.conf``,
``PGPASSWORD``).  Only when the server asks for a password that libpq did not find is the
system keyring asked (the ``keyring`` library: Windows Credential Manager, macOS Keychain,
the Secret Service of GNOME or KDE), under the service ``Relations PostgreSQL HOST:PORT``
and the login's name, then the connection is tried once more with it.  A password found
so, or typed in the preferences to test a connection, is kept for the rest of the process
(never in the settings file), so that reconnecting and the live-refresh connection do
not ask again.  ``keyring`` is imported only then: a start on a local file, or on a server
reached through ``~/.pgpass``, never loads it.
"""

from __future__ import annotations

import getpass
import logging
from typing import Any

from ...errors import UserError
from ...i18n import _
from ...location import ServerAddress

log = logging.getLogger(__name__)

SERVICE = "Relations PostgreSQL"

#: Passwords known in this process: (host, port, login) -> password.
_session: dict[tuple[str, int, str], str] = {}


def login_of(server: ServerAddress) -> str:
    """The login libpq uses: the address's, or the account's name as libpq defaults to."""
    return server.user or getpass.getuser()


def service_of(server: ServerAddress) -> str:
    return f"{SERVICE} {server.host}:{server.port}"


def _key(server: ServerAddress) -> tuple[str, int, str]:
    return (server.host, server.port, login_of(server))


def asks_password(exc: BaseException) -> bool:
    """Whether a refused connection is the server asking for a password libpq lacked."""
    text = str(exc).lower()
    return "no password supplied" in text or "password is required" in text


def refused(exc: BaseException) -> bool:
    """Whether a refused connection is the server refusing the password it was given."""
    return "password authentication failed" in str(exc).lower()


def _keyring() -> Any | None:
    """The ``keyring`` module when the system has a usable keyring, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed or broken: no keyring, said by callers
        log.warning("the keyring library cannot be loaded", exc_info=True)
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        log.warning("no system keyring", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring):
        return None
    return keyring


def keyring_available() -> bool:
    """Whether this computer has a system keyring Relations can use."""
    return _keyring() is not None


def known(server: ServerAddress) -> str | None:
    """The password this process already has for ``server``'s login (none asked for)."""
    return _session.get(_key(server))


def lookup(server: ServerAddress) -> str | None:
    """The password for ``server``'s login: this process's, else the system keyring's."""
    found = known(server)
    if found is not None:
        return found
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(service_of(server), login_of(server))
    except Exception:  # a locked or refusing keyring: as if it had none
        log.warning("the system keyring did not answer", exc_info=True)
        return None
    if found:
        _session[_key(server)] = found
    return found or None


def offer(server: ServerAddress, password: str) -> None:
    """Use ``password`` for ``server``'s login in this process (typed by the user)."""
    if password:
        _session[_key(server)] = password
    else:
        _session.pop(_key(server), None)


def discard(server: ServerAddress) -> None:
    """Forget this process's copy (the server refused it)."""
    _session.pop(_key(server), None)


def require_keyring() -> Any:
    """The ``keyring`` module; ``UserError`` (French) when this computer has no keyring."""
    keyring = _keyring()
    if keyring is None:
        raise UserError(
            _(
                "Aucun trousseau système n'est disponible sur ce poste : le mot de passe n'a "
                "pas été enregistré. Mettez-le dans ~/.pgpass (ou la variable PGPASSWORD)."
            )
        )
    return keyring


def remember(server: ServerAddress, password: str) -> None:
    """Keep ``password`` in the system keyring; ``UserError`` (French) when it cannot."""
    keyring = require_keyring()
    try:
        keyring.set_password(service_of(server), login_of(server), password)
    except Exception as exc:
        log.warning("the system keyring refused the password", exc_info=True)
        raise UserError(
            _("Le trousseau système a refusé d'enregistrer le mot de passe : {reason}").format(
                reason=exc
            )
        ) from exc
    offer(server, password)


def forget(server: ServerAddress) -> bool:
    """Remove ``server``'s login from the system keyring; whether it held one."""
    discard(server)
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        if keyring.get_password(service_of(server), login_of(server)) is None:
            return False
        keyring.delete_password(service_of(server), login_of(server))
    except Exception:
        log.warning("the system keyring did not forget the password", exc_info=True)
        return False
    return True
