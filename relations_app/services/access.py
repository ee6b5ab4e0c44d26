"""What the person at the window may do: read, edit the records, or administer.

On a shared server each member of staff has a login of their own, in one of three roles
that the server enforces with its grants (:mod:`relations_app.db.postgres.roles`); the
window only follows suit, hiding what the server would refuse.  A local file is its
owner's: every right.  :func:`probe` is Préférences' "Tester la connexion": it reaches a
database without changing anything and says, in French, as whom and with which role.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..db import backend
from ..db.models import database
from ..errors import UserError
from ..i18n import N_, _
from ..location import DatabaseLocation, ServerAddress

#: each role in a few words (the server's roles keep their French names everywhere)
ROLE_NAMES = {
    "lecture": N_("lecture seule"),
    "edition": N_("lecture et modification des fiches"),
    "administration": N_("modification, restaurations et gestion des comptes"),
}


@dataclass(frozen=True)
class Access:
    """The open database's login and role."""

    user: str
    role: str  # "lecture", "edition" or "administration"
    on_server: bool = False

    @property
    def can_edit(self) -> bool:
        """Create, change, delete, import, restore from the trash, put back from history."""
        return self.role != "lecture"

    @property
    def can_administer(self) -> bool:
        """Restore a copy over the database, purge the trash, manage the logins."""
        return self.role == "administration"

    def describe(self) -> str:
        """ "marc, rôle edition (lecture et modification des fiches)"."""
        return _("{user}, rôle {role} ({meaning})").format(
            user=self.user, role=self.role, meaning=_(ROLE_NAMES[self.role])
        )


#: Before any database is open (a window built in a test without one): every right.
EVERY_RIGHT = Access("", "administration")


def current() -> Access:
    """The rights of the login the open database was reached with (one query on a server)."""
    db = database.obj
    if db is None:
        return EVERY_RIGHT
    engine = backend.of(db)
    return Access(engine.user_name(db), engine.access_role(db), engine.dialect != "sqlite")


def probe(location: DatabaseLocation) -> str:
    """Reach ``location`` as a trial and say the outcome in French; raises ``StorageError``
    with the precise reason when it cannot be reached (safe from any thread)."""
    found = location.backend().probe(location)
    access = Access(found.user, found.role, location.is_server)
    text = _("Connexion réussie à {where} : connecté en tant que {access}.").format(
        where=location.describe(), access=access.describe()
    )
    if not found.ready:
        text += " " + _(
            "La base ne contient pas encore les tables de Relations : le premier démarrage "
            "les créera (il y faut un compte qui en a le droit)."
        )
    return text


# -- a server login's password (never in the settings: libpq's places, or the keyring) -------


def _server(location: DatabaseLocation) -> ServerAddress:
    if location.server is None:
        raise UserError(_("Un fichier local n'a pas de mot de passe."))
    return location.server


def keyring_available() -> bool:
    """Whether this computer has a system keyring to keep a server password in."""
    from ..db.postgres import passwords

    return passwords.keyring_available()


def use_password(location: DatabaseLocation, password: str) -> None:
    """Reach ``location`` with ``password`` for the rest of this session (typed by the
    person; kept nowhere else)."""
    from ..db.postgres import passwords

    passwords.offer(_server(location), password)


def remember_password(location: DatabaseLocation, password: str) -> None:
    """Keep ``password`` in the system keyring for ``location``'s login on its server;
    ``UserError`` (French) when the computer has no keyring or it refuses."""
    from ..db.postgres import passwords

    passwords.remember(_server(location), password)


def forget_password(location: DatabaseLocation) -> bool:
    """Remove the login's password from the system keyring; whether there was one."""
    from ..db.postgres import passwords

    return passwords.forget(_server(location))
