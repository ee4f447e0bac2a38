-- Products carry their producer's province so that an index can hold the province's own product
-- codes unique: two imports of the same workbook committed at once must not both create a product.
ALTER TABLE "products" ADD COLUMN "province_code" text;--> statement-breakpoint
-- A commit in batches records how far it got, and what the batches did, in the job's own row.
ALTER TABLE "import_jobs" ADD COLUMN "committed_records" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "commit_tally" jsonb;--> statement-breakpoint
CREATE OR REPLACE FUNCTION products_set_province_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.province_code := (SELECT s.province_code FROM subjects s WHERE s.id = NEW.subject_id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER products_province_code BEFORE INSERT OR UPDATE OF subject_id ON "products"
  FOR EACH ROW EXECUTE FUNCTION products_set_province_code();
--> statement-breakpoint
-- A producer placed in another province takes its products along.
CREATE OR REPLACE FUNCTION subjects_move_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE products SET province_code = NEW.province_code WHERE subject_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subjects_products_province AFTER UPDATE OF province_code ON "subjects"
  FOR EACH ROW WHEN (OLD.province_code IS DISTINCT FROM NEW.province_code) EXECUTE FUNCTION subjects_move_products();
--> statement-breakpoint
-- Fills the column from the producers and settles codes held twice in a province (left by imports
-- committed concurrently before this migration): the oldest product keeps the code, every later
-- one keeps its row, its history and its OCOP code but loses the external code, with an audit entry
-- naming the code it had, so the office can find and merge or withdraw it. Nothing is deleted.
-- Returns how many codes were cleared. Called here and by a restore (rows from an older backup
-- arrive without the column, and the restore writes with triggers off).
CREATE OR REPLACE FUNCTION products_settle_external_codes() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  cleared integer;
BEGIN
  UPDATE products p SET province_code = s.province_code
    FROM subjects s
   WHERE s.id = p.subject_id AND p.province_code IS DISTINCT FROM s.province_code;
  WITH ranked AS (
    SELECT p.id, p.external_code,
           row_number() OVER (PARTITION BY p.province_code, p.external_code ORDER BY p.created_at, p.id) AS n
      FROM products p
     WHERE p.external_code IS NOT NULL
  ), changed AS (
    UPDATE products p SET external_code = NULL
      FROM ranked r
     WHERE r.id = p.id AND r.n > 1
    RETURNING p.id, r.external_code
  )
  INSERT INTO audit_log (actor_label, action, entity_type, entity_id, before, after)
  SELECT 'Nâng cấp CSDL: mã hồ sơ trùng trong tỉnh / upgrade: external code held twice in the province',
         'update', 'product', changed.id::text,
         jsonb_build_object('externalCode', changed.external_code),
         jsonb_build_object('externalCode', NULL)
    FROM changed;
  GET DIAGNOSTICS cleared = ROW_COUNT;
  RETURN cleared;
END;
$$;
--> statement-breakpoint
SELECT products_settle_external_codes();
--> statement-breakpoint
CREATE UNIQUE INDEX "products_external_code_uq" ON "products" USING btree ("province_code","external_code");
--> statement-breakpoint
-- The append-only guard of 0002 covers rows; TRUNCATE removes rows without row triggers, so it has
-- its own statement trigger. A restore (an owner's operation) disables it inside its transaction.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
