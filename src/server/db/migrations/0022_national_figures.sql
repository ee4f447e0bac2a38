CREATE TABLE "national_certificate_counts" (
	"province_code" text NOT NULL,
	"star" integer NOT NULL,
	"expires_on" date NOT NULL,
	"revoked_on" date,
	"superseded_on" date,
	"extended_until" date,
	"certificates" integer NOT NULL,
	CONSTRAINT "national_certificate_counts_uq" UNIQUE NULLS NOT DISTINCT("province_code","star","expires_on","revoked_on","superseded_on","extended_until")
);
--> statement-breakpoint
CREATE TABLE "national_certificates" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"star" integer NOT NULL,
	"expires_on" date NOT NULL,
	"revoked_on" date,
	"superseded_on" date,
	"extended_until" date,
	"in_force_until" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_dossier_counts" (
	"province_code" text NOT NULL,
	"round_id" uuid,
	"state" text NOT NULL,
	"dossiers" integer NOT NULL,
	CONSTRAINT "national_dossier_counts_uq" UNIQUE NULLS NOT DISTINCT("province_code","round_id","state")
);
--> statement-breakpoint
CREATE TABLE "national_holder_counts" (
	"province_code" text NOT NULL,
	"in_force_until" date NOT NULL,
	"producers" integer NOT NULL,
	CONSTRAINT "national_holder_counts_province_code_in_force_until_pk" PRIMARY KEY("province_code","in_force_until")
);
--> statement-breakpoint
CREATE TABLE "national_holders" (
	"subject_id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"in_force_until" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_product_years" (
	"product_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"subject_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"star" integer NOT NULL,
	"set_number" integer NOT NULL,
	CONSTRAINT "national_product_years_product_id_year_pk" PRIMARY KEY("product_id","year")
);
--> statement-breakpoint
CREATE TABLE "national_result_counts" (
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"star" integer NOT NULL,
	"set_number" integer NOT NULL,
	"products" integer NOT NULL,
	CONSTRAINT "national_result_counts_province_code_year_kind_star_set_number_pk" PRIMARY KEY("province_code","year","kind","star","set_number")
);
--> statement-breakpoint
CREATE INDEX "national_certificates_product_idx" ON "national_certificates" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "national_certificates_subject_idx" ON "national_certificates" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "national_result_counts_year_idx" ON "national_result_counts" USING btree ("year","province_code");--> statement-breakpoint
-- The results that count in a year's figures: a level able to recognise under the result's legal
-- basis, a central result only for the 5★ it gave (RECOGNISING_LEVELS and isRecognisingResult in
-- src/domain/evaluation/historical-results.ts; a test checks this function against them).
CREATE OR REPLACE FUNCTION national_counting(basis text, level text, star integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT (basis, level) IN (('1048/QĐ-TTg', 'province'), ('1048/QĐ-TTg', 'central'),
                            ('148/QĐ-TTg', 'district'), ('148/QĐ-TTg', 'province'), ('148/QĐ-TTg', 'central'),
                            ('1489/QĐ-TTg', 'province'), ('1489/QĐ-TTg', 'central'),
                            ('26/2026/QĐ-TTg', 'province'), ('26/2026/QĐ-TTg', 'central'))
     AND (level <> 'central' OR coalesce(star, 0) = 5)
$$;
--> statement-breakpoint
-- A dossier still running (CLOSED_STATES in src/domain/evaluation/dossier-workflow.ts; a test checks it).
CREATE OR REPLACE FUNCTION national_dossier_open(state text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT state NOT IN ('decided', 'ministry_decided', 'disqualified', 'withdrawn')
$$;
--> statement-breakpoint
-- What the given products contribute to the national figures, written again from the tables: their
-- old contributions are taken out of the counts, the new ones added, in the caller's transaction.
-- - each product's last counting result of each year (the order of last_result in the indicators'
--   SQL: a central 5★ first, then the decision date, the round, the level);
-- - each certificate of theirs with the days its standing turns on (certificateStatus in
--   src/domain/certificates/validity.ts: revoked or replaced from that day; after expiry extended to
--   expiry + 180 days while a re-rating filed after its window closed, by the expiry date, is pending);
-- - their producers (before and after the change) with the last day one of their certificates is in force.
CREATE OR REPLACE FUNCTION national_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  provs text[];
  subs uuid[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  provs := ARRAY(SELECT province_code FROM national_product_years WHERE product_id = ANY (ids)
                 UNION SELECT province_code FROM national_certificates WHERE product_id = ANY (ids)
                 UNION SELECT s.province_code FROM products p JOIN subjects s ON s.id = p.subject_id WHERE p.id = ANY (ids));
  subs := ARRAY(SELECT subject_id FROM national_certificates WHERE product_id = ANY (ids)
                UNION SELECT p.subject_id FROM products p WHERE p.id = ANY (ids));

  WITH gone AS (DELETE FROM national_product_years WHERE product_id = ANY (ids) RETURNING province_code, year, kind, star, set_number)
  INSERT INTO national_result_counts AS t (province_code, year, kind, star, set_number, products)
  SELECT province_code, year, kind, star, set_number, -count(*)::int FROM gone GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (province_code, year, kind, star, set_number) DO UPDATE SET products = t.products + excluded.products;

  WITH added AS (
    INSERT INTO national_product_years (product_id, year, subject_id, province_code, kind, star, set_number)
    SELECT DISTINCT ON (r.product_id, r.year) r.product_id, r.year, s.id, s.province_code, r.kind, coalesce(r.star, 0), coalesce(p.criteria_set_number, 0)
      FROM (SELECT h.product_id, h.year, h.round, h.level, h.kind, h.star, h.legal_basis, h.decision_date
              FROM historical_results h
             WHERE h.product_id = ANY (ids)
            UNION ALL
            SELECT di.product_id, extract(year FROM d.signed_on)::int, NULL, CASE WHEN d.level = 'ministry' THEN 'central' ELSE 'province' END,
                   ds.kind, di.star, ds.legal_basis, d.signed_on
              FROM decision_items di
              JOIN decisions d ON d.id = di.decision_id AND d.kind = 'recognition'
              JOIN dossiers ds ON ds.id = di.dossier_id
             WHERE di.product_id = ANY (ids)) r
      JOIN products p ON p.id = r.product_id
      JOIN subjects s ON s.id = p.subject_id
     WHERE national_counting(r.legal_basis, r.level, r.star)
     ORDER BY r.product_id, r.year, (r.level = 'central' AND r.star = 5) DESC, r.decision_date DESC NULLS LAST, r.round DESC NULLS LAST,
              CASE r.level WHEN 'central' THEN 3 WHEN 'province' THEN 2 WHEN 'district' THEN 1 ELSE 0 END DESC, r.star DESC NULLS LAST
    RETURNING province_code, year, kind, star, set_number)
  INSERT INTO national_result_counts AS t (province_code, year, kind, star, set_number, products)
  SELECT province_code, year, kind, star, set_number, count(*)::int FROM added GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (province_code, year, kind, star, set_number) DO UPDATE SET products = t.products + excluded.products;

  WITH gone AS (DELETE FROM national_certificates WHERE product_id = ANY (ids)
                RETURNING province_code, star, expires_on, revoked_on, superseded_on, extended_until)
  INSERT INTO national_certificate_counts AS t (province_code, star, expires_on, revoked_on, superseded_on, extended_until, certificates)
  SELECT province_code, star, expires_on, revoked_on, superseded_on, extended_until, -count(*)::int FROM gone GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (province_code, star, expires_on, revoked_on, superseded_on, extended_until) DO UPDATE SET certificates = t.certificates + excluded.certificates;

  WITH facts AS (
    SELECT c.id, c.product_id, s.id AS subject_id, s.province_code, c.star, c.expires_on, c.revoked_on, c.superseded_on,
           CASE WHEN pending.since > c.expires_on - 120 AND pending.since <= c.expires_on THEN c.expires_on + 180 END AS extended_until
      FROM certificates c
      JOIN products p ON p.id = c.product_id
      JOIN subjects s ON s.id = p.subject_id
      LEFT JOIN LATERAL (SELECT min(d.submitted_on) AS since
                           FROM dossiers d
                          WHERE d.product_id = c.product_id AND d.kind = 'rerating' AND d.submitted_on IS NOT NULL
                            AND national_dossier_open(d.state)) pending ON true
     WHERE c.product_id = ANY (ids)
  ), added AS (
    INSERT INTO national_certificates (certificate_id, product_id, subject_id, province_code, star, expires_on, revoked_on, superseded_on, extended_until, in_force_until)
    SELECT f.id, f.product_id, f.subject_id, f.province_code, f.star, f.expires_on, f.revoked_on, f.superseded_on, f.extended_until,
           least(f.revoked_on - 1, f.superseded_on - 1, coalesce(f.extended_until, f.expires_on))
      FROM facts f
    RETURNING province_code, star, expires_on, revoked_on, superseded_on, extended_until)
  INSERT INTO national_certificate_counts AS t (province_code, star, expires_on, revoked_on, superseded_on, extended_until, certificates)
  SELECT province_code, star, expires_on, revoked_on, superseded_on, extended_until, count(*)::int FROM added GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (province_code, star, expires_on, revoked_on, superseded_on, extended_until) DO UPDATE SET certificates = t.certificates + excluded.certificates;

  WITH gone AS (DELETE FROM national_holders WHERE subject_id = ANY (subs) RETURNING province_code, in_force_until)
  INSERT INTO national_holder_counts AS t (province_code, in_force_until, producers)
  SELECT province_code, in_force_until, -count(*)::int FROM gone GROUP BY 1, 2
  ON CONFLICT (province_code, in_force_until) DO UPDATE SET producers = t.producers + excluded.producers;

  WITH added AS (
    INSERT INTO national_holders (subject_id, province_code, in_force_until)
    SELECT subject_id, max(province_code), max(in_force_until) FROM national_certificates WHERE subject_id = ANY (subs) GROUP BY subject_id
    RETURNING province_code, in_force_until)
  INSERT INTO national_holder_counts AS t (province_code, in_force_until, producers)
  SELECT province_code, in_force_until, count(*)::int FROM added GROUP BY 1, 2
  ON CONFLICT (province_code, in_force_until) DO UPDATE SET producers = t.producers + excluded.producers;

  DELETE FROM national_result_counts WHERE province_code = ANY (provs) AND products = 0;
  DELETE FROM national_certificate_counts WHERE province_code = ANY (provs) AND certificates = 0;
  DELETE FROM national_holder_counts WHERE province_code = ANY (provs) AND producers = 0;
END;
$$;
--> statement-breakpoint
-- Statement triggers with transition tables (as the catalogue's, migration 0016): an import or a
-- seed writing thousands of rows refreshes their products once.
CREATE OR REPLACE FUNCTION national_after_product_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM national_refresh(ARRAY(SELECT DISTINCT product_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM national_refresh(ARRAY(SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows));
  ELSE
    PERFORM national_refresh(ARRAY(SELECT DISTINCT product_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER national_historical_results_insert AFTER INSERT ON "historical_results"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_product_rows();
--> statement-breakpoint
CREATE TRIGGER national_historical_results_update AFTER UPDATE ON "historical_results"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_product_rows();
--> statement-breakpoint
CREATE TRIGGER national_historical_results_delete AFTER DELETE ON "historical_results"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_product_rows();
--> statement-breakpoint
CREATE TRIGGER national_decision_items_insert AFTER INSERT ON "decision_items"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_product_rows();
--> statement-breakpoint
CREATE TRIGGER national_decision_items_update AFTER UPDATE ON "decision_items"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_product_rows();
--> statement-breakpoint
CREATE TRIGGER national_decision_items_delete AFTER DELETE ON "decision_items"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_product_rows();
--> statement-breakpoint
CREATE TRIGGER national_certificates_insert AFTER INSERT ON "certificates"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_product_rows();
--> statement-breakpoint
CREATE TRIGGER national_certificates_delete AFTER DELETE ON "certificates"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_product_rows();
--> statement-breakpoint
-- A certificate's update counts only when it changes what the figures read (not a reminder sent).
CREATE OR REPLACE FUNCTION national_after_certificates_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM national_refresh(ARRAY(
    SELECT n.product_id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.product_id, n.star, n.expires_on, n.revoked_on, n.superseded_on) IS DISTINCT FROM (o.product_id, o.star, o.expires_on, o.revoked_on, o.superseded_on)
    UNION
    SELECT o.product_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.product_id IS DISTINCT FROM o.product_id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER national_certificates_update AFTER UPDATE ON "certificates"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_certificates_update();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION national_after_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM national_refresh(ARRAY(
    SELECT DISTINCT di.product_id FROM decision_items di JOIN new_rows n ON n.id = di.decision_id JOIN old_rows o ON o.id = n.id
     WHERE (n.kind, n.level, n.signed_on) IS DISTINCT FROM (o.kind, o.level, o.signed_on)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER national_decisions_update AFTER UPDATE ON "decisions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_decisions();
--> statement-breakpoint
-- Dossiers: their counts per province, round and state follow the transition tables; a change of what
-- results and extensions read (kind, basis, state, filing day) refreshes the product.
CREATE OR REPLACE FUNCTION national_after_dossiers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO national_dossier_counts AS t (province_code, round_id, state, dossiers)
    SELECT province_code, round_id, state, count(*)::int FROM new_rows GROUP BY 1, 2, 3
    ON CONFLICT (province_code, round_id, state) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers;
    PERFORM national_refresh(ARRAY(SELECT DISTINCT product_id FROM new_rows WHERE submitted_on IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO national_dossier_counts AS t (province_code, round_id, state, dossiers)
    SELECT k.province_code, k.round_id, k.state, sum(k.n)::int
      FROM (SELECT o.province_code, o.round_id, o.state, -1 AS n FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.province_code, o.round_id, o.state) IS DISTINCT FROM (n.province_code, n.round_id, n.state)
            UNION ALL
            SELECT n.province_code, n.round_id, n.state, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.province_code, o.round_id, o.state) IS DISTINCT FROM (n.province_code, n.round_id, n.state)) k
     GROUP BY 1, 2, 3
    ON CONFLICT (province_code, round_id, state) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers;
    DELETE FROM national_dossier_counts WHERE dossiers = 0;
    PERFORM national_refresh(ARRAY(
      SELECT n.product_id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.product_id, o.kind, o.legal_basis, o.state, o.submitted_on) IS DISTINCT FROM (n.product_id, n.kind, n.legal_basis, n.state, n.submitted_on)
      UNION
      SELECT o.product_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.product_id IS DISTINCT FROM n.product_id));
  ELSE
    INSERT INTO national_dossier_counts AS t (province_code, round_id, state, dossiers)
    SELECT province_code, round_id, state, -count(*)::int FROM old_rows GROUP BY 1, 2, 3
    ON CONFLICT (province_code, round_id, state) DO UPDATE SET dossiers = t.dossiers + excluded.dossiers;
    DELETE FROM national_dossier_counts WHERE dossiers = 0;
    PERFORM national_refresh(ARRAY(SELECT DISTINCT product_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER national_dossiers_insert AFTER INSERT ON "dossiers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_dossiers();
--> statement-breakpoint
CREATE TRIGGER national_dossiers_update AFTER UPDATE ON "dossiers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_dossiers();
--> statement-breakpoint
CREATE TRIGGER national_dossiers_delete AFTER DELETE ON "dossiers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_dossiers();
--> statement-breakpoint
-- A product moved to another producer or criteria set, or deleted (its earlier results go with it).
CREATE OR REPLACE FUNCTION national_after_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM national_refresh(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.subject_id, n.criteria_set_number) IS DISTINCT FROM (o.subject_id, o.criteria_set_number)));
  ELSE
    PERFORM national_refresh(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER national_products_update AFTER UPDATE ON "products"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_products();
--> statement-breakpoint
CREATE TRIGGER national_products_delete AFTER DELETE ON "products"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_products();
--> statement-breakpoint
-- A producer moved to another province takes its products' figures with it.
CREATE OR REPLACE FUNCTION national_after_subjects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM national_refresh(ARRAY(
    SELECT p.id FROM products p JOIN new_rows n ON n.id = p.subject_id JOIN old_rows o ON o.id = n.id
     WHERE n.province_code IS DISTINCT FROM o.province_code));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER national_subjects_update AFTER UPDATE ON "subjects"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION national_after_subjects();
--> statement-breakpoint
-- Every figure written again from the tables: here for the rows already there, after a restore (which
-- writes with triggers off), and after a bulk load.
CREATE OR REPLACE FUNCTION national_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- DELETE rather than TRUNCATE: the application's role may run it (docs/database-roles.md).
  DELETE FROM national_product_years;
  DELETE FROM national_result_counts;
  DELETE FROM national_certificates;
  DELETE FROM national_certificate_counts;
  DELETE FROM national_holders;
  DELETE FROM national_holder_counts;
  DELETE FROM national_dossier_counts;
  PERFORM national_refresh(ARRAY(SELECT id FROM products));
  INSERT INTO national_dossier_counts (province_code, round_id, state, dossiers)
  SELECT province_code, round_id, state, count(*)::int FROM dossiers GROUP BY 1, 2, 3;
END;
$$;
--> statement-breakpoint
SELECT national_rebuild();
