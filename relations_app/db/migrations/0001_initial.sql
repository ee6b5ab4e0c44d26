-- 0001: the initial schema (frozen: later changes go in new migrations).
CREATE TABLE "office" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "country" VARCHAR(2) NOT NULL, "latitude" {float}, "longitude" {float}, "timezone" VARCHAR(255), "stated_counts" TEXT NOT NULL);

CREATE TABLE "partner" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "search" TEXT NOT NULL, "sort_key" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "local_name" VARCHAR(255), "aliases" TEXT NOT NULL, "country" VARCHAR(2) NOT NULL, "region" VARCHAR(255), "kind" VARCHAR(255) NOT NULL, "signing_side" VARCHAR(255), "agreement_kind" VARCHAR(255), "agreement_year" INTEGER, "relations_since" INTEGER, "population" INTEGER, "population_year" INTEGER, "population_note" VARCHAR(255), "website" VARCHAR(255), "latitude" {float}, "longitude" {float}, "timezone" VARCHAR(255), "summary" TEXT NOT NULL, "history" TEXT NOT NULL, "active" {boolean} NOT NULL, "notes" TEXT NOT NULL);
CREATE INDEX "partner_sort_key" ON "partner" ("sort_key");
CREATE INDEX "partner_name" ON "partner" ("name");
CREATE INDEX "partner_country" ON "partner" ("country");
CREATE INDEX "partner_kind" ON "partner" ("kind");

CREATE TABLE "theme" ("id" {auto_key}, "name" VARCHAR(255) NOT NULL);
CREATE UNIQUE INDEX "theme_name" ON "theme" ("name");

CREATE TABLE "partner_theme" ("id" {auto_key}, "partner_id" VARCHAR(36) NOT NULL, "theme_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE CASCADE, FOREIGN KEY ("theme_id") REFERENCES "theme" ("id") ON DELETE CASCADE);
CREATE INDEX "partner_theme_partner_id" ON "partner_theme" ("partner_id");
CREATE INDEX "partner_theme_theme_id" ON "partner_theme" ("theme_id");
CREATE UNIQUE INDEX "partner_theme_partner_id_theme_id" ON "partner_theme" ("partner_id", "theme_id");

CREATE TABLE "organisation" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "search" TEXT NOT NULL, "sort_key" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "acronym" VARCHAR(255), "kind" VARCHAR(255) NOT NULL, "country" VARCHAR(2), "city" VARCHAR(255), "website" VARCHAR(255), "description" TEXT NOT NULL);
CREATE INDEX "organisation_sort_key" ON "organisation" ("sort_key");
CREATE INDEX "organisation_name" ON "organisation" ("name");

CREATE TABLE "partner_organisation" ("id" {auto_key}, "partner_id" VARCHAR(36) NOT NULL, "organisation_id" VARCHAR(36) NOT NULL, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE CASCADE, FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE CASCADE);
CREATE INDEX "partner_organisation_partner_id" ON "partner_organisation" ("partner_id");
CREATE INDEX "partner_organisation_organisation_id" ON "partner_organisation" ("organisation_id");
CREATE UNIQUE INDEX "partner_organisation_partner_id_organisation_id" ON "partner_organisation" ("partner_id", "organisation_id");

CREATE TABLE "diplomatic_post" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "search" TEXT NOT NULL, "sort_key" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "country" VARCHAR(2) NOT NULL, "city" VARCHAR(255), "address" TEXT NOT NULL, "website" VARCHAR(255));
CREATE INDEX "diplomatic_post_sort_key" ON "diplomatic_post" ("sort_key");
CREATE INDEX "diplomatic_post_name" ON "diplomatic_post" ("name");
CREATE INDEX "diplomatic_post_country" ON "diplomatic_post" ("country");

CREATE TABLE "contact" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "search" TEXT NOT NULL, "sort_key" VARCHAR(255) NOT NULL, "family_name" VARCHAR(255) NOT NULL, "given_name" VARCHAR(255) NOT NULL, "email" VARCHAR(255), "phone" VARCHAR(255), "notes" TEXT NOT NULL);
CREATE INDEX "contact_sort_key" ON "contact" ("sort_key");
CREATE INDEX "contact_family_name" ON "contact" ("family_name");

CREATE TABLE "position" ("id" {auto_key}, "contact_id" VARCHAR(36) NOT NULL, "function" VARCHAR(255) NOT NULL, "organisation_id" VARCHAR(36), "post_id" VARCHAR(36), "start" VARCHAR(255), "end" VARCHAR(255), "position" INTEGER NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE SET NULL, FOREIGN KEY ("post_id") REFERENCES "diplomatic_post" ("id") ON DELETE SET NULL);
CREATE INDEX "position_contact_id" ON "position" ("contact_id");
CREATE INDEX "position_organisation_id" ON "position" ("organisation_id");
CREATE INDEX "position_post_id" ON "position" ("post_id");

CREATE TABLE "partner_contact" ("id" {auto_key}, "partner_id" VARCHAR(36) NOT NULL, "contact_id" VARCHAR(36) NOT NULL, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE);
CREATE INDEX "partner_contact_partner_id" ON "partner_contact" ("partner_id");
CREATE INDEX "partner_contact_contact_id" ON "partner_contact" ("contact_id");
CREATE UNIQUE INDEX "partner_contact_partner_id_contact_id" ON "partner_contact" ("partner_id", "contact_id");

CREATE TABLE "programme" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "search" TEXT NOT NULL, "sort_key" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "status" VARCHAR(255), "start" VARCHAR(255), "end" VARCHAR(255), "convention_year" INTEGER, "theme" VARCHAR(255), "sub_theme" VARCHAR(255), "sub_sub_theme" VARCHAR(255), "form" VARCHAR(255), "context" TEXT NOT NULL, "history" TEXT NOT NULL, "objectives" TEXT NOT NULL, "description" TEXT NOT NULL, "owners" TEXT NOT NULL, "beneficiaries" TEXT NOT NULL, "triennial" {boolean}, "evaluation_done" {boolean}, "communication_france" {boolean}, "communication_partner" {boolean}, "volunteers" TEXT NOT NULL, "notes" TEXT NOT NULL);
CREATE INDEX "programme_sort_key" ON "programme" ("sort_key");
CREATE INDEX "programme_title" ON "programme" ("title");
CREATE INDEX "programme_status" ON "programme" ("status");

CREATE TABLE "programme_partner" ("id" {auto_key}, "programme_id" VARCHAR(36) NOT NULL, "partner_id" VARCHAR(36) NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("programme_id") REFERENCES "programme" ("id") ON DELETE CASCADE, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE CASCADE);
CREATE INDEX "programme_partner_programme_id" ON "programme_partner" ("programme_id");
CREATE INDEX "programme_partner_partner_id" ON "programme_partner" ("partner_id");
CREATE UNIQUE INDEX "programme_partner_programme_id_partner_id" ON "programme_partner" ("programme_id", "partner_id");

CREATE TABLE "programme_organisation" ("id" {auto_key}, "programme_id" VARCHAR(36) NOT NULL, "organisation_id" VARCHAR(36) NOT NULL, "role" VARCHAR(255) NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("programme_id") REFERENCES "programme" ("id") ON DELETE CASCADE, FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE CASCADE);
CREATE INDEX "programme_organisation_programme_id" ON "programme_organisation" ("programme_id");
CREATE INDEX "programme_organisation_organisation_id" ON "programme_organisation" ("organisation_id");
CREATE UNIQUE INDEX "programme_organisation_programme_id_organisation_id_role" ON "programme_organisation" ("programme_id", "organisation_id", "role");

CREATE TABLE "programme_contact" ("id" {auto_key}, "programme_id" VARCHAR(36) NOT NULL, "contact_id" VARCHAR(36) NOT NULL, "organisation_id" VARCHAR(36), "function" VARCHAR(255) NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("programme_id") REFERENCES "programme" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE SET NULL);
CREATE INDEX "programme_contact_programme_id" ON "programme_contact" ("programme_id");
CREATE INDEX "programme_contact_contact_id" ON "programme_contact" ("contact_id");
CREATE INDEX "programme_contact_organisation_id" ON "programme_contact" ("organisation_id");
CREATE UNIQUE INDEX "programme_contact_programme_id_contact_id" ON "programme_contact" ("programme_id", "contact_id");

CREATE TABLE "funding" ("id" {auto_key}, "programme_id" VARCHAR(36) NOT NULL, "funder" VARCHAR(255) NOT NULL, "amount" INTEGER NOT NULL, "water_amount" INTEGER, "year" INTEGER, "position" INTEGER NOT NULL, FOREIGN KEY ("programme_id") REFERENCES "programme" ("id") ON DELETE CASCADE);
CREATE INDEX "funding_programme_id" ON "funding" ("programme_id");

CREATE TABLE "key_figure" ("id" {auto_key}, "partner_id" VARCHAR(36) NOT NULL, "programme_id" VARCHAR(36), "label" VARCHAR(255) NOT NULL, "value" VARCHAR(255) NOT NULL, "year" INTEGER, "position" INTEGER NOT NULL, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE CASCADE, FOREIGN KEY ("programme_id") REFERENCES "programme" ("id") ON DELETE SET NULL);
CREATE INDEX "key_figure_partner_id" ON "key_figure" ("partner_id");
CREATE INDEX "key_figure_programme_id" ON "key_figure" ("programme_id");

CREATE TABLE "event" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "search" TEXT NOT NULL, "sort_key" VARCHAR(255) NOT NULL, "date" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "kind" VARCHAR(255) NOT NULL, "partner_id" VARCHAR(36), "programme_id" VARCHAR(36), FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE CASCADE, FOREIGN KEY ("programme_id") REFERENCES "programme" ("id") ON DELETE SET NULL);
CREATE INDEX "event_sort_key" ON "event" ("sort_key");
CREATE INDEX "event_date" ON "event" ("date");
CREATE INDEX "event_partner_id" ON "event" ("partner_id");
CREATE INDEX "event_programme_id" ON "event" ("programme_id");

CREATE TABLE "consulate" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "search" TEXT NOT NULL, "sort_key" VARCHAR(255) NOT NULL, "country" VARCHAR(2) NOT NULL, "address" TEXT NOT NULL, "phone" VARCHAR(255), "email" VARCHAR(255), "consul_name" VARCHAR(255), "notes" TEXT NOT NULL);
CREATE INDEX "consulate_sort_key" ON "consulate" ("sort_key");
CREATE UNIQUE INDEX "consulate_country" ON "consulate" ("country");

CREATE TABLE "delegation" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "search" TEXT NOT NULL, "sort_key" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL, "direction" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "start" VARCHAR(255), "end" VARCHAR(255), "objectives" TEXT NOT NULL, "logistics" TEXT NOT NULL, "talking_points" TEXT NOT NULL);
CREATE INDEX "delegation_sort_key" ON "delegation" ("sort_key");
CREATE INDEX "delegation_title" ON "delegation" ("title");

CREATE TABLE "delegation_partner" ("id" {auto_key}, "delegation_id" VARCHAR(36) NOT NULL, "partner_id" VARCHAR(36) NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("delegation_id") REFERENCES "delegation" ("id") ON DELETE CASCADE, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE CASCADE);
CREATE INDEX "delegation_partner_delegation_id" ON "delegation_partner" ("delegation_id");
CREATE INDEX "delegation_partner_partner_id" ON "delegation_partner" ("partner_id");
CREATE UNIQUE INDEX "delegation_partner_delegation_id_partner_id" ON "delegation_partner" ("delegation_id", "partner_id");

CREATE TABLE "delegation_member" ("id" {auto_key}, "delegation_id" VARCHAR(36) NOT NULL, "contact_id" VARCHAR(36), "name" VARCHAR(255) NOT NULL, "function" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "side" VARCHAR(255) NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("delegation_id") REFERENCES "delegation" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL);
CREATE INDEX "delegation_member_delegation_id" ON "delegation_member" ("delegation_id");
CREATE INDEX "delegation_member_contact_id" ON "delegation_member" ("contact_id");

CREATE TABLE "agenda_item" ("id" {auto_key}, "delegation_id" VARCHAR(36) NOT NULL, "date" VARCHAR(255) NOT NULL, "start_time" VARCHAR(255), "end_time" VARCHAR(255), "timezone" VARCHAR(255), "place" VARCHAR(255) NOT NULL, "subject" VARCHAR(255) NOT NULL, "people" TEXT NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("delegation_id") REFERENCES "delegation" ("id") ON DELETE CASCADE);
CREATE INDEX "agenda_item_delegation_id" ON "agenda_item" ("delegation_id");

