-- 0004: indexes for large lists (ten thousand partners, a quarter-million contacts), chosen
-- from EXPLAIN QUERY PLAN on the generated benchmark database (relations-app demo-data).
-- The full-text search indexes of the same migration are created by
-- Backend.create_search_index (SQLite FTS5; see migrations/__init__.py). Frozen once released.

-- The lists' default order, covering: a page, a deep offset while scrolling and a one- or
-- two-letter search (LIKE on ``search``) read this index alone, in order, never the rows.
CREATE INDEX "partner_list" ON "partner" ("sort_key", "id", "search");
CREATE INDEX "programme_list" ON "programme" ("sort_key", "id", "search");
CREATE INDEX "organisation_list" ON "organisation" ("sort_key", "id", "search");
CREATE INDEX "contact_list" ON "contact" ("sort_key", "id", "search");

-- A contact's current function and organisation (position without an end, latest start).
CREATE INDEX "position_contact_id_end_start" ON "position" ("contact_id", "end", "start");

-- The dashboard: programmes ending soon or still "ongoing" after their end, anniversaries
-- of signatures, funding per year (read from the index alone).
CREATE INDEX "programme_end_status" ON "programme" ("end", "status");
CREATE INDEX "programme_status_end" ON "programme" ("status", "end");
CREATE INDEX "partner_agreement_year" ON "partner" ("agreement_year");
CREATE INDEX "funding_year_amount" ON "funding" ("year", "amount");

-- The Atlas taxonomy offered by a programme's page and the theme filter (DISTINCT read
-- from the index).
CREATE INDEX "programme_theme" ON "programme" ("theme", "sub_theme", "sub_sub_theme");
