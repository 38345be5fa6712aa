CREATE TABLE "filer_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "secret" text;--> statement-breakpoint
ALTER TABLE "filer_sessions" ADD CONSTRAINT "filer_sessions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "filer_sessions_case_idx" ON "filer_sessions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "filer_sessions_expires_idx" ON "filer_sessions" USING btree ("expires_at");