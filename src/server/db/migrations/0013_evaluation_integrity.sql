CREATE TABLE "calendar_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_uq" UNIQUE NULLS NOT DISTINCT("province_code","date")
);
--> statement-breakpoint
CREATE TABLE "council_results" (
	"dossier_id" uuid NOT NULL,
	"level" text NOT NULL,
	"session_id" uuid NOT NULL,
	"scoring_round" integer NOT NULL,
	"scored_on" date NOT NULL,
	"score" double precision NOT NULL,
	"star" integer NOT NULL,
	"part_a" double precision NOT NULL,
	"part_b" double precision NOT NULL,
	"part_c" double precision NOT NULL,
	"member_totals" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_results_dossier_id_level_pk" PRIMARY KEY("dossier_id","level")
);
--> statement-breakpoint
CREATE TABLE "dossier_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"filed_on" date NOT NULL,
	"filed_by" uuid,
	"registration" jsonb NOT NULL,
	"product" jsonb NOT NULL,
	"subject" jsonb NOT NULL,
	"self_assessment" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_filings_uq" UNIQUE("dossier_id","seq")
);
--> statement-breakpoint
CREATE TABLE "session_rescorings" (
	"session_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"scoring_round" integer NOT NULL,
	"reason" text NOT NULL,
	"spread" double precision,
	"requested_by" uuid,
	"requested_label" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_rescorings_session_id_dossier_id_scoring_round_pk" PRIMARY KEY("session_id","dossier_id","scoring_round")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "ministry_round_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "current_filing_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "central_score" double precision;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "central_star" integer;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "forwarding" jsonb;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "product_name" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "subject_name" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "revocation_signer" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "revocation_signer_title" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "violation_concluded_on" date;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "violation_ground" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "violation_reference" text;--> statement-breakpoint
ALTER TABLE "decision_items" ADD COLUMN "product_name" text;--> statement-breakpoint
ALTER TABLE "decision_items" ADD COLUMN "ocop_code" text;--> statement-breakpoint
ALTER TABLE "decision_items" ADD COLUMN "subject_name" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "kind" text DEFAULT 'recognition' NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "notice_number" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "notice_signer" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "notice_signer_title" text;--> statement-breakpoint
ALTER TABLE "council_members" ADD COLUMN "voting" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "established_by_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "established_on" date;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "established_by_signer" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "established_by_signer_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "rules_storage_key" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "rules_filename" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "rules_mime_type" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "rules_sha256" text;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD COLUMN "paper_scan_key" text;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD COLUMN "paper_scan_filename" text;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD COLUMN "paper_scan_mime_type" text;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD COLUMN "paper_scan_sha256" text;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_results" ADD CONSTRAINT "council_results_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_filings" ADD CONSTRAINT "dossier_filings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_filings" ADD CONSTRAINT "dossier_filings_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_rescorings" ADD CONSTRAINT "session_rescorings_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_rescorings" ADD CONSTRAINT "session_rescorings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_rescorings" ADD CONSTRAINT "session_rescorings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_ministry_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("ministry_round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_user_uq" UNIQUE("council_id","user_id");