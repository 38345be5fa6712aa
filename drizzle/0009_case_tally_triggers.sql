-- The headline figures' running totals (case_tallies, open_case_due_tallies) follow every change to `cases`
-- in the same transaction, whichever code path makes it. A change that moves no total writes nothing, so the
-- common updates (a version bump, a draft saved) take no extra lock. A case always counts in the same shard
-- (a hash of its id), so every row is a true count of its cases: a day's row that falls to zero is removed,
-- and the table holds only days with open cases. See src/db/schema/figures.ts.
CREATE OR REPLACE FUNCTION case_tallies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pick smallint := abs(hashtext(coalesce(NEW.id, OLD.id)::text)) % 8;
  d_received integer := 0;
  d_answered integer := 0;
  d_on_time integer := 0;
  old_due date;
  new_due date;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    d_received := d_received - 1;
    IF OLD.answered_at IS NOT NULL THEN
      d_answered := d_answered - 1;
      IF ((OLD.answered_at AT TIME ZONE 'UTC') + interval '7 hours')::date <= coalesce(OLD.resolution_due_on, OLD.acceptance_due_on) THEN
        d_on_time := d_on_time - 1;
      END IF;
    END IF;
    old_due := CASE OLD.status WHEN 'received' THEN OLD.acceptance_due_on WHEN 'accepted' THEN OLD.resolution_due_on END;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    d_received := d_received + 1;
    IF NEW.answered_at IS NOT NULL THEN
      d_answered := d_answered + 1;
      IF ((NEW.answered_at AT TIME ZONE 'UTC') + interval '7 hours')::date <= coalesce(NEW.resolution_due_on, NEW.acceptance_due_on) THEN
        d_on_time := d_on_time + 1;
      END IF;
    END IF;
    new_due := CASE NEW.status WHEN 'received' THEN NEW.acceptance_due_on WHEN 'accepted' THEN NEW.resolution_due_on END;
  END IF;
  IF d_received <> 0 OR d_answered <> 0 OR d_on_time <> 0 THEN
    INSERT INTO case_tallies AS t (shard, received, answered, answered_on_time)
    VALUES (pick, d_received, d_answered, d_on_time)
    ON CONFLICT (shard) DO UPDATE SET
      received = t.received + excluded.received,
      answered = t.answered + excluded.answered,
      answered_on_time = t.answered_on_time + excluded.answered_on_time;
  END IF;
  IF old_due IS DISTINCT FROM new_due THEN
    IF old_due IS NOT NULL THEN
      UPDATE open_case_due_tallies SET open = open - 1 WHERE due_on = old_due AND shard = pick;
      DELETE FROM open_case_due_tallies WHERE due_on = old_due AND shard = pick AND open <= 0;
    END IF;
    IF new_due IS NOT NULL THEN
      INSERT INTO open_case_due_tallies AS t (due_on, shard, open) VALUES (new_due, pick, 1)
      ON CONFLICT (due_on, shard) DO UPDATE SET open = t.open + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_tallies_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_tallies;
  DELETE FROM open_case_due_tallies;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_follow_tallies AFTER INSERT OR UPDATE OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION case_tallies_follow();
--> statement-breakpoint
CREATE TRIGGER cases_reset_tallies AFTER TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION case_tallies_reset();
--> statement-breakpoint
-- The totals of the cases already there, taken under the trigger's lock on `cases` so none is counted twice or missed.
INSERT INTO case_tallies (shard, received, answered, answered_on_time)
SELECT 0, count(*),
  count(*) FILTER (WHERE answered_at IS NOT NULL),
  count(*) FILTER (WHERE answered_at IS NOT NULL
    AND ((answered_at AT TIME ZONE 'UTC') + interval '7 hours')::date <= coalesce(resolution_due_on, acceptance_due_on))
FROM cases;
--> statement-breakpoint
INSERT INTO open_case_due_tallies (due_on, shard, open)
SELECT due, pick, count(*) FROM (
  SELECT CASE status WHEN 'received' THEN acceptance_due_on WHEN 'accepted' THEN resolution_due_on END AS due,
    abs(hashtext(id::text)) % 8 AS pick
  FROM cases
) AS running
WHERE due IS NOT NULL
GROUP BY due, pick;
