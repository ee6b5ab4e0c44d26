"""What the APD declaration classifies by: channels, policy markers, funders, OECD lists.

The channels and markers are fixed (the OECD's); the funders' classification and the two
OECD lists live in the database so that an administrator keeps them up to date:

- ``apd_funder``: each funder named on funding lines is either the authority's own money
  (``own``: Ville de Brest, Brest métropole) or co-financing it received (``cofunder``:
  the MEAE, partners).  Why a table of funders rather than a flag on each line: funding
  lines name their funder as text, the same funder on dozens of lines; one decision per
  funder keeps them consistent, and a funder the table does not know is a warning of the
  declaration rather than a silent guess.  Matched on the folded name.
- ``apd_country``: the OECD DAC list of ODA recipients, one row per country and edition
  with the years it covers (migration 10 fills it from ``relations_app/data/``).
- ``apd_sector``: the CRS purpose codes with French and English labels (a subset).

The JSON dump carries all three in its ``apd`` section (:func:`export_section`,
:func:`validate_section`, :func:`write_section`), merged by key on import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from ..db import apd_seed
from ..db.models import ApdCountry, ApdFunder, ApdSector, database
from ..errors import UserError
from ..i18n import N_, _, language
from ..text import fold
from ..validation import Field, ValidationError, clean

#: Channels of delivery, with the CRS channel code each stands for.
CHANNELS = (
    "authority",
    "partner_authority",
    "french_ngo",
    "local_ngo",
    "international_ngo",
    "multilateral",
    "research",
    "private",
    "other",
)
CHANNEL_LABELS = {
    "authority": N_("Action directe de la collectivité"),
    "partner_authority": N_("Collectivité ou administration du pays partenaire"),
    "french_ngo": N_("ONG ou association française"),
    "local_ngo": N_("ONG ou association du pays partenaire"),
    "international_ngo": N_("ONG internationale"),
    "multilateral": N_("Organisation multilatérale"),
    "research": N_("Université ou institut de recherche"),
    "private": N_("Secteur privé"),
    "other": N_("Autre canal"),
}
CHANNEL_CODES = {
    "authority": "11000",
    "partner_authority": "12000",
    "french_ngo": "22000",
    "local_ngo": "23000",
    "international_ngo": "21000",
    "multilateral": "40000",
    "research": "51000",
    "private": "60000",
    "other": "90000",
}

#: The OECD policy markers, each scored "0" (not targeted), "1" (significant), "2" (principal).
MARKERS = (
    "marker_gender",
    "marker_environment",
    "marker_governance",
    "marker_biodiversity",
    "marker_climate_mitigation",
    "marker_climate_adaptation",
    "marker_desertification",
    "marker_nutrition",
    "marker_disability",
)
MARKER_LABELS = {
    "marker_gender": N_("Égalité femmes-hommes"),
    "marker_environment": N_("Environnement"),
    "marker_governance": N_("Développement participatif, bonne gouvernance"),
    "marker_biodiversity": N_("Biodiversité (Rio)"),
    "marker_climate_mitigation": N_("Atténuation du changement climatique (Rio)"),
    "marker_climate_adaptation": N_("Adaptation au changement climatique (Rio)"),
    "marker_desertification": N_("Lutte contre la désertification (Rio)"),
    "marker_nutrition": N_("Nutrition"),
    "marker_disability": N_("Inclusion des personnes handicapées"),
}
MARKER_SCORES = ("0", "1", "2")
MARKER_SCORE_LABELS = {
    "0": N_("0 – non ciblé"),
    "1": N_("1 – objectif significatif"),
    "2": N_("2 – objectif principal"),
}

FUNDER_ROLES = ("own", "cofunder")
FUNDER_ROLE_LABELS = {
    "own": N_("Fonds propres de la collectivité"),
    "cofunder": N_("Cofinancement reçu"),
}
STAGES = ("planned", "actual")
STAGE_LABELS = {"planned": N_("Prévu"), "actual": N_("Réalisé")}

SECTOR_CODE = re.compile(r"\d{3}(\d{2})?")

FUNDER_FIELDS = (
    Field("name", "Financeur", required=True),
    Field("role", "Classement APD", "choice", choices=FUNDER_ROLES, required=True),
)
COUNTRY_FIELDS = (
    Field("code", "Code pays", required=True),
    Field("first_year", "Première année", "year", required=True),
    Field("last_year", "Dernière année", "year", required=True),
    Field("edition", "Édition", required=True),
    Field("category", "Catégorie"),
)
SECTOR_FIELDS = (
    Field("code", "Code-objet", required=True),
    Field("label_fr", "Libellé (français)", required=True),
    Field("label_en", "Libellé (anglais)"),
)
SECTION_KEYS = ("funders", "countries", "sectors")


def sector_problem(code: str) -> str | None:
    """Why ``code`` is no purpose code (3 or 5 digits); None when it is one."""
    if SECTOR_CODE.fullmatch(code):
        return None
    return _("code-objet du CAD attendu (3 ou 5 chiffres) : « {code} »").format(code=code[:20])


# -- reading ---------------------------------------------------------------------------


def funder_roles() -> dict[str, str]:
    """Folded funder name -> "own" or "cofunder"."""
    return {row.folded: row.role for row in ApdFunder.select(ApdFunder.folded, ApdFunder.role)}


def funders() -> list[dict[str, str]]:
    query = ApdFunder.select().order_by(ApdFunder.role.desc(), ApdFunder.folded)
    return [{"name": row.name, "role": row.role} for row in query]


def eligible_countries(year: int) -> dict[str, dict[str, str]]:
    """The countries on the DAC list for ``year``: code -> its edition and category."""
    query = ApdCountry.select().where(
        (ApdCountry.first_year <= year) & (ApdCountry.last_year >= year)
    )
    return {row.code: {"edition": row.edition, "category": row.category} for row in query}


def editions() -> list[dict[str, Any]]:
    """The editions the database holds: name, first and last year, number of countries."""
    from peewee import fn

    query = (
        ApdCountry.select(
            ApdCountry.edition,
            fn.MIN(ApdCountry.first_year).alias("first"),
            fn.MAX(ApdCountry.last_year).alias("last"),
            fn.COUNT(ApdCountry.id).alias("countries"),
        )
        .group_by(ApdCountry.edition)
        .order_by(fn.MIN(ApdCountry.first_year))
        .dicts()
    )
    return [
        {
            "edition": r["edition"],
            "first_year": r["first"],
            "last_year": r["last"],
            "countries": r["countries"],
        }
        for r in query
    ]


def sectors() -> list[dict[str, str]]:
    """Every purpose code, in code order, with its label in the interface's language."""
    english = language() == "en"
    return [
        {
            "code": row.code,
            "label": (row.label_en or row.label_fr) if english else row.label_fr,
        }
        for row in ApdSector.select().order_by(ApdSector.code)
    ]


def sector_labels(codes: Iterable[str]) -> dict[str, str]:
    wanted = [c for c in set(codes) if c]
    if not wanted:
        return {}
    english = language() == "en"
    return {
        row.code: (row.label_en or row.label_fr) if english else row.label_fr
        for row in ApdSector.select().where(ApdSector.code.in_(wanted))
    }


@lru_cache(maxsize=1)
def sources() -> list[dict[str, str]]:
    """The bundled lists' sources, as their files name them (for the worksheet's notes)."""
    countries = apd_seed.bundled(apd_seed.COUNTRIES_FILE)
    codes = apd_seed.bundled(apd_seed.SECTORS_FILE)
    found = [
        {"title": e["title"], "url": e["url"], "edition": e["edition"], "date": e["adopted"]}
        for e in countries["editions"]
    ]
    found.append(
        {
            "title": codes["source"]["title"],
            "url": codes["source"]["url"],
            "edition": codes["source"]["edition"],
            "date": codes["source"]["transcribed"],
        }
    )
    return found


# -- the JSON dump's section -------------------------------------------------------------


def export_section() -> dict[str, list[dict[str, Any]]]:
    return {
        "funders": funders(),
        "countries": [
            {
                "code": r.code,
                "first_year": r.first_year,
                "last_year": r.last_year,
                "edition": r.edition,
                "category": r.category,
            }
            for r in ApdCountry.select().order_by(ApdCountry.code, ApdCountry.first_year)
        ],
        "sectors": [
            {"code": r.code, "label_fr": r.label_fr, "label_en": r.label_en}
            for r in ApdSector.select().order_by(ApdSector.code)
        ],
    }


def _clean_rows(key: str, fields: tuple[Field, ...], rows: Any) -> list[dict]:
    if not isinstance(rows, list):
        raise ValidationError(key, _("une liste est attendue"))
    errors: dict[str, str] = {}
    cleaned: list[dict] = []
    for index, row in enumerate(rows):
        where = f"{key}[{index}]"
        if not isinstance(row, Mapping):
            errors[where] = _("un objet est attendu")
            continue
        unknown = sorted(set(row) - {f.name for f in fields})
        if unknown:
            errors[f"{where}.{unknown[0][:40]}"] = _("clé inconnue")
            continue
        try:
            cleaned.append(clean(fields, row))
        except ValidationError as exc:
            errors.update({f"{where}.{k}": v for k, v in exc.errors.items()})
    if errors:
        raise ValidationError(errors)
    return cleaned


def validate_section(raw: Any) -> dict[str, list[dict]]:
    """The ``apd`` section of a JSON document, checked; raises ``ValidationError``."""
    if not isinstance(raw, Mapping):
        raise ValidationError("apd", _("un objet est attendu"))
    unknown = sorted(set(raw) - set(SECTION_KEYS))
    if unknown:
        raise ValidationError(f"apd.{unknown[0][:40]}", _("clé inconnue"))
    errors: dict[str, str] = {}
    section: dict[str, list[dict]] = {}
    for key, fields in zip(
        SECTION_KEYS, (FUNDER_FIELDS, COUNTRY_FIELDS, SECTOR_FIELDS), strict=True
    ):
        if key not in raw:
            continue
        try:
            section[key] = _clean_rows(key, fields, raw[key])
        except ValidationError as exc:
            errors.update({f"apd.{k}": v for k, v in exc.errors.items()})
            continue
        for index, row in enumerate(section[key]):
            errors.update(_row_problems(key, index, row))
    if errors:
        raise ValidationError(errors)
    return section


def _row_problems(key: str, index: int, row: dict) -> dict[str, str]:
    where = f"apd.{key}[{index}]"
    if key == "countries":
        if not re.fullmatch(r"[A-Z]{2}", row["code"].upper()):
            return {f"{where}.code": _("code pays à deux lettres attendu")}
        if row["last_year"] < row["first_year"]:
            return {f"{where}.last_year": _("la dernière année précède la première")}
    if key == "sectors" and (problem := sector_problem(row["code"])):
        return {f"{where}.code": problem}
    return {}


def import_lists(section: Mapping[str, list[dict]]) -> None:
    """A new edition of the OECD lists (``apd-listes --pays/--secteurs``): the whole
    office's reference, so on a server only the ``administration`` role may replace it
    (funders stay each editor's to classify)."""
    from . import access

    rights = access.current()
    if not rights.can_administer:
        raise UserError(
            _(
                "Importer les listes de l'OCDE est réservé au rôle administration "
                "(connecté en tant que {access})."
            ).format(access=rights.describe())
        )
    write_section(section)


def write_section(section: Mapping[str, list[dict]]) -> None:
    """Merge a checked section: each funder, country-year and code replaced or added."""
    with database.atomic():
        for row in section.get("funders", ()):
            set_funder(row["name"], row["role"])
        for row in section.get("countries", ()):
            code = row["code"].upper()
            ApdCountry.delete().where(
                (ApdCountry.code == code) & (ApdCountry.first_year == row["first_year"])
            ).execute()
            ApdCountry.insert(
                code=code,
                first_year=row["first_year"],
                last_year=row["last_year"],
                edition=row["edition"],
                category=row.get("category") or "",
            ).execute()
        for row in section.get("sectors", ()):
            ApdSector.delete().where(ApdSector.code == row["code"]).execute()
            ApdSector.insert(
                code=row["code"], label_fr=row["label_fr"], label_en=row.get("label_en") or ""
            ).execute()


def set_funder(name: str, role: str | None) -> None:
    """Classify funder ``name`` as ``own`` or ``cofunder`` (None: forget it)."""
    folded = fold(name)[:255]
    if not folded:
        raise ValidationError("name", _("ce champ est obligatoire"))
    if role is not None and role not in FUNDER_ROLES:
        raise ValidationError("role", _("valeur « {value} » non prévue").format(value=role))
    with database.atomic():
        ApdFunder.delete().where(ApdFunder.folded == folded).execute()
        if role is not None:
            ApdFunder.insert(name=name.strip(), folded=folded, role=role).execute()
