ALTER TABLE "import_jobs" ADD COLUMN "marked_files" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Jobs checked before: their workbooks named .xlsx were kept when the check found problems.
UPDATE "import_jobs" SET "marked_files" = (
  SELECT coalesce(jsonb_agg(f.i - 1 ORDER BY f.i), '[]'::jsonb)
  FROM jsonb_array_elements_text("file_names") WITH ORDINALITY AS f(name, i)
  WHERE f.name ILIKE '%.xlsx'
) WHERE "status" = 'invalid' AND jsonb_array_length("problems") > 0;
