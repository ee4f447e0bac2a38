-- The audit log is append-only: history must not be rewritten, even by a bug in the application.
CREATE OR REPLACE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
--> statement-breakpoint
-- Sort keys are ASCII strings built by vietnameseSortKey(); byte order ("C") is Vietnamese order.
-- Neither PGlite nor every server has a Vietnamese ICU collation, so the order is carried by the key.
ALTER TABLE "provinces" ALTER COLUMN "sort_key" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "communes" ALTER COLUMN "sort_key" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "subjects" ALTER COLUMN "sort_key" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "sort_key" TYPE text COLLATE "C";
--> statement-breakpoint
-- IMMUTABLE wrapper so unaccent() can be used in index expressions (unaccent itself is STABLE).
CREATE OR REPLACE FUNCTION ocop_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
