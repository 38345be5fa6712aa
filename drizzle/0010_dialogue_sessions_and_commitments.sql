CREATE TABLE "commitment_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"update_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid,
	"question_id" uuid,
	"case_id" uuid,
	"leader_user_id" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"body" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"case_id" uuid,
	"commitment_id" uuid,
	"answer" text,
	"answered_by_user_id" text,
	"answered_at" timestamp with time zone,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_agenda_one_subject" CHECK (("dialogue_agenda_items"."case_id" is null) <> ("dialogue_agenda_items"."commitment_id" is null))
);
--> statement-breakpoint
CREATE TABLE "dialogue_moderation_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"data" jsonb,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"body" text NOT NULL,
	"search_text" text NOT NULL,
	"language" text DEFAULT 'vi' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"merged_into_id" uuid,
	"priority" integer DEFAULT 0 NOT NULL,
	"support_count" integer DEFAULT 0 NOT NULL,
	"asker_user_id" text,
	"asker_key_id" text,
	"asker_sealed" text,
	"consent_contact" boolean DEFAULT false NOT NULL,
	"address_hash" text,
	"idempotency_key" text,
	"answer" text,
	"answered_by_user_id" text,
	"answer_recorded_by" text,
	"answered_at" timestamp with time zone,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dialogue_questions_support_count_check" CHECK ("dialogue_questions"."support_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dialogue_session_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"data" jsonb,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_session_leaders" (
	"session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"position" text NOT NULL,
	"position_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dialogue_session_leaders_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_support_addresses" (
	"session_id" uuid NOT NULL,
	"address_hash" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dialogue_support_addresses_session_id_address_hash_pk" PRIMARY KEY("session_id","address_hash"),
	CONSTRAINT "dialogue_support_addresses_cap" CHECK ("dialogue_support_addresses"."count" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "dialogue_supports" (
	"question_id" uuid NOT NULL,
	"supporter_key" text NOT NULL,
	"session_id" uuid NOT NULL,
	"address_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_supports_question_id_supporter_key_pk" PRIMARY KEY("question_id","supporter_key")
);
--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ALTER COLUMN "status" SET DEFAULT 'announced';--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "kind" text DEFAULT 'dialogue' NOT NULL;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "livestream_url" text;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "questions_in_advance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "questions_close_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "current_question_id" uuid;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "minutes" text;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "minutes_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "commitment_files" ADD CONSTRAINT "commitment_files_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_files" ADD CONSTRAINT "commitment_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_question_id_dialogue_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."dialogue_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_agenda_items" ADD CONSTRAINT "dialogue_agenda_items_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_agenda_items" ADD CONSTRAINT "dialogue_agenda_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_agenda_items" ADD CONSTRAINT "dialogue_agenda_items_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_agenda_items" ADD CONSTRAINT "dialogue_agenda_items_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_agenda_items" ADD CONSTRAINT "dialogue_agenda_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_moderation_log" ADD CONSTRAINT "dialogue_moderation_log_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_moderation_log" ADD CONSTRAINT "dialogue_moderation_log_question_id_dialogue_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."dialogue_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_moderation_log" ADD CONSTRAINT "dialogue_moderation_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_merged_into_id_dialogue_questions_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."dialogue_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_asker_user_id_users_id_fk" FOREIGN KEY ("asker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_answer_recorded_by_users_id_fk" FOREIGN KEY ("answer_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_session_events" ADD CONSTRAINT "dialogue_session_events_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_session_events" ADD CONSTRAINT "dialogue_session_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_session_leaders" ADD CONSTRAINT "dialogue_session_leaders_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_session_leaders" ADD CONSTRAINT "dialogue_session_leaders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_support_addresses" ADD CONSTRAINT "dialogue_support_addresses_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_supports" ADD CONSTRAINT "dialogue_supports_question_id_dialogue_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."dialogue_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_supports" ADD CONSTRAINT "dialogue_supports_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_files_commitment_idx" ON "commitment_files" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "commitment_updates_commitment_idx" ON "commitment_updates" USING btree ("commitment_id","id");--> statement-breakpoint
CREATE INDEX "commitments_session_idx" ON "commitments" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "commitments_owner_idx" ON "commitments" USING btree ("owner_unit_id","status");--> statement-breakpoint
CREATE INDEX "commitments_leader_idx" ON "commitments" USING btree ("leader_user_id");--> statement-breakpoint
CREATE INDEX "commitments_status_due_idx" ON "commitments" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_agenda_case_key" ON "dialogue_agenda_items" USING btree ("session_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_agenda_commitment_key" ON "dialogue_agenda_items" USING btree ("session_id","commitment_id");--> statement-breakpoint
CREATE INDEX "dialogue_agenda_case_idx" ON "dialogue_agenda_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "dialogue_moderation_log_session_idx" ON "dialogue_moderation_log" USING btree ("session_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_questions_number_key" ON "dialogue_questions" USING btree ("session_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_questions_idempotency_key" ON "dialogue_questions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "dialogue_questions_session_status_idx" ON "dialogue_questions" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "dialogue_questions_session_updated_idx" ON "dialogue_questions" USING btree ("session_id","updated_at");--> statement-breakpoint
CREATE INDEX "dialogue_questions_case_idx" ON "dialogue_questions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "dialogue_questions_search_idx" ON "dialogue_questions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dialogue_session_events_session_idx" ON "dialogue_session_events" USING btree ("session_id","id");--> statement-breakpoint
CREATE INDEX "dialogue_session_leaders_user_idx" ON "dialogue_session_leaders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "dialogue_supports_session_idx" ON "dialogue_supports" USING btree ("session_id");--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_current_question_id_dialogue_questions_id_fk" FOREIGN KEY ("current_question_id") REFERENCES "public"."dialogue_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_sessions_area_idx" ON "dialogue_sessions" USING btree ("area_id","starts_at");--> statement-breakpoint
CREATE INDEX "dialogue_sessions_unit_idx" ON "dialogue_sessions" USING btree ("unit_id","starts_at");