"""Honorary consulates of foreign countries in the home city (one per country)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..countries import country_name
from ..db.models import Consulate, Record
from ..i18n import _, language
from ..records import declared as records
from ..text import search_blob
from ..validation import Field, ValidationError
from .base import Area
from .listing import Page, apply_search, apply_sort, fetch_page

FIELDS = (
    Field("country", "Pays représenté", "country", required=True),
    Field("address", "Adresse", "longtext"),
    Field("phone", "Téléphone", "phone"),
    Field("email", "Courriel", "email"),
    Field("consul_name", "Consul"),
    Field("notes", "Notes", "longtext"),
)

SORT_KEYS = {"country": (Consulate.sort_key,)}  # the French name of the country


class ConsulateArea(Area):
    model = Consulate
    record_type = records.CONSULATES
    fields = FIELDS

    def search_text(self, c: Mapping[str, Any]) -> str:
        return search_blob(
            country_name(c["country"]), c["country"], c.get("address"), c.get("consul_name")
        )

    def label_of(self, record: Mapping[str, Any]) -> str:
        return country_name(record.get("country"))

    def sort_text(self, c: Mapping[str, Any]) -> str:
        return country_name(c["country"])

    def write(
        self, record_id: str, cleaned: Mapping[str, Any], *, is_new: bool, links: bool = True
    ) -> Record | None:
        other = Consulate.get_or_none(
            (Consulate.country == cleaned["country"]) & (Consulate.id != record_id)
        )
        if other is not None:
            raise ValidationError(
                "country",
                _("un consulat de ce pays ({country}) existe déjà").format(
                    country=country_name(cleaned["country"], language())
                ),
                {"country": "Pays représenté"},
            )
        return super().write(record_id, cleaned, is_new=is_new, links=links)


AREA = ConsulateArea()


def _row(c: Consulate) -> dict:
    return {
        "id": c.id,
        "country": c.country,
        "country_name": country_name(c.country),
        "address": c.address or "",  # whole: an export writes every line
        "address_line": c.address.split("\n", 1)[0] if c.address else "",  # the list shows one
        "phone": c.phone,
        "email": c.email,
    }


def list_consulates(
    search: str = "",
    *,
    sort: str = "country",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    locate: str | None = None,
) -> Page:
    query = apply_search(Consulate.select(), Consulate, search)
    query = apply_sort(query, SORT_KEYS, sort, descending, Consulate.id)
    return fetch_page(query, offset, limit, _row, locate)


def consulate_for_country(country: str) -> dict | None:
    found = Consulate.get_or_none(Consulate.country == country)
    return AREA.get(found.id) if found else None


def get_consulate(consulate_id: str) -> dict:
    return AREA.get(consulate_id)


def create_consulate(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)


def delete_consulate(consulate_id: str, expected_version: int | None = None) -> dict:
    return AREA.delete(consulate_id, expected_version)
