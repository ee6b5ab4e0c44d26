-- 0006: what a briefing a delegation can travel with prints, what keeps calendar events
-- the same events from one export to the next, and facts marked as derived.
-- * partner: the reasoning behind a derived agreement year ("50 ans célébrés en 2014"),
--   the organisation the office works with there (Rimouski: Technopole maritime du
--   Québec) and whose site the website is when not the partner's own.
-- * delegation: the one-page summary (stakes, sensitive points), protocol notes, travel,
--   hotel, transfers, the duty line, entry formalities and the document control (version,
--   author, distribution list).
-- * agenda_item: a stable calendar UID (existing rows get one made of their delegation and
--   row number, never reused), its SEQUENCE and LAST-MODIFIED, the venue's address and
--   position, and a meeting brief (aim, our attendees, background, expected outcome).
-- * diplomatic_post: its switchboard number, for the briefing's contact sheet.
-- * contact: a photo (PNG or JPEG, base64), a short biography, previous contacts with the office's city.
-- Frozen once released.
ALTER TABLE "partner" ADD COLUMN "agreement_year_note" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "partner" ADD COLUMN "counterpart" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "partner" ADD COLUMN "website_note" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "stakes" TEXT NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "sensitive_points" TEXT NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "protocol" TEXT NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "travel" TEXT NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "hotel" TEXT NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "hotel_phone" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "transfers" TEXT NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "duty_phone" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "entry_formalities" TEXT NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "document_version" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "author" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "distribution" TEXT NOT NULL DEFAULT '';
ALTER TABLE "agenda_item" ADD COLUMN "uid" VARCHAR(255) NOT NULL DEFAULT '';
UPDATE "agenda_item" SET "uid" = "delegation_id" || '-' || CAST("id" AS VARCHAR(20));
ALTER TABLE "agenda_item" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "agenda_item" ADD COLUMN "modified" VARCHAR(255);
ALTER TABLE "agenda_item" ADD COLUMN "address" TEXT NOT NULL DEFAULT '';
ALTER TABLE "agenda_item" ADD COLUMN "latitude" {float};
ALTER TABLE "agenda_item" ADD COLUMN "longitude" {float};
ALTER TABLE "agenda_item" ADD COLUMN "aim" TEXT NOT NULL DEFAULT '';
ALTER TABLE "agenda_item" ADD COLUMN "home_people" TEXT NOT NULL DEFAULT '';
ALTER TABLE "agenda_item" ADD COLUMN "background" TEXT NOT NULL DEFAULT '';
ALTER TABLE "agenda_item" ADD COLUMN "outcome" TEXT NOT NULL DEFAULT '';
ALTER TABLE "diplomatic_post" ADD COLUMN "phone" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "photo" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "biography" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "previous_contacts" TEXT NOT NULL DEFAULT '';
