CREATE TABLE "historical_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"round" text,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"score" double precision,
	"star" integer,
	"decision_no" text,
	"decision_date" date,
	"legal_basis" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "historical_results_uq" UNIQUE NULLS NOT DISTINCT("product_id","year","round","level","kind")
);
--> statement-breakpoint
ALTER TABLE "historical_results" ADD CONSTRAINT "historical_results_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;