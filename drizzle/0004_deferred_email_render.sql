ALTER TABLE "email_outbox" ADD COLUMN "renderer" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "render_props" jsonb;