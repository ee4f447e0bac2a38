ALTER TABLE "criteria_sets" ADD COLUMN "sector_en" text;--> statement-breakpoint
ALTER TABLE "criteria_sets" ADD COLUMN "lead_ministry_en" text;