"""Display texts for the domain's codes and fields, translated with the interface, and
locale-aware formatting of numbers, amounts and dates."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from relations_app.countries import country_name
from relations_app.dates import format_date
from relations_app.services import apd_lists
from relations_app.validation import Field


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for pyside6-lupdate (which looks for this name) and return it as is.

    PySide6's own function of that name is typed as returning ``object``; this one a ``str``.
    """
    return text


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def language() -> str:
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


# Choice codes, per field name (QT_TRANSLATE_NOOP marks the texts for pyside6-lupdate).
NOT_STATED = QT_TRANSLATE_NOOP("labels", "Not stated")
CHOICES: dict[str, dict[str, str]] = {
    "kind": {
        "twin_city": QT_TRANSLATE_NOOP("labels", "Twin city"),
        "friendship_city": QT_TRANSLATE_NOOP("labels", "Friendship city"),
        "decentralised_cooperation": QT_TRANSLATE_NOOP("labels", "Decentralised cooperation"),
        "youth_exchange": QT_TRANSLATE_NOOP("labels", "Youth exchange"),
        "school_exchange": QT_TRANSLATE_NOOP("labels", "School exchange"),
        "staff_exchange": QT_TRANSLATE_NOOP("labels", "Staff exchange"),
        "cultural": QT_TRANSLATE_NOOP("labels", "Cultural project"),
        "education": QT_TRANSLATE_NOOP("labels", "Education project"),
        "cooperation_project": QT_TRANSLATE_NOOP("labels", "Cooperation project"),
        "economic": QT_TRANSLATE_NOOP("labels", "Economic project"),
        "local_authority": QT_TRANSLATE_NOOP("labels", "Local authority"),
        "technopole": QT_TRANSLATE_NOOP("labels", "Technopole"),
        "university": QT_TRANSLATE_NOOP("labels", "University"),
        "research": QT_TRANSLATE_NOOP("labels", "Research"),
        "ministry": QT_TRANSLATE_NOOP("labels", "Ministry, government"),
        "agency": QT_TRANSLATE_NOOP("labels", "Agency"),
        "company": QT_TRANSLATE_NOOP("labels", "Company"),
        "association": QT_TRANSLATE_NOOP("labels", "Association"),
        "network": QT_TRANSLATE_NOOP("labels", "Network"),
        "cluster": QT_TRANSLATE_NOOP("labels", "Cluster"),
        "school": QT_TRANSLATE_NOOP("labels", "School"),
        "visit": QT_TRANSLATE_NOOP("labels", "Visit, mission"),
        "conference": QT_TRANSLATE_NOOP("labels", "Conference, forum"),
        "anniversary": QT_TRANSLATE_NOOP("labels", "Anniversary"),
        "exhibition": QT_TRANSLATE_NOOP("labels", "Exhibition, festival"),
        "signature": QT_TRANSLATE_NOOP("labels", "Signature"),
        "project": QT_TRANSLATE_NOOP("labels", "Project"),
        "election": QT_TRANSLATE_NOOP("labels", "Elections"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    "status": {
        "planned": QT_TRANSLATE_NOOP("labels", "Planned"),
        "ongoing": QT_TRANSLATE_NOOP("labels", "Ongoing"),
        "finished": QT_TRANSLATE_NOOP("labels", "Finished"),
        "preparation": QT_TRANSLATE_NOOP("labels", "In preparation"),
        "confirmed": QT_TRANSLATE_NOOP("labels", "Confirmed"),
        "done": QT_TRANSLATE_NOOP("labels", "Done"),
        "cancelled": QT_TRANSLATE_NOOP("labels", "Cancelled"),
    },
    "signing_side": {
        "city": QT_TRANSLATE_NOOP("labels", "City of Brest"),
        "metropole": QT_TRANSLATE_NOOP("labels", "Brest métropole"),
    },
    "agreement_kind": {
        "twinning_charter": QT_TRANSLATE_NOOP("labels", "Twinning charter"),
        "twinning": QT_TRANSLATE_NOOP("labels", "Twinning"),
        "friendship_protocol": QT_TRANSLATE_NOOP("labels", "Friendship protocol"),
        "agreement_protocol": QT_TRANSLATE_NOOP("labels", "Memorandum of understanding"),
        "convention": QT_TRANSLATE_NOOP("labels", "Agreement"),
        "partnership": QT_TRANSLATE_NOOP("labels", "Partnership"),
        "cooperation_agreement": QT_TRANSLATE_NOOP("labels", "Cooperation agreement"),
    },
    "direction": {
        "incoming": QT_TRANSLATE_NOOP("labels", "Incoming (visit to Brest)"),
        "outgoing": QT_TRANSLATE_NOOP("labels", "Outgoing (mission abroad)"),
    },
    "role": {
        "owner": QT_TRANSLATE_NOOP("labels", "Project owner"),
        "foreign_partner": QT_TRANSLATE_NOOP("labels", "Foreign partner"),
        "local_partner": QT_TRANSLATE_NOOP("labels", "Local partner"),
        "funder": QT_TRANSLATE_NOOP("labels", "Funder"),
        "partner": QT_TRANSLATE_NOOP("labels", "Partner"),
    },
    "side": {
        "home": QT_TRANSLATE_NOOP("labels", "Brest side"),
        "partner": QT_TRANSLATE_NOOP("labels", "Partner side"),
    },
    # The APD declaration (relations_app.services.apd_lists)
    "apd_channel": {
        "authority": QT_TRANSLATE_NOOP("labels", "The authority's own action"),
        "partner_authority": QT_TRANSLATE_NOOP(
            "labels", "Authority or administration of the partner country"
        ),
        "french_ngo": QT_TRANSLATE_NOOP("labels", "French NGO or association"),
        "local_ngo": QT_TRANSLATE_NOOP("labels", "NGO or association of the partner country"),
        "international_ngo": QT_TRANSLATE_NOOP("labels", "International NGO"),
        "multilateral": QT_TRANSLATE_NOOP("labels", "Multilateral organisation"),
        "research": QT_TRANSLATE_NOOP("labels", "University or research institute"),
        "private": QT_TRANSLATE_NOOP("labels", "Private sector"),
        "other": QT_TRANSLATE_NOOP("labels", "Other channel"),
    },
    "stage": {
        "planned": QT_TRANSLATE_NOOP("labels", "Planned"),
        "actual": QT_TRANSLATE_NOOP("labels", "Actual"),
    },
}
MARKER_SCORES = {
    "0": QT_TRANSLATE_NOOP("labels", "0 – not targeted"),
    "1": QT_TRANSLATE_NOOP("labels", "1 – significant objective"),
    "2": QT_TRANSLATE_NOOP("labels", "2 – principal objective"),
}
for _marker in apd_lists.MARKERS:
    CHOICES[_marker] = MARKER_SCORES


def choice(field_name: str, code: str | None) -> str:
    if code is None or code == "":
        return _t(NOT_STATED)
    text = CHOICES.get(field_name, {}).get(code)
    return _t(text) if text else code


def partner_kind(code: str | None) -> str:
    return choice("kind", code)


def programme_status(code: str | None) -> str:
    return choice("status", code)


# English labels of the domain's fields (the domain's own labels are French).
FIELD_LABELS_EN = {
    "name": "Name",
    "local_name": "Local name",
    "country": "Country",
    "region": "Region, state or province",
    "kind": "Kind",
    "signing_side": "Signed by",
    "agreement_kind": "Kind of agreement",
    "agreement_year": "Year first signed",
    "relations_since": "Relations since",
    "population": "Population",
    "population_year": "Census year",
    "population_note": "Population note",
    "website": "Website",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "timezone": "Time zone",
    "summary": "The place",
    "history": "History",
    "active": "Active link",
    "notes": "Notes",
    "sources": "Sources",
    "title": "Title",
    "status": "Status",
    "start": "Start",
    "end": "End",
    "convention_year": "Year the convention was first signed",
    "theme": "Theme",
    "sub_theme": "Sub-theme",
    "sub_sub_theme": "Sub-sub-theme",
    "form": "Form",
    "context": "Context",
    "objectives": "Objectives",
    "description": "Description",
    "owners": "Project owners",
    "beneficiaries": "Beneficiaries",
    "triennial": "Triennial project",
    "evaluation_done": "Evaluation done",
    "communication_france": "Communication in France",
    "communication_partner": "Communication in the partner country",
    "volunteers": "Volunteers",
    "acronym": "Acronym",
    "city": "City",
    "family_name": "Family name",
    "given_name": "Given name",
    "email": "E-mail",
    "phone": "Phone",
    "address": "Address",
    "consul_name": "Consul",
    "date": "Date",
    "direction": "Direction",
    "logistics": "Logistics",
    "talking_points": "Talking points",
    "label": "Label",
    "value": "Value",
    "year": "Year",
    "programme_id": "Programme",
    "organisation_id": "Organisation",
    "contact_id": "Contact",
    "post_id": "Diplomatic post",
    "function": "Function",
    "role": "Role",
    "funder": "Funder",
    "amount_eur": "Amount (€)",
    "water_amount_eur": "1% water amount (€)",
    "stage": "Planned or actual",
    "apd_sector": "DAC sector (purpose code)",
    "apd_channel": "Channel of delivery",
    "marker_gender": "Gender equality",
    "marker_environment": "Environment",
    "marker_governance": "Participatory development, good governance",
    "marker_biodiversity": "Biodiversity (Rio)",
    "marker_climate_mitigation": "Climate change mitigation (Rio)",
    "marker_climate_adaptation": "Climate change adaptation (Rio)",
    "marker_desertification": "Desertification (Rio)",
    "marker_nutrition": "Nutrition",
    "marker_disability": "Inclusion of persons with disabilities",
    "organisation": "Organisation",
    "side": "Side",
    "start_time": "Start time",
    "end_time": "End time",
    "place": "Place",
    "subject": "Subject",
    "people": "People",
    "destination": "Destination",
    "confidentiality": "Confidentiality notice",
    "agreement_year_note": "Year derived from",
    "website_note": "Website: whose site",
    "counterpart": "Partner organisation",
    "biography": "Biography",
    "previous_contacts": "Previous contacts with us",
    "photo": "Photo",
    "stakes": "Stakes",
    "sensitive_points": "Sensitive points",
    "protocol": "Protocol notes",
    "travel": "Travel (flights, trains)",
    "hotel": "Hotel (name and address)",
    "hotel_phone": "Hotel phone",
    "transfers": "Transfers on the spot",
    "duty_phone": "Office duty line",
    "entry_formalities": "Entry formalities",
    "document_version": "Document version",
    "author": "Written by",
    "distribution": "Distribution list",
    "aim": "Aim of the meeting",
    "home_people": "Attending on our side",
    "background": "Background",
    "outcome": "Expected outcome",
    "uid": "Calendar identifier",
    "sequence": "Revision",
    "modified": "Last modified",
}


def field_label(field: Field) -> str:
    if language() == "fr":
        return field.label
    return FIELD_LABELS_EN.get(field.name, field.label)


def country(code: str | None) -> str:
    return country_name(code, language())


def number(value: int | None) -> str:
    return "" if value is None else QLocale().toString(int(value))


def money(value: Decimal | str | None) -> str:
    """ "12 000 €" in French, "€12,000" in English; cents only when there are some."""
    if value in (None, ""):
        return ""
    amount = Decimal(value)
    decimals = 0 if amount == amount.to_integral_value() else 2
    return QLocale().toCurrencyString(float(amount), "€", decimals)


def date(value: str | None) -> str:
    """ "7 juin 2027", "juin 2027", "2027" (in English "7 June 2027"): the one way a date
    is shown, in lists, profiles and forms alike (``relations_app.dates.format_date``)."""
    return format_date(value, language())


def date_time(value) -> str:
    """An aware ``datetime`` in local time, short locale format ("22/11/2025 14:05")."""
    if value is None:
        return ""
    from PySide6.QtCore import QDateTime

    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def data_size(size: int) -> str:
    """ "1,2 Mo" / "1.2 MB", from bytes."""
    return QLocale().formattedDataSize(
        int(size), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )
