"""The domain's messages in the interface's language, without Qt: gettext catalogues.

The domain writes its messages in French, the office's language and the source language
of these catalogues; ``relations_app/locale/<language>/LC_MESSAGES/relations.po`` gives
the other languages (English), compiled to the ``.mo`` beside it, which is committed so
that a clean clone and ``pip install .`` work without a build step
(``tools/domain_messages.py`` extracts, updates and compiles them with babel; the tests
check that no message lacks a translation and that each ``.mo`` matches its ``.po``).

The window sets the language from the same setting as its Qt translators
(``ui.shell.app.install_translators``); the command line stays French.  Messages are
translated when they are made, so a message is written as
``_("date invalide : « {text} »").format(text=text)``; texts kept in module-level tables
are marked with :func:`N_` and translated with :func:`_` where they are used.
"""

from __future__ import annotations

import gettext
from functools import cache
from importlib import resources

DOMAIN = "relations"
SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")

_language = SOURCE_LANGUAGE


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    mo = resources.files("relations_app").joinpath(
        "locale", language, "LC_MESSAGES", f"{DOMAIN}.mo"
    )
    try:
        with mo.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    except FileNotFoundError:
        return gettext.NullTranslations()


def set_language(language: str) -> None:
    """The language of the messages made from now on ("fr" or "en"; anything else: French)."""
    global _language
    _language = language if language in LANGUAGES else SOURCE_LANGUAGE


def language() -> str:
    return _language


def _(message: str) -> str:
    """``message`` (French) in the current language."""
    if not message:  # gettext gives the catalogue's header for ""
        return message
    return _catalogue(_language).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` (French) that ``count`` takes in the current
    language (French takes the singular below 2)."""
    if _language == SOURCE_LANGUAGE:
        return singular if abs(count) < 2 else plural
    return _catalogue(_language).ngettext(singular, plural, count)


def counted(singular: str, plural: str, count: int) -> str:
    """ "{count} contact créé" / "{count} contacts créés" with ``{count}`` grouped the
    French way ("10 000", narrow no-break spaces), in the current language."""
    return ngettext(singular, plural, count).format(count=f"{count:,}".replace(",", "\u202f"))


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated later, where it is shown."""
    return message
