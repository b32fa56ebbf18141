// The audit log's write path on both engines: the chain, group commit, fail closed,
// the append-only triggers and the signed checkpoints.
import { afterEach, describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH } from "../src/audit/chain.js";
import { appendInOneStatement } from "../src/audit/audit-store.js";
import { checkpointSigner, verifyCheckpoint } from "../src/audit/checkpoint.js";
import { AuditWriteError } from "../src/audit/open-audit-log.js";
import { auditCommitWait } from "../src/metrics.js";
import { AuditEntryError } from "../src/audit/normalise.js";
import { queryAuditRecords } from "../src/audit/query.js";
import { appendMany, ENGINES, entry, openTestAudit, refusal, type TestAudit } from "./audit-support.js";

describe.each(ENGINES)("audit log on %s", (engine) => {
  let audit: TestAudit | undefined;
  afterEach(async () => {
    await audit?.dispose();
    audit = undefined;
  });

  const committedWaits = async () =>
    (await auditCommitWait().get()).values.find((v) => v.metricName === "onceonly_gateway_audit_commit_wait_seconds_count")?.value ?? 0;
  const rows = async (a: TestAudit) =>
    (await queryAuditRecords(a.silo, { first: 500 })).records.sort((x, y) => x.seq - y.seq);

  it("chains every record to the one before it, from 64 zeros", async () => {
    audit = await openTestAudit(engine);
    await appendMany(audit.log, 5);
    await audit.log.append(entry(5, { subjects: ["B", "A", "B"], fields: ["Z.z", "A.a"], purpose: null, operationName: null }));
    const records = await rows(audit);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records[0].prevHash).toBe(GENESIS_HASH);
    for (const [i, record] of records.entries()) {
      if (i > 0) expect(record.prevHash).toBe(records[i - 1].hash);
      expect(record.hash).toBe(chainHash(record.prevHash, record));
    }
    // Stored as hashed: sorted, unique; nulls kept.
    expect(records[5]).toMatchObject({ subjects: ["A", "B"], fields: ["A.a", "Z.z"], purpose: null, operationName: null, requestId: "req-5" });
    expect(records[4].denials).toEqual([{ field: "Person.phone", code: "MISSING_SCOPE", subject: entry(4).subjects[0] }]);
    expect(await audit.log.head()).toEqual({ seq: 6, hash: records[5].hash });
  });

  it("group-commits concurrent appends into a few one-statement writes, each resolving after COMMIT", async () => {
    audit = await openTestAudit(engine);
    const statements: string[] = [];
    const stop = audit.silo.onStatement((e) => !e.text.startsWith("SELECT 1 FROM audit_log") && statements.push(e.text));
    const { silo, log } = audit;
    const waitsBefore = await committedWaits();
    // Each append, once resolved, must already be visible to any other reader.
    const visible = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        log.append(entry(i)).then(async () => (await silo.query("SELECT 1 FROM audit_log WHERE request_id = $1", [`req-${i}`])).length),
      ),
    );
    stop();
    expect(visible.every((n) => n === 1)).toBe(true);
    expect(log.stats.items).toBe(120);
    // Every entry's wait for its COMMIT is in the gateway's metrics.
    expect((await committedWaits()) - waitsBefore).toBe(120);
    expect(log.stats.batches).toBeLessThanOrEqual(3);
    // One statement per batch (audit_append), after one read of the head at start: no
    // BEGIN/lock/INSERT/UPDATE/COMMIT round trips while the head's lock is held.
    expect(statements.length).toBe(log.stats.batches + 1);
    expect(statements[0]).toMatch(/^SELECT seq, hash FROM audit_head/);
    expect(statements.slice(1).every((text) => text.includes("FROM audit_append("))).toBe(true);
    expect((await rows(audit)).map((r) => r.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it("writes a batch in one statement only onto the head it was hashed for; a moved head is returned, nothing written", async () => {
    audit = await openTestAudit(engine, { checkpointEvery: 3 });
    await appendMany(audit.log, 2);
    const signer = await checkpointSigner(audit.key);
    const stale = { seq: 1, hash: (await rows(audit))[0].hash };
    const refused = await appendInOneStatement(audit.silo, stale, [entry(10)], signer, 3);
    const head = await audit.log.head();
    expect(refused).toEqual({ appended: false, found: head });
    expect((await rows(audit)).map((r) => r.seq)).toEqual([1, 2]);

    // Onto the head it found: records 3 and 4 linked, the head moved, checkpoint #3 signed in the same statement.
    const written = await appendInOneStatement(audit.silo, head, [entry(10), entry(11)], signer, 3);
    expect(written.appended).toBe(true);
    const records = await rows(audit);
    expect(records.map((r) => [r.seq, r.requestId])).toEqual([[1, "req-0"], [2, "req-1"], [3, "req-10"], [4, "req-11"]]);
    expect(records[2].prevHash).toBe(records[1].hash);
    expect(records[3].hash).toBe(chainHash(records[2].hash, records[3]));
    expect(await audit.log.head()).toEqual({ seq: 4, hash: records[3].hash });
    const checkpoints = await audit.silo.query<{ seq: number; jws: string }>("SELECT seq, jws FROM audit_checkpoint ORDER BY seq");
    expect(checkpoints.map((c) => Number(c.seq))).toEqual([3]);
    expect(await verifyCheckpoint(checkpoints[0].jws, audit.log.publicKey)).toMatchObject({ ok: true, payload: { seq: 3, hash: records[2].hash } });

    // The log's own writer saw none of this: its next batch lands after record 4, not on it.
    await audit.log.append(entry(20));
    expect((await rows(audit)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("rejects every entry of a batch whose transaction fails, writes none of them, and goes on", async () => {
    audit = await openTestAudit(engine);
    await audit.log.append(entry(0));
    // A poison record makes the database refuse the whole batch it travels in.
    await audit.silo.exec(`
      CREATE FUNCTION test_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.request_id = 'poison' THEN RAISE EXCEPTION 'poisoned record'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_poison BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_poison();`);
    const batch = [entry(1), entry(2, { requestId: "poison" }), entry(3)].map((e) => audit!.log.append(e).then(() => "ok", (error: Error) => error));
    const results = await Promise.all(batch);
    for (const result of results) {
      expect(result).toBeInstanceOf(AuditWriteError);
      expect((result as Error).message).toMatch(/could not write 3 entries.*must not be served.*poisoned record/);
    }
    await audit.log.append(entry(4));
    const records = await rows(audit);
    expect(records.map((r) => [r.seq, r.requestId])).toEqual([[1, "req-0"], [2, "req-4"]]);
    expect(records[1].prevHash).toBe(records[0].hash);
  });

  it("rejects when the store is gone (fail closed), and after close()", async () => {
    audit = await openTestAudit(engine);
    await audit.log.append(entry(0));
    await audit.closeStore();
    await expect(audit.log.append(entry(1))).rejects.toBeInstanceOf(AuditWriteError);
    await audit.log.close().catch(() => undefined);
    await expect(audit.log.append(entry(2))).rejects.toThrow(/audit log is closed/);
  });

  it("refuses a malformed entry alone, naming the field", async () => {
    audit = await openTestAudit(engine);
    const bad = audit.log.append(entry(0, { outcome: "MAYBE" as never }));
    const good = audit.log.append(entry(1));
    await expect(bad).rejects.toBeInstanceOf(AuditEntryError);
    await expect(bad).rejects.toThrow(/outcome="MAYBE" must be one of ALLOWED, PARTIAL, DENIED, ERROR/);
    await good;
    await expect(audit.log.append(entry(2, { at: new Date("nope") }))).rejects.toThrow(/at=Invalid Date must be a valid Date/);
    await expect(audit.log.append(entry(3, { subjects: ["ok", ""] }))).rejects.toThrow(/subjects\[1\]="" must be a non-empty string/);
    expect((await audit.log.head()).seq).toBe(1);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of records and checkpoints, a head moved back, a record that does not link", async () => {
    audit = await openTestAudit(engine, { checkpointEvery: 2 });
    await appendMany(audit.log, 3);
    const { silo } = audit;
    expect(await refusal(() => silo.query("UPDATE audit_log SET purpose = 'X' WHERE seq = 2"))).toMatch(/audit log is append-only: UPDATE on audit_log refused/);
    expect(await refusal(() => silo.query("DELETE FROM audit_log WHERE seq = 3"))).toMatch(/append-only: DELETE on audit_log refused/);
    expect(await refusal(() => silo.exec("TRUNCATE audit_log CASCADE"))).toMatch(/append-only: TRUNCATE on audit_(log|checkpoint) refused/);
    expect(await refusal(() => silo.query("UPDATE audit_checkpoint SET jws = 'x'"))).toMatch(/append-only: UPDATE on audit_checkpoint refused/);
    expect(await refusal(() => silo.query("DELETE FROM audit_checkpoint"))).toMatch(/append-only: DELETE on audit_checkpoint refused/);
    expect(await refusal(() => silo.exec("TRUNCATE audit_checkpoint"))).toMatch(/append-only: TRUNCATE on audit_checkpoint refused/);
    expect(await refusal(() => silo.query("DELETE FROM audit_head"))).toMatch(/append-only: DELETE on audit_head refused/);
    const [first] = await silo.query<{ hash: string }>("SELECT hash FROM audit_log WHERE seq = 1");
    expect(await refusal(() => silo.query("UPDATE audit_head SET seq = 1, hash = $1", [first.hash]))).toMatch(/head must move forward/);
    expect(
      await refusal(() =>
        silo.query(
          `INSERT INTO audit_log (seq, at, request_id, window_id, department, operation_type, subjects, fields, outcome, denials, prev_hash, hash)
           VALUES (4, now(), 'r', 'w', 'd', 'query', '{}', '{}', 'ALLOWED', '[]', $1, $1)`,
          ["a".repeat(64)],
        ),
      ),
    ).toMatch(/audit record #4 does not extend the chain/);
    expect((await rows(audit)).length).toBe(3);
  });

  it("signs a checkpoint every N records, at close(), and on the clock when records arrived", async () => {
    audit = await openTestAudit(engine, { checkpointEvery: 5, checkpointIntervalMs: 50 });
    const checkpoints = () => audit!.silo.query<{ seq: number; hash: string; jws: string }>("SELECT seq, hash, jws FROM audit_checkpoint ORDER BY seq");
    await Promise.all(Array.from({ length: 12 }, (_, i) => audit!.log.append(entry(i))));
    const counted = await checkpoints();
    expect(counted.map((c) => c.seq).slice(0, 2)).toEqual([5, 10]);
    // The clock signs the head (12) soon after, and only once.
    await expect.poll(async () => (await checkpoints()).map((c) => c.seq), { timeout: 5000 }).toEqual([5, 10, 12]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await checkpoints()).length).toBe(3);
    await audit.log.append(entry(12));
    await audit.log.close();
    const all = await checkpoints();
    expect(all.map((c) => c.seq)).toEqual([5, 10, 12, 13]);
    for (const c of all) {
      const verified = await verifyCheckpoint(c.jws, audit.log.publicKey);
      expect(verified).toMatchObject({ ok: true, payload: { seq: c.seq, hash: c.hash }, kid: audit.key.kid });
    }
    // A second close() is a no-op: nothing new, nothing signed.
    await audit.log.close();
    expect((await checkpoints()).length).toBe(4);
  });
});
