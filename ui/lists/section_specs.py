"""What each section lists: its title, count, filters, search hint and editor.

The list itself (its service functions and columns) comes from the record type's
declaration (:mod:`relations_app.records`, columns made by :mod:`.columns`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject

from relations_app.records import RECORD_TYPES
from relations_app.services import (
    GET_FUNCTIONS,
    LIST_FUNCTIONS,
    dashboard,
    deadlines,
    delegations,
    organisations,
    partners,
    programmes,
)

from ..kit import labels
from ..pages.editors import EDITORS
from .columns import list_columns
from .section import FilterSpec, SectionSpec


class Counts(QObject):
    """How many rows a list shows, with French plurals (%n in the catalogue)."""

    def text(self, source: str, n: int) -> str:
        texts = {
            "%n partner(s)": lambda: self.tr("%n partner(s)", "", n),
            "%n programme(s)": lambda: self.tr("%n programme(s)", "", n),
            "%n organisation(s)": lambda: self.tr("%n organisation(s)", "", n),
            "%n contact(s)": lambda: self.tr("%n contact(s)", "", n),
            "%n diplomatic post(s)": lambda: self.tr("%n diplomatic post(s)", "", n),
            "%n honorary consulate(s)": lambda: self.tr("%n honorary consulate(s)", "", n),
            "%n delegation(s)": lambda: self.tr("%n delegation(s)", "", n),
        }
        return texts[source]()


COUNTS = Counts()


def _choices(field_name: str, codes) -> list[tuple[str, str]]:
    return [(c, labels.choice(field_name, c)) for c in codes]


def _watch_options() -> list[tuple[object, str]]:
    """The dashboard's lists of programmes, then the funding chart's bars."""
    funded = QCoreApplication.translate("sections", "Funded in %1")
    return [
        (deadlines.ENDING_SOON, QCoreApplication.translate("sections", "Ending within six months")),
        (
            deadlines.PAST_END,
            QCoreApplication.translate("sections", "Still “ongoing” after their end date"),
        ),
        *(
            (b.watch, funded.replace("%1", b.label))
            for b in dashboard.funding_bars(dashboard.funding_by_year())
        ),
    ]


def _partner_countries() -> list[tuple[str, str]]:
    return sorted(((c, labels.country(c)) for c in partners.countries_in_use()), key=lambda p: p[1])


def _section(
    key: str,
    *,
    title: Callable[[], str],
    count_text: Callable[[int], str],
    search_hint: Callable[[], str],
    filters: Sequence[FilterSpec] = (),
) -> SectionSpec:
    """The section of record type ``key``: its list from the declaration, its page here."""
    kind = RECORD_TYPES[key]
    return SectionSpec(
        key=key,
        title=title,
        count_text=count_text,
        list_fn=LIST_FUNCTIONS[key],
        columns=list_columns(kind),
        get_fn=GET_FUNCTIONS[key],
        editor=EDITORS[key],
        filters=list(filters),
        search_hint=search_hint,
    )


def build_specs() -> list[SectionSpec]:
    return [
        _section(
            "partners",
            title=lambda: QCoreApplication.translate("sections", "Partners"),
            count_text=lambda n: COUNTS.text("%n partner(s)", n),
            filters=[
                FilterSpec(
                    "kind",
                    lambda: QCoreApplication.translate("sections", "Kind of link"),
                    lambda: _choices("kind", partners.KINDS),
                ),
                FilterSpec(
                    "country",
                    lambda: QCoreApplication.translate("sections", "Country"),
                    _partner_countries,
                ),
                FilterSpec(
                    "active",
                    lambda: QCoreApplication.translate("sections", "Active"),
                    lambda: [
                        (True, QCoreApplication.translate("sections", "Active links")),
                        (False, QCoreApplication.translate("sections", "Inactive links")),
                    ],
                ),
                FilterSpec(
                    "theme",
                    lambda: QCoreApplication.translate("sections", "Theme"),
                    lambda: [(t, t) for t in partners.all_themes()],
                ),
            ],
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a partner (name, country, spelling)…"
            ),
        ),
        _section(
            "programmes",
            title=lambda: QCoreApplication.translate("sections", "Programmes"),
            count_text=lambda n: COUNTS.text("%n programme(s)", n),
            filters=[
                FilterSpec(
                    "status",
                    lambda: QCoreApplication.translate("sections", "Status"),
                    lambda: [
                        *_choices("status", programmes.STATUSES),
                        ("unknown", labels.programme_status(None)),
                    ],
                ),
                FilterSpec(
                    "kind",
                    lambda: QCoreApplication.translate("sections", "Kind"),
                    lambda: _choices("kind", programmes.KINDS),
                ),
                FilterSpec(
                    "theme",
                    lambda: QCoreApplication.translate("sections", "Theme"),
                    lambda: [(t, t) for t in programmes.theme_taxonomy()],
                ),
                FilterSpec(
                    "partner_id",
                    lambda: QCoreApplication.translate("sections", "Partner"),
                    partners.AREA.options,
                ),
                FilterSpec(  # the dashboard's lists and funding chart open with it
                    "watch",
                    lambda: QCoreApplication.translate("sections", "Deadline, funding"),
                    _watch_options,
                ),
            ],
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a programme (title, theme)…"
            ),
        ),
        _section(
            "organisations",
            title=lambda: QCoreApplication.translate("sections", "Organisations"),
            count_text=lambda n: COUNTS.text("%n organisation(s)", n),
            filters=[
                FilterSpec(
                    "kind",
                    lambda: QCoreApplication.translate("sections", "Kind"),
                    lambda: _choices("kind", organisations.KINDS),
                ),
                FilterSpec(
                    "partner_id",
                    lambda: QCoreApplication.translate("sections", "Partner"),
                    partners.AREA.options,
                ),
            ],
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search an organisation (name, acronym, city)…"
            ),
        ),
        _section(
            "contacts",
            title=lambda: QCoreApplication.translate("sections", "Contacts"),
            count_text=lambda n: COUNTS.text("%n contact(s)", n),
            filters=[
                FilterSpec(
                    "organisation_id",
                    lambda: QCoreApplication.translate("sections", "Organisation"),
                    organisations.AREA.options,
                ),
                FilterSpec(
                    "partner_id",
                    lambda: QCoreApplication.translate("sections", "Partner"),
                    partners.AREA.options,
                ),
            ],
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a person (name, e-mail, function)…"
            ),
        ),
        _section(
            "posts",
            title=lambda: QCoreApplication.translate("sections", "Diplomatic posts"),
            count_text=lambda n: COUNTS.text("%n diplomatic post(s)", n),
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a post (name, country)…"
            ),
        ),
        _section(
            "consulates",
            title=lambda: QCoreApplication.translate("sections", "Consulates"),
            count_text=lambda n: COUNTS.text("%n honorary consulate(s)", n),
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a consulate (country, address)…"
            ),
        ),
        _section(
            "delegations",
            title=lambda: QCoreApplication.translate("sections", "Delegations"),
            count_text=lambda n: COUNTS.text("%n delegation(s)", n),
            filters=[
                FilterSpec(
                    "status",
                    lambda: QCoreApplication.translate("sections", "Status"),
                    lambda: _choices("status", delegations.STATUSES),
                ),
                FilterSpec(
                    "direction",
                    lambda: QCoreApplication.translate("sections", "Direction"),
                    lambda: _choices("direction", delegations.DIRECTIONS),
                ),
            ],
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a delegation (title, member)…"
            ),
        ),
    ]
