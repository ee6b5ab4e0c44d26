-- 0002: the trash (Corbeille). A deleted record waits here with the snapshot that restores
-- it exactly (the rows deleted with it, the references cleared). Frozen once released.
CREATE TABLE "trash_item" ("id" {auto_key}, "collection" VARCHAR(255) NOT NULL, "record_id" VARCHAR(36) NOT NULL, "label" VARCHAR(255) NOT NULL, "deleted_at" {timestamp} NOT NULL, "snapshot" TEXT NOT NULL);
CREATE INDEX "trash_item_record_id" ON "trash_item" ("record_id");
CREATE INDEX "trash_item_deleted_at" ON "trash_item" ("deleted_at");
