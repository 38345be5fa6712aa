ALTER TABLE "dialogue_sessions" DROP CONSTRAINT "dialogue_sessions_leader_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "dialogue_sessions" DROP COLUMN "leader_user_id";--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_status_check" CHECK (status in ('open','kept','missed'));--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_status_check" CHECK (status in ('pending','approved','declined','merged','answered','case'));--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_status_check" CHECK (status in ('announced','open','live','ended','minutes_published','postponed','cancelled'));--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_kind_check" CHECK (kind in ('dialogue','conference'));--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_time_check" CHECK ("dialogue_sessions"."ends_at" > "dialogue_sessions"."starts_at");