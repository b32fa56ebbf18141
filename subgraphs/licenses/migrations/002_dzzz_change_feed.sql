-- Change feed of the licence silo, for caches in front of it (README "Caching and freshness").
-- 1. Every UPDATE/DELETE of a licence NOTIFYs dzzz_zzxx_changed with its zzbs, delivered
--    at commit: listeners drop their cached copy within milliseconds.
-- 2. Any UPDATE that changes a row moves gxsj forward even when a legacy writer forgets
--    to: a poller that lost its LISTEN connection still finds the row by gxsj.

CREATE FUNCTION dzzz_zzxx_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
    NEW.gxsj := greatest(NEW.gxsj, now());
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER dzzz_zzxx_touch BEFORE UPDATE ON dzzz_zzxx
  FOR EACH ROW EXECUTE FUNCTION dzzz_zzxx_touch();

CREATE FUNCTION dzzz_zzxx_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dzzz_zzxx_changed', OLD.zzbs);
  IF TG_OP = 'UPDATE' AND NEW.zzbs IS DISTINCT FROM OLD.zzbs THEN
    PERFORM pg_notify('dzzz_zzxx_changed', NEW.zzbs);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dzzz_zzxx_notify AFTER UPDATE OR DELETE ON dzzz_zzxx
  FOR EACH ROW EXECUTE FUNCTION dzzz_zzxx_notify();

-- The poller's statement: WHERE gxsj > $1.
CREATE INDEX dzzz_zzxx_gxsj ON dzzz_zzxx (gxsj);
