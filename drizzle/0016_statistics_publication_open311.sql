CREATE TABLE "case_areas_monthly" (
	"month" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_areas_monthly_month_unit_id_area_id_pk" PRIMARY KEY("month","unit_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "case_durations_monthly" (
	"month" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"measure" smallint NOT NULL,
	"days" integer NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_durations_monthly_month_unit_id_measure_days_pk" PRIMARY KEY("month","unit_id","measure","days")
);
--> statement-breakpoint
CREATE TABLE "case_fields_monthly" (
	"month" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_fields_monthly_month_unit_id_category_id_pk" PRIMARY KEY("month","unit_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "case_figures_monthly" (
	"month" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"instance" smallint NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"withdrawn_before_acceptance" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"answered_on_time" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"contested" integer DEFAULT 0 NOT NULL,
	"extended" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_figures_monthly_month_unit_id_kind_instance_pk" PRIMARY KEY("month","unit_id","kind","instance")
);
--> statement-breakpoint
CREATE TABLE "case_open_due" (
	"unit_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_open_due_unit_id_due_on_pk" PRIMARY KEY("unit_id","due_on")
);
--> statement-breakpoint
CREATE TABLE "case_transfers_monthly" (
	"month" date NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"transfers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_transfers_monthly_month_from_unit_id_to_unit_id_pk" PRIMARY KEY("month","from_unit_id","to_unit_id")
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"hourly_limit" integer DEFAULT 60 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "open311_api_keys_limit_check" CHECK ("open311_api_keys"."hourly_limit" between 1 and 100000)
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"token" text PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"api_key_id" uuid NOT NULL,
	"service_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"instance" smallint DEFAULT 1 NOT NULL,
	"category_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"search_text" text NOT NULL,
	"received_on" date NOT NULL,
	"answered_on" date NOT NULL,
	"case_version" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_answers_kind_check" CHECK ("public_answers"."kind" <> 'denunciation')
);
--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "contested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_api_key_id_open311_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."open311_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_answers" ADD CONSTRAINT "public_answers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_answers" ADD CONSTRAINT "public_answers_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_answers" ADD CONSTRAINT "public_answers_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_answers" ADD CONSTRAINT "public_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_areas_monthly_unit_idx" ON "case_areas_monthly" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "case_durations_monthly_unit_idx" ON "case_durations_monthly" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "case_fields_monthly_unit_idx" ON "case_fields_monthly" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "case_figures_monthly_unit_idx" ON "case_figures_monthly" USING btree ("unit_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_hash_key" ON "open311_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_requests_case_key" ON "open311_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "open311_requests_key_idx" ON "open311_requests" USING btree ("api_key_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "public_answers_case_key" ON "public_answers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "public_answers_answered_idx" ON "public_answers" USING btree ("answered_on");--> statement-breakpoint
CREATE INDEX "public_answers_category_idx" ON "public_answers" USING btree ("category_id","answered_on");--> statement-breakpoint
CREATE INDEX "public_answers_area_idx" ON "public_answers" USING btree ("area_id","answered_on");--> statement-breakpoint
CREATE INDEX "public_answers_unit_idx" ON "public_answers" USING btree ("unit_id","answered_on");--> statement-breakpoint
CREATE INDEX "public_answers_search_idx" ON "public_answers" USING gin ("search_text" gin_trgm_ops);