-- Full-text search uses the 'simple' configuration: PostgreSQL has no Hindi stemmer, and 'simple' treats
-- Devanagari as word characters on both engines, so one expression serves English and Hindi alike. Queries must
-- use exactly this expression for the index to apply (db/queries/search.ts).
CREATE INDEX "comments_body_search_idx" ON "comments" USING gin (to_tsvector('simple', "body"));
--> statement-breakpoint
-- Consultations that were open before publishing was recorded count as published when they opened.
UPDATE "consultations" SET "published_at" = "opens_at" WHERE "status" <> 'draft' AND "published_at" IS NULL;
