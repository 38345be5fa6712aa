-- Sessions keep their leader as the first of the leaders taking part, and their statuses get the new names.
INSERT INTO "dialogue_session_leaders" ("session_id", "user_id", "position", "position_en", "sort")
SELECT s."id", s."leader_user_id", coalesce(u."name", ''), coalesce(u."name", ''), 0
FROM "dialogue_sessions" s JOIN "users" u ON u."id" = s."leader_user_id"
WHERE s."leader_user_id" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "dialogue_sessions" SET "status" = CASE "status" WHEN 'scheduled' THEN 'announced' WHEN 'held' THEN 'ended' ELSE "status" END
WHERE "status" IN ('scheduled', 'held');
