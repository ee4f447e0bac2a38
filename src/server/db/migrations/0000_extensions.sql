-- Accent-insensitive Vietnamese search: trigram indexes on folded names, unaccent for ad-hoc queries.
-- Both extensions ship with PostgreSQL's contrib and are loaded into PGlite by the client.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
