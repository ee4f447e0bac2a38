CREATE TABLE "catalogue_entries" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"certificate_id" uuid NOT NULL,
	"star" integer NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"revoked_on" date,
	"superseded_on" date,
	"subject_id" uuid NOT NULL,
	"legal_form" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"criteria_set_number" integer,
	"product_name" text NOT NULL,
	"ocop_code" text NOT NULL,
	"description" text,
	"subject_name" text NOT NULL,
	"commune_name" text NOT NULL,
	"province_name" text NOT NULL,
	"certificate_number" text NOT NULL,
	"level" text NOT NULL,
	"verification_code" text NOT NULL,
	"product_search" text NOT NULL,
	"sort_key" text NOT NULL,
	"words" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_entries" ADD CONSTRAINT "catalogue_entries_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_entries" ADD CONSTRAINT "catalogue_entries_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_entries_words_idx" ON "catalogue_entries" USING gin ("words");--> statement-breakpoint
CREATE INDEX "catalogue_entries_sort_idx" ON "catalogue_entries" USING btree ("sort_key","product_id");--> statement-breakpoint
CREATE INDEX "catalogue_entries_star_idx" ON "catalogue_entries" USING btree ("star" DESC NULLS LAST,"sort_key","product_id");--> statement-breakpoint
CREATE INDEX "catalogue_entries_issued_idx" ON "catalogue_entries" USING btree ("issued_on" DESC NULLS LAST,"sort_key","product_id");--> statement-breakpoint
CREATE INDEX "catalogue_entries_province_idx" ON "catalogue_entries" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "catalogue_entries_subject_idx" ON "catalogue_entries" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "catalogue_words_trgm_idx" ON "catalogue_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The catalogue's entries of the given products, written again from the tables they copy: each
-- product's standing certificate is its latest (issued last; the higher number on the same day),
-- and a product without any certificate has no entry. Called by the triggers below and by
-- catalogue_rebuild().
CREATE OR REPLACE FUNCTION catalogue_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM catalogue_entries WHERE product_id = ANY (ids);
  INSERT INTO catalogue_entries (product_id, certificate_id, star, issued_on, expires_on, revoked_on, superseded_on,
      subject_id, legal_form, province_code, commune_code, criteria_set_number,
      product_name, ocop_code, description, subject_name, commune_name, province_name, certificate_number, level, verification_code,
      product_search, sort_key, words)
  SELECT DISTINCT ON (c.product_id) c.product_id, c.id, c.star, c.issued_on, c.expires_on, c.revoked_on, c.superseded_on,
         s.id, s.legal_form, s.province_code, s.commune_code, p.criteria_set_number,
         coalesce(c.product_name, p.name), p.ocop_code, p.description, coalesce(c.subject_name, s.name), cm.name, pv.name,
         c.number, c.level, c.verification_code,
         p.name_search, p.sort_key,
         array_remove(regexp_split_to_array(p.name_search || ' ' || s.name_search || ' ' || lower(ocop_unaccent(cm.name)), '[^[:alnum:]]+'), '')
    FROM certificates c
    JOIN products p ON p.id = c.product_id
    JOIN subjects s ON s.id = p.subject_id
    JOIN communes cm ON cm.code = s.commune_code
    JOIN provinces pv ON pv.code = s.province_code
   WHERE c.product_id = ANY (ids)
   ORDER BY c.product_id, c.issued_on DESC, c.number DESC;
END;
$$;
--> statement-breakpoint
-- Statement triggers with transition tables: an import or a seed writing thousands of rows
-- refreshes their products once, in one statement.
CREATE OR REPLACE FUNCTION catalogue_after_certificates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM catalogue_refresh(ARRAY(SELECT DISTINCT product_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM catalogue_refresh(ARRAY(SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows));
  ELSE
    PERFORM catalogue_refresh(ARRAY(SELECT DISTINCT product_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalogue_certificates_insert AFTER INSERT ON "certificates"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_after_certificates();
--> statement-breakpoint
CREATE TRIGGER catalogue_certificates_update AFTER UPDATE ON "certificates"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_after_certificates();
--> statement-breakpoint
CREATE TRIGGER catalogue_certificates_delete AFTER DELETE ON "certificates"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_after_certificates();
--> statement-breakpoint
-- A product's or a producer's change reaches the catalogue only when it touches what the entry
-- copies (a transition table rules out a column list, so the columns are compared here).
CREATE OR REPLACE FUNCTION catalogue_after_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_refresh(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE EXISTS (SELECT 1 FROM catalogue_entries e WHERE e.product_id = n.id)
       AND (n.name, n.name_search, n.sort_key, n.criteria_set_number, n.subject_id, n.ocop_code, n.description)
           IS DISTINCT FROM (o.name, o.name_search, o.sort_key, o.criteria_set_number, o.subject_id, o.ocop_code, o.description)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalogue_products_update AFTER UPDATE ON "products"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_after_products();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_after_subjects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_refresh(ARRAY(
    SELECT e.product_id FROM catalogue_entries e JOIN new_rows n ON n.id = e.subject_id JOIN old_rows o ON o.id = n.id
     WHERE (n.name, n.name_search, n.legal_form, n.province_code, n.commune_code)
           IS DISTINCT FROM (o.name, o.name_search, o.legal_form, o.province_code, o.commune_code)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalogue_subjects_update AFTER UPDATE ON "subjects"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_after_subjects();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_after_communes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_refresh(ARRAY(
    SELECT e.product_id FROM catalogue_entries e JOIN new_rows n ON n.code = e.commune_code JOIN old_rows o ON o.code = n.code
     WHERE n.name IS DISTINCT FROM o.name));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalogue_communes_update AFTER UPDATE ON "communes"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_after_communes();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_after_provinces() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_refresh(ARRAY(
    SELECT e.product_id FROM catalogue_entries e JOIN new_rows n ON n.code = e.province_code JOIN old_rows o ON o.code = n.code
     WHERE n.name IS DISTINCT FROM o.name));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalogue_provinces_update AFTER UPDATE ON "provinces"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_after_provinces();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_words (word)
  SELECT DISTINCT w FROM new_rows, unnest(new_rows.words) AS w WHERE length(w) > 1 AND w ~ '[a-z]'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalogue_words_insert AFTER INSERT ON "catalogue_entries"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_words_add();
--> statement-breakpoint
-- Every entry and word written again from the tables: here for the rows already there, and by a
-- restore, which writes with triggers off.
CREATE OR REPLACE FUNCTION catalogue_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_refresh(ARRAY(SELECT DISTINCT product_id FROM certificates));
  INSERT INTO catalogue_words (word)
  SELECT DISTINCT w FROM catalogue_entries e, unnest(e.words) AS w WHERE length(w) > 1 AND w ~ '[a-z]'
  ON CONFLICT DO NOTHING;
END;
$$;
--> statement-breakpoint
SELECT catalogue_rebuild();
