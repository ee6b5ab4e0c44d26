-- 0003: what a delegation briefing prints on its cover: the place of the visit (free text,
-- "Rimouski (Québec, Canada)") and the confidentiality mention ('' prints the default
-- "Document de travail — diffusion restreinte"). Frozen once released.
ALTER TABLE "delegation" ADD COLUMN "destination" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "delegation" ADD COLUMN "confidentiality" VARCHAR(255) NOT NULL DEFAULT '';
