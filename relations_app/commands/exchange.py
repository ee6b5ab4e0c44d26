"""Commands that move data in and out: export, import.

``export FILE`` picks the format from the extension (.json, .csv, .xlsx, .vcf, .ics).
``import FILE`` reads a JSON dump, or contacts from .csv/.xlsx, or with ``--atlas`` an
Atlas record saved as text ("-" reads it from standard input); it prints the preview, then
applies it unless ``--dry-run``.  Contacts: new people are created, and a row that looks
like an existing contact (same e-mail, name or phone) follows ``--look-alikes``: ``merge``
folds each into the contact it resembles (blank fields filled, a different e-mail or phone
kept in the notes), ``create`` makes new contacts of them, ``ask`` (the default) merges a
same e-mail and asks for each other one at the terminal; without a terminal it refuses the
import, listing them.  A file with rows with errors is refused (the window lets a person
skip those).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import bootstrap
from ..exchange import (
    LISTS,
    ExchangeError,
    apply_atlas,
    apply_contacts,
    apply_json,
    export_file,
    parse_atlas,
    plan_atlas,
    preview_contacts,
    preview_json_file,
    read_table,
    read_text_file,
)
from ..exchange.contacts_import import (
    ACTION_LABELS,
    LOOK_ALIKE_CHOICES,
    Action,
    ContactImportPlan,
    RowDecision,
    undecided,
    undecided_message,
)
from ..exchange.contacts_mapping import TARGETS
from ..exchange.export import check_request
from ..exchange.ics import PARTS
from ..exchange.safe_import import import_with_copy
from ..location import DatabaseLocation
from ..text import counted_fr
from .database import open_existing, require_existing
from .suggest import command

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")
DELIMITERS = {";": ";", ",": ",", "tab": "\t", "\\t": "\t", "\t": "\t"}


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="exporter : toute la base (.json), une liste (.csv, .xlsx), les contacts (.vcf), l'agenda (.ics)",
    )
    export.add_argument("file", metavar="FICHIER")
    export.add_argument(
        "--what",
        metavar="LISTE",
        help=f"la liste à exporter ({'|'.join(LISTS)}) ; pour .ics : {'|'.join(PARTS)}",
    )
    export.add_argument(
        "--search", default="", metavar="TEXTE", help="n'exporter que ce qui correspond"
    )
    export.set_defaults(handler=cmd_export)
    imp = sub.add_parser(
        "import",
        help="importer : export JSON, contacts (.csv, .xlsx) ou fiche de l'Atlas (--atlas)",
    )
    imp.add_argument("file", metavar="FICHIER")
    imp.add_argument(
        "--atlas",
        action="store_true",
        help="le fichier est une fiche de l'Atlas (texte ; - : entrée standard)",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="afficher l'aperçu sans rien enregistrer"
    )
    imp.add_argument(
        "--encoding", metavar="ENC", help="encodage du CSV (sinon UTF-8, puis Windows-1252)"
    )
    imp.add_argument(
        "--delimiter", metavar="SEP", help="séparateur du CSV : ';', ',' ou tab (sinon deviné)"
    )
    imp.add_argument(
        "--look-alikes",
        choices=LOOK_ALIKE_CHOICES,
        default="ask",
        help="contacts qui ressemblent à un contact existant : merge (les fusionner), "
        "create (en créer de nouveaux) ou ask (demander pour chacun ; par défaut, un même "
        "courriel est fusionné) ; organisations (fiche de l'Atlas, colonne Organisation) "
        "qui ressemblent à une organisation existante : merge ou ask (utiliser "
        "l'existante), create (en créer une nouvelle)",
    )
    imp.set_defaults(handler=cmd_import)


def cmd_export(location: DatabaseLocation, args: argparse.Namespace) -> int:
    target = Path(args.file)
    check_request(target, args.what, args.search)
    open_existing(location)
    result = export_file(target, what=args.what, search=args.search)
    print(f"Exporté dans {target} : {result.detail}")
    return 0


def cmd_import(location: DatabaseLocation, args: argparse.Namespace) -> int:
    require_existing(location)
    if args.atlas:
        return _import_atlas(location, args)
    suffix = Path(args.file).suffix.lower()
    if suffix == ".json":
        return _import_json(location, args)
    if suffix in TABLE_SUFFIXES:
        return _import_contacts(location, args)
    raise ExchangeError(
        f"format d'import non pris en charge : « {suffix or args.file} » (attendu : .json, "
        ".csv, .xlsx, ou --atlas pour une fiche de l'Atlas)."
    )


def _done(args: argparse.Namespace) -> bool:
    if args.dry_run:
        print("Aperçu seulement (--dry-run) : rien n'a été enregistré.")
    return args.dry_run


def _import_json(location: DatabaseLocation, args: argparse.Namespace) -> int:
    bootstrap.open_app_database(location)
    preview = preview_json_file(args.file)
    for line in preview.look_alike_lines():
        print(line)
    if args.dry_run:
        print(f"{args.file} : {preview.describe()}")
        _done(args)
        return 0
    done = import_with_copy(lambda: apply_json(preview))
    print(f"Importé depuis {args.file} : {done.result.describe()}")
    _way_back(location, done.copy)
    return 0


def _way_back(location: DatabaseLocation, copy: Path) -> None:
    print(f"Copie d'avant l'import : {copy} (« {command(location, 'restore', copy)} » la remet).")


def _import_atlas(location: DatabaseLocation, args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.file == "-" else read_text_file(args.file)
    record = parse_atlas(text)
    bootstrap.open_app_database(location)
    plan = plan_atlas(record)
    decisions = plan.decide_look_alikes(args.look_alikes)
    for line in plan.describe(decisions):
        print(line)
    if plan.errors:
        raise ExchangeError("fiche de l'Atlas non importée : " + " ; ".join(plan.errors))
    if _done(args):
        return 0
    done = import_with_copy(lambda: apply_atlas(plan, None, decisions))
    print(f"Importé depuis {args.file} : {done.result.describe()}")
    _way_back(location, done.copy)
    return 0


def print_contact_preview(
    plan: ContactImportPlan,
    decisions: dict[int, RowDecision] | None = None,
    organisations: str = "merge",
) -> None:
    source = plan.source
    print(f"{source.name} : {source.describe()}")
    mapped = [f"{TARGETS[t]} ← « {source.headers[i]} »" for i, t in sorted(plan.mapping.items())]
    print("Colonnes : " + ", ".join(mapped))
    ignored = [f"« {h} »" for i, h in enumerate(source.headers) if i not in plan.mapping and h]
    if ignored:
        print("Colonnes ignorées : " + ", ".join(ignored))
    decisions = decisions or plan.default_decisions()
    for row in plan.rows:
        action = decisions[row.line].action
        detail = ""
        if row.errors:
            detail = " — " + " ; ".join(str(e) for e in row.errors)
        elif row.same_as_line:
            detail = f" — même personne que la ligne {row.same_as_line}"
        elif action == "merge" and row.unchanged:
            detail = f" — {row.flags()}, déjà à jour, rien ne changera"
        elif row.duplicates:
            detail = " — " + row.flags()
        if row.organisation_alike is not None and action != "skip":
            outcome = "organisation créée" if organisations == "create" else "l'existante utilisée"
            detail += f" — {row.organisation_flag()} : {outcome}"
        print(f"ligne {row.line} : {ACTION_LABELS[action]} {row.name or '(sans nom)'}{detail}")
    counts = plan.counts(decisions)
    same = sum(1 for r in plan.rows if decisions[r.line].action == "merge" and r.unchanged)
    asked = f", {counts['ask']} à décider" if counts["ask"] else ""
    print(
        f"Proposé : {counts['create']} à créer, {counts['merge']} à fusionner"
        f"{f' (dont {same} déjà à jour)' if same else ''}, "
        f"{counts['update']} à mettre à jour{asked}, "
        f"{counts['skip']} à ignorer ({plan.error_count} avec erreurs)."
    )


def refuse_rows_with_errors(plan: ContactImportPlan, file: str) -> None:
    """The command line writes a file whole or not at all: a row with errors refuses it.

    (The window lets a person skip such rows one by one, and then says which were left.)
    """
    bad = [r for r in plan.rows if r.errors]
    if not bad:
        return
    lines = "\n".join(row.error_text() for row in bad[:5])
    more = (
        f"\n… et {counted_fr(len(bad) - 5, 'autre ligne', 'autres lignes')}" if len(bad) > 5 else ""
    )
    print(lines + more, file=sys.stderr)
    raise ExchangeError(
        f"{file} n'est pas importé, rien n'a été enregistré : "
        f"{counted_fr(len(bad), 'ligne')} avec erreurs (détail ci-dessus). Corrigez-les, ou "
        "importez le fichier depuis la fenêtre pour ignorer ces lignes une à une."
    )


def _import_contacts(location: DatabaseLocation, args: argparse.Namespace) -> int:
    if args.delimiter and args.delimiter not in DELIMITERS:
        raise ExchangeError(
            f"séparateur non pris en charge : « {args.delimiter} » (attendu : ';', ',' ou tab)."
        )
    delimiter = DELIMITERS[args.delimiter] if args.delimiter else None
    table = read_table(args.file, encoding=args.encoding, delimiter=delimiter)
    bootstrap.open_app_database(location)
    plan = preview_contacts(table)
    decisions = plan.decide_look_alikes(args.look_alikes)
    organisations = "create" if args.look_alikes == "create" else "merge"
    print_contact_preview(plan, decisions, organisations)
    refuse_rows_with_errors(plan, args.file)
    if _done(args):
        return 0
    decide_at_terminal(plan, decisions, args.file)
    done = import_with_copy(lambda: apply_contacts(plan, decisions, organisations))
    print(f"Importé depuis {args.file} : {done.result.describe()}")
    _way_back(location, done.copy)
    return 0


ANSWERS: dict[str, Action] = {"f": "merge", "c": "create", "i": "skip"}


def decide_at_terminal(
    plan: ContactImportPlan, decisions: dict[int, RowDecision], file: str
) -> None:
    """The look-alikes still to decide, asked one by one at a terminal (fusionner, créer,
    ignorer); without a terminal the import is refused, listing them."""
    waiting = undecided(plan, decisions)
    if not waiting:
        return
    if not sys.stdin.isatty():
        print(undecided_message(waiting), file=sys.stderr)
        raise ExchangeError(
            f"{file} n'est pas importé, rien n'a été enregistré : "
            f"{counted_fr(len(waiting), 'ligne')} ressemblant à un contact existant, sans "
            "décision (détail ci-dessus). Relancez avec --look-alikes merge ou --look-alikes "
            "create, ou importez le fichier depuis la fenêtre pour choisir ligne par ligne."
        )
    for row in waiting:
        target = row.target_id or row.duplicates[0].contact_id
        while True:
            answer = input(
                f"ligne {row.line}, {row.name} {row.flags()} — [f]usionner, [c]réer ou [i]gnorer ? "
            )
            action = ANSWERS.get(answer.strip().lower()[:1])
            if action:
                break
        decisions[row.line] = RowDecision(action, target if action == "merge" else None)
