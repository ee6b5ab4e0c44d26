"""Validation of incoming records: one error type naming the field and the reason in French.

Each area declares its fields as a tuple of :class:`Field`; :func:`clean` turns raw input
(from a form, a JSON file, the bundled dataset) into typed, normalised values or raises a
:class:`ValidationError` listing every invalid field.
"""

from __future__ import annotations

import math
import re
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from . import i18n
from .countries import is_country_code
from .dates import DateInputError, parse_date, parse_time
from .errors import UserError
from .i18n import N_, _
from .text import number_fr

MIN_YEAR = 1000
MAX_YEAR = 2200
#: What an INTEGER column holds (SQLite's 64-bit signed range).
MIN_INTEGER = -(2**63)
MAX_INTEGER = 2**63 - 1
SHORT_TEXT = 500
LONG_TEXT = 200_000


class ValidationError(UserError, ValueError):
    """Invalid input.  ``errors`` maps each invalid field to its reason, in the interface's
    language (French unless the window speaks English)."""

    def __init__(
        self,
        errors: Mapping[str, str] | str,
        reason: str | None = None,
        labels: Mapping[str, str] | None = None,
    ):
        if isinstance(errors, str):
            errors = {errors: reason or _("valeur invalide")}
        self.errors: dict[str, str] = dict(errors)
        self.labels: dict[str, str] = dict(labels or {})
        super().__init__(str(self))

    @property
    def field(self) -> str:
        return next(iter(self.errors))

    @property
    def reason(self) -> str:
        return self.errors[self.field]

    def __str__(self) -> str:
        return " ; ".join(
            _("{field} : {reason}").format(field=_(self.labels.get(name, name)), reason=reason)
            for name, reason in self.errors.items()
        )

    def prefixed(self, prefix: str, label_prefix: str = "") -> ValidationError:
        """The same errors located inside a larger document ("partners[3].")."""
        return ValidationError(
            {f"{prefix}{k}": v for k, v in self.errors.items()},
            labels={
                f"{prefix}{k}": f"{label_prefix}{_(self.labels.get(k, k))}" for k in self.errors
            },
        )


@dataclass(frozen=True)
class Field:
    """One input field: its kind decides parsing, checks and normalisation."""

    name: str
    label: str
    kind: str = "text"  # text | longtext | int | year | float | bool | email | phone | url
    #                     country | choice | date | time | timezone | money | lat | lon
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    default: Any = None
    extra: dict = field(default_factory=dict)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@lru_cache(maxsize=1)
def _timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


class _Refused(ValueError):
    """A value refused for a reason of its own (not "this is not a …")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value).strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
        if not re.fullmatch(r"[+-]?\d{1,4000}", text):  # int() converts 4,300 digits
            raise ValueError
        number = int(text)
    if not MIN_INTEGER <= number <= MAX_INTEGER:
        raise _Refused(_("nombre hors limites : « {value} »").format(value=_shown(value)))
    return number


#: Characters no text may hold: C0 and C1 controls, DEL, and lone UTF-16 surrogates (which
#: SQLite cannot store as UTF-8 and an XLSX sheet cannot hold).  Multi-line fields
#: (``longtext``) may hold tabs and line breaks.
_NOT_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_IN_LINE = {
    "\t": N_("tabulation non permise dans ce champ (texte sur une ligne)"),
    "\n": N_("retour à la ligne non permis dans ce champ (texte sur une ligne)"),
    "\r": N_("retour à la ligne non permis dans ce champ (texte sur une ligne)"),
}


def _check_text(
    value: Any, limit: int, multiline: bool = False, too_long: str | None = None
) -> str:
    """``value`` stripped, or raise: ``TypeError`` if not a text, ``OverflowError`` (or
    ``too_long``, the reason of the kind of field) beyond ``limit`` characters."""
    if not isinstance(value, str):
        raise TypeError
    text = value.replace("\r\n", "\n")
    if multiline:
        text = text.replace("\r", "\n")
    if len(text) > limit:
        if too_long is not None:
            raise _Refused(too_long)
        raise OverflowError
    problem = text_problem(text, multiline)
    if problem is not None:
        raise _Refused(problem)
    return text.strip()


def _character_reason(char: str, line: int) -> str:
    if char in _IN_LINE:
        return _(_IN_LINE[char])
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        if line > 1:
            return _(
                "caractère invalide {code} (moitié de caractère mal encodée), ligne {line} du texte"
            ).format(code=code, line=line)
        return _("caractère invalide {code} (moitié de caractère mal encodée)").format(code=code)
    if line > 1:
        return _("caractère de contrôle invisible {code} non permis, ligne {line} du texte").format(
            code=code, line=line
        )
    return _("caractère de contrôle invisible {code} non permis").format(code=code)


def text_problem(text: str, multiline: bool = False) -> str | None:
    """Why ``text`` cannot be stored as it is (a control character, a lone surrogate), in
    the interface's language; None when it can."""
    bad = (_NOT_IN_TEXT if multiline else _NOT_IN_LINE).search(text)
    if bad is None:
        return None
    return _character_reason(bad.group(), text.count("\n", 0, bad.start()) + 1)


#: The longest identifier a record may have (the application makes 36-character UUIDs).
MAX_IDENTIFIER = 200


def identifier_problem(value: Any) -> str | None:
    """Why ``value`` cannot be a record's identifier, in the interface's language; None when
    it can."""
    if not isinstance(value, str) or not value.strip():
        return _("identifiant manquant") if value in (None, "") else _("identifiant invalide")
    if len(value) > MAX_IDENTIFIER:
        return _("identifiant trop long ({limit} caractères au plus)").format(limit=MAX_IDENTIFIER)
    problem = text_problem(value)
    return (
        None if problem is None else _("identifiant invalide : {problem}").format(problem=problem)
    )


def clean_value(f: Field, value: Any) -> Any:
    """Return the normalised value of ``value`` for field ``f`` or raise ``ValidationError``."""
    if _is_blank(value):
        if f.required:
            raise ValidationError(f.name, _("ce champ est obligatoire"))
        if f.kind in ("text", "longtext"):
            return "" if f.default is None else f.default
        return f.default
    kind = f.kind
    try:
        if kind in ("text", "longtext"):
            if kind == "text":
                return _check_text(value, SHORT_TEXT)
            return _check_text(value, LONG_TEXT, multiline=True)
        if kind == "int":
            number = _integer(value)
            if f.minimum is not None and number < f.minimum:
                raise ValidationError(
                    f.name, _("doit être au moins {minimum}").format(minimum=int(f.minimum))
                )
            return number
        if kind == "year":
            year = _integer(value)
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ValidationError(
                    f.name,
                    _("année hors limites ({first}–{last}) : {year}").format(
                        first=MIN_YEAR, last=MAX_YEAR, year=year
                    ),
                )
            return year
        if kind in ("float", "lat", "lon"):
            if isinstance(value, bool):
                raise ValueError
            try:
                real = float(value.replace(",", ".") if isinstance(value, str) else value)
            except OverflowError:  # an integer beyond any float
                raise ValueError from None
            if not math.isfinite(real):
                raise ValueError
            bound = {"lat": 90.0, "lon": 180.0}.get(kind)
            if bound is not None and not -bound <= real <= bound:
                raise ValidationError(
                    f.name,
                    _("doit être compris entre −{bound} et {bound}").format(bound=f"{bound:g}"),
                )
            return real
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "oui", "vrai", "yes"):
                return True
            if text in ("0", "false", "non", "faux", "no"):
                return False
            raise ValueError
        if kind == "email":
            text = _check_text(value, 320, too_long=_("adresse e-mail trop longue"))
            from email_validator import EmailNotValidError, validate_email  # 35 ms: not at start

            try:
                return validate_email(text, check_deliverability=False).normalized
            except EmailNotValidError:
                raise ValidationError(
                    f.name, _("adresse e-mail invalide : « {text} »").format(text=text)
                ) from None
        if kind == "phone":
            return normalise_phone(_check_text(value, 64, too_long=_("numéro trop long")), f.name)
        if kind == "url":
            return normalise_url(
                _check_text(value, 2000, too_long=_("adresse web trop longue")), f.name
            )
        if kind == "country":
            code = _check_text(value, SHORT_TEXT).upper()
            if not is_country_code(code):
                raise ValidationError(
                    f.name, _("code pays ISO 3166 inconnu : « {code} »").format(code=_shown(code))
                )
            return code
        if kind == "choice":
            text = _check_text(value, SHORT_TEXT)
            if text not in f.choices:
                raise ValidationError(
                    f.name,
                    _("valeur « {value} » non prévue (attendu : {choices})").format(
                        value=_shown(text), choices=", ".join(f.choices)
                    ),
                )
            return text
        if kind == "date":
            stored = parse_date(_check_text(value, SHORT_TEXT))
            year = int(stored[:4])
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ValidationError(
                    f.name,
                    _("année hors limites ({first}–{last}) : {year}").format(
                        first=MIN_YEAR, last=MAX_YEAR, year=year
                    ),
                )
            return stored
        if kind == "time":
            return parse_time(_check_text(value, SHORT_TEXT))
        if kind == "timezone":
            text = _check_text(value, SHORT_TEXT)
            if text not in _timezones():
                raise ValidationError(
                    f.name, _("fuseau horaire inconnu : « {text} »").format(text=_shown(text))
                )
            return text
        if kind == "money":
            return clean_money(value, f.name)
    except ValidationError:
        raise
    except (_Refused, DateInputError) as exc:
        raise ValidationError(f.name, exc.reason) from None
    except OverflowError:
        limit = SHORT_TEXT if kind == "text" else LONG_TEXT
        raise ValidationError(
            f.name, _("texte trop long ({limit} caractères au plus)").format(limit=number_fr(limit))
        ) from None
    except (TypeError, ValueError):
        raise ValidationError(f.name, _expected(kind, value)) from None
    raise AssertionError(f"unknown field kind {kind!r}")


def printable(text: str) -> str:
    """``text`` with the characters :func:`text_problem` refuses written as ``\\uXXXX``: a
    message quoting a refused value can be printed and shown."""
    return _NOT_IN_TEXT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _shown(value: Any) -> str:
    """A short rendering of a value for a message: never long, never recursive."""
    if isinstance(value, (list, tuple)):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, int) and value.bit_length() > 14_000:
        return "…"  # beyond what str() converts (4,300 digits)
    shown = printable(str(value))
    return shown if len(shown) <= 40 else shown[:40] + "…"


def _expected(kind: str, value: Any) -> str:
    shown = _shown(value)
    reason = _EXPECTED.get(kind, N_("« {value} » n'est pas un texte"))
    return _(reason).format(value=shown)


_EXPECTED = {
    "int": N_("« {value} » n'est pas un nombre entier"),
    "year": N_("« {value} » n'est pas une année (4 chiffres)"),
    "float": N_("« {value} » n'est pas un nombre"),
    "lat": N_("« {value} » n'est pas une latitude en degrés décimaux"),
    "lon": N_("« {value} » n'est pas une longitude en degrés décimaux"),
    "bool": N_("« {value} » n'est pas oui ou non"),
}


def clean_money(value: Any, name: str) -> Decimal:
    if isinstance(value, bool):
        raise ValidationError(name, _("montant invalide"))
    if isinstance(value, float):
        value = repr(value)
    text = _amount_digits(str(value))
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(name, _invalid_amount(value)) from None
    if not amount.is_finite():
        raise ValidationError(name, _invalid_amount(value))
    if amount < 0:
        raise ValidationError(name, _("un montant ne peut pas être négatif"))
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(name, _("un montant a au plus deux décimales"))
    if amount >= Decimal("1e13"):
        raise ValidationError(name, _("montant trop grand"))
    return amount.quantize(Decimal("0.01"))


def _amount_digits(typed: str) -> str:
    """ "10 500,50 €", "10500.5", "10.500,50", "€10,500.50" (English) → "10500.50"-like text.

    With both marks, the last one is the decimal mark.  A comma alone is the decimal mark in
    French; in English, a comma followed by groups of three digits groups thousands."""
    text = re.sub(r"[\s\u202f\u00a0€]|EUR", "", typed.strip(), flags=re.IGNORECASE)
    if "," in text and "." in text:
        grouping = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(grouping, "")
    elif "," in text and i18n.language() == "en" and re.fullmatch(r"\d{1,3}(,\d{3})+", text):
        text = text.replace(",", "")
    return text.replace(",", ".")


def _invalid_amount(value: Any) -> str:
    return _("montant invalide : « {value} »").format(value=_shown(value))


def normalise_phone(text: str, name: str = "phone") -> str:
    """Parse a phone number (French by default) into international format."""
    import phonenumbers  # loaded with the first number read or shown, not at start

    try:
        number = phonenumbers.parse(text, "FR")
    except phonenumbers.NumberParseException:
        raise ValidationError(
            name, _("numéro de téléphone illisible : « {text} »").format(text=text)
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            name, _("numéro de téléphone invalide : « {text} »").format(text=text)
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def display_phone(stored: str | None, home_region: str = "FR") -> str:
    """National format for home-country numbers ("02 98 44 49 95"), else international."""
    if not stored:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(stored, home_region)
    except phonenumbers.NumberParseException:
        return stored
    if phonenumbers.region_code_for_number(number) == home_region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_url(text: str, name: str = "website") -> str:
    if re.search(r"\s", text):
        raise ValidationError(name, _("adresse web invalide : « {text} »").format(text=text))
    candidate = text if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text) else f"https://{text}"
    try:
        parts = urlsplit(candidate)
        host = parts.hostname or ""
    except ValueError:
        host = ""
    if candidate.split(":", 1)[0].lower() not in ("http", "https") or "." not in host:
        raise ValidationError(
            name, _("adresse web invalide : « {text} » (http:// ou https://)").format(text=text)
        )
    return candidate


def clean(fields: Sequence[Field], data: Mapping[str, Any], *, partial: bool = False) -> dict:
    """Validate ``data`` against ``fields``; with ``partial`` only the keys present.

    Unknown keys are ignored here (callers that must refuse them check separately).
    Raises one ``ValidationError`` holding every invalid field.
    """
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in fields:
        if partial and f.name not in data:
            continue
        try:
            cleaned[f.name] = clean_value(f, data.get(f.name))
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors, labels={f.name: f.label for f in fields})
    return cleaned
