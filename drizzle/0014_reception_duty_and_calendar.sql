CREATE TABLE "reception_booking_addresses" (
	"reception_day_id" uuid NOT NULL,
	"address_hash" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reception_booking_addresses_reception_day_id_address_hash_pk" PRIMARY KEY("reception_day_id","address_hash"),
	CONSTRAINT "reception_booking_addresses_cap" CHECK ("reception_booking_addresses"."count" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "reception_booking_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reception_day_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"key_id" text NOT NULL,
	"sealed" text NOT NULL,
	"contact_hash" text NOT NULL,
	"contact_is_email" boolean DEFAULT false NOT NULL,
	"language" text DEFAULT 'vi' NOT NULL,
	"idempotency_key" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"marked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_bookings_status_check" CHECK (status in ('booked','cancelled','attended','absent'))
);
--> statement-breakpoint
CREATE TABLE "reception_day_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reception_day_id" uuid NOT NULL,
	"type" text NOT NULL,
	"reason" text,
	"data" jsonb,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"office_unit_id" uuid NOT NULL,
	"area_id" uuid,
	"origin" text DEFAULT 'duty' NOT NULL,
	"duty_key" text,
	"nominal_on" date,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"mode" text DEFAULT 'in_person' NOT NULL,
	"online_url" text,
	"planned_content" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_reason" text,
	"capacity" integer DEFAULT 10 NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"bookings_open" boolean DEFAULT true NOT NULL,
	"head_user_id" text,
	"received_by_user_id" text,
	"received_by_name" text,
	"received_in_person" boolean,
	"citizens_count" integer,
	"delegations_count" integer,
	"recording_ref" text,
	"recorded_at" timestamp with time zone,
	"recorded_by" text,
	"conclusion" text,
	"conclusion_published_at" timestamp with time zone,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_days_status_check" CHECK (status in ('planned','confirmed','held','cancelled')),
	CONSTRAINT "reception_days_origin_check" CHECK (origin in ('duty','added')),
	CONSTRAINT "reception_days_mode_check" CHECK (mode in ('in_person','online')),
	CONSTRAINT "reception_days_time_check" CHECK ("reception_days"."ends_at" > "reception_days"."starts_at"),
	CONSTRAINT "reception_days_capacity_check" CHECK ("reception_days"."capacity" between 0 and 500 and "reception_days"."booked" between 0 and "reception_days"."capacity"),
	CONSTRAINT "reception_days_duty_check" CHECK (("reception_days"."origin" = 'duty') = ("reception_days"."duty_key" is not null and "reception_days"."nominal_on" is not null)),
	CONSTRAINT "reception_days_counts_check" CHECK (coalesce("reception_days"."citizens_count", 0) >= 0 and coalesce("reception_days"."delegations_count", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "reception_duty_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_kind" text NOT NULL,
	"times" smallint NOT NULL,
	"per" text NOT NULL,
	"legal_basis" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"confirmed" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_duty_rules_kind_check" CHECK (position_kind in ('province_pc_chair','commune_pc_chair','province_party_secretary','commune_party_secretary','agency_head','public_service_head')),
	CONSTRAINT "reception_duty_rules_per_check" CHECK (per in ('week','month')),
	CONSTRAINT "reception_duty_rules_times_check" CHECK ("reception_duty_rules"."times" between 1 and 31),
	CONSTRAINT "reception_duty_rules_dates_check" CHECK ("reception_duty_rules"."effective_to" is null or "reception_duty_rules"."effective_to" >= "reception_duty_rules"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "reception_matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reception_day_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"summary" text NOT NULL,
	"category_id" uuid,
	"outcome" text NOT NULL,
	"response" text,
	"case_id" uuid,
	"booking_id" uuid,
	"answer_due_on" date,
	"refusal_notice_due_on" date,
	"refusal_notified_on" date,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_matters_outcome_check" CHECK (outcome in ('answered','case','guided','refused')),
	CONSTRAINT "reception_matters_case_check" CHECK (("reception_matters"."outcome" = 'case') = ("reception_matters"."case_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "reception_position_holders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_position_holders_dates_check" CHECK ("reception_position_holders"."to_date" is null or "reception_position_holders"."to_date" >= "reception_position_holders"."from_date")
);
--> statement-breakpoint
CREATE TABLE "reception_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"office_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"days_of_month" integer[] DEFAULT '{15}'::integer[] NOT NULL,
	"weekday" smallint DEFAULT 2 NOT NULL,
	"start_time" text DEFAULT '07:30' NOT NULL,
	"end_time" text DEFAULT '11:00' NOT NULL,
	"place" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_positions_kind_check" CHECK (kind in ('province_pc_chair','commune_pc_chair','province_party_secretary','commune_party_secretary','agency_head','public_service_head')),
	CONSTRAINT "reception_positions_weekday_check" CHECK ("reception_positions"."weekday" between 1 and 5),
	CONSTRAINT "reception_positions_time_check" CHECK ("reception_positions"."start_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "reception_positions"."end_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "reception_positions"."end_time" > "reception_positions"."start_time")
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "reception_day_id" uuid;--> statement-breakpoint
ALTER TABLE "reception_booking_addresses" ADD CONSTRAINT "reception_booking_addresses_reception_day_id_reception_days_id_fk" FOREIGN KEY ("reception_day_id") REFERENCES "public"."reception_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_booking_files" ADD CONSTRAINT "reception_booking_files_booking_id_reception_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."reception_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_reception_day_id_reception_days_id_fk" FOREIGN KEY ("reception_day_id") REFERENCES "public"."reception_days"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_day_events" ADD CONSTRAINT "reception_day_events_reception_day_id_reception_days_id_fk" FOREIGN KEY ("reception_day_id") REFERENCES "public"."reception_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_day_events" ADD CONSTRAINT "reception_day_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_position_id_reception_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."reception_positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_head_user_id_users_id_fk" FOREIGN KEY ("head_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_received_by_user_id_users_id_fk" FOREIGN KEY ("received_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_duty_rules" ADD CONSTRAINT "reception_duty_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_matters" ADD CONSTRAINT "reception_matters_reception_day_id_reception_days_id_fk" FOREIGN KEY ("reception_day_id") REFERENCES "public"."reception_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_matters" ADD CONSTRAINT "reception_matters_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_matters" ADD CONSTRAINT "reception_matters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_matters" ADD CONSTRAINT "reception_matters_booking_id_reception_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."reception_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_matters" ADD CONSTRAINT "reception_matters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_position_holders" ADD CONSTRAINT "reception_position_holders_position_id_reception_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."reception_positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_position_holders" ADD CONSTRAINT "reception_position_holders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_position_holders" ADD CONSTRAINT "reception_position_holders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_positions" ADD CONSTRAINT "reception_positions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_positions" ADD CONSTRAINT "reception_positions_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reception_booking_files_booking_idx" ON "reception_booking_files" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_code_key" ON "reception_bookings" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_idempotency_key" ON "reception_bookings" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_contact_key" ON "reception_bookings" USING btree ("reception_day_id","contact_hash") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "reception_bookings_day_idx" ON "reception_bookings" USING btree ("reception_day_id","created_at");--> statement-breakpoint
CREATE INDEX "reception_day_events_day_idx" ON "reception_day_events" USING btree ("reception_day_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_days_duty_key" ON "reception_days" USING btree ("position_id","duty_key");--> statement-breakpoint
CREATE INDEX "reception_days_starts_idx" ON "reception_days" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "reception_days_unit_idx" ON "reception_days" USING btree ("unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "reception_days_office_idx" ON "reception_days" USING btree ("office_unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "reception_days_area_idx" ON "reception_days" USING btree ("area_id","starts_at");--> statement-breakpoint
CREATE INDEX "reception_days_position_idx" ON "reception_days" USING btree ("position_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_duty_rules_kind_from_key" ON "reception_duty_rules" USING btree ("position_kind","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_matters_number_key" ON "reception_matters" USING btree ("reception_day_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_matters_case_key" ON "reception_matters" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "reception_position_holders_position_idx" ON "reception_position_holders" USING btree ("position_id","from_date");--> statement-breakpoint
CREATE INDEX "reception_position_holders_user_idx" ON "reception_position_holders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reception_positions_unit_idx" ON "reception_positions" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_reception_day_id_reception_days_id_fk" FOREIGN KEY ("reception_day_id") REFERENCES "public"."reception_days"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_reception_idx" ON "commitments" USING btree ("reception_day_id");