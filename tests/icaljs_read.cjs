// Reads an .ics file on stdin with ical.js (Thunderbird's parser) and prints, for each
// event, its UID and its start and end as UTC instants, as ical.js understands them from
// the file's own VTIMEZONE definitions (never from a time zone database of its own).
const ICAL = require("ical.js");
let text = "";
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const out = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const instant = (time) => (time && !time.isDate ? time.toUnixTime() : null);
    return {
      uid: event.uid,
      start: instant(event.startDate),
      end: vevent.hasProperty("dtend") ? instant(event.endDate) : null,
      zone: event.startDate.zone ? event.startDate.zone.tzid : null,
    };
  });
  process.stdout.write(JSON.stringify(out));
});
