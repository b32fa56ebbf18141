-- Holder lists in the cache (README "Caching and freshness"): a holder's cached licence
-- list must be dropped when one of its licences is inserted, changed or deleted, so the
-- change feed also NOTIFYs dzzz_holder_changed with the holder code (czztdm, as stored).
-- Updates and deletes: the row trigger of migration 002, now notifying both channels.
-- Inserts: one statement trigger over the inserted rows, so a bulk load (COPY of a seed)
-- sends one notification per distinct holder, not a row-by-row round of triggers.

CREATE OR REPLACE FUNCTION dzzz_zzxx_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dzzz_zzxx_changed', OLD.zzbs);
  IF OLD.czztdm IS NOT NULL THEN
    PERFORM pg_notify('dzzz_holder_changed', OLD.czztdm);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.zzbs IS DISTINCT FROM OLD.zzbs THEN
      PERFORM pg_notify('dzzz_zzxx_changed', NEW.zzbs);
    END IF;
    IF NEW.czztdm IS DISTINCT FROM OLD.czztdm AND NEW.czztdm IS NOT NULL THEN
      PERFORM pg_notify('dzzz_holder_changed', NEW.czztdm);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION dzzz_zzxx_notify_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dzzz_holder_changed', h.czztdm)
     FROM (SELECT DISTINCT czztdm FROM inserted_rows WHERE czztdm IS NOT NULL) h;
  RETURN NULL;
END
$$;

CREATE TRIGGER dzzz_zzxx_notify_inserted AFTER INSERT ON dzzz_zzxx
  REFERENCING NEW TABLE AS inserted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dzzz_zzxx_notify_inserted();
