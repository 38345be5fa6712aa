ALTER TABLE "commitments" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_idempotency_key" ON "commitments" USING btree ("idempotency_key");