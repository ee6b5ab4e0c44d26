-- 0011: documents attached to records (the signed agreement of a twinning, photos of a
-- visit, a committee's minutes). Each file's bytes are stored once, keyed by their SHA-256
-- (attachment_blob); an attachment names its owner by collection and id (a partner,
-- programme, organisation, contact or delegation), its title, partial date, category,
-- file name and media type. Frozen once released.
CREATE TABLE "attachment_blob" ("hash" VARCHAR(64) NOT NULL PRIMARY KEY, "size" INTEGER NOT NULL, "content" {blob} NOT NULL);
CREATE TABLE "attachment" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "record_id" VARCHAR(36) NOT NULL, "title" VARCHAR(255) NOT NULL, "date" VARCHAR(255), "category" VARCHAR(255) NOT NULL, "file_name" VARCHAR(255) NOT NULL, "media_type" VARCHAR(255) NOT NULL, "hash" VARCHAR(64) NOT NULL, "created_at" {timestamp} NOT NULL, "changed_at" {timestamp} NOT NULL, FOREIGN KEY ("hash") REFERENCES "attachment_blob" ("hash"));
CREATE INDEX "attachment_kind_record_id" ON "attachment" ("kind", "record_id");
CREATE INDEX "attachment_hash" ON "attachment" ("hash");
