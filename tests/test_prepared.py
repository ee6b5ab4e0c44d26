"""Queries whose SQL is built once (``relations_app.db.prepared``): each run reads what the
query itself would, with its own values, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from relations_app.db import prepared, statements
from relations_app.db.models import Partner
from relations_app.services import partners

pytestmark = pytest.mark.both_backends


def by_country(country: str, first: int):
    return (
        Partner.select(Partner.name, Partner.population)
        .where(Partner.country == country)
        .order_by(Partner.name)
        .limit(first)
        .tuples()
    )


def test_a_prepared_query_reads_what_the_query_reads_with_each_run_s_values(brest_db):
    countries = sorted({row["country"] for row in partners.list_partners().rows})
    assert len(countries) >= 3
    built = 0
    original = prepared._build

    def counted(*args):
        nonlocal built
        built += 1
        return original(*args)

    prepared._build = counted
    try:
        for country in countries:
            for first in (1, 5):
                with statements.counting() as count:
                    rows = list(prepared.run("test by country", by_country, country, first))
                assert rows == list(by_country(country, first))
                assert rows and len(rows) <= first
                assert count.statements == 1
    finally:
        prepared._build = original
    assert built <= 1  # once per database class (none when an earlier test built it)


def test_a_value_that_is_not_a_parameter_of_its_own_is_refused(brest_db):
    def by_prefix(prefix: str):
        return Partner.select(Partner.name).where(Partner.name.startswith(prefix)).tuples()

    with pytest.raises(ValueError, match="not a parameter of its own"):
        prepared.run("test by prefix", by_prefix, "Ki")
