"""PostgreSQL: the staff's logins and their three roles, enforced by the server's grants.

Each person has a login of their own, member of one of three group roles:
``relations_lecture`` (read only), ``relations_edition`` (read and write the records) and
``relations_administration`` (the same, and managing the logins: CREATEROLE).  The grants
cover every table there is, and, through default privileges, every table later
migrations create.  A refused write is the server's own refusal (SQLSTATE 42501), which
the application reports in French (:data:`relations_app.faults.SERVER_MESSAGES`).
Managing the logins needs a login that may create roles (the first administrator, made
with ``createuser --createrole``, or the database owner).
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from ...errors import UserError

#: role name given on the command line -> the server's group role
ROLES = {
    "lecture": "relations_lecture",
    "edition": "relations_edition",
    "administration": "relations_administration",
}

#: The table whose grants tell whether a login may write (every table has the same).
WITNESS_TABLE = "partner"


class RoleError(UserError):
    """A login could not be added or removed (the message says why, in French)."""


@dataclass(frozen=True)
class StaffLogin:
    name: str
    role: str  # "lecture", "edition" or "administration"


def _refusals() -> tuple[type[Exception], ...]:
    """The server's refusals, raised by Peewee or straight from psycopg."""
    import psycopg

    return (pw.DatabaseError, psycopg.DatabaseError)


def _run(db: pw.Database, template: str, *names: str) -> None:
    from psycopg import sql

    statement = sql.SQL(template).format(*(sql.Identifier(n) for n in names))
    db.connection().execute(statement)


def ensure_roles(db: pw.Database) -> None:
    """Create the three group roles if missing and grant them this database's tables."""
    present = {r[0] for r in db.execute_sql("SELECT rolname FROM pg_roles").fetchall()}
    for group in ROLES.values():
        if group not in present:
            _run(db, "CREATE ROLE {} NOLOGIN", group)
    read, edit, admin = ROLES["lecture"], ROLES["edition"], ROLES["administration"]
    database = str(db.execute_sql("SELECT current_database()").fetchone()[0])
    for group in (read, edit, admin):
        _run(db, "GRANT CONNECT ON DATABASE {} TO {}", database, group)
        _run(db, "GRANT USAGE ON SCHEMA public TO {}", group)
        _run(db, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}", group)
        _run(db, "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {}", group)
    for group in (edit, admin):
        _run(db, "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}", group)
        _run(db, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}", group)
        _run(
            db,
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES TO {}",
            group,
        )
        _run(
            db,
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {}",
            group,
        )
    _run(db, "ALTER ROLE {} CREATEROLE", admin)


def list_logins(db: pw.Database) -> list[StaffLogin]:
    rows = db.execute_sql(
        "SELECT member.rolname, grp.rolname FROM pg_auth_members m "
        "JOIN pg_roles member ON member.oid = m.member "
        "JOIN pg_roles grp ON grp.oid = m.roleid "
        "WHERE grp.rolname = ANY(%s) AND member.rolcanlogin ORDER BY member.rolname",
        (list(ROLES.values()),),
    ).fetchall()
    by_group = {group: role for role, group in ROLES.items()}
    return [StaffLogin(name, by_group[group]) for name, group in rows]


def add_login(db: pw.Database, name: str, role: str, password: str | None = None) -> None:
    """A new login in ``role``, or an existing one moved to it (the other two revoked)."""
    if role not in ROLES:
        raise RoleError(f"Rôle inconnu : {role} (lecture, edition ou administration).")
    try:
        with db.atomic():
            ensure_roles(db)
            exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            if not exists:
                _run(db, "CREATE ROLE {} LOGIN", name)
            for other in ROLES.values():
                _run(db, "REVOKE {} FROM {}", other, name)
            _run(db, "GRANT {} TO {}", ROLES[role], name)
            if role == "administration":
                _run(db, "ALTER ROLE {} CREATEROLE", name)
            if password:
                from psycopg import sql

                db.connection().execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                        sql.Identifier(name), sql.Literal(password)
                    )
                )
    except _refusals() as exc:
        raise RoleError(
            f"Le compte {name} n'a pas pu être ajouté : votre compte ne peut pas gérer les "
            f"comptes du serveur ({exc})."
        ) from exc


def remove_login(db: pw.Database, name: str) -> None:
    """Take the login out of the three roles, then remove it from the server."""
    if name not in {login.name for login in list_logins(db)}:
        raise RoleError(f"Aucun compte {name} parmi ceux de Relations.")
    try:
        with db.atomic():
            for group in ROLES.values():
                _run(db, "REVOKE {} FROM {}", group, name)
            _run(db, "DROP ROLE {}", name)
    except _refusals() as exc:
        raise RoleError(f"Le compte {name} n'a pas pu être supprimé : {exc}") from exc


def session_role(db: pw.Database) -> str:
    """The role the session's login has, as the server sees it (its grants decide, not
    this): a superuser, the database's owner or a member of ``relations_administration``
    administers; a login that may change the records edits; any other only reads."""
    row = db.execute_sql(
        "SELECT r.rolsuper OR d.datdba = r.oid OR EXISTS ("
        "  SELECT 1 FROM pg_roles g WHERE g.rolname = %s AND pg_has_role(r.oid, g.oid, 'MEMBER')"
        "), CASE WHEN to_regclass(%s) IS NULL THEN has_database_privilege(r.oid, d.oid, 'CREATE')"
        "  ELSE has_table_privilege(r.oid, %s, 'INSERT, UPDATE, DELETE') END "
        "FROM pg_roles r, pg_database d "
        "WHERE r.rolname = session_user AND d.datname = current_database()",
        (ROLES["administration"], WITNESS_TABLE, WITNESS_TABLE),
    ).fetchone()
    administers, writes = bool(row[0]), bool(row[1])
    if administers:
        return "administration"
    return "edition" if writes else "lecture"
