"""Checks of a database: SQLite's own, then warnings about the data itself.

Source inconsistencies are kept as the sources give them (never silently "fixed") and
reported here, so that staff see and decide: a programme still "en cours" after its end
date, partner counts that differ from one published page to another, an e-mail address
that looks mistyped, consulates sharing a phone under differently written addresses, a
Romanian name written with a cedilla where Romanian uses a comma below.
The rules are here; what they read comes from the services (:mod:`.services.check_data`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .dates import format_date
from .db import backend
from .db.models import database
from .i18n import _
from .services import check_data, text_repair
from .services import office as office_service
from .text import fold, partial_date_end


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)  # the file itself is damaged
    #: search indexes out of step with sound records: rebuilt from them, nothing to restore
    index_problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the data deserves a look
    #: records holding invisible control characters (among the warnings): check --repair-text
    control_characters: list[text_repair.DirtyRecord] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.index_problems


def run_checks(*, full: bool = False, today: date | None = None) -> CheckReport:
    """Every check reads only: a read-only file, or one another program is writing to,
    is checked like any other."""
    report = CheckReport(problems=backend.current().integrity_problems(database.obj, full=full))
    if report.ok:  # a sound file: do the search indexes still match the records?
        report.index_problems = backend.current().search_index_problems(database.obj)
    if report.ok:
        report.control_characters = text_repair.records_with_control_characters()
        report.warnings = data_warnings(today or date.today())
        report.warnings += [found.describe() for found in report.control_characters]
    return report


class DataWarning(str):
    """A warning's French text, and the record it is about when there is one (the
    dashboard links to it; everything else reads it as the text it is)."""

    collection: str | None
    record_id: str | None

    def __new__(cls, text: str, collection: str | None = None, record_id: str | None = None):
        warning = super().__new__(cls, text)
        warning.collection, warning.record_id = collection, record_id
        return warning


def data_warnings(today: date, *, programmes: bool = True) -> list[str]:
    """What deserves a look; ``programmes=False`` leaves out the programmes still "ongoing"
    after their end (the dashboard lists them on their own, from one query)."""
    return [
        *(programmes_past_end(today) if programmes else []),
        *stated_counts_mismatch(),
        *suspicious_emails(),
        *shared_phone_addresses(),
        *cedilla_spellings(),
    ]


def programmes_past_end(today: date) -> list[str]:
    found: list[str] = []
    for p in check_data.ongoing_programmes_with_end():
        try:
            ended = partial_date_end(p.end) < today
        except ValueError:
            continue
        if ended:
            found.append(
                DataWarning(
                    _(
                        "Programme « {title} » : statut « en cours » alors que sa date de fin "
                        "({end}) est passée."
                    ).format(title=p.title, end=format_date(p.end)),
                    "programmes",
                    p.id,
                )
            )
    return found


def stated_counts_mismatch() -> list[str]:
    office = office_service.get_office()
    found = []
    checks = (
        ("stated_partner_counts", check_data.partner_count(), _("Nombre de partenaires")),
        (
            "stated_cooperation_counts",
            check_data.partner_count("decentralised_cooperation"),
            _("Nombre de partenaires de type « coopération décentralisée »"),
        ),
    )
    for key, actual, what in checks:
        stated = office.get(key) or []
        if any(item["count"] != actual for item in stated):
            announced = ", ".join(
                f"{item['count']} ({item.get('source') or _('source non précisée')})"
                for item in stated
            )
            found.append(
                _(
                    "{what} : les sources annoncent {announced} ; la base en compte {actual}."
                ).format(what=what, announced=announced, actual=actual)
            )
    return found


def _edit_distance_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one substitution, insertion or deletion."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class _NearWords:
    """The words one edit away from a token, found without comparing it to every word
    (250,000 addresses against 10,000 place names): two words one edit apart share a key
    among themselves and their one-letter deletions (symmetric deletion); the candidates
    are then checked exactly."""

    def __init__(self, words: Iterable[str]) -> None:
        # A key's word alone, or its words: a set for each of a million keys (40,000
        # partner names and their deletions) took 120 MB, a string or a tuple a tenth.
        self._by_key: dict[str, str | tuple[str, ...]] = {}
        for word in words:
            for key in _deletions(word) | {word}:
                found = self._by_key.get(key)
                if found is None:
                    self._by_key[key] = word
                elif isinstance(found, str):
                    if found != word:
                        self._by_key[key] = (found, word)
                elif word not in found:
                    self._by_key[key] = (*found, word)

    def first_near(self, token: str) -> str | None:
        """The first word (in alphabetical order) one edit away from ``token``."""
        candidates: set[str] = set()
        for key in _deletions(token) | {token}:
            found = self._by_key.get(key)
            if isinstance(found, str):
                candidates.add(found)
            elif found is not None:
                candidates.update(found)
        near = sorted(w for w in candidates if _edit_distance_one(token, w))
        return near[0] if near else None


_LOCAL_WORDS = re.compile(r"[._+-]")
_NAME_WORDS = re.compile(r"[^a-z0-9]+")


def _local_tokens(local: str) -> list[str]:
    """The words of an address's local part, folded, their trailing digits dropped ("tran2"
    is the second Trần, not a slip)."""
    folded = local.lower() if local.isascii() and local.split() == [local] else fold(local)
    return [token.rstrip("0123456789") for token in _LOCAL_WORDS.split(folded)]


def suspicious_emails() -> list[str]:
    """Addresses whose local part is one letter away from a known place or organisation word.

    "nrest@…" for a consulate in Brest is the typical slip this catches.  A quarter of a
    million addresses share far fewer words: each word is looked up once.
    """
    office = office_service.get_office()
    words = {fold(office["name"])}
    words |= {fold(name) for name in check_data.partner_names()}
    near_words = _NearWords(w for w in words if len(w) >= 4)
    near: dict[str, str | None] = {}
    found: list[str] = []
    for row in check_data.email_owners():
        email = row[0]
        own_words: set[str] | None = None
        for token in _local_tokens(email.split("@", 1)[0]):
            if token not in near:
                near[token] = near_words.first_near(token) if len(token) >= 3 else None
            if near[token] is None:
                continue
            owner = check_data.EmailOwner(*row)
            if own_words is None:
                name = owner.own_name
                own_words = set(_NAME_WORDS.split(name.lower() if name.isascii() else fold(name)))
            if token in own_words:  # "maria.dupont@" for Maria Dupont is no slip for "Baria"
                continue
            found.append(
                DataWarning(
                    _(
                        "{owner} : l'adresse « {email} » ressemble à une faute de frappe "
                        "(« {token} » au lieu de « {near} » ?)."
                    ).format(owner=owner.describe(), email=email, token=token, near=near[token]),
                    owner.collection,
                    owner.id,
                )
            )
            break
    return found


#: Romanian writes ș and ț with a comma below; s and t with a cedilla (ş ţ) are the old
#: stand-ins of fonts without them, still found in published texts.
CEDILLA_TO_COMMA = str.maketrans("şţŞŢ", "șțȘȚ")


def cedilla_spellings() -> list[str]:
    """Romanian partner names written with ş/ţ (cedilla) as a source published them: kept,
    but the comma-below spelling must be an alternative spelling so that both are found."""
    found = []
    for name, country, aliases in check_data.partner_spellings():
        if country != "RO" or name.translate(CEDILLA_TO_COMMA) == name:
            continue
        proper = name.translate(CEDILLA_TO_COMMA)
        known = proper in aliases
        if known:
            found.append(
                _(
                    "Partenaire « {name} » : écrit avec une cédille (ş, ţ) comme dans la source, "
                    "alors que le roumain écrit « {proper} » (virgule souscrite) ; cette graphie "
                    "est enregistrée comme variante, les deux sont trouvées."
                ).format(name=name, proper=proper)
            )
        else:
            found.append(
                _(
                    "Partenaire « {name} » : écrit avec une cédille (ş, ţ) comme dans la source, "
                    "alors que le roumain écrit « {proper} » (virgule souscrite) ; ajoutez "
                    "« {proper} » aux variantes du nom pour que les deux soient trouvées."
                ).format(name=name, proper=proper)
            )
    return found


def _address_key(address: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(address))


def shared_phone_addresses() -> list[str]:
    by_phone: dict[str, list[check_data.ConsulatePhone]] = defaultdict(list)
    for c in check_data.consulate_phones():
        by_phone[c.phone].append(c)
    found: list[str] = []
    for phone, consulates in by_phone.items():
        spellings = {c.address for c in consulates}
        if len(consulates) > 1 and len(spellings) > 1:
            same_place = len({_address_key(a) for a in spellings}) == 1
            countries = ", ".join(c.country for c in consulates)
            text = (
                _(
                    "Consulats {countries} : même téléphone ({phone}) mais adresse écrite de "
                    "{count} façons (même lieu)."
                )
                if same_place
                else _(
                    "Consulats {countries} : même téléphone ({phone}) mais adresse écrite de "
                    "{count} façons."
                )
            )
            found.append(
                DataWarning(
                    text.format(countries=countries, phone=phone, count=len(spellings)),
                    "consulates",
                    consulates[0].id,
                )
            )
    return found
