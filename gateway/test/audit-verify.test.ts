// verifyAuditLog against the attacks it exists for, on both engines: each tamper is made
// around the triggers (as a superuser could) and the verifier must name exactly the record.
import { afterEach, describe, expect, it } from "vitest";
import { chainHash } from "../src/audit/chain.js";
import { checkpointSigner } from "../src/audit/checkpoint.js";
import { generateAuditKey } from "../src/audit/key.js";
import { queryAuditRecords } from "../src/audit/query.js";
import { verifyAuditLog } from "../src/audit/verify.js";
import { appendMany, ENGINES, openTestAudit, tamper, type TestAudit } from "./audit-support.js";

describe.each(ENGINES)("verifyAuditLog on %s", (engine) => {
  let audit: TestAudit | undefined;
  afterEach(async () => {
    await audit?.dispose();
    audit = undefined;
  });

  /** 20 records, checkpoints at 5, 10, 15, 20; verified in pages of 3 (pages cross everything). */
  async function written(): Promise<TestAudit> {
    audit = await openTestAudit(engine, { checkpointEvery: 5 });
    await appendMany(audit.log, 20);
    return audit;
  }
  const verify = (a: TestAudit, keys = a.log.publicKey) => verifyAuditLog(a.silo, keys, { pageSize: 3 });

  it("finds an untouched log intact, and an empty one", async () => {
    audit = await openTestAudit(engine, { checkpointEvery: 5 });
    expect(await verify(audit)).toMatchObject({ ok: true, records: 0, checkpoints: 0, head: { seq: 0 }, problem: null });
    await appendMany(audit.log, 22);
    const result = await verify(audit);
    expect(result).toMatchObject({ ok: true, records: 22, checkpoints: 4, lastCheckpoint: 20, head: { seq: 22 }, message: null });
  });

  it("names the record whose field was changed", async () => {
    const a = await written();
    await tamper(a.silo, "UPDATE audit_log SET purpose = 'SOMETHING-ELSE' WHERE seq = 7");
    const result = await verify(a);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: "hash", seq: 7, requestId: "req-6" });
    expect(result.records).toBe(6);
    expect(result.message).toMatch(/^audit record #7 \(request req-6, 2025-03-03T01:06:00.000Z\) is broken: stored hash [0-9a-f]{64} ≠ computed [0-9a-f]{64}$/);
  });

  it("names a record whose subjects, denials or time changed (even below the millisecond)", async () => {
    const a = await written();
    await tamper(a.silo, "UPDATE audit_log SET subjects = array_append(subjects, '110101199003070011') WHERE seq = 12");
    expect((await verify(a)).problem).toMatchObject({ kind: "hash", seq: 12 });
    await tamper(a.silo, "UPDATE audit_log SET subjects = subjects[1:1] WHERE seq = 12");
    expect((await verify(a)).ok).toBe(true);
    await tamper(a.silo, `UPDATE audit_log SET denials = '[{"field":"Person.phone","code":"MISSING_SCOPE","subject":"x","note":1}]' WHERE seq = 5`);
    expect((await verify(a)).problem).toMatchObject({ kind: "hash", seq: 5 });
    await tamper(a.silo, "UPDATE audit_log SET denials = '[]', at = at + interval '1 microsecond' WHERE seq = 3");
    expect((await verify(a)).problem).toMatchObject({ kind: "precision", seq: 3, micros: 1 });
  });

  it("names the gap where a record was deleted", async () => {
    const a = await written();
    await tamper(a.silo, "DELETE FROM audit_log WHERE seq = 9");
    const result = await verify(a);
    expect(result.problem).toMatchObject({ kind: "missing", seq: 9 });
    expect(result.message).toBe("audit record #9 is broken: record #9 missing (the log jumps from #8 to #10)");
  });

  it("catches a record rewritten together with its hash: the next one no longer links", async () => {
    const a = await written();
    const [row] = (await queryAuditRecords(a.silo, { first: 1, beforeSeq: 14 })).records;
    const forged = { ...row, window: "LS-W99" };
    await tamper(a.silo, "UPDATE audit_log SET window_id = $1, hash = $2 WHERE seq = 13", [forged.window, chainHash(row.prevHash, forged)]);
    const result = await verify(a);
    expect(result.problem).toMatchObject({ kind: "link", seq: 14 });
    expect(result.message).toMatch(/^audit record #14 \(request req-13, .*\) is broken: prev_hash does not link to #13/);
  });

  it("catches the whole chain rewritten from some record on: the next checkpoint no longer matches", async () => {
    const a = await written();
    const records = (await queryAuditRecords(a.silo, { first: 500 })).records.sort((x, y) => x.seq - y.seq);
    let prev = records[10].prevHash;
    for (const record of records.slice(10)) {
      const changed = { ...record, department: "篡改部门", prevHash: prev };
      const hash = chainHash(prev, changed);
      await tamper(a.silo, "UPDATE audit_log SET department = $1, prev_hash = $2, hash = $3 WHERE seq = $4", [changed.department, prev, hash, record.seq]);
      prev = hash;
    }
    await tamper(a.silo, "UPDATE audit_head SET hash = $1", [prev]);
    const result = await verify(a);
    expect(result.problem).toMatchObject({ kind: "checkpoint-mismatch", seq: 15 });
    expect(result.message).toMatch(/^audit checkpoint #15 is broken: it signs hash [0-9a-f]{64} but record #15 has [0-9a-f]{64}/);
  });

  it("catches a forged checkpoint, and one signed by a key it does not trust", async () => {
    const a = await written();
    const [row] = await a.silo.query<{ hash: string }>("SELECT hash FROM audit_log WHERE seq = 10");
    const stranger = await checkpointSigner(await generateAuditKey());
    const forged = await stranger.sign({ seq: 10, hash: row.hash, at: new Date().toISOString() });
    // Same kid as the real key, other signature: the signature is what counts.
    const [, payload, signature] = forged.split(".");
    const realHeader = Buffer.from(JSON.stringify({ alg: "EdDSA", kid: a.key.kid, typ: "onceonly-audit-checkpoint" })).toString("base64url");
    await tamper(a.silo, "UPDATE audit_checkpoint SET jws = $1 WHERE seq = 10", [`${realHeader}.${payload}.${signature}`]);
    let result = await verify(a);
    expect(result.problem).toMatchObject({ kind: "checkpoint-signature", seq: 10 });
    expect(result.message).toMatch(/^audit checkpoint #10 is broken: checkpoint #10 signature invalid/);
    await tamper(a.silo, "UPDATE audit_checkpoint SET jws = $1 WHERE seq = 10", [forged]);
    result = await verify(a);
    expect(result.message).toMatch(/checkpoint #10 signature invalid \(signed by key .* not a trusted audit key\)/);
    // And the genuine key set must be the one given: any other key fails the first checkpoint.
    const other = await generateAuditKey();
    expect((await verify(a, { kty: "OKP", crv: "Ed25519", x: other.x, kid: other.kid })).problem).toMatchObject({ kind: "checkpoint-signature", seq: 5 });
  });

  it("catches a cut tail: by the head row, or by a checkpoint past the end", async () => {
    const a = await written();
    await tamper(a.silo, "DELETE FROM audit_log WHERE seq > 17");
    expect((await verify(a)).message).toBe("audit record #18 is broken: record #18 missing (the head row says the log ends at #20)");
    // The head moved back too: the checkpoint at 20 still points past the end.
    const [last] = await a.silo.query<{ hash: string }>("SELECT hash FROM audit_log WHERE seq = 17");
    await tamper(a.silo, "UPDATE audit_head SET seq = 17, hash = $1", [last.hash]);
    expect((await verify(a)).message).toBe("audit record #18 is broken: record #18 missing (checkpoint #20 signs a record past the head #17)");
  });

  it("catches a head row that does not match the last record", async () => {
    const a = await written();
    await tamper(a.silo, "UPDATE audit_head SET hash = $1", ["f".repeat(64)]);
    expect((await verify(a)).problem).toMatchObject({ kind: "head", seq: 20 });
  });
});
