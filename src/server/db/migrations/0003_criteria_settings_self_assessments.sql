CREATE TABLE "criteria_versions" (
	"legal_basis" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"effective_from" date NOT NULL,
	"data" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criteria_versions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "programme_settings" (
	"province_code" text PRIMARY KEY NOT NULL,
	"scoring" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessment_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"storage_key" text,
	"filename" text,
	"mime_type" text,
	"bytes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"legal_basis" text NOT NULL,
	"set_number" integer NOT NULL,
	"case_key" text,
	"choices" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"general_note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"total" double precision,
	"star" integer,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "self_assessment_evidence" ADD CONSTRAINT "self_assessment_evidence_assessment_id_self_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."self_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_legal_basis_criteria_versions_legal_basis_fk" FOREIGN KEY ("legal_basis") REFERENCES "public"."criteria_versions"("legal_basis") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_assessment_evidence_assessment_idx" ON "self_assessment_evidence" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "self_assessments_product_idx" ON "self_assessments" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "self_assessments_version_idx" ON "self_assessments" USING btree ("legal_basis");