-- 0005: the global search finds a contact by a phone number typed in part ("02 98 44"):
-- the stored numbers are in international format, so what was typed becomes a prefix of
-- them ("+33 2 98 44") read from this index rather than from a quarter-million rows.
-- The events' full-text search index of the same migration is created by
-- Backend.create_search_index (see migrations/__init__.py). Frozen once released.
CREATE INDEX "contact_phone" ON "contact" ("phone");
