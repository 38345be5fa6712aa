CREATE TABLE "case_tallies" (
	"shard" smallint PRIMARY KEY NOT NULL,
	"received" bigint DEFAULT 0 NOT NULL,
	"answered" bigint DEFAULT 0 NOT NULL,
	"answered_on_time" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_case_due_tallies" (
	"due_on" date NOT NULL,
	"shard" smallint NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "open_case_due_tallies_due_on_shard_pk" PRIMARY KEY("due_on","shard")
);
--> statement-breakpoint
CREATE INDEX "cases_received_at_idx" ON "cases" USING btree ("received_at");