CREATE TABLE "distribution_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"chain" text NOT NULL,
	"chain_key" text NOT NULL,
	"channel" text DEFAULT 'supermarket' NOT NULL,
	"stores" integer,
	"since" date,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecommerce_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"url" text NOT NULL,
	"status" text DEFAULT 'approved' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_checked_on" date,
	"proposed_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_point_products" (
	"sales_point_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"consent" text DEFAULT 'pending' NOT NULL,
	"consent_on" date,
	"consent_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_point_products_sales_point_id_product_id_pk" PRIMARY KEY("sales_point_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "sales_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"external_code" text,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_search" text NOT NULL,
	"operator" text,
	"address" text,
	"placement" text DEFAULT 'in_province' NOT NULL,
	"commune_code" text,
	"other_province_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"location_type" text,
	"opened_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"closed_on" date,
	"phone" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_event_participants" (
	"event_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"booths" integer,
	"revenue_vnd" bigint,
	CONSTRAINT "trade_event_participants_event_id_subject_id_pk" PRIMARY KEY("event_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "trade_event_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"thumb_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_event_products" (
	"event_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	CONSTRAINT "trade_event_products_event_id_product_id_pk" PRIMARY KEY("event_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "trade_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"external_code" text,
	"name" text NOT NULL,
	"name_search" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"placement" text NOT NULL,
	"place" text,
	"commune_code" text,
	"other_province_code" text,
	"country" text,
	"organiser" text,
	"booths" integer,
	"visitors" integer,
	"revenue_vnd" bigint,
	"contracts" integer,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"external_code" text,
	"kind" text DEFAULT 'plan' NOT NULL,
	"title" text NOT NULL,
	"submitted_on" date NOT NULL,
	"approved_on" date,
	"status" text DEFAULT 'drafting' NOT NULL,
	"investment_vnd" bigint,
	"product_id" uuid,
	"progress_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communication_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"external_code" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"channel" text,
	"published_on" date NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"url" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_ideas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"external_code" text,
	"subject_id" uuid,
	"proposer_name" text,
	"title" text NOT NULL,
	"title_search" text NOT NULL,
	"description" text,
	"criteria_set_number" integer,
	"received_on" date NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"screened_on" date,
	"screening_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"external_code" text,
	"subject_id" uuid NOT NULL,
	"product_id" uuid,
	"business_plan_id" uuid,
	"content" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"funding_source" text NOT NULL,
	"granted_on" date NOT NULL,
	"status" text DEFAULT 'approved' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"external_code" text,
	"name" text NOT NULL,
	"area" text NOT NULL,
	"legal_basis" text,
	"year" integer NOT NULL,
	"budget_vnd" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendees" (
	"course_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"people" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "training_attendees_course_id_subject_id_pk" PRIMARY KEY("course_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"external_code" text,
	"topic" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text,
	"commune_code" text,
	"organiser" text,
	"trainers" text,
	"participants" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "distribution_listings" ADD CONSTRAINT "distribution_listings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce_listings" ADD CONSTRAINT "ecommerce_listings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce_listings" ADD CONSTRAINT "ecommerce_listings_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecommerce_listings" ADD CONSTRAINT "ecommerce_listings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_point_products" ADD CONSTRAINT "sales_point_products_sales_point_id_sales_points_id_fk" FOREIGN KEY ("sales_point_id") REFERENCES "public"."sales_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_point_products" ADD CONSTRAINT "sales_point_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_point_products" ADD CONSTRAINT "sales_point_products_consent_by_users_id_fk" FOREIGN KEY ("consent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_points" ADD CONSTRAINT "sales_points_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_points" ADD CONSTRAINT "sales_points_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_points" ADD CONSTRAINT "sales_points_other_province_code_provinces_code_fk" FOREIGN KEY ("other_province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_points" ADD CONSTRAINT "sales_points_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_event_participants" ADD CONSTRAINT "trade_event_participants_event_id_trade_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."trade_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_event_participants" ADD CONSTRAINT "trade_event_participants_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_event_photos" ADD CONSTRAINT "trade_event_photos_event_id_trade_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."trade_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_event_products" ADD CONSTRAINT "trade_event_products_event_id_trade_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."trade_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_event_products" ADD CONSTRAINT "trade_event_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_events" ADD CONSTRAINT "trade_events_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_events" ADD CONSTRAINT "trade_events_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_events" ADD CONSTRAINT "trade_events_other_province_code_provinces_code_fk" FOREIGN KEY ("other_province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_events" ADD CONSTRAINT "trade_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_idea_id_product_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."product_ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_items" ADD CONSTRAINT "communication_items_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_ideas" ADD CONSTRAINT "product_ideas_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_ideas" ADD CONSTRAINT "product_ideas_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_ideas" ADD CONSTRAINT "product_ideas_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_ideas" ADD CONSTRAINT "product_ideas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_policy_id_support_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."support_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_business_plan_id_business_plans_id_fk" FOREIGN KEY ("business_plan_id") REFERENCES "public"."business_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_policies" ADD CONSTRAINT "support_policies_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_listings_uq" ON "distribution_listings" USING btree ("product_id","chain_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ecommerce_listings_url_uq" ON "ecommerce_listings" USING btree ("url");--> statement-breakpoint
CREATE INDEX "ecommerce_listings_product_idx" ON "ecommerce_listings" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "sales_point_products_product_idx" ON "sales_point_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "sales_points_province_idx" ON "sales_points" USING btree ("province_code","status");--> statement-breakpoint
CREATE INDEX "sales_points_commune_idx" ON "sales_points" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_points_external_code_uq" ON "sales_points" USING btree ("province_code","external_code");--> statement-breakpoint
CREATE INDEX "trade_event_participants_subject_idx" ON "trade_event_participants" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "trade_event_photos_event_idx" ON "trade_event_photos" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "trade_event_products_product_idx" ON "trade_event_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "trade_events_province_idx" ON "trade_events" USING btree ("province_code","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_events_external_code_uq" ON "trade_events" USING btree ("province_code","external_code");--> statement-breakpoint
CREATE INDEX "business_plans_idea_idx" ON "business_plans" USING btree ("idea_id");--> statement-breakpoint
CREATE INDEX "business_plans_product_idx" ON "business_plans" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "communication_items_province_idx" ON "communication_items" USING btree ("province_code","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "communication_items_external_code_uq" ON "communication_items" USING btree ("province_code","external_code");--> statement-breakpoint
CREATE INDEX "product_ideas_province_idx" ON "product_ideas" USING btree ("province_code","received_on");--> statement-breakpoint
CREATE INDEX "product_ideas_commune_idx" ON "product_ideas" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "product_ideas_external_code_uq" ON "product_ideas" USING btree ("province_code","external_code");--> statement-breakpoint
CREATE INDEX "support_grants_policy_idx" ON "support_grants" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "support_grants_subject_idx" ON "support_grants" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "support_grants_plan_idx" ON "support_grants" USING btree ("business_plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_grants_external_code_uq" ON "support_grants" USING btree ("policy_id","external_code");--> statement-breakpoint
CREATE INDEX "support_policies_province_idx" ON "support_policies" USING btree ("province_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "support_policies_external_code_uq" ON "support_policies" USING btree ("province_code","external_code");--> statement-breakpoint
CREATE INDEX "training_attendees_subject_idx" ON "training_attendees" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "training_courses_province_idx" ON "training_courses" USING btree ("province_code","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_external_code_uq" ON "training_courses" USING btree ("province_code","external_code");