ALTER TABLE "import_jobs" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "sheet" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "commit_actor" jsonb;--> statement-breakpoint
CREATE INDEX "import_jobs_queue_idx" ON "import_jobs" USING btree ("queued_at") WHERE "import_jobs"."queued_at" is not null;