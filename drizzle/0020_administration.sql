CREATE TABLE "form_texts" (
	"key" text PRIMARY KEY NOT NULL,
	"text_vi" text NOT NULL,
	"text_en" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reorganisation_units" (
	"reorganisation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "reorganisation_units_reorganisation_id_unit_id_pk" PRIMARY KEY("reorganisation_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "reorganisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision" text NOT NULL,
	"effective_on" date NOT NULL,
	"successor_unit_id" uuid NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" text,
	"moved" jsonb,
	CONSTRAINT "reorganisations_status_check" CHECK ("reorganisations"."status" in ('planned','applied','cancelled'))
);
--> statement-breakpoint
DROP INDEX "routing_rules_match_key";--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "description_vi" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "deadline_policies" ADD COLUMN "confirmed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "deadline_policies" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD COLUMN "subject_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "form_texts" ADD CONSTRAINT "form_texts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisation_units" ADD CONSTRAINT "reorganisation_units_reorganisation_id_reorganisations_id_fk" FOREIGN KEY ("reorganisation_id") REFERENCES "public"."reorganisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisation_units" ADD CONSTRAINT "reorganisation_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisations" ADD CONSTRAINT "reorganisations_successor_unit_id_units_id_fk" FOREIGN KEY ("successor_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisations" ADD CONSTRAINT "reorganisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisations" ADD CONSTRAINT "reorganisations_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reorganisation_units_unit_idx" ON "reorganisation_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "reorganisations_due_idx" ON "reorganisations" USING btree ("status","effective_on");--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_subject_unit_id_units_id_fk" FOREIGN KEY ("subject_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_routing_rule_idx" ON "cases" USING btree ("routing_rule_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_rules_match_key" ON "routing_rules" USING btree ("kind","category_id","area_id","subject_unit_id","unit_id") WHERE "routing_rules"."active";