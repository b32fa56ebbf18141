-- One statement per batch: the gateway hashes a batch onto the head it last saw and hands
-- records, new head and any checkpoints to this function, which locks the head, and either
-- appends them all (the head was as expected) or changes nothing and returns the head it
-- found (another gateway appended meanwhile; the caller re-hashes onto it and calls again).
-- The head's row lock is then held for one statement inside the database instead of across
-- the gateway's round trips, which are slow exactly when the gateway is busy; the triggers
-- of 001 still check every link, the head's move and every checkpoint.
CREATE FUNCTION audit_append(expected_seq bigint, expected_hash text, records jsonb, next_seq bigint, next_hash text, checkpoints jsonb)
RETURNS TABLE (head_seq bigint, head_hash text, appended boolean)
LANGUAGE plpgsql AS $$
DECLARE
  found_seq bigint;
  found_hash text;
BEGIN
  SELECT h.seq, h.hash INTO found_seq, found_hash FROM audit_head h WHERE h.id FOR UPDATE;
  IF found_seq IS DISTINCT FROM expected_seq OR found_hash IS DISTINCT FROM expected_hash THEN
    RETURN QUERY SELECT found_seq, found_hash, false;
    RETURN;
  END IF;
  -- Rows keyed by column name, in array order: each row's link trigger sees the rows before it.
  INSERT INTO audit_log
  SELECT r.* FROM jsonb_array_elements(records) WITH ORDINALITY AS e(record, n), LATERAL jsonb_populate_record(NULL::audit_log, e.record) AS r
  ORDER BY e.n;
  UPDATE audit_head h SET seq = next_seq, hash = next_hash WHERE h.id;
  INSERT INTO audit_checkpoint SELECT c.* FROM jsonb_populate_recordset(NULL::audit_checkpoint, checkpoints) AS c;
  RETURN QUERY SELECT next_seq, next_hash, true;
END
$$;
