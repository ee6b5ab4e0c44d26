-- 0012: the long free texts of each searchable record type (a partner's presentation, a
-- programme's description, a delegation's talking points, a consulate's notes…) folded
-- into a "texts" column, so that the global search finds a record by a word of them
-- (relations_app/db/texts.py names the fields).  The rows already there are filled by the
-- same migration from their texts, and the column gets a search index of its own
-- (Backend.create_search_index: SQLite FTS5 trigram, PostgreSQL pg_trgm). Frozen once
-- released.
ALTER TABLE "partner" ADD COLUMN "texts" TEXT NOT NULL DEFAULT '';
ALTER TABLE "programme" ADD COLUMN "texts" TEXT NOT NULL DEFAULT '';
ALTER TABLE "organisation" ADD COLUMN "texts" TEXT NOT NULL DEFAULT '';
ALTER TABLE "contact" ADD COLUMN "texts" TEXT NOT NULL DEFAULT '';
ALTER TABLE "consulate" ADD COLUMN "texts" TEXT NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "texts" TEXT NOT NULL DEFAULT '';
ALTER TABLE "event" ADD COLUMN "texts" TEXT NOT NULL DEFAULT '';
