"""Which column of an imported table holds what: targets, header names, proposed mapping.

The mapping is ``{column index: target field}``; :func:`propose_mapping` guesses it from
the header names (French or English, case, accents and punctuation ignored) and the
import window lets the user change it; :func:`check_mapping` refuses an unusable one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..i18n import N_, _
from ..text import fold
from .common import ExchangeError

#: Import targets: field -> French label (translated with ``i18n._`` where shown).
TARGETS: dict[str, str] = {
    "family_name": N_("Nom"),
    "given_name": N_("Prénom"),
    "email": N_("Courriel"),
    "phone": N_("Téléphone"),
    "function": N_("Fonction"),
    "organisation": N_("Organisation"),
    "country": N_("Pays"),
    "notes": N_("Notes"),
}

#: Folded header names (punctuation as spaces) recognised for each target.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "family_name": (
        "nom",
        "nom de famille",
        "nom d usage",
        "last name",
        "lastname",
        "family name",
        "surname",
        "name",
    ),
    "given_name": ("prenom", "prenoms", "first name", "firstname", "given name", "forename"),
    "email": (
        "courriel",
        "e mail",
        "email",
        "mail",
        "adresse electronique",
        "adresse e mail",
        "adresse mail",
        "mel",
        "e mail address",
        "email address",
    ),
    "phone": (
        "telephone",
        "tel",
        "phone",
        "telephone number",
        "phone number",
        "portable",
        "mobile",
        "numero de telephone",
    ),
    "function": (
        "fonction",
        "poste",
        "titre",
        "title",
        "job title",
        "function",
        "role",
        "position",
    ),
    "organisation": (
        "organisation",
        "organisme",
        "organization",
        "structure",
        "societe",
        "entreprise",
        "company",
        "employeur",
        "institution",
        "etablissement",
    ),
    "country": ("pays", "country"),
    "notes": ("notes", "note", "remarques", "remarque", "commentaire", "commentaires", "comments"),
}


def header_key(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(header)).split())


def propose_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Column index -> target field, from the header names; each target used once."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    keys = [header_key(h) for h in headers]
    for exact in (True, False):
        for index, key in enumerate(keys):
            if index in mapping or not key:
                continue
            for target, names in HEADER_NAMES.items():
                if target in used:
                    continue
                if key in names or (not exact and any(key.startswith(n + " ") for n in names)):
                    mapping[index] = target
                    used.add(target)
                    break
    return mapping


def check_not_another_list(headers: Sequence[str]) -> None:
    """Refuse a file whose columns are those of another exported list (``partners.csv``
    would otherwise be read as one contact per partner, by the "Nom" column)."""
    from .columns import LISTS, list_with_headers  # the lists read the services

    named = [h for h in headers if h.strip()]
    mapped = propose_mapping(named)
    ours = {fold(c.header) for c in LISTS["contacts"].columns}
    if len(mapped) == len(named) or {fold(h) for h in named} <= ours:
        return  # every column is a contact's: a contact list, whatever else it resembles
    spec = list_with_headers(named, besides="contacts")
    if spec is None:
        return
    shown = ", ".join(_("« {header} »").format(header=h) for h in named[:6]) + (
        ", …" if len(named) > 6 else ""
    )
    expected = ", ".join(c.header for c in LISTS["contacts"].columns)
    raise ExchangeError(
        _(
            "Ce fichier ressemble à la liste des {list} (colonnes {shown}), pas à une liste de "
            "contacts : il n'est pas importé. Une liste de contacts a les colonnes {expected} "
            "(ou certaines d'entre elles)."
        ).format(list=spec.label, shown=shown, expected=expected)
    )


def check_mapping(mapping: Mapping[int, str], headers: Sequence[str]) -> None:
    seen: dict[str, int] = {}
    for index, target in mapping.items():
        if target not in TARGETS:
            raise ExchangeError(
                _("Champ de destination inconnu : « {target} ».").format(target=target)
            )
        if not 0 <= index < len(headers):
            raise ExchangeError(_("Colonne {number} absente du fichier.").format(number=index + 1))
        if target in seen:
            raise ExchangeError(
                _("Deux colonnes vont dans « {target} » : « {first} » et « {second} ».").format(
                    target=_(TARGETS[target]), first=headers[seen[target]], second=headers[index]
                )
            )
        seen[target] = index
    if "family_name" not in seen:
        raise ExchangeError(_("Aucune colonne n'est associée au champ « Nom » (obligatoire)."))
