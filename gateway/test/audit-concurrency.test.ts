// Several gateway processes may share one PostgreSQL audit database: the head row's
// FOR UPDATE lock makes them extend one linear chain, never fork it.
import { afterEach, describe, expect, it } from "vitest";
import { PgSilo } from "@onceonly/shared";
import { openAuditLog, type OpenedAuditLog } from "../src/audit/open-audit-log.js";
import { queryAuditRecords } from "../src/audit/query.js";
import { verifyAuditLog } from "../src/audit/verify.js";
import { entry, openTestAudit, type TestAudit } from "./audit-support.js";

describe("two audit logs on one PostgreSQL database", () => {
  let audit: TestAudit | undefined;
  let second: { log: OpenedAuditLog; silo: PgSilo } | undefined;
  afterEach(async () => {
    await second?.log.close().catch(() => undefined);
    await second?.silo.close();
    await audit?.dispose();
    audit = second = undefined;
  });

  it("append 2 × 200 concurrently into one unbroken chain of 400", async () => {
    audit = await openTestAudit("postgres", { checkpointEvery: 50 });
    // A second "gateway process": its own pool, same key file (same database, same key).
    const silo = new PgSilo("audit", audit.url as string, { max: 4 });
    second = { silo, log: await openAuditLog({ silo, key: audit.key, checkpointEvery: 50 }) };
    const logs = [audit.log, second.log];
    // Waves of concurrent appends from both, interleaved, so their batches contend for the head.
    for (let wave = 0; wave < 10; wave++) {
      await Promise.all(
        logs.flatMap((log, l) => Array.from({ length: 20 }, (_, i) => log.append(entry(wave * 40 + l * 20 + i, { requestId: `p${l}-${wave}-${i}` })))),
      );
    }
    expect(audit.log.stats.items + second.log.stats.items).toBe(400);
    expect(audit.log.stats.failedBatches + second.log.stats.failedBatches).toBe(0);
    await Promise.all(logs.map((log) => log.close()));

    const seqs: number[] = [];
    for (let before: number | null = null; ; ) {
      const page = await queryAuditRecords(audit.silo, { first: 500, beforeSeq: before });
      seqs.push(...page.records.map((r) => r.seq));
      if (!page.hasNextPage) break;
      before = seqs[seqs.length - 1];
    }
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    const result = await verifyAuditLog(audit.silo, audit.log.publicKey);
    expect(result).toMatchObject({ ok: true, records: 400, head: { seq: 400 } });
    // Every 50th record signed exactly once, whichever process wrote it.
    const checkpoints = await audit.silo.query<{ seq: number }>("SELECT seq FROM audit_checkpoint ORDER BY seq");
    expect(checkpoints.map((c) => c.seq)).toEqual([50, 100, 150, 200, 250, 300, 350, 400]);
  });
});
