-- The gateway's audit log: one record per request touching personal data. Append-only and
-- hash-chained (hash = SHA-256 over prev_hash + the canonical record, see chain.ts); signed
-- checkpoints pin the chain so that rewriting it, or cutting its tail, is detectable.
-- The triggers below keep honest code honest; a superuser can bypass them
-- (session_replication_role = replica), which is what `npm run audit:verify` catches.

CREATE TABLE audit_log (
  seq            bigint PRIMARY KEY CHECK (seq > 0),
  at             timestamptz NOT NULL,
  request_id     text NOT NULL,
  window_id      text NOT NULL,
  department     text NOT NULL,
  purpose        text,
  operation_name text,
  operation_type text NOT NULL,
  subjects       text[] NOT NULL,
  fields         text[] NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('ALLOWED', 'PARTIAL', 'DENIED', 'ERROR')),
  denials        jsonb NOT NULL,
  prev_hash      text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash           text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- "Who read this person's data", "what did this window do that day", "what happened then".
CREATE INDEX audit_log_subjects ON audit_log USING gin (subjects);
CREATE INDEX audit_log_window_at ON audit_log (window_id, at);
CREATE INDEX audit_log_at ON audit_log (at);

-- The end of the chain: one row, locked FOR UPDATE by every append, so several gateway
-- processes sharing one PostgreSQL extend the chain one after another.
CREATE TABLE audit_head (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (true, 0, repeat('0', 64));

-- Signed checkpoints: a compact JWS (EdDSA) over {"seq","hash","at"}; the columns repeat
-- the payload for queries, the signature is what a verifier trusts.
CREATE TABLE audit_checkpoint (
  seq  bigint PRIMARY KEY REFERENCES audit_log (seq),
  hash text NOT NULL,
  at   timestamptz NOT NULL,
  jws  text NOT NULL
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING HINT = 'records and checkpoints are never changed or removed; append a new record instead';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_keep BEFORE DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- A new record must link to the one before it (row triggers of a multi-row INSERT see the
-- rows inserted before them), so even a faulty writer cannot fork the chain.
CREATE FUNCTION audit_check_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  expected text;
BEGIN
  IF NEW.seq = 1 THEN
    expected := repeat('0', 64);
  ELSE
    SELECT hash INTO expected FROM audit_log WHERE seq = NEW.seq - 1;
  END IF;
  IF expected IS NULL OR NEW.prev_hash <> expected THEN
    RAISE EXCEPTION 'audit record #% does not extend the chain: prev_hash must equal the hash of record #%', NEW.seq, NEW.seq - 1;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_link BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_check_link();

-- The head only moves forward, and only onto a record of the log.
CREATE FUNCTION audit_check_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq < OLD.seq OR NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash) THEN
    RAISE EXCEPTION 'the audit head must move forward onto a record of the log (from #% to #%)', OLD.seq, NEW.seq;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_check_head();

-- A checkpoint signs a hash the log holds at that seq.
CREATE FUNCTION audit_check_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash) THEN
    RAISE EXCEPTION 'audit checkpoint #% does not match the hash of record #%', NEW.seq, NEW.seq;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_checkpoint_matches BEFORE INSERT ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_check_checkpoint();
