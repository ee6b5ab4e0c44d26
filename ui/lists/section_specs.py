"""What each section lists: its columns, filters and editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from relations_app.services import (
    consulates,
    contacts,
    delegations,
    organisations,
    partners,
    posts,
    programmes,
)
from relations_app.validation import display_phone

from ..kit import labels
from ..pages.editors import EDITORS
from .record_model import Column
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


def _partner_countries() -> list[tuple[str, str]]:
    return sorted(((c, labels.country(c)) for c in partners.countries_in_use()), key=lambda p: p[1])


def build_specs() -> list[SectionSpec]:
    return [
        SectionSpec(
            key="partners",
            collection="partners",
            title=lambda: QCoreApplication.translate("sections", "Partners"),
            count_text=lambda n: COUNTS.text("%n partner(s)", n),
            list_fn=partners.list_partners,
            columns=[
                Column("name", lambda: QCoreApplication.translate("sections", "Name"), sort="name"),
                Column(
                    "country",
                    lambda: QCoreApplication.translate("sections", "Country"),
                    lambda r: labels.country(r["country"]),
                    sort="country",
                ),
                Column(
                    "kind",
                    lambda: QCoreApplication.translate("sections", "Kind of link"),
                    lambda r: labels.partner_kind(r["kind"]),
                    sort="kind",
                ),
                Column(
                    "agreement_year",
                    lambda: QCoreApplication.translate("sections", "Agreement"),
                    sort="agreement_year",
                    numeric=True,
                ),
                Column(
                    "population",
                    lambda: QCoreApplication.translate("sections", "Population"),
                    lambda r: labels.number(r["population"]),
                    sort="population",
                    numeric=True,
                ),
            ],
            get_fn=partners.get_partner,
            editor=EDITORS["partners"],
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
        SectionSpec(
            key="programmes",
            collection="programmes",
            title=lambda: QCoreApplication.translate("sections", "Programmes"),
            count_text=lambda n: COUNTS.text("%n programme(s)", n),
            list_fn=programmes.list_programmes,
            columns=[
                Column(
                    "title", lambda: QCoreApplication.translate("sections", "Title"), sort="title"
                ),
                Column("partners", lambda: QCoreApplication.translate("sections", "Partners")),
                Column(
                    "status",
                    lambda: QCoreApplication.translate("sections", "Status"),
                    lambda r: labels.programme_status(r["status"]),
                    sort="status",
                ),
                Column(
                    "start",
                    lambda: QCoreApplication.translate("sections", "Start"),
                    lambda r: labels.date(r["start"]),
                    sort="start",
                ),
                Column(
                    "end",
                    lambda: QCoreApplication.translate("sections", "End"),
                    lambda r: labels.date(r["end"]),
                    sort="end",
                ),
            ],
            get_fn=programmes.get_programme,
            editor=EDITORS["programmes"],
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
            ],
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a programme (title, theme)…"
            ),
        ),
        SectionSpec(
            key="organisations",
            collection="organisations",
            title=lambda: QCoreApplication.translate("sections", "Organisations"),
            count_text=lambda n: COUNTS.text("%n organisation(s)", n),
            list_fn=organisations.list_organisations,
            columns=[
                Column("name", lambda: QCoreApplication.translate("sections", "Name"), sort="name"),
                Column("acronym", lambda: QCoreApplication.translate("sections", "Acronym")),
                Column(
                    "kind",
                    lambda: QCoreApplication.translate("sections", "Kind"),
                    lambda r: labels.choice("kind", r["kind"]),
                    sort="kind",
                ),
                Column(
                    "country",
                    lambda: QCoreApplication.translate("sections", "Country"),
                    lambda r: labels.country(r["country"]),
                    sort="country",
                ),
            ],
            get_fn=organisations.get_organisation,
            editor=EDITORS["organisations"],
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
        SectionSpec(
            key="contacts",
            collection="contacts",
            title=lambda: QCoreApplication.translate("sections", "Contacts"),
            count_text=lambda n: COUNTS.text("%n contact(s)", n),
            list_fn=contacts.list_contacts,
            columns=[
                Column(
                    "family_name",
                    lambda: QCoreApplication.translate("sections", "Name"),
                    lambda r: f"{r['family_name']} {r['given_name']}".strip(),
                    sort="name",
                ),
                Column("function", lambda: QCoreApplication.translate("sections", "Function")),
                Column(
                    "organisation", lambda: QCoreApplication.translate("sections", "Organisation")
                ),
                Column(
                    "email", lambda: QCoreApplication.translate("sections", "E-mail"), sort="email"
                ),
                Column(
                    "phone",
                    lambda: QCoreApplication.translate("sections", "Phone"),
                    lambda r: display_phone(r["phone"]),
                ),
            ],
            get_fn=contacts.get_contact,
            editor=EDITORS["contacts"],
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
        SectionSpec(
            key="posts",
            collection="posts",
            title=lambda: QCoreApplication.translate("sections", "Diplomatic posts"),
            count_text=lambda n: COUNTS.text("%n diplomatic post(s)", n),
            list_fn=posts.list_posts,
            columns=[
                Column("name", lambda: QCoreApplication.translate("sections", "Name"), sort="name"),
                Column(
                    "country",
                    lambda: QCoreApplication.translate("sections", "Country"),
                    lambda r: labels.country(r["country"]),
                    sort="country",
                ),
                Column("city", lambda: QCoreApplication.translate("sections", "City")),
            ],
            get_fn=posts.get_post,
            editor=EDITORS["posts"],
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a post (name, country)…"
            ),
        ),
        SectionSpec(
            key="consulates",
            collection="consulates",
            title=lambda: QCoreApplication.translate("sections", "Consulates"),
            count_text=lambda n: COUNTS.text("%n honorary consulate(s)", n),
            list_fn=consulates.list_consulates,
            columns=[
                Column(
                    "country",
                    lambda: QCoreApplication.translate("sections", "Country"),
                    lambda r: labels.country(r["country"]),
                    sort="country",
                ),
                Column("address", lambda: QCoreApplication.translate("sections", "Address")),
                Column(
                    "phone",
                    lambda: QCoreApplication.translate("sections", "Phone"),
                    lambda r: display_phone(r["phone"]),
                ),
                Column("email", lambda: QCoreApplication.translate("sections", "E-mail")),
            ],
            get_fn=consulates.get_consulate,
            editor=EDITORS["consulates"],
            search_hint=lambda: QCoreApplication.translate(
                "sections", "Search a consulate (country, address)…"
            ),
        ),
        SectionSpec(
            key="delegations",
            collection="delegations",
            title=lambda: QCoreApplication.translate("sections", "Delegations"),
            count_text=lambda n: COUNTS.text("%n delegation(s)", n),
            list_fn=delegations.list_delegations,
            columns=[
                Column(
                    "title", lambda: QCoreApplication.translate("sections", "Title"), sort="title"
                ),
                Column(
                    "direction",
                    lambda: QCoreApplication.translate("sections", "Direction"),
                    lambda r: labels.choice("direction", r["direction"]),
                ),
                Column(
                    "status",
                    lambda: QCoreApplication.translate("sections", "Status"),
                    lambda r: labels.choice("status", r["status"]),
                    sort="status",
                ),
                Column(
                    "start",
                    lambda: QCoreApplication.translate("sections", "Start"),
                    lambda r: labels.date(r["start"]),
                    sort="start",
                ),
            ],
            get_fn=delegations.get_delegation,
            editor=EDITORS["delegations"],
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
