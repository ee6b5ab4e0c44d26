"""Every persistent user setting, declared once with its type and default (over QSettings).

Tests point QSettings at a temporary folder (see ``tests/conftest.py``) so they never read or
write the user's real settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Relations"
APPLICATION = "Relations"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


LANGUAGE = Setting(
    "ui/language", str, "fr", "Interface language: 'fr' or 'en' (applies on restart)."
)
MAIN_GEOMETRY = Setting("mainWindow/geometry", QByteArray, QByteArray(), "Main window geometry.")
MAIN_SPLITTER = Setting(
    "mainWindow/splitter", QByteArray, QByteArray(), "Sidebar / section splitter (its width)."
)
DATABASE = Setting(
    "database/location",
    str,
    "",
    "The database chosen in Préférences › Base de données: a file's path or a server's "
    "postgresql:// address (never a password); empty: the default file.  --db and "
    "RELATIONS_DB win over it.",
)
SHARE_WARNINGS_OFF = Setting(
    "database/shareWarningsOff",
    str,
    "",
    "Database files on a network share whose start warning is not to be shown again "
    "(one path a line).",
)
LAST_SECTION = Setting("mainWindow/lastSection", str, "dashboard", "Section shown at start.")


def section_splitter(key: str) -> Setting:
    return Setting(
        f"sections/{key}/splitter", QByteArray, QByteArray(), "List / page splitter of a section."
    )


def section_header(key: str) -> Setting:
    return Setting(
        f"sections/{key}/header", QByteArray, QByteArray(), "Column widths and order of a list."
    )


def store() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def get(setting: Setting) -> Any:
    value = store().value(setting.key, setting.default)
    if value is None:
        return setting.default
    if setting.type is QByteArray:
        return value if isinstance(value, QByteArray) else setting.default
    try:
        return setting.type(value)
    except (TypeError, ValueError):
        return setting.default


def set(setting: Setting, value: Any) -> None:
    store().setValue(setting.key, value)
