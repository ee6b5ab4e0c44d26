"""The shapes of a record's values beyond plain fields: lists of sub-records, ids, texts.

Each ``clean_*`` function checks and normalises one such value from a JSON-format dict,
or raises a French :class:`~relations_app.validation.ValidationError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import _
from ..validation import Field, ValidationError, clean, identifier_problem, text_problem


@dataclass(frozen=True)
class ListField:
    """A list of sub-records held by a main record (funding lines, positions…)."""

    name: str
    label: str
    fields: tuple[Field, ...]


def clean_list(spec: ListField, items: Any) -> list[dict]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValidationError(spec.name, _("une liste est attendue"), {spec.name: spec.label})
    cleaned: list[dict] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise ValidationError(
                f"{spec.name}[{index}]",
                _("un objet est attendu"),
                {f"{spec.name}[{index}]": spec.label},
            )
        try:
            cleaned.append(clean(spec.fields, item))
        except ValidationError as exc:
            where = _("{label} n° {number}, ").format(label=_(spec.label), number=index + 1)
            raise exc.prefixed(f"{spec.name}[{index}].", where) from None
    return cleaned


def clean_id_list(name: str, label: str, items: Any) -> list[str]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValidationError(name, _("une liste d'identifiants est attendue"), {name: label})
    for item in items:
        if problem := identifier_problem(item):
            raise ValidationError(name, problem, {name: label})
    return list(dict.fromkeys(items))  # keep order, drop repeats


def clean_text_list(name: str, label: str, items: Any) -> list[str]:
    if items is None:
        return []
    if isinstance(items, str):
        items = items.splitlines()
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ValidationError(name, _("une liste de textes est attendue"), {name: label})
    values = [i.strip() for i in items if i.strip()]
    if any(len(v) > 200 for v in values):
        raise ValidationError(name, _("élément trop long (200 caractères au plus)"), {name: label})
    for value in values:
        if problem := text_problem(value):
            raise ValidationError(name, problem, {name: label})
    return list(dict.fromkeys(values))
