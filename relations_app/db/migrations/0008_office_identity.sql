-- 0008: what the office prints on every document (Préférences › Documents), stored in the
-- database so that every PC of the office prints the same: the issuing organisation, its
-- service, address, phone, e-mail, website, logo (a PNG as a data: URI, '' for none) and
-- the default confidentiality mention; and the sources of a partner's facts, printed on
-- its fact sheet ("Sources : …"). Frozen once released.
ALTER TABLE "office" ADD COLUMN "organisation" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "office" ADD COLUMN "service" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "office" ADD COLUMN "address" TEXT NOT NULL DEFAULT '';
ALTER TABLE "office" ADD COLUMN "phone" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "office" ADD COLUMN "email" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "office" ADD COLUMN "website" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "office" ADD COLUMN "logo" TEXT NOT NULL DEFAULT '';
ALTER TABLE "office" ADD COLUMN "confidentiality" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "partner" ADD COLUMN "sources" TEXT NOT NULL DEFAULT '';
