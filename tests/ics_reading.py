"""A second, independent reading of a calendar file's time zones, in Python: the VTIMEZONE
text is parsed here line by line and its rules expanded with dateutil, without icalendar
(which wrote the file) and without the tz database (which the file must stand for).

Used by the calendar tests beside ical.js (Thunderbird's parser, through node when the
machine has it), so that a definition both readers agree on is not one library's quirk.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import rrule


def unfold(text: str) -> list[str]:
    return re.sub(r"\r?\n[ \t]", "", text).splitlines()


def _offset(value: str) -> dt.timedelta:
    sign = -1 if value[0] == "-" else 1
    return sign * dt.timedelta(hours=int(value[1:3]), minutes=int(value[3:5]))


def _local(value: str) -> dt.datetime:
    return dt.datetime.strptime(value, "%Y%m%dT%H%M%S")


def zones(text: str) -> dict[str, list[tuple[dt.datetime, dt.timedelta]]]:
    """TZID -> its changes as (UTC instant, offset after), in order, for 1900–2100."""
    found: dict[str, list[tuple[dt.datetime, dt.timedelta]]] = {}
    tzid, part = None, None
    for line in unfold(text):
        name, _, value = line.partition(":")
        key = name.split(";")[0]
        if line == "BEGIN:VTIMEZONE":
            tzid = None
        elif key == "TZID" and part is None:
            tzid = value
            found[tzid] = []
        elif line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            part = {"rdate": []}
        elif line in ("END:STANDARD", "END:DAYLIGHT") and part is not None and tzid:
            start, before, after = part["dtstart"], part["from"], part["to"]
            locals_ = [start, *part["rdate"]]
            if "rrule" in part:
                text_rule = part["rrule"]
                until = re.search(r"UNTIL=(\d{8}T\d{6})Z", text_rule)
                if until:  # UTC in the file; the rule runs in local time before the change
                    local_until = _local(until.group(1)) + before
                    text_rule = text_rule.replace(
                        until.group(0), f"UNTIL={local_until:%Y%m%dT%H%M%S}"
                    )
                rule = rrule.rrulestr(text_rule, dtstart=start, ignoretz=True)
                locals_ += list(rule.between(start, dt.datetime(2100, 1, 1), inc=False))
            found[tzid] += [(moment - before, after) for moment in locals_]
            part = None
        elif part is not None:
            if key == "DTSTART":
                part["dtstart"] = _local(value)
            elif key == "TZOFFSETFROM":
                part["from"] = _offset(value)
            elif key == "TZOFFSETTO":
                part["to"] = _offset(value)
            elif key == "RRULE":
                part["rrule"] = value
            elif key == "RDATE":
                assert "," not in value, f"several dates in one RDATE line: {line}"
                part["rdate"].append(_local(value))
    return {tzid: sorted(changes) for tzid, changes in found.items()}


def to_utc(changes: list[tuple[dt.datetime, dt.timedelta]], local: dt.datetime) -> dt.datetime:
    """The UTC instant of wall time ``local`` in a zone with ``changes``."""
    offset = changes[0][1]
    for instant, after in changes:
        if instant <= local - after:  # the change has happened by then
            offset = after
    return local - offset


def event_starts(text: str) -> dict[str, tuple[str, dt.datetime]]:
    """UID -> (TZID, local start) of every timed event."""
    found: dict[str, tuple[str, dt.datetime]] = {}
    uid, start = None, None
    for line in unfold(text):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            uid, start = None, None
        elif name == "UID":
            uid = value
        elif name.startswith("DTSTART;TZID="):
            start = (name.split("=", 1)[1], _local(value))
        elif line == "END:VEVENT" and uid and start:
            found[uid] = start
    return found
