-- Change feed of the registry silo, for caches in front of it (README "Caching and
-- freshness"), like the licence silo's (dzzz 002/003):
-- 1. Every INSERT/UPDATE/DELETE on rk_jbxx or rk_hxx NOTIFYs rk_changed at commit with
--    the keys whose cached answers it may change: "p:<gmsfhm>" for the person (the
--    current row of an ID number can change when any of its rows does) and "h:<hh>" for
--    the household and its member list — every 户号 any row of that person names, since
--    a new current row can move the person between households without touching the old
--    row. Statement triggers over transition tables: a bulk load sends one notification
--    per distinct key (PostgreSQL folds duplicates within a transaction).
-- 2. Any UPDATE that changes a row moves gxsj forward even when a legacy writer forgets
--    to: a poller that lost its LISTEN connection still finds the row by gxsj.

CREATE FUNCTION rk_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
    NEW.gxsj := greatest(NEW.gxsj, now());
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER rk_jbxx_touch BEFORE UPDATE ON rk_jbxx FOR EACH ROW EXECUTE FUNCTION rk_touch();
CREATE TRIGGER rk_hxx_touch BEFORE UPDATE ON rk_hxx FOR EACH ROW EXECUTE FUNCTION rk_touch();

-- The keys of changed rk_jbxx rows: their persons, their households, and every household
-- any row of those persons names. The trigger functions only collect the rows.
CREATE FUNCTION rk_notify_persons(ids text[], households text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rk_changed', k.key) FROM (
    SELECT 'p:' || id AS key FROM unnest(ids) AS id WHERE id IS NOT NULL
    UNION
    SELECT 'h:' || hh FROM unnest(households) AS hh WHERE hh IS NOT NULL
    UNION
    SELECT 'h:' || r.hh FROM rk_jbxx r WHERE r.hh IS NOT NULL AND r.gmsfhm = ANY(ids)
  ) k;
END
$$;

-- One function per table; each branch names only the transition tables its event has.
CREATE FUNCTION rk_jbxx_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rk_notify_persons(ARRAY(SELECT gmsfhm FROM new_rows), ARRAY(SELECT hh FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM rk_notify_persons(
      ARRAY(SELECT gmsfhm FROM new_rows UNION SELECT gmsfhm FROM old_rows),
      ARRAY(SELECT hh FROM new_rows UNION SELECT hh FROM old_rows));
  ELSE
    PERFORM rk_notify_persons(ARRAY(SELECT gmsfhm FROM old_rows), ARRAY(SELECT hh FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER rk_jbxx_notify_insert AFTER INSERT ON rk_jbxx
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rk_jbxx_notify();
CREATE TRIGGER rk_jbxx_notify_update AFTER UPDATE ON rk_jbxx
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rk_jbxx_notify();
CREATE TRIGGER rk_jbxx_notify_delete AFTER DELETE ON rk_jbxx
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rk_jbxx_notify();

CREATE FUNCTION rk_hxx_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('rk_changed', 'h:' || n.hh) FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM pg_notify('rk_changed', 'h:' || k.hh) FROM (SELECT hh FROM new_rows UNION SELECT hh FROM old_rows) k;
  ELSE
    PERFORM pg_notify('rk_changed', 'h:' || o.hh) FROM old_rows o;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER rk_hxx_notify_insert AFTER INSERT ON rk_hxx
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rk_hxx_notify();
CREATE TRIGGER rk_hxx_notify_update AFTER UPDATE ON rk_hxx
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rk_hxx_notify();
CREATE TRIGGER rk_hxx_notify_delete AFTER DELETE ON rk_hxx
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rk_hxx_notify();

-- The poller's statements: WHERE gxsj > $1.
CREATE INDEX rk_jbxx_gxsj ON rk_jbxx (gxsj);
CREATE INDEX rk_hxx_gxsj ON rk_hxx (gxsj);
