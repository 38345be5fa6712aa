-- The province's durations (drizzle/0018) follow every change to `cases` through the same function as the per-unit
-- rollups (drizzle/0017), so the province's medians read a few thousand rows. The rows already there are the sum of
-- the per-unit ones, taken under a lock on `cases` so no change slips between the sum and the new function.
LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE;
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
    INSERT INTO case_durations_province_monthly AS t (month, measure, days, cases)
    VALUES (m, 1, vn_local_date(r.accepted_at) - received_on, sign)
    ON CONFLICT (month, measure, days) DO UPDATE SET cases = t.cases + excluded.cases;
  END IF;
  IF r.answered_at IS NOT NULL THEN
    INSERT INTO case_durations_monthly AS t (month, unit_id, measure, days, cases)
    VALUES (m, r.unit_id, 2, vn_local_date(r.answered_at) - received_on, sign)
    ON CONFLICT (month, unit_id, measure, days) DO UPDATE SET cases = t.cases + excluded.cases;
    INSERT INTO case_durations_province_monthly AS t (month, measure, days, cases)
    VALUES (m, 2, vn_local_date(r.answered_at) - received_on, sign)
    ON CONFLICT (month, measure, days) DO UPDATE SET cases = t.cases + excluded.cases;
  END IF;

  IF due IS NOT NULL THEN
    INSERT INTO case_open_due AS t (unit_id, due_on, open) VALUES (r.unit_id, due, sign)
    ON CONFLICT (unit_id, due_on) DO UPDATE SET open = t.open + excluded.open;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_figures_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_figures_monthly;
  DELETE FROM case_fields_monthly;
  DELETE FROM case_areas_monthly;
  DELETE FROM case_durations_monthly;
  DELETE FROM case_durations_province_monthly;
  DELETE FROM case_open_due;
  DELETE FROM case_transfers_monthly;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
INSERT INTO case_durations_province_monthly (month, measure, days, cases)
SELECT month, measure, days, sum(cases) FROM case_durations_monthly GROUP BY 1, 2, 3 HAVING sum(cases) <> 0;
