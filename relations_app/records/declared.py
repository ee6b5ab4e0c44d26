"""The application's record types, one declaration each, in the order of the JSON dump.

Adding a record type is one declaration here (and its service module, and its page in
the window): the dump, the import, the bundled dataset, backups, the trash, the list
exports and the window's lists all read this tuple.
"""

from __future__ import annotations

from types import MappingProxyType

from .kinds import ExportColumn as E
from .kinds import ListColumn as L
from .kinds import Noun, RecordType

PARTNERS = RecordType(
    key="partners",
    fr=Noun("partenaire", "partenaires"),
    en=Noun("partner", "partners"),
    service="partners",
    list_function="list_partners",
    get_function="get_partner_page",
    export_columns=(
        E("name", "Nom", width=24),
        E("local_name", "Nom local", width=20),
        E("country_name", "Pays"),
        E("kind_label", "Type de lien", width=26),
        E("agreement_year", "Année de l'accord", "number", 12),
        E("population", "Population", "number", 14),
        E("active", "Lien actif", "bool", 10),
    ),
    list_columns=(
        L("name", "Name", "Nom", ("name",), sort="name"),
        L("country", "Country", "Pays", ("country_name",), "country", sort="country"),
        L("kind", "Kind of link", "Type de lien", ("kind_label",), "partner_kind", sort="kind"),
        L(
            "agreement_year",
            "Agreement",
            "Accord",
            ("agreement_year",),
            sort="agreement_year",
            numeric=True,
        ),
        L(
            "population",
            "Population",
            "Population",
            ("population",),
            "number",
            sort="population",
            numeric=True,
        ),
    ),
    references=MappingProxyType({"key_figures[].programme_id": "programmes"}),
    trash=True,
    dataset_file="partners.yaml",
)

PROGRAMMES = RecordType(
    key="programmes",
    fr=Noun("programme", "programmes"),
    en=Noun("programme", "programmes"),
    service="programmes",
    list_function="list_programmes",
    get_function="get_programme",
    export_columns=(
        E("title", "Titre", width=34),
        E("kind_label", "Type", width=24),
        E("status_label", "Statut", width=14),
        E("start", "Début", "date", 12),
        E("end", "Fin", "date", 12),
        E("partners", "Partenaires", width=30),
    ),
    list_columns=(
        L("title", "Title", "Titre", ("title",), sort="title"),
        L("partners", "Partners", "Partenaires", ("partners",)),
        L("status", "Status", "Statut", ("status_label",), "programme_status", sort="status"),
        L("start", "Start", "Début", ("start",), "date", sort="start"),
        L("end", "End", "Fin", ("end",), "date", sort="end"),
    ),
    references=MappingProxyType(
        {
            "partner_ids[]": "partners",
            "organisations[].organisation_id": "organisations",
            "contacts[].contact_id": "contacts",
            "contacts[].organisation_id": "organisations",
        }
    ),
    name_key="title",
    trash=True,
    dataset_file="programmes.yaml",
)

ORGANISATIONS = RecordType(
    key="organisations",
    fr=Noun("organisation", "organisations", feminine=True),
    en=Noun("organisation", "organisations"),
    service="organisations",
    list_function="list_organisations",
    get_function="get_organisation",
    export_columns=(
        E("name", "Nom", width=36),
        E("acronym", "Sigle", width=12),
        E("kind_label", "Type", width=20),
        E("country_name", "Pays"),
        E("city", "Ville"),
    ),
    list_columns=(
        L("name", "Name", "Nom", ("name",), sort="name"),
        L("acronym", "Acronym", "Sigle", ("acronym",)),
        L("kind", "Kind", "Type", ("kind_label",), "choice", sort="kind", choice_field="kind"),
        L("country", "Country", "Pays", ("country_name",), "country", sort="country"),
    ),
    references=MappingProxyType({"partner_ids[]": "partners"}),
    trash=True,
    dataset_file="organisations.yaml",
)

CONTACTS = RecordType(
    key="contacts",
    fr=Noun("contact", "contacts"),
    en=Noun("contact", "contacts"),
    service="contacts",
    list_function="list_contacts",
    get_function="get_contact",
    export_columns=(
        E("family_name", "Nom"),
        E("given_name", "Prénom"),
        E("email", "Courriel", width=32),
        E("phone", "Téléphone"),
        E("function", "Fonction", width=30),
        E("organisation", "Organisation", width=32),
    ),
    list_columns=(
        L(
            "family_name",
            "Name",
            "Nom",
            ("family_name", "given_name"),
            sort="name",
            then="given_name",
        ),
        L("function", "Function", "Fonction", ("function",)),
        L("organisation", "Organisation", "Organisation", ("organisation",)),
        L("email", "E-mail", "Courriel", ("email",), sort="email"),
        L("phone", "Phone", "Téléphone", ("phone",), "phone"),
    ),
    references=MappingProxyType(
        {
            "partner_ids[]": "partners",
            "organisation_id": "organisations",
            "positions[].organisation_id": "organisations",
            "positions[].post_id": "posts",
        }
    ),
    derived_keys=frozenset({"function", "organisation_id"}),
    name_key="family_name",
    trash=True,
    dataset_file="contacts.yaml",
)

POSTS = RecordType(
    key="posts",
    fr=Noun("poste diplomatique", "postes diplomatiques"),
    en=Noun("diplomatic post", "diplomatic posts"),
    service="posts",
    list_function="list_posts",
    get_function="get_post",
    export_columns=(E("name", "Nom", width=36), E("country_name", "Pays"), E("city", "Ville")),
    list_columns=(
        L("name", "Name", "Nom", ("name",), sort="name"),
        L("country", "Country", "Pays", ("country_name",), "country", sort="country"),
        L("city", "City", "Ville", ("city",)),
    ),
    dataset_file="posts.yaml",
    former_keys=("diplomatic_posts",),
    trash=True,
)

CONSULATES = RecordType(
    key="consulates",
    fr=Noun("consulat", "consulats"),
    en=Noun("consulate", "consulates"),
    service="consulates",
    list_function="list_consulates",
    get_function="get_consulate",
    export_columns=(
        E("country_name", "Pays représenté"),
        E("address", "Adresse", width=36),
        E("phone", "Téléphone"),
        E("email", "Courriel", width=30),
    ),
    list_columns=(
        L("country", "Country", "Pays", ("country_name",), "country", sort="country"),
        L("address_line", "Address", "Adresse", ("address",)),
        L("phone", "Phone", "Téléphone", ("phone",), "phone"),
        L("email", "E-mail", "Courriel", ("email",)),
    ),
    name_key="country",
    dataset_file="consulates.yaml",
    trash=True,
)

EVENTS = RecordType(
    key="events",
    fr=Noun("événement", "événements"),
    en=Noun("event", "events"),
    service="events",
    list_function="list_events",
    get_function="get_event",
    export_columns=(
        E("date", "Date", "date", 12),
        E("title", "Titre", width=40),
        E("kind_label", "Type", width=20),
    ),
    references=MappingProxyType({"partner_id": "partners", "programme_id": "programmes"}),
    name_key="title",
    dataset_file="events.yaml",
    trash=True,
)

DELEGATIONS = RecordType(
    key="delegations",
    fr=Noun("délégation", "délégations", feminine=True),
    en=Noun("delegation", "delegations"),
    service="delegations",
    list_function="list_delegations",
    get_function="get_delegation",
    export_columns=(
        E("title", "Titre", width=34),
        E("direction_label", "Sens", width=22),
        E("status_label", "Statut", width=16),
        E("start", "Début", "date", 12),
        E("end", "Fin", "date", 12),
    ),
    list_columns=(
        L("title", "Title", "Titre", ("title",), sort="title"),
        L(
            "direction",
            "Direction",
            "Sens",
            ("direction_label",),
            "choice",
            choice_field="direction",
        ),
        L(
            "status",
            "Status",
            "Statut",
            ("status_label",),
            "choice",
            sort="status",
            choice_field="status",
        ),
        L("start", "Start", "Début", ("start",), "date", sort="start"),
    ),
    references=MappingProxyType({"partner_ids[]": "partners", "members[].contact_id": "contacts"}),
    name_key="title",
    trash=True,
    dataset_file="delegations.yaml",
)

#: Every record type, in the order of the JSON dump.
DECLARED: tuple[RecordType, ...] = (
    PARTNERS,
    PROGRAMMES,
    ORGANISATIONS,
    CONTACTS,
    POSTS,
    CONSULATES,
    EVENTS,
    DELEGATIONS,
)
