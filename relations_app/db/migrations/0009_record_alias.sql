-- 0009: the ids of records merged into others (Doublons possibles › Fusionner). An import
-- that names a merged record's id lands on the record it was merged into. Frozen once
-- released.
CREATE TABLE "record_alias" ("alias_id" VARCHAR(36) NOT NULL PRIMARY KEY, "collection" VARCHAR(255) NOT NULL, "kept_id" VARCHAR(36) NOT NULL, "at" {timestamp} NOT NULL);
CREATE INDEX "record_alias_kept_id" ON "record_alias" ("kept_id");
