"""A delegation's agenda as an iCalendar file: right hours in each zone, Outlook's VTIMEZONE
form, UIDs stored with each item."""

import datetime as dt
import zoneinfo

import icalendar
import pytest

from relations_app import dataset
from relations_app.exchange.ics import delegation_calendar_bytes
from relations_app.exchange.vtimezone import vtimezone
from relations_app.services import delegations

EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")
NOW = dt.datetime(2027, 3, 1, 8, 0, tzinfo=dt.UTC)
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_the_example_agenda_lands_at_the_right_hours(brest_db):
    data, count = delegation_calendar_bytes(EXAMPLE, now=NOW)
    calendar = parse(data)
    events = calendar.walk("VEVENT")
    assert count == len(events) == 11
    assert str(calendar["X-WR-CALNAME"]) == "Mission à Rimouski autour de CREA OCEAN (exemple)"
    assert str(calendar["METHOD"]) == "PUBLISH"
    meeting = next(e for e in events if "bilan de CREA OCEAN" in str(e["SUMMARY"]))
    start, end = meeting["DTSTART"], meeting["DTEND"]
    assert start.params["TZID"] == "America/Toronto"
    assert (start.dt.hour, start.dt.minute, end.dt.hour, end.dt.minute) == (9, 0, 10, 30)
    assert start.dt.astimezone(PARIS).replace(tzinfo=None) == dt.datetime(2027, 6, 8, 15, 0)
    assert str(meeting["LOCATION"]).startswith("Technopole maritime du Québec, Rimouski, ")
    assert "Direction de TMQ" in str(meeting["DESCRIPTION"])
    departure = next(e for e in events if "Départ de Brest" in str(e["SUMMARY"]))
    assert departure["DTSTART"].params["TZID"] == "Europe/Paris"
    assert departure["DTSTART"].dt.hour == 8
    stored = delegations.get_delegation(EXAMPLE)["agenda"]
    assert [str(e["UID"]) for e in events] == [f"agenda-{i['uid']}@relations-app" for i in stored]
    assert len({i["uid"] for i in stored}) == 11


def test_each_zone_is_defined_by_yearly_rules_outlook_reads(brest_db):
    calendar = parse(delegation_calendar_bytes(EXAMPLE, now=NOW)[0])
    zones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert set(zones) == {"America/Toronto", "Europe/Paris"}
    toronto = zones["America/Toronto"]
    rules = {part.name: part["RRULE"].to_ical().decode() for part in toronto.subcomponents}
    assert rules == {
        "DAYLIGHT": "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
        "STANDARD": "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
    }
    assert b"RDATE" not in toronto.to_ical()
    # Read with the file's own definition, not the system's: 09:00 there is 15:00 in Paris.
    there = zones["America/Toronto"].to_tz()
    moment = dt.datetime(2027, 6, 8, 9, 0, tzinfo=there)
    assert moment.astimezone(zones["Europe/Paris"].to_tz()).hour == 15
    assert dt.datetime(2027, 12, 8, 9, 0, tzinfo=there).utcoffset() == dt.timedelta(hours=-5)


@pytest.mark.parametrize(
    "tzid",
    [
        "Europe/Paris",
        "America/Toronto",
        "Asia/Tokyo",
        "Australia/Sydney",
        "America/Santiago",
        "Africa/Casablanca",
        "America/Argentina/Ushuaia",
        "Asia/Kolkata",
    ],
)
def test_every_definition_gives_the_iana_offsets(tzid):
    defined = vtimezone(tzid, 2027, 2028).to_tz()
    zone = zoneinfo.ZoneInfo(tzid)
    moment = dt.datetime(2027, 1, 1)
    while moment < dt.datetime(2029, 1, 1):
        assert (
            moment.replace(tzinfo=defined).utcoffset() == moment.replace(tzinfo=zone).utcoffset()
        ), moment
        moment += dt.timedelta(hours=13)


def test_uids_stay_when_the_agenda_is_exported_again(brest_db):
    first = parse(delegation_calendar_bytes(EXAMPLE, now=NOW)[0])
    later = parse(delegation_calendar_bytes(EXAMPLE, now=NOW + dt.timedelta(days=30))[0])
    assert [str(e["UID"]) for e in first.walk("VEVENT")] == [
        str(e["UID"]) for e in later.walk("VEVENT")
    ]
    assert delegation_calendar_bytes(EXAMPLE, now=NOW) == delegation_calendar_bytes(
        EXAMPLE, now=NOW
    )


def test_items_without_time_or_zone(brest_db):
    created = delegations.create_delegation(
        {
            "title": "Visite de Kiel",
            "agenda": [
                {"date": "2027-05-03", "subject": "Journée libre"},
                {
                    "date": "2027-05-04",
                    "start_time": "23:00",
                    "end_time": "01:00",
                    "subject": "Nuit",
                },
            ],
        }
    )
    calendar = parse(delegation_calendar_bytes(created["id"], now=NOW)[0])
    free, night = calendar.walk("VEVENT")
    assert free["DTSTART"].dt == dt.date(2027, 5, 3) and free["DTEND"].dt == dt.date(2027, 5, 4)
    assert night["DTSTART"].params["TZID"] == "Europe/Paris"  # the office's zone
    assert night["DTEND"].dt - night["DTSTART"].dt == dt.timedelta(hours=2)
