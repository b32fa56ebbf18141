// Checks the audit log from the outside: every record's hash recomputed, every link, no
// gaps in seq, every checkpoint's signature and that it signs the hash the log holds, and
// the head row. Reads in pages of seq order (bounded memory, whatever the log's size) and
// stops at the first problem, which names the record.
//
// What it proves: a record changed after the fact (hash), removed (gap), a chain rewritten
// from some record on (the next checkpoint no longer matches, and a new one cannot be
// signed without the key), a cut tail (the head row or a checkpoint points past the end).
// What it cannot: a tail cut together with the head row and the checkpoints after the cut;
// compare with the checkpoints the gateway also logs ("audit checkpoint signed").
import { UnreachableCaseError, type Queryable } from "@onceonly/shared";
import { readHead, type ChainHead } from "./audit-store.js";
import { chainHash, GENESIS_HASH } from "./chain.js";
import { verifyCheckpoint, type AuditPublicKeys } from "./checkpoint.js";
import { RECORD_COLUMNS, rowToRecord, type AuditRecord, type AuditRow } from "./record.js";

export type AuditProblem =
  | { kind: "hash"; seq: number; requestId: string; at: string; stored: string; computed: string }
  | { kind: "precision"; seq: number; requestId: string; at: string; micros: number }
  | { kind: "link"; seq: number; requestId: string; at: string; prevHash: string; previousHash: string }
  | { kind: "missing"; seq: number; evidence: string }
  | { kind: "checkpoint-signature"; seq: number; reason: string }
  | { kind: "checkpoint-mismatch"; seq: number; signedHash: string; recordHash: string | null; detail: string }
  | { kind: "head"; seq: number; detail: string };

export interface AuditVerification {
  ok: boolean;
  /** Records checked (all of them when ok; those before the problem otherwise). */
  records: number;
  checkpoints: number;
  head: ChainHead;
  /** The newest verified checkpoint; records after it are chained but not yet signed. */
  lastCheckpoint: number | null;
  problem: AuditProblem | null;
  /** One line naming the first problem (null when ok). */
  message: string | null;
}

export interface VerifyAuditOptions {
  /** Records per read (default 1000). */
  pageSize?: number;
}

interface CheckpointRow {
  seq: number;
  hash: string;
  at: Date;
  jws: string;
  [column: string]: unknown;
}

export async function verifyAuditLog(db: Queryable, keys: AuditPublicKeys, options: VerifyAuditOptions = {}): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 1000;
  // The head as it is now bounds the walk: records appended while we read (the gateway
  // may be running) come after it and are left for the next run.
  const head = await readHead(db);
  let records = 0;
  let checkpoints = 0;
  let lastCheckpoint: number | null = null;
  const result = (problem: AuditProblem | null): AuditVerification => ({
    ok: problem === null,
    records,
    checkpoints,
    head,
    lastCheckpoint,
    problem,
    message: problem ? describeAuditProblem(problem) : null,
  });

  let expected = 1;
  let previous: AuditRecord | null = null;
  while (expected <= head.seq) {
    const rows = await db.query<AuditRow>(
      // at_micros: JavaScript dates stop at milliseconds, so a change below them would not
      // reach the hash; the gateway never writes sub-millisecond digits, so any is a change.
      `SELECT ${RECORD_COLUMNS.join(", ")}, (date_part('microseconds', at)::bigint % 1000)::int AS at_micros
         FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
      [expected, head.seq, pageSize],
    );
    if (rows.length === 0) return result({ kind: "missing", seq: expected, evidence: `the head row says the log ends at #${head.seq}` });
    const page = rows.map((row) => ({ ...rowToRecord(row), atMicros: Number(row.at_micros) }));
    const signedRows = await db.query<CheckpointRow>("SELECT seq, hash, at, jws FROM audit_checkpoint WHERE seq >= $1 AND seq <= $2 ORDER BY seq", [
      expected,
      page[page.length - 1].seq,
    ]);
    const signedAt = new Map(signedRows.map((c) => [Number(c.seq), c]));
    for (const record of page) {
      if (record.seq !== expected) return result({ kind: "missing", seq: expected, evidence: `the log jumps from #${expected - 1} to #${record.seq}` });
      const problem = checkRecord(record, previous);
      if (problem) return result(problem);
      const checkpoint = signedAt.get(record.seq);
      if (checkpoint) {
        const bad = await checkCheckpoint(checkpoint, record, keys);
        if (bad) return result(bad);
        checkpoints++;
        lastCheckpoint = record.seq;
      }
      records++;
      previous = record;
      expected++;
    }
    // A checkpoint at a seq with no record (in a gap the walk has not reached) is found
    // as that gap; the walk reports the first missing record.
  }

  const end = head.seq === 0 ? GENESIS_HASH : previous?.hash;
  if (end !== head.hash) return result({ kind: "head", seq: head.seq, detail: `the head row says #${head.seq} has hash ${head.hash} but the log has ${end}` });
  // Checkpoints past the head: either signed after we read it (their record exists now)
  // or left behind by a cut tail (their record is gone).
  const beyond = await db.query<{ seq: number }>(
    "SELECT c.seq FROM audit_checkpoint c LEFT JOIN audit_log l ON l.seq = c.seq WHERE c.seq > $1 AND l.seq IS NULL ORDER BY c.seq LIMIT 1",
    [head.seq],
  );
  if (beyond[0]) return result({ kind: "missing", seq: head.seq + 1, evidence: `checkpoint #${beyond[0].seq} signs a record past the head #${head.seq}` });
  const [max] = await db.query<{ seq: number | null }>("SELECT max(seq) AS seq FROM audit_log");
  const latest = await readHead(db);
  if (max?.seq !== null && max?.seq !== undefined && Number(max.seq) > latest.seq) {
    return result({ kind: "head", seq: latest.seq, detail: `record #${max.seq} lies past the head row (#${latest.seq}): written around the chain` });
  }
  return result(null);
}

function checkRecord(record: AuditRecord & { atMicros: number }, previous: AuditRecord | null): AuditProblem | null {
  const where = { seq: record.seq, requestId: record.requestId, at: isoOrRaw(record.at) };
  if (record.atMicros !== 0) return { kind: "precision", ...where, micros: record.atMicros };
  const computed = chainHash(record.prevHash, record);
  if (computed !== record.hash) return { kind: "hash", ...where, stored: record.hash, computed };
  const previousHash = previous?.hash ?? GENESIS_HASH;
  if (record.prevHash !== previousHash) return { kind: "link", ...where, prevHash: record.prevHash, previousHash };
  return null;
}

async function checkCheckpoint(row: CheckpointRow, record: AuditRecord, keys: AuditPublicKeys): Promise<AuditProblem | null> {
  const seq = record.seq;
  const verified = await verifyCheckpoint(row.jws, keys);
  if (!verified.ok) return { kind: "checkpoint-signature", seq, reason: verified.reason };
  const { payload } = verified;
  const mismatch = (detail: string): AuditProblem => ({ kind: "checkpoint-mismatch", seq, signedHash: payload.hash, recordHash: record.hash, detail });
  if (payload.seq !== seq) return mismatch(`its signature is for #${payload.seq}`);
  if (payload.hash !== record.hash) return mismatch(`it signs hash ${payload.hash} but record #${seq} has ${record.hash}`);
  if (row.hash !== payload.hash || new Date(row.at).getTime() !== Date.parse(payload.at)) return mismatch("its hash or at columns differ from what it signs");
  return null;
}

export function describeAuditProblem(problem: AuditProblem): string {
  switch (problem.kind) {
    case "hash":
      return `audit record #${problem.seq} (request ${problem.requestId}, ${problem.at}) is broken: stored hash ${problem.stored} ≠ computed ${problem.computed}`;
    case "precision":
      return `audit record #${problem.seq} (request ${problem.requestId}, ${problem.at}) is broken: its time has ${problem.micros} µs below the millisecond, which the gateway never writes`;
    case "link":
      return `audit record #${problem.seq} (request ${problem.requestId}, ${problem.at}) is broken: prev_hash does not link to #${problem.seq - 1} (it holds ${problem.prevHash}, #${problem.seq - 1} hashes to ${problem.previousHash})`;
    case "missing":
      return `audit record #${problem.seq} is broken: record #${problem.seq} missing (${problem.evidence})`;
    case "checkpoint-signature":
      return `audit checkpoint #${problem.seq} is broken: checkpoint #${problem.seq} signature invalid (${problem.reason})`;
    case "checkpoint-mismatch":
      return `audit checkpoint #${problem.seq} is broken: ${problem.detail} (the chain up to #${problem.seq} was rewritten)`;
    case "head":
      return `audit head is broken at #${problem.seq}: ${problem.detail}`;
    default:
      throw new UnreachableCaseError(problem);
  }
}

function isoOrRaw(at: Date): string {
  return Number.isNaN(at.getTime()) ? String(at) : at.toISOString();
}
