-- Search that ignores diacritics ("dat dai" finds "đất đai") and tolerates typos.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
