"""The agenda as calendars see it: events that keep their identity when the agenda changes,
no invented end, the delegation's status, the venue's address, and time zones that two
independent readers (ical.js, and a Python reading without icalendar) place at the hours
the tz database gives — Africa/Casablanca's 2027 Ramadan change and Europe/Paris with an
item in 1995 included."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import zoneinfo
from pathlib import Path

import icalendar
import pytest
from ics_reading import event_starts, to_utc, unfold, zones

from relations_app import dataset
from relations_app.exchange.ics import delegation_calendar_bytes
from relations_app.services import delegations

EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")
NOW = dt.datetime(2027, 3, 1, 8, 0, tzinfo=dt.UTC)
READER = Path(__file__).with_name("icaljs_read.cjs")


def events_of(delegation_id: str) -> list[icalendar.Event]:
    data, _count = delegation_calendar_bytes(delegation_id, now=NOW)
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


def by_subject(events) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]).split(" — ")[0]: e for e in events}


def test_an_inserted_or_moved_item_keeps_every_events_uid(brest_db):
    before = {s: str(e["UID"]) for s, e in by_subject(events_of(EXAMPLE)).items()}
    record = delegations.get_delegation(EXAMPLE)
    agenda = record["agenda"]
    inserted = {"date": "2027-06-08", "start_time": "08:00", "subject": "Petit-déjeuner de travail"}
    moved = [inserted, agenda[3], *agenda[:3], *agenda[4:]]
    delegations.update_delegation(EXAMPLE, {"agenda": moved}, record["version"])
    after = {s: str(e["UID"]) for s, e in by_subject(events_of(EXAMPLE)).items()}
    assert {s: after[s] for s in before} == before  # same subject, same event
    assert after["Petit-déjeuner de travail"] not in before.values()
    assert len(set(after.values())) == len(after)


def test_a_changed_item_gets_a_higher_sequence_and_its_modification_time(brest_db):
    record = delegations.get_delegation(EXAMPLE)
    untouched = {str(e["UID"]): int(e["SEQUENCE"]) for e in events_of(EXAMPLE)}
    assert set(untouched.values()) == {0}
    agenda = [dict(item) for item in record["agenda"]]
    agenda[2]["start_time"] = "09:30"
    saved = dt.datetime.now(dt.UTC).replace(microsecond=0)
    delegations.update_delegation(EXAMPLE, {"agenda": agenda}, record["version"])
    events = {str(e["UID"]): e for e in events_of(EXAMPLE)}
    changed = f"agenda-{agenda[2]['uid']}@relations-app"
    assert int(events[changed]["SEQUENCE"]) == 1
    assert events[changed]["LAST-MODIFIED"].dt >= saved  # stamped when saved
    assert all(int(e["SEQUENCE"]) == 0 for uid, e in events.items() if uid != changed)
    assert all("LAST-MODIFIED" not in e for uid, e in events.items() if uid != changed)


def test_no_invented_end_status_location_and_summary(brest_db):
    record = delegations.get_delegation(EXAMPLE)
    agenda = [dict(item) for item in record["agenda"]]
    agenda[2]["address"] = "53, rue Saint-Germain Est\nRimouski (Québec) G5L 1A6"
    delegations.update_delegation(EXAMPLE, {"agenda": agenda}, record["version"])
    events = by_subject(events_of(EXAMPLE))
    arrival = events["Arrivée à Rimouski et installation"]
    assert "DTEND" not in arrival and "DURATION" not in arrival  # no end time recorded
    meeting = events["Réunion de travail : bilan de CREA OCEAN et suites de la coopération"]
    assert str(meeting["SUMMARY"]).startswith("Réunion de travail : bilan de CREA OCEAN")
    assert str(meeting["LOCATION"]) == (
        "Technopole maritime du Québec, Rimouski, 53, rue Saint-Germain Est, "
        "Rimouski (Québec) G5L 1A6"
    )
    assert {str(e["STATUS"]) for e in events.values()} == {"TENTATIVE"}  # in preparation
    record = delegations.get_delegation(EXAMPLE)
    delegations.update_delegation(EXAMPLE, {"status": "confirmed"}, record["version"])
    assert {str(e["STATUS"]) for e in events_of(EXAMPLE)} == {"CONFIRMED"}


def tricky_delegation() -> str:
    """Items in Casablanca around the 2027 Ramadan change, in Paris in 1995 and 2027."""
    return delegations.create_delegation(
        {
            "title": "Zones difficiles",
            "agenda": [
                {"date": d, "start_time": "09:00", "timezone": z, "subject": f"{z} {d}"}
                for z, d in [
                    ("Africa/Casablanca", "2027-02-01"),
                    ("Africa/Casablanca", "2027-02-15"),
                    ("Africa/Casablanca", "2027-03-20"),
                    ("Europe/Paris", "1995-06-15"),
                    ("Europe/Paris", "1995-10-15"),
                    ("Europe/Paris", "2027-03-15"),
                    ("Europe/Paris", "2027-06-15"),
                    ("Europe/Paris", "2027-10-30"),
                    ("America/Toronto", "2027-06-08"),
                ]
            ],
        }
    )["id"]


def expected_instants(text: str) -> dict[str, int]:
    """UID -> the start's UTC instant the tz database gives (seconds since 1970)."""
    return {
        uid: int(local.replace(tzinfo=zoneinfo.ZoneInfo(tzid)).timestamp())
        for uid, (tzid, local) in event_starts(text).items()
    }


def test_a_python_reading_of_the_file_gives_the_tz_database_hours(brest_db):
    text = delegation_calendar_bytes(tricky_delegation(), now=NOW)[0].decode()
    defined = zones(text)  # also refuses any RDATE line holding several dates
    starts = event_starts(text)
    for uid, expected in expected_instants(text).items():
        tzid, local = starts[uid]
        got = to_utc(defined[tzid], local).replace(tzinfo=dt.UTC)
        assert int(got.timestamp()) == expected, (tzid, local)
    paris = "\n".join(line for line in unfold(text) if line)
    assert "RDATE" not in paris.split("TZID:Europe/Paris")[1].split("END:VTIMEZONE")[0]


def node_with_icaljs() -> str | None:
    """The node program when it can load ical.js (RELATIONS_ICALJS: a node_modules folder)."""
    node = shutil.which("node")
    if node is None:
        return None
    env = {
        **os.environ,
        "NODE_PATH": os.environ.get("RELATIONS_ICALJS", "/tmp/icaljs/node_modules"),
    }
    probe = subprocess.run(
        [node, "-e", "require('ical.js')"], env=env, capture_output=True, timeout=30
    )
    return node if probe.returncode == 0 else None


def test_icaljs_reads_the_hours_the_tz_database_gives(brest_db):
    node = node_with_icaljs()
    if node is None:
        reason = (
            "ical.js not available: install node and `npm install ical.js` into a folder, "
            "then set RELATIONS_ICALJS to its node_modules"
        )
        print(reason)
        pytest.skip(reason)
    text = delegation_calendar_bytes(tricky_delegation(), now=NOW)[0].decode()
    env = {
        **os.environ,
        "NODE_PATH": os.environ.get("RELATIONS_ICALJS", "/tmp/icaljs/node_modules"),
    }
    result = subprocess.run(
        [node, str(READER)], input=text, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    read = {e["uid"]: e for e in json.loads(result.stdout)}
    expected = expected_instants(text)
    assert set(read) == set(expected)
    for uid, instant in expected.items():
        assert read[uid]["start"] == instant, (uid, read[uid]["zone"])


KHAL_CONFIG = """[calendars]
[[relations]]
path = {folder}
[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
"""


def test_khal_reads_the_hours_the_tz_database_gives(brest_db, tmp_path):
    """Issue 17 §5: a second client, khal (Debian's package; its own icalendar/pytz
    reading), places every item at the UTC instant of the tz database."""
    khal = shutil.which("khal")
    if khal is None:
        reason = "khal not available: install Debian's khal package to run this reading"
        print(reason)
        pytest.skip(reason)
    text = delegation_calendar_bytes(tricky_delegation(), now=NOW)[0].decode()
    ics = tmp_path / "agenda.ics"
    ics.write_text(text, encoding="utf-8")
    (tmp_path / "calendar").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=tmp_path / "calendar"), encoding="utf-8")
    result = subprocess.run(
        [khal, "-c", str(config), "printics", "-f", "{uid}|{start}", str(ics)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "UTC"},
    )
    assert result.returncode == 0, result.stderr
    read = dict(line.split("|") for line in result.stdout.splitlines() if "|" in line)
    expected = expected_instants(text)
    assert set(read) == set(expected)
    for uid, instant in expected.items():
        shown = dt.datetime.strptime(read[uid], "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC)
        assert int(shown.timestamp()) == instant, (uid, read[uid])
