-- Failed sign-ins are counted per account and client address together. The old per-account
-- counters are transient (at most one lock window old), so the table is rebuilt rather than migrated.
DROP TABLE "login_attempts";--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"email" text NOT NULL,
	"address" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "login_attempts_email_address_pk" PRIMARY KEY("email","address")
);
