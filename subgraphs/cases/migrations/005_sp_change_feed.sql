-- Change feed of the case silo, for caches in front of it (README "Caching and
-- freshness"), like the registry's (rk 002) and the licence silo's (dzzz 002/003):
-- 1. Every INSERT/UPDATE/DELETE on sp_bj NOTIFYs sp_bj_changed at commit with the keys
--    whose cached answers it may change: "c:<bjbh>" the case (and which bundle it is in),
--    "a:<sqrzjhm>" every page of the applicant's case list, "b:<zhbjbh>" the member list
--    of its bundle case. Statement triggers over transition tables: a bulk load sends one
--    notification per distinct key. The subgraph's own writes (acceptCase, advanceCase,
--    evaluateCase) also drop these keys themselves after their commit.
-- 2. An UPDATE that changes a row but leaves gxsj as it was (a legacy writer that forgets
--    it) gets gxsj = now(), so a poller that lost its LISTEN connection still finds the
--    row. A writer that sets gxsj itself (the subgraph, with its request clock) is trusted.

CREATE FUNCTION sp_bj_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) AND NEW.gxsj IS NOT DISTINCT FROM OLD.gxsj THEN
    NEW.gxsj := now();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER sp_bj_touch BEFORE UPDATE ON sp_bj FOR EACH ROW EXECUTE FUNCTION sp_bj_touch();

CREATE FUNCTION sp_bj_notify_keys(numbers text[], applicants text[], bundles text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sp_bj_changed', k.key) FROM (
    SELECT 'c:' || n AS key FROM unnest(numbers) AS n WHERE n IS NOT NULL
    UNION
    SELECT 'a:' || a FROM unnest(applicants) AS a WHERE a IS NOT NULL
    UNION
    SELECT 'b:' || b FROM unnest(bundles) AS b WHERE b IS NOT NULL
  ) k;
END
$$;

-- Each branch names only the transition tables its event has.
CREATE FUNCTION sp_bj_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM sp_bj_notify_keys(ARRAY(SELECT bjbh FROM new_rows), ARRAY(SELECT sqrzjhm FROM new_rows), ARRAY(SELECT zhbjbh FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM sp_bj_notify_keys(
      ARRAY(SELECT bjbh FROM new_rows UNION SELECT bjbh FROM old_rows),
      ARRAY(SELECT sqrzjhm FROM new_rows UNION SELECT sqrzjhm FROM old_rows),
      ARRAY(SELECT zhbjbh FROM new_rows UNION SELECT zhbjbh FROM old_rows));
  ELSE
    PERFORM sp_bj_notify_keys(ARRAY(SELECT bjbh FROM old_rows), ARRAY(SELECT sqrzjhm FROM old_rows), ARRAY(SELECT zhbjbh FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER sp_bj_notify_insert AFTER INSERT ON sp_bj
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sp_bj_notify();
CREATE TRIGGER sp_bj_notify_update AFTER UPDATE ON sp_bj
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sp_bj_notify();
CREATE TRIGGER sp_bj_notify_delete AFTER DELETE ON sp_bj
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sp_bj_notify();

-- The poller's statement: WHERE gxsj > $1.
CREATE INDEX sp_bj_gxsj ON sp_bj (gxsj);
