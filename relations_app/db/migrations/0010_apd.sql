-- 0010: the yearly APD declaration (article L.1115-6 CGCT, "e-APD"). A programme's OECD
-- DAC purpose code ('' when none), its channel and its policy markers ('0', '1', '2', NULL when not
-- scored); a funding line's stage ('planned', 'actual' or NULL); which funders are the
-- authority's own money and which co-finance it (apd_funder, matched on the folded name);
-- the OECD lists, editable by an administrator: the countries eligible for official
-- development assistance by year (apd_country, one row per country and edition) and the
-- purpose codes with their French and English labels (apd_sector). The two lists are
-- filled from relations_app/data/ by the same migration. Frozen once released.
ALTER TABLE "programme" ADD COLUMN "apd_sector" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "programme" ADD COLUMN "apd_channel" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_gender" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_environment" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_governance" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_biodiversity" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_climate_mitigation" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_climate_adaptation" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_desertification" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_nutrition" VARCHAR(255);
ALTER TABLE "programme" ADD COLUMN "marker_disability" VARCHAR(255);
ALTER TABLE "funding" ADD COLUMN "stage" VARCHAR(255);
CREATE TABLE "apd_funder" ("id" {auto_key}, "name" VARCHAR(255) NOT NULL, "folded" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL);
CREATE UNIQUE INDEX "apd_funder_folded" ON "apd_funder" ("folded");
CREATE TABLE "apd_country" ("id" {auto_key}, "code" VARCHAR(2) NOT NULL, "first_year" INTEGER NOT NULL, "last_year" INTEGER NOT NULL, "edition" VARCHAR(255) NOT NULL, "category" VARCHAR(255) NOT NULL);
CREATE UNIQUE INDEX "apd_country_code_first_year" ON "apd_country" ("code", "first_year");
CREATE TABLE "apd_sector" ("code" VARCHAR(5) NOT NULL PRIMARY KEY, "label_fr" VARCHAR(255) NOT NULL, "label_en" VARCHAR(255) NOT NULL);
CREATE INDEX "programme_apd_sector" ON "programme" ("apd_sector");
