-- The statistics rollups (src/db/schema/statistics.ts) follow every change to `cases` and every move between units
-- on the timeline in the same transaction, whichever code path makes it. A case's part is a pure function of its row
-- (what each counter means: src/domain/statistics/figures.ts), so an update subtracts the old row's part and adds
-- the new one's; an update that moves nothing (a draft saved, a version bump) writes nothing.
CREATE OR REPLACE FUNCTION vn_local_date(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((ts AT TIME ZONE 'UTC') + interval '7 hours')::date
$$;
--> statement-breakpoint
-- The running deadline of an open case: acceptance while received, resolution while accepted (paused and finished
-- cases have none).
CREATE OR REPLACE FUNCTION case_running_due(status text, acceptance_due_on date, resolution_due_on date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE status WHEN 'received' THEN acceptance_due_on WHEN 'accepted' THEN resolution_due_on END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_figures_apply(r cases, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', vn_local_date(r.received_at))::date;
  received_on date := vn_local_date(r.received_at);
  due date := case_running_due(r.status, r.acceptance_due_on, r.resolution_due_on);
BEGIN
  INSERT INTO case_figures_monthly AS t (month, unit_id, kind, instance, received, refused, withdrawn_before_acceptance,
    accepted, answered, answered_on_time, rated, satisfied, contested, extended)
  VALUES (m, r.unit_id, r.kind, r.instance, sign,
    sign * (r.status = 'not_accepted' OR (r.status = 'closed' AND r.accepted_at IS NULL AND r.answered_at IS NULL))::int,
    sign * (r.status = 'withdrawn' AND r.accepted_at IS NULL)::int,
    sign * (r.accepted_at IS NOT NULL)::int,
    sign * (r.answered_at IS NOT NULL)::int,
    sign * (r.answered_at IS NOT NULL AND vn_local_date(r.answered_at) <= coalesce(r.resolution_due_on, r.acceptance_due_on))::int,
    sign * (r.satisfaction IS NOT NULL)::int,
    sign * (r.satisfaction IS NOT DISTINCT FROM 'satisfied')::int,
    sign * (r.contested_at IS NOT NULL)::int,
    sign * (r.extensions_count > 0)::int)
  ON CONFLICT (month, unit_id, kind, instance) DO UPDATE SET
    received = t.received + excluded.received,
    refused = t.refused + excluded.refused,
    withdrawn_before_acceptance = t.withdrawn_before_acceptance + excluded.withdrawn_before_acceptance,
    accepted = t.accepted + excluded.accepted,
    answered = t.answered + excluded.answered,
    answered_on_time = t.answered_on_time + excluded.answered_on_time,
    rated = t.rated + excluded.rated,
    satisfied = t.satisfied + excluded.satisfied,
    contested = t.contested + excluded.contested,
    extended = t.extended + excluded.extended;

  INSERT INTO case_fields_monthly AS t (month, unit_id, category_id, received) VALUES (m, r.unit_id, r.category_id, sign)
  ON CONFLICT (month, unit_id, category_id) DO UPDATE SET received = t.received + excluded.received;

  INSERT INTO case_areas_monthly AS t (month, unit_id, area_id, received) VALUES (m, r.unit_id, r.area_id, sign)
  ON CONFLICT (month, unit_id, area_id) DO UPDATE SET received = t.received + excluded.received;

  IF r.accepted_at IS NOT NULL THEN
    INSERT INTO case_durations_monthly AS t (month, unit_id, measure, days, cases)
    VALUES (m, r.unit_id, 1, vn_local_date(r.accepted_at) - received_on, sign)
    ON CONFLICT (month, unit_id, measure, days) DO UPDATE SET cases = t.cases + excluded.cases;
  END IF;
  IF r.answered_at IS NOT NULL THEN
    INSERT INTO case_durations_monthly AS t (month, unit_id, measure, days, cases)
    VALUES (m, r.unit_id, 2, vn_local_date(r.answered_at) - received_on, sign)
    ON CONFLICT (month, unit_id, measure, days) DO UPDATE SET cases = t.cases + excluded.cases;
  END IF;

  IF due IS NOT NULL THEN
    INSERT INTO case_open_due AS t (unit_id, due_on, open) VALUES (r.unit_id, due, sign)
    ON CONFLICT (unit_id, due_on) DO UPDATE SET open = t.open + excluded.open;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_figures_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.received_at, OLD.unit_id, OLD.kind, OLD.instance, OLD.category_id, OLD.area_id, OLD.status,
      OLD.accepted_at, OLD.answered_at, OLD.acceptance_due_on, OLD.resolution_due_on, OLD.satisfaction, OLD.contested_at,
      OLD.extensions_count > 0)
    IS NOT DISTINCT FROM (NEW.received_at, NEW.unit_id, NEW.kind, NEW.instance, NEW.category_id, NEW.area_id, NEW.status,
      NEW.accepted_at, NEW.answered_at, NEW.acceptance_due_on, NEW.resolution_due_on, NEW.satisfaction, NEW.contested_at,
      NEW.extensions_count > 0) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM case_figures_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM case_figures_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_transfers_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r case_events := coalesce(NEW, OLD);
  sign integer := CASE TG_OP WHEN 'DELETE' THEN -1 ELSE 1 END;
BEGIN
  -- A case moves between units by a transfer, or when a contested answer reopens it at the level above.
  IF r.type IN ('case.transferred', 'case.reopened') AND r.from_unit_id IS NOT NULL AND r.to_unit_id IS NOT NULL AND r.from_unit_id <> r.to_unit_id THEN
    INSERT INTO case_transfers_monthly AS t (month, from_unit_id, to_unit_id, transfers)
    VALUES (date_trunc('month', vn_local_date(r.created_at))::date, r.from_unit_id, r.to_unit_id, sign)
    ON CONFLICT (month, from_unit_id, to_unit_id) DO UPDATE SET transfers = t.transfers + excluded.transfers;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_figures_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_figures_monthly;
  DELETE FROM case_fields_monthly;
  DELETE FROM case_areas_monthly;
  DELETE FROM case_durations_monthly;
  DELETE FROM case_open_due;
  DELETE FROM case_transfers_monthly;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Cases already contested: the first time the filer contested (a reopening or a second-instance complaint).
UPDATE cases c SET contested_at = e.first_at
FROM (SELECT case_id, min(created_at) AS first_at FROM case_events WHERE type IN ('case.contested', 'case.reopened') GROUP BY case_id) e
WHERE e.case_id = c.id AND c.contested_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER cases_follow_figures AFTER INSERT OR UPDATE OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION case_figures_follow();
--> statement-breakpoint
CREATE TRIGGER cases_reset_figures AFTER TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION case_figures_reset();
--> statement-breakpoint
CREATE TRIGGER case_events_follow_transfers AFTER INSERT OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION case_transfers_follow();
--> statement-breakpoint
-- The rollups of what is already there (the triggers above keep them from here on).
SELECT case_figures_apply(c, 1) FROM cases c;
--> statement-breakpoint
INSERT INTO case_transfers_monthly (month, from_unit_id, to_unit_id, transfers)
SELECT date_trunc('month', vn_local_date(created_at))::date, from_unit_id, to_unit_id, count(*)
FROM case_events WHERE type IN ('case.transferred', 'case.reopened') AND from_unit_id IS NOT NULL AND to_unit_id IS NOT NULL AND from_unit_id <> to_unit_id
GROUP BY 1, 2, 3;
