"""The yearly APD declaration (article L.1115-6 CGCT, "e-APD"): the worksheet and its warnings.

For a calendar year, :func:`apd_worksheet` gathers the year's funding lines with their
programmes and adds them up per country × channel × sector: the authority's own money
(funders classified ``own`` in :mod:`.apd_lists`), of which the "1 % eau / déchets /
énergie" amounts (the funding line's ``water_amount``, part of its amount), and, for
information only, the co-financing received, which the declaration does not count.  Only
the countries on the OECD DAC list for that year are declared; the others are listed
apart ("hors APD").  A programme's country is its first partner's.

It reads in a fixed handful of queries whatever the size of the database (the year's
funding lines with their programmes, the first partners' countries, the lines without a
year, the funders' classification, the year's DAC list, the purpose codes' labels), and
says what stands in the way of a sound declaration (:class:`ApdWarning`, each naming the
record to open).  :func:`apd_summary` is the short form other documents print (the
activity report); its signature is kept stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import peewee as pw

from ..countries import country_name
from ..db.models import Funding, Partner, Programme, ProgrammePartner
from ..i18n import N_, _, language, ngettext
from ..text import fold
from ..validation import MAX_YEAR, MIN_YEAR, ValidationError
from . import apd_lists

ZERO = Decimal("0.00")
#: At most this many warnings of one kind are listed; the rest are counted.
MAX_WARNINGS_PER_KIND = 200
YEAR_LABEL = {"year": N_("Année")}


@dataclass(frozen=True)
class ApdWarning:
    """Something to fix before declaring, and the record it is about (to open it)."""

    kind: str  # "no_sector_or_channel", "no_year", "unknown_funder", "planned", …
    text: str  # in the interface's language
    collection: str | None = "programmes"
    record_id: str | None = None
    label: str = ""  # the record's name
    funder: str = ""  # "unknown_funder": the funder to classify (apd_lists.set_funder)


@dataclass
class ProgrammeShare:
    """One programme's part of the year: its amounts and what the declaration reads of it."""

    id: str
    title: str
    country: str | None
    eligible: bool
    channel: str | None
    sector: str | None
    markers: dict[str, str]
    own: Decimal = ZERO
    water: Decimal = ZERO
    cofunding: Decimal = ZERO
    unknown: Decimal = ZERO  # lines of funders neither own nor known co-funders
    planned: Decimal = ZERO  # of own + cofunding: amounts recorded as planned only
    funders: list[str] = field(default_factory=list)

    @property
    def own_excluding_water(self) -> Decimal:
        return self.own - self.water


@dataclass
class WorksheetLine:
    """One line of the declaration: a country, a channel, a sector, and their programmes."""

    country: str
    channel: str | None
    sector: str | None
    programmes: list[ProgrammeShare]

    def total(self, name: str) -> Decimal:
        return sum((getattr(p, name) for p in self.programmes), ZERO)

    @property
    def own(self) -> Decimal:
        return self.total("own")

    @property
    def water(self) -> Decimal:
        return self.total("water")

    @property
    def cofunding(self) -> Decimal:
        return self.total("cofunding")

    @property
    def own_excluding_water(self) -> Decimal:
        return self.own - self.water

    def marker(self, name: str) -> str:
        """The highest score its programmes give marker ``name`` ("" when none scores it)."""
        scores = [p.markers.get(name) or "" for p in self.programmes]
        return max(scores, default="")


@dataclass
class Worksheet:
    year: int
    editions: list[str]  # the DAC list editions that cover the year
    lines: list[WorksheetLine]  # eligible countries
    outside: list[WorksheetLine]  # "hors APD": countries not on the list, or none known
    warnings: list[ApdWarning]
    more_warnings: dict[str, int]  # kind -> warnings not listed beyond the cap
    country_names: dict[str, str]
    channel_labels: dict[str, str]
    sector_labels: dict[str, str]
    queries: int = 0

    def total(self, name: str, *, outside: bool = False) -> Decimal:
        lines = self.outside if outside else self.lines
        return sum((line.total(name) for line in lines), ZERO)

    @property
    def programmes(self) -> list[ProgrammeShare]:
        return [p for line in (*self.lines, *self.outside) for p in line.programmes]


def check_year(year: object) -> int:
    """``year`` as a calendar year, or a French refusal."""
    try:
        value = int(str(year).strip())
    except ValueError:
        raise ValidationError(
            "year",
            _("« {value} » n'est pas une année (4 chiffres)").format(value=str(year)[:20]),
            labels=YEAR_LABEL,
        ) from None
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ValidationError(
            "year",
            _("année hors limites ({first}–{last}) : {year}").format(
                first=MIN_YEAR, last=MAX_YEAR, year=value
            ),
            labels=YEAR_LABEL,
        )
    return value


def _runs_in(year: int) -> pw.Node:
    """Programmes whose dates (partial ISO text, a year alone counting whole) cover ``year``."""
    text = str(year)
    starts = Programme.start.is_null() | (pw.fn.SUBSTR(Programme.start, 1, 4) <= text)
    ends = Programme.end.is_null() | (pw.fn.SUBSTR(Programme.end, 1, 4) >= text)
    return starts & ends & (Programme.start.is_null(False) | Programme.end.is_null(False))


def apd_worksheet(year: int) -> Worksheet:
    """The declaration of calendar year ``year``: its lines, the "hors APD" lines, the
    warnings."""
    year = check_year(year)
    queries = 0
    roles = apd_lists.funder_roles()
    eligible = apd_lists.eligible_countries(year)
    queries += 2
    funding = (
        Funding.select(
            Funding.programme,
            Funding.funder,
            Funding.amount,
            Funding.water_amount,
            Funding.stage,
            Programme.title,
            Programme.apd_sector,
            Programme.apd_channel,
            *(getattr(Programme, name) for name in apd_lists.MARKERS),
        )
        .join(Programme)
        .where(Funding.year == year)
        .order_by(Programme.sort_key, Programme.id, Funding.position)
    )
    shares: dict[str, ProgrammeShare] = {}
    unknown_funders: dict[str, tuple[str, str]] = {}  # programme id -> (funder, title)
    for line in funding.namedtuples():  # plain rows: no model built per line
        share = shares.get(line.programme)
        if share is None:
            share = shares[line.programme] = ProgrammeShare(
                id=line.programme,
                title=line.title,
                country=None,
                eligible=False,
                channel=line.apd_channel or None,
                sector=line.apd_sector or None,
                markers={
                    name: getattr(line, name)
                    for name in apd_lists.MARKERS
                    if getattr(line, name) is not None
                },
            )
        role = roles.get(fold(line.funder)[:255])
        amount = line.amount or ZERO
        if line.funder not in share.funders:
            share.funders.append(line.funder)
        if role == "own":
            share.own += amount
            share.water += line.water_amount or ZERO
        elif role == "cofunder":
            share.cofunding += amount
        else:
            share.unknown += amount
            unknown_funders.setdefault(line.programme, (line.funder, line.title))
        if line.stage == "planned":
            share.planned += amount
    queries += 1
    if shares:
        first_partners = (
            ProgrammePartner.select(
                ProgrammePartner.programme, ProgrammePartner.position, Partner.country
            )
            .join(Partner)
            .where(
                ProgrammePartner.programme.in_(
                    Funding.select(Funding.programme).where(Funding.year == year)
                )
            )
            .order_by(ProgrammePartner.programme, ProgrammePartner.position)
        )
        for link in first_partners.namedtuples():
            share = shares[link.programme]
            if share.country is None:
                share.country = link.country
                share.eligible = link.country in eligible
        queries += 1
    undated = (
        Funding.select(Funding.programme, Programme.title, pw.fn.COUNT(Funding.id).alias("lines"))
        .join(Programme)
        .where(Funding.year.is_null() & _runs_in(year))
        .group_by(Funding.programme, Programme.title)
        .order_by(Programme.title)
        .objects()
    )
    undated_rows = [(row.programme_id, row.title, row.lines) for row in undated]
    queries += 1
    sector_labels = apd_lists.sector_labels(s.sector for s in shares.values() if s.sector)
    queries += 1
    lines, outside = _lines(shares.values())
    warnings, more = _warnings(year, eligible, shares, unknown_funders, undated_rows, sector_labels)
    english = language() == "en"
    return Worksheet(
        year=year,
        editions=sorted({e["edition"] for e in eligible.values()}),
        lines=lines,
        outside=outside,
        warnings=warnings,
        more_warnings=more,
        country_names={
            s.country: country_name(s.country, "en" if english else "fr")
            for s in shares.values()
            if s.country
        },
        channel_labels={c: _(apd_lists.CHANNEL_LABELS[c]) for c in apd_lists.CHANNELS},
        sector_labels=sector_labels,
        queries=queries,
    )


def _lines(shares: Iterable[ProgrammeShare]) -> tuple[list[WorksheetLine], list[WorksheetLine]]:
    grouped: dict[tuple[bool, str, str, str], WorksheetLine] = {}
    for share in shares:
        key = (share.eligible, share.country or "", share.channel or "", share.sector or "")
        line = grouped.get(key)
        if line is None:
            line = grouped[key] = WorksheetLine(
                share.country or "", share.channel, share.sector, []
            )
        line.programmes.append(share)
    ordered = sorted(grouped.items(), key=lambda item: (item[0][1], item[0][2], item[0][3]))
    return (
        [line for key, line in ordered if key[0]],
        [line for key, line in ordered if not key[0]],
    )


def _warnings(
    year: int,
    eligible: dict[str, dict[str, str]],
    shares: dict[str, ProgrammeShare],
    unknown_funders: dict[str, tuple[str, str]],
    undated: list[tuple[str, str, int]],
    sector_labels: dict[str, str],
) -> tuple[list[ApdWarning], dict[str, int]]:
    found: list[ApdWarning] = []
    if not eligible:
        found.append(
            ApdWarning(
                "no_list",
                _(
                    "Aucune liste du CAD des pays éligibles à l'APD ne couvre {year} : tous les "
                    "pays sont classés hors APD (un administrateur ajoute l'édition qui manque)."
                ).format(year=year),
                collection=None,
            )
        )
    for share in shares.values():
        if share.country is None:
            found.append(
                ApdWarning(
                    "no_country",
                    _(
                        "« {title} » : financé en {year} mais sans partenaire, donc sans pays."
                    ).format(title=share.title, year=year),
                    record_id=share.id,
                    label=share.title,
                )
            )
        elif share.eligible and (not share.sector or not share.channel):
            missing = [
                name
                for name, value in ((_("secteur CAD"), share.sector), (_("canal"), share.channel))
                if not value
            ]
            found.append(
                ApdWarning(
                    "no_sector_or_channel",
                    _("« {title} » ({country}) : financé en {year}, sans {missing}.").format(
                        title=share.title,
                        country=country_name(share.country, language()),
                        year=year,
                        missing=_(" ni ").join(missing),
                    ),
                    record_id=share.id,
                    label=share.title,
                )
            )
        if share.eligible and share.sector and share.sector not in sector_labels:
            found.append(
                ApdWarning(
                    "unknown_sector",
                    _("« {title} » : le code-objet {code} n'est pas dans la liste du CAD.").format(
                        title=share.title, code=share.sector
                    ),
                    record_id=share.id,
                    label=share.title,
                )
            )
        if share.eligible and not share.own and (share.cofunding or share.unknown):
            found.append(
                ApdWarning(
                    "cofunding_only",
                    _(
                        "« {title} » : en {year}, seuls des cofinancements sont enregistrés ; la "
                        "part de la collectivité manque (rien n'est déclaré)."
                    ).format(title=share.title, year=year),
                    record_id=share.id,
                    label=share.title,
                )
            )
        if share.planned:
            found.append(
                ApdWarning(
                    "planned",
                    _(
                        "« {title} » : {amount} € de {year} sont des montants prévus, non des "
                        "dépenses constatées."
                    ).format(title=share.title, amount=_amount(share.planned), year=year),
                    record_id=share.id,
                    label=share.title,
                )
            )
    for programme_id, (funder, title) in unknown_funders.items():
        found.append(
            ApdWarning(
                "unknown_funder",
                _(
                    "« {title} » : le financeur « {funder} » n'est classé ni comme fonds propres "
                    "ni comme cofinancement (non compté)."
                ).format(title=title, funder=funder),
                record_id=programme_id,
                label=title,
                funder=funder,
            )
        )
    for programme_id, title, count in undated:
        found.append(
            ApdWarning(
                "no_year",
                ngettext(
                    "« {title} » : {count} ligne de financement sans année, non comptée "
                    "(le programme couvre {year}).",
                    "« {title} » : {count} lignes de financement sans année, non comptées "
                    "(le programme couvre {year}).",
                    count,
                ).format(title=title, count=count, year=year),
                record_id=programme_id,
                label=title,
            )
        )
    kept: list[ApdWarning] = []
    seen: dict[str, int] = {}
    more: dict[str, int] = {}
    for warning in found:
        seen[warning.kind] = seen.get(warning.kind, 0) + 1
        if seen[warning.kind] <= MAX_WARNINGS_PER_KIND:
            kept.append(warning)
        else:
            more[warning.kind] = more.get(warning.kind, 0) + 1
    return kept, more


def _amount(value: Decimal) -> str:
    """ "12 000" or "12 000,50" (French grouping, narrow no-break space); "12,000.50" in
    English."""
    whole = value == value.to_integral_value()
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    if language() == "en":
        return text
    return text.replace(",", "\u202f").replace(".", ",")


def apd_summary(year: int) -> dict:
    """The declaration of ``year`` in short, for other documents (the activity report).

    Keys: ``year``; ``editions`` (the DAC list editions used); ``own_eur``, ``water_eur``,
    ``own_excluding_water_eur``, ``cofunding_eur`` (eligible countries, ``Decimal``);
    ``outside_own_eur`` (own money in countries not on the list, not declared);
    ``countries`` (one dict per eligible country: ``code``, ``name``, ``own_eur``,
    ``water_eur``, ``programmes``: the number of programmes); ``programmes`` (eligible
    programmes with funding that year); ``warnings`` (how many)."""
    sheet = apd_worksheet(year)
    countries: dict[str, dict] = {}
    for line in sheet.lines:
        entry = countries.setdefault(
            line.country,
            {
                "code": line.country,
                "name": sheet.country_names.get(line.country, line.country),
                "own_eur": ZERO,
                "water_eur": ZERO,
                "programmes": 0,
            },
        )
        entry["own_eur"] += line.own
        entry["water_eur"] += line.water
        entry["programmes"] += len(line.programmes)
    return {
        "year": sheet.year,
        "editions": sheet.editions,
        "own_eur": sheet.total("own"),
        "water_eur": sheet.total("water"),
        "own_excluding_water_eur": sheet.total("own_excluding_water"),
        "cofunding_eur": sheet.total("cofunding"),
        "outside_own_eur": sheet.total("own", outside=True),
        "countries": sorted(countries.values(), key=lambda c: fold(c["name"])),
        "programmes": sum(len(line.programmes) for line in sheet.lines),
        "warnings": len(sheet.warnings) + sum(sheet.more_warnings.values()),
    }
