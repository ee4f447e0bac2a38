ALTER TABLE "products" ALTER COLUMN "ocop_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "subjects" ALTER COLUMN "commune_code" DROP NOT NULL;