"""``users add|list|remove``: the staff's logins on a shared server and their roles.

Only a server database has logins (a local file is its owner's alone); the roles are
enforced by the server itself (:mod:`relations_app.db.postgres.roles`).
"""

from __future__ import annotations

import argparse
import getpass

import peewee as pw

from ..db.postgres import passwords, roles
from ..errors import UserError
from ..location import DatabaseLocation, ServerAddress

ROLE_LABELS = {
    "lecture": "lecture seule",
    "edition": "lecture et modification",
    "administration": "modification et gestion des comptes",
}


def register(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="comptes du personnel sur une base partagée (serveur)")
    actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="ajouter un compte (ou changer son rôle)")
    add.add_argument("name", metavar="NOM")
    add.add_argument("--role", required=True, choices=sorted(roles.ROLES))
    add.add_argument(
        "--password", action="store_true", help="demander un mot de passe pour ce compte"
    )
    add.set_defaults(handler=cmd_add)
    actions.add_parser("list", help="les comptes et leur rôle").set_defaults(handler=cmd_list)
    remove = actions.add_parser("remove", help="supprimer un compte")
    remove.add_argument("name", metavar="NOM")
    remove.set_defaults(handler=cmd_remove)
    password = sub.add_parser(
        "password",
        help="enregistrer dans le trousseau du système le mot de passe de votre compte sur le "
        "serveur (vérifié d'abord), ou l'oublier",
    )
    password.add_argument(
        "--forget", action="store_true", help="retirer ce mot de passe du trousseau du système"
    )
    password.set_defaults(handler=cmd_password)


def _server(location: DatabaseLocation) -> pw.Database:
    _on_server(location, "les comptes et les rôles ne concernent")
    return location.backend().open_standalone(location)


def _on_server(location: DatabaseLocation, what: str) -> ServerAddress:
    if location.server is None:
        raise UserError(
            f"{location} est un fichier local : {what} qu'une base partagée sur un serveur "
            "(--db postgresql://…)."
        )
    return location.server


def cmd_password(location: DatabaseLocation, args: argparse.Namespace) -> int:
    server = _on_server(location, "un mot de passe ne concerne")
    who = f"{passwords.login_of(server)} sur {server.host}:{server.port}"
    if args.forget:
        if passwords.forget(server):
            print(f"Mot de passe de {who} retiré du trousseau du système.")
        else:
            print(f"Le trousseau du système n'avait pas de mot de passe pour {who}.")
        return 0
    passwords.require_keyring()  # none: said before anything is typed
    secret = getpass.getpass(f"Mot de passe de {who} : ")
    if not secret:
        raise UserError("Aucun mot de passe saisi : rien n'a été enregistré.")
    passwords.offer(server, secret)
    try:
        location.backend().probe(location)  # refused: the precise reason, nothing kept
    except Exception:
        passwords.discard(server)
        raise
    passwords.remember(server, secret)
    print(f"Mot de passe de {who} vérifié et enregistré dans le trousseau du système.")
    return 0


def cmd_add(location: DatabaseLocation, args: argparse.Namespace) -> int:
    db = _server(location)
    try:
        password = getpass.getpass(f"Mot de passe de {args.name} : ") if args.password else None
        roles.add_login(db, args.name, args.role, password)
    finally:
        db.close()
    print(f"Compte {args.name} : {args.role} ({ROLE_LABELS[args.role]}).")
    return 0


def cmd_list(location: DatabaseLocation, args: argparse.Namespace) -> int:
    db = _server(location)
    try:
        logins = roles.list_logins(db)
    finally:
        db.close()
    for login in logins:
        print(f"{login.name}\t{login.role}")
    if not logins:
        print("Aucun compte : ajoutez-en avec « users add NOM --role edition ».")
    return 0


def cmd_remove(location: DatabaseLocation, args: argparse.Namespace) -> int:
    db = _server(location)
    try:
        roles.remove_login(db, args.name)
    finally:
        db.close()
    print(f"Compte {args.name} supprimé.")
    return 0
