"""An Atlas record's text → an :class:`AtlasRecord`: plain data, no database involved.

Values keep the source's wording; only the forms change: dates "31/12/2018" become
"2018-12-31", statuses become codes ("En cours" → ongoing), countries ISO codes
("Canada" → CA), "[at]" in e-mail addresses "@", names written in capitals ("VAILLANT")
"Vaillant".  What cannot be read is left empty and said in ``warnings``, never guessed
silently.  Plain (space-separated) table rows are split using what is known: the e-mail
at the end, the organisation names of the foreign-partners table, country names, the
numbers at the end of a funding row.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..i18n import N_, _
from ..text import fold
from .atlas_text import AtlasText, dedupe, split_sections, table_rows
from .common import ExchangeError, country_code

STATUSES = {
    "en cours": "ongoing",
    "actif": "ongoing",
    "active": "ongoing",
    "termine": "finished",
    "terminee": "finished",
    "acheve": "finished",
    "achevee": "finished",
    "clos": "finished",
    "close": "finished",
    "cloture": "finished",
    "cloturee": "finished",
    "fini": "finished",
    "en projet": "planned",
    "prevu": "planned",
    "a venir": "planned",
    "en preparation": "planned",
    "envisage": "planned",
}
FUNCTION_WORDS = frozenset(
    [
        "directeur",
        "directrice",
        "president",
        "presidente",
        "responsable",
        "charge",
        "chargee",
        "chef",
        "conseiller",
        "conseillere",
        "coordinateur",
        "coordinatrice",
        "maire",
        "secretaire",
        "adjoint",
        "adjointe",
        "delegue",
        "deleguee",
        "gestionnaire",
        "attache",
        "attachee",
        "agent",
        "assistant",
        "assistante",
        "professeur",
        "professeure",
        "chercheur",
        "chercheuse",
        "commissaire",
        "consul",
        "ambassadeur",
        "vice-president",
        "vice-presidente",
        "administrateur",
        "administratrice",
        "head",
        "director",
        "manager",
        "officer",
        "coordinator",
    ]
)
PARTICLES = frozenset(["de", "du", "des", "le", "la", "van", "von", "da", "di", "del", "dos", "d'"])
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MARKDOWN_EMPTY = re.compile(r"^-*$")


@dataclass
class AtlasPerson:
    family_name: str
    given_name: str = ""
    function: str = ""
    email: str | None = None
    phone: str | None = None
    organisation: str | None = None  # the foreign partner's name as the record writes it

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@dataclass
class AtlasOrganisation:
    name: str
    country: str | None = None  # ISO code
    country_text: str = ""  # as written


@dataclass
class AtlasFunding:
    funder: str
    amount: Decimal
    water_amount: Decimal | None = None
    year: int | None = None


@dataclass
class AtlasRecord:
    title: str
    convention_year: int | None = None
    theme: str | None = None
    sub_theme: str | None = None
    sub_sub_theme: str | None = None
    other_themes: list[str] = field(default_factory=list)
    start_year: int | None = None
    status: str | None = None  # planned | ongoing | finished
    status_text: str = ""
    end: str | None = None  # ISO date
    context: str = ""
    history: str = ""
    objectives: str = ""
    description: str = ""
    form: str | None = None
    project_managers: str = ""
    owners: str = ""
    beneficiaries: str = ""
    foreign_partners: list[AtlasOrganisation] = field(default_factory=list)
    foreign_contacts: list[AtlasPerson] = field(default_factory=list)
    local_authorities: list[str] = field(default_factory=list)
    post_name: str | None = None
    post_contacts: list[AtlasPerson] = field(default_factory=list)
    funding: list[AtlasFunding] = field(default_factory=list)
    triennial: bool | None = None
    communication_france: bool | None = None
    communication_partner: bool | None = None
    evaluation_done: bool | None = None
    volunteers: str = ""
    warnings: list[str] = field(default_factory=list)


NOT_ATLAS = N_(
    "Ce texte ne ressemble pas à une fiche de l'Atlas de la coopération décentralisée "
    "(rubriques « Titre », « Thématique d'intervention », « Financement du partenariat »… "
    "introuvables)."
)


def parse_atlas(text: str) -> AtlasRecord:
    """Read an Atlas record; a French :class:`ExchangeError` when the text is not one."""
    parts = split_sections(text or "")
    known = set(parts.sections) - {"footer", "implementation"}
    if len(known) < 3 or (not parts.has_marker and len(known) < 5):
        raise ExchangeError(_(NOT_ATLAS))
    title = parts.value("title")
    if not title:
        raise ExchangeError(
            _("La fiche de l'Atlas n'a pas de titre (rubrique « Titre » vide ou absente).")
        )
    record = AtlasRecord(title=title)
    w = record.warnings
    record.convention_year = _year(
        parts.value("convention_year"), N_("Année de première signature"), w
    )
    record.start_year = _year(parts.value("start_year"), N_("Année de début du partenariat"), w)
    record.theme = parts.value("theme") or None
    record.sub_theme = parts.value("sub_theme") or None
    record.sub_sub_theme = parts.value("sub_sub_theme") or None
    record.status_text = parts.value("status")
    record.status = STATUSES.get(fold(record.status_text).rstrip(". "))
    if record.status_text and record.status is None:
        w.append(
            _("Statut non reconnu : « {text} » (laissé vide).").format(text=record.status_text)
        )
    record.end = _date(parts.value("end"), w)
    for key in (
        "context",
        "history",
        "objectives",
        "description",
        "beneficiaries",
        "owners",
        "project_managers",
    ):
        setattr(record, key, parts.text(key))
    record.form = parts.value("form") or None
    record.triennial = parts.flags.get("triennial")
    record.communication_france = parts.flags.get("communication_france")
    record.communication_partner = parts.flags.get("communication_partner")
    record.evaluation_done = parts.flags.get("evaluation_done")
    _tables(parts, record)
    record.post_name = parts.post_name
    record.post_contacts = _post_people(parts.lines("post"), w)
    return record


def _year(text: str, label: str, warnings: list[str]) -> int | None:
    if not text:
        return None
    match = re.fullmatch(r"\d{4}", text.strip())
    if not match:
        warnings.append(
            _("{label} illisible : « {text} » (laissée vide).").format(label=_(label), text=text)
        )
        return None
    return int(text)


def _date(text: str, warnings: list[str]) -> str | None:
    text = text.strip()
    if not text:
        return None
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            pass
    elif match := re.fullmatch(r"(\d{1,2})/(\d{4})", text):
        if 1 <= int(match.group(1)) <= 12:
            return f"{match.group(2)}-{int(match.group(1)):02d}"
    elif re.fullmatch(r"\d{4}", text):
        return text
    warnings.append(_("Date de fin illisible : « {text} » (laissée vide).").format(text=text))
    return None


def _email(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\s*[\[(]\s*(at|arobase)\s*[\])]\s*", "@", text.strip(), flags=re.I)
    return re.sub(r"\s*[\[(]\s*(dot|point)\s*[\])]\s*", ".", text, flags=re.I)


def _looks_like_email(text: str) -> bool:
    return bool(EMAIL.match(_email(text) or ""))


def _person_name(text: str) -> tuple[str, str]:
    """("Vaillant", "Sarah") from "Sarah VAILLANT"; the last word is the family name otherwise."""
    words = text.split()
    upper = [w for w in words if w.isupper() and len(w.strip(".-'")) > 1]
    if upper and len(upper) < len(words):
        family = " ".join(upper)
        given = " ".join(w for w in words if w not in upper)
    else:
        family, given = (words[-1], " ".join(words[:-1])) if words else ("", "")
    return _unshout(family), given


def _unshout(name: str) -> str:
    """ "VAILLANT" → "Vaillant", "LE GOFF" → "Le Goff"; mixed case left alone."""
    return name.title() if name.isupper() else name


def _post_people(lines: list[str], warnings: list[str]) -> list[AtlasPerson]:
    people: list[AtlasPerson] = []
    pending: str | None = None  # "email" or "phone" when the value is on the next line
    current: AtlasPerson | None = None
    for line in dedupe(lines):
        key = fold(line)
        label = re.match(r"^(courriel|e-?mail|mel|telephone|tel)\s*\.?\s*:?\s*", key)
        if label:
            kind = "phone" if label.group(1).startswith("tel") else "email"
            value = line[label.end() :].strip()
            if value and current is not None:
                setattr(current, kind, _email(value) if kind == "email" else value)
            pending = None if value else kind
            continue
        if pending and current is not None and (pending == "phone" or _looks_like_email(line)):
            setattr(current, pending, _email(line) if pending == "email" else line)
            pending = None
            continue
        pending = None
        if current is not None and current.function and not current.family_name:
            current.family_name, current.given_name = _person_name(line)
        else:
            current = AtlasPerson(family_name="", function=line)
            people.append(current)
    for person in people:
        if not person.family_name:
            warnings.append(
                _("Contact du poste sans nom (fonction « {function} ») : ignoré.").format(
                    function=person.function
                )
            )
    return [p for p in people if p.family_name]


def _tables(parts: AtlasText, record: AtlasRecord) -> None:
    w = record.warnings
    _headers, rows = table_rows(
        parts.lines("foreign_partners"), ("nom de la collectivite etrangere",)
    )
    for cells in rows:
        if len(cells) > 1:
            name, country_text = cells[0], cells[1]
        else:
            name, country_text = _split_country(cells[0])
        code = country_code(country_text)
        if country_text and code is None:
            w.append(
                _("Pays inconnu pour « {name} » : « {country} ».").format(
                    name=name, country=country_text
                )
            )
        record.foreign_partners.append(AtlasOrganisation(name, code, country_text))
    _headers, rows = table_rows(
        parts.lines("local_authorities"), ("nom de la collectivite territoriale",)
    )
    record.local_authorities = [cells[0] for cells in rows if cells and cells[0]]
    known = [o.name for o in record.foreign_partners] + record.local_authorities
    _headers, rows = table_rows(
        parts.lines("foreign_contacts"), ("nom de la collectivite etrangere",)
    )
    for cells in rows:
        person = _contact_cells(cells, w) if len(cells) > 1 else _split_contact(cells[0], known, w)
        if person is not None:
            record.foreign_contacts.append(person)
    _headers, rows = table_rows(parts.lines("funding"), ("nom du financeur",))
    for cells in rows:
        line = _funding(cells, w)
        if line is not None:
            record.funding.append(line)
    _markdown, rows = table_rows(parts.lines("volunteers"), ("nom prenom mission", "nom | prenom"))
    record.volunteers = "\n".join(" – ".join(c for c in cells if c) for cells in rows)
    _headers, rows = table_rows(parts.lines("other_themes"), ("thematique eligible",))
    record.other_themes = [" › ".join(c for c in cells if c) for cells in rows]


def _split_country(line: str) -> tuple[str, str]:
    """ "Technopole Maritime du Québec Canada" → (name, "Canada"): the longest country suffix."""
    words = line.split()
    for size in range(min(5, len(words) - 1), 0, -1):
        suffix = " ".join(words[-size:])
        if country_code(suffix):
            return " ".join(words[:-size]), suffix
    return line, ""


def _contact_cells(cells: list[str], warnings: list[str]) -> AtlasPerson | None:
    cells = (cells + [""] * 5)[:5]
    org, family, given, function, email = (c.strip() for c in cells)
    if not family:
        warnings.append(
            _("Contact sans nom ignoré ({cells}).").format(cells=" | ".join(c for c in cells if c))
        )
        return None
    return AtlasPerson(_unshout(family), given, function, _email(email) or None, None, org or None)


def _split_contact(line: str, known: list[str], warnings: list[str]) -> AtlasPerson | None:
    """Split "Org Family Given Function email" using the known organisation names."""
    words = line.split()
    email = None
    if words and ("@" in words[-1] or "[at]" in words[-1].lower()):
        email = _email(words.pop())
    known_folded = {fold(name) for name in known}
    org_size = next(
        (n for n in range(len(words) - 1, 0, -1) if fold(" ".join(words[:n])) in known_folded), 0
    )
    if org_size:
        org, rest = " ".join(words[:org_size]), words[org_size:]
    else:
        start = next(
            (i for i, word in enumerate(words) if i >= 2 and fold(word) in FUNCTION_WORDS), None
        )
        if start is None:
            start = len(words)
        org, rest = " ".join(words[: start - 2]), words[start - 2 :]
        warnings.append(
            _("Contact découpé sans organisation connue, à vérifier : « {line} ».").format(
                line=line
            )
        )
    if len(rest) < 1:
        warnings.append(_("Contact illisible ignoré : « {line} ».").format(line=line))
        return None
    family_size = 1
    while family_size < len(rest) - 1 and fold(rest[family_size - 1]) in PARTICLES:
        family_size += 1
    family = " ".join(rest[:family_size])
    given = rest[family_size] if len(rest) > family_size else ""
    function = " ".join(rest[family_size + 1 :])
    return AtlasPerson(_unshout(family), given, function, email, None, org or None)


def _amount(text: str) -> Decimal | None:
    cleaned = text.replace("\u202f", "").replace(" ", "").replace("€", "").replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _funding(cells: list[str], warnings: list[str]) -> AtlasFunding | None:
    if len(cells) > 1:
        funder, numbers = cells[0], [c for c in cells[1:] if not MARKDOWN_EMPTY.match(c)]
    else:
        words = cells[0].split()
        split = len(words)
        while split > 1 and re.fullmatch(r"\d[\d.,]*", words[split - 1]):
            split -= 1
        funder, numbers = " ".join(words[:split]), _merge_thousands(words[split:])
    amounts = [_amount(n) for n in numbers]
    values = [v for v in amounts if v is not None]
    if not funder or not values or len(values) < len(amounts):
        warnings.append(
            _("Ligne de financement illisible ignorée : « {cells} ».").format(
                cells=" | ".join(cells)
            )
        )
        return None
    year = None
    if len(values) >= 2 and values[-1] == values[-1].to_integral() and 1900 <= values[-1] <= 2100:
        year = int(values.pop())
    return AtlasFunding(funder, values[0], values[1] if len(values) > 1 else None, year)


def _merge_thousands(tokens: list[str]) -> list[str]:
    """["10", "500", "2019"] → ["10500", "2019"]: groups of three digits after 1–3 digits."""
    merged: list[str] = []
    for token in tokens:
        if (
            merged
            and re.fullmatch(r"\d{3}", token)
            and re.fullmatch(r"\d{1,3}( ?\d{3})*", merged[-1])
            and not re.fullmatch(r"(19|20)\d\d", token)
        ):
            merged[-1] = f"{merged[-1]} {token}"
        else:
            merged.append(token)
    return merged
