-- 0007: the history of every record. One change_set per write (who, when, how), one
-- record_change per record it touched, with each field's value before and after (JSON).
-- Frozen once released.
CREATE TABLE "change_set" ("id" {auto_key}, "at" {timestamp} NOT NULL, "user_name" VARCHAR(255) NOT NULL, "origin" VARCHAR(255) NOT NULL, "summary" TEXT NOT NULL);
CREATE INDEX "change_set_at" ON "change_set" ("at");
CREATE TABLE "record_change" ("id" {auto_key}, "change_set_id" INTEGER NOT NULL, "collection" VARCHAR(255) NOT NULL, "record_id" VARCHAR(36) NOT NULL, "kind" VARCHAR(255) NOT NULL, "version" INTEGER, "label" VARCHAR(255) NOT NULL, "fields" TEXT, FOREIGN KEY ("change_set_id") REFERENCES "change_set" ("id") ON DELETE CASCADE);
CREATE INDEX "record_change_change_set_id" ON "record_change" ("change_set_id");
CREATE INDEX "record_change_record_id" ON "record_change" ("record_id");
