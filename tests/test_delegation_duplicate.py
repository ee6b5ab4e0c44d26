"""A past delegation as the start of a new one; finding a delegation by id or title."""

from datetime import date

import pytest

from relations_app import dataset
from relations_app.services import delegations
from relations_app.services.delegation_lookup import (
    AmbiguousDelegationError,
    UnknownDelegationError,
    find_delegation,
)

EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")


def test_a_copy_moved_to_a_new_first_day_keeps_its_shape(brest_db):
    original = delegations.get_delegation(EXAMPLE)
    copy = delegations.duplicate_delegation(EXAMPLE, date(2028, 6, 5))  # 52 weeks on: a Monday
    assert copy["id"] != EXAMPLE
    assert copy["title"] == "Copie de Mission à Rimouski autour de CREA OCEAN (exemple)"
    assert copy["status"] == "preparation" and original["status"] == "preparation"
    assert (copy["start"], copy["end"]) == ("2028-06-05", "2028-06-09")
    assert [a["date"] for a in copy["agenda"]][:3] == ["2028-06-05", "2028-06-05", "2028-06-06"]
    same = ("start_time", "end_time", "timezone", "place", "subject", "people")
    assert [{k: a[k] for k in same} for a in copy["agenda"]] == [
        {k: a[k] for k in same} for a in original["agenda"]
    ]
    for key in (
        "direction",
        "destination",
        "partner_ids",
        "members",
        "objectives",
        "logistics",
        "talking_points",
        "confidentiality",
    ):
        assert copy[key] == original[key], key
    assert delegations.get_delegation(EXAMPLE) == original  # untouched
    again = delegations.duplicate_delegation(copy["id"], date(2029, 6, 4))
    assert again["title"] == copy["title"]  # never "Copie de Copie de …"


def test_without_a_first_day_dates_are_cleared_and_the_agenda_left_out(brest_db):
    copy = delegations.duplicate_delegation(EXAMPLE)
    assert (copy["start"], copy["end"], copy["agenda"]) == (None, None, [])
    assert len(copy["members"]) == 5


def test_partial_dates_move_with_their_first_day(brest_db):
    created = delegations.create_delegation(
        {
            "title": "Mission",
            "start": "2026-09",
            "end": "2026-10",
            "agenda": [
                {"date": "2026-09-14", "subject": "Réunion"},
                {"date": "2026-09", "subject": "À caler"},
            ],
        }
    )
    copy = delegations.duplicate_data(created["id"], date(2027, 9, 13))  # anchor: 14 Sept 2026
    assert (copy["start"], copy["end"]) == ("2027-09", "2027-10")  # 364 days: 12 months
    assert [a["date"] for a in copy["agenda"]] == ["2027-09-13", "2027-09"]
    assert delegations.shift_date("2026-12", 40) == "2027-01"
    assert delegations.shift_date("2019", 400) == "2020" and delegations.shift_date(None, 3) is None


def test_without_any_full_date_the_new_first_day_is_the_start(brest_db):
    created = delegations.create_delegation(
        {"title": "Un jour", "start": "2026", "agenda": [{"date": "2026", "subject": "x"}]}
    )
    copy = delegations.duplicate_data(created["id"], date(2027, 4, 1))
    assert (copy["start"], copy["end"], copy["agenda"]) == ("2027-04-01", None, [])


def test_find_by_id_or_loose_title(brest_db):
    assert find_delegation(EXAMPLE)["id"] == EXAMPLE
    assert find_delegation("MISSION A RIMOUSKI")["id"] == EXAMPLE
    assert find_delegation("crea ocean exemple")["id"] == EXAMPLE
    delegations.create_delegation({"title": "Mission à Kiel"})
    with pytest.raises(AmbiguousDelegationError, match="plusieurs délégations"):
        find_delegation("mission")
    with pytest.raises(UnknownDelegationError, match="Titres proches : Mission à Kiel"):
        find_delegation("Mision Kiel")
