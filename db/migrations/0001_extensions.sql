-- Trigram similarity powers search and near-duplicate detection in later features; both engines ship it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
