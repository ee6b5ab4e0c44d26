"""Display texts for the domain's codes, translated with the interface."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from relations_app.countries import country_name


def partner_kind(code: str | None) -> str:
    return {
        "twin_city": QCoreApplication.translate("labels", "Twin city"),
        "friendship_city": QCoreApplication.translate("labels", "Friendship city"),
        "decentralised_cooperation": QCoreApplication.translate("labels", "Decentralised cooperation"),
    }.get(code or "", code or "")


def agreement_kind(code: str | None) -> str:
    return {
        "twinning_charter": QCoreApplication.translate("labels", "Twinning charter"),
        "twinning": QCoreApplication.translate("labels", "Twinning"),
        "friendship_protocol": QCoreApplication.translate("labels", "Friendship protocol"),
        "agreement_protocol": QCoreApplication.translate("labels", "Memorandum of understanding"),
        "convention": QCoreApplication.translate("labels", "Agreement"),
        "partnership": QCoreApplication.translate("labels", "Partnership"),
        "cooperation_agreement": QCoreApplication.translate("labels", "Cooperation agreement"),
    }.get(code or "", code or "")


def signing_side(code: str | None) -> str:
    return {"city": QCoreApplication.translate("labels", "City of Brest"), "metropole": QCoreApplication.translate("labels", "Brest métropole")}.get(code or "", code or "")


def language() -> str:
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def country(code: str | None) -> str:
    return country_name(code, language())


def number(value: int | None) -> str:
    return "" if value is None else QLocale().toString(int(value))


def programme_status(code: str | None) -> str:
    return {
        "planned": QCoreApplication.translate("labels", "Planned"),
        "ongoing": QCoreApplication.translate("labels", "Ongoing"),
        "finished": QCoreApplication.translate("labels", "Finished"),
    }.get(code or "", QCoreApplication.translate("labels", "Not stated"))
