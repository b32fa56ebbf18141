// The SQL that extends the chain. Runs inside one transaction per batch: lock the head row
// (FOR UPDATE, so gateways sharing one PostgreSQL take turns and the chain stays linear),
// hash the batch onto it, insert it in one statement, move the head, sign the checkpoints
// the batch crossed. Nothing is visible, or acknowledged, before COMMIT.
import type { Queryable, Transaction } from "@onceonly/shared";
import type { AuditEntry } from "./audit-entry.js";
import { chainHash } from "./chain.js";
import type { CheckpointPayload, CheckpointSigner } from "./checkpoint.js";
import { COLUMN_CASTS, RECORD_COLUMNS, recordParams, recordRow, type AuditRecord } from "./record.js";

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface AppendResult {
  head: ChainHead;
  checkpoints: CheckpointPayload[];
}

export async function lockHead(tx: Transaction): Promise<ChainHead> {
  const [head] = await tx.query<{ seq: number; hash: string }>("SELECT seq, hash FROM audit_head WHERE id FOR UPDATE");
  if (!head) throw new Error("the audit store has no head row: its migration did not run or the row was removed");
  return { seq: Number(head.seq), hash: head.hash };
}

export async function readHead(db: Queryable): Promise<ChainHead> {
  const [head] = await db.query<{ seq: number; hash: string }>("SELECT seq, hash FROM audit_head WHERE id");
  if (!head) throw new Error("the audit store has no head row: its migration did not run or the row was removed");
  return { seq: Number(head.seq), hash: head.hash };
}

export async function appendBatch(
  tx: Transaction,
  entries: readonly AuditEntry[],
  signer: CheckpointSigner,
  checkpointEvery: number,
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  const records = chainRecords(await lockHead(tx), entries);
  const params: unknown[] = [];
  const rows = records.map((record) => {
    const values = recordParams(record);
    const placeholders = values.map((value, i) => {
      params.push(value);
      return `$${params.length}${COLUMN_CASTS[RECORD_COLUMNS[i]]}`;
    });
    return `(${placeholders.join(", ")})`;
  });
  await tx.query(`INSERT INTO audit_log (${RECORD_COLUMNS.join(", ")}) VALUES ${rows.join(", ")}`, params);
  const head = headOf(records);
  await tx.query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id", [head.seq, head.hash]);

  const checkpoints: CheckpointPayload[] = [];
  for (const record of records) {
    if (record.seq % checkpointEvery === 0) checkpoints.push(await insertCheckpoint(tx, signer, record.seq, record.hash, now()));
  }
  return { head, checkpoints };
}

export type OneStatementAppend = { appended: true; result: AppendResult } | { appended: false; found: ChainHead };

/**
 * The batch hashed onto `expected` (the head this process last saw) and written by one call
 * of audit_append (migration 002): all of it when the head is still `expected`, nothing when
 * another writer moved it — then `found` is the head to hash onto next. Checkpoints the
 * batch crosses are signed beforehand and go in the same statement.
 */
export async function appendInOneStatement(
  db: Queryable,
  expected: ChainHead,
  entries: readonly AuditEntry[],
  signer: CheckpointSigner,
  checkpointEvery: number,
  now: () => Date = () => new Date(),
): Promise<OneStatementAppend> {
  const records = chainRecords(expected, entries);
  const head = headOf(records);
  const checkpoints: CheckpointPayload[] = [];
  const signed: { seq: number; hash: string; at: string; jws: string }[] = [];
  for (const record of records) {
    if (record.seq % checkpointEvery !== 0) continue;
    const payload: CheckpointPayload = { seq: record.seq, hash: record.hash, at: now().toISOString() };
    checkpoints.push(payload);
    signed.push({ ...payload, jws: await signer.sign(payload) });
  }
  const [outcome] = await db.query<{ head_seq: string | number; head_hash: string; appended: boolean }>(
    "SELECT head_seq, head_hash, appended FROM audit_append($1::bigint, $2::text, $3::jsonb, $4::bigint, $5::text, $6::jsonb)",
    [expected.seq, expected.hash, JSON.stringify(records.map(recordRow)), head.seq, head.hash, JSON.stringify(signed)],
  );
  if (!outcome) throw new Error("audit_append returned no row");
  if (outcome.appended) return { appended: true, result: { head, checkpoints } };
  return { appended: false, found: { seq: Number(outcome.head_seq), hash: outcome.head_hash } };
}

function chainRecords(start: ChainHead, entries: readonly AuditEntry[]): AuditRecord[] {
  const records: AuditRecord[] = [];
  let prevHash = start.hash;
  for (const [i, entry] of entries.entries()) {
    const seq = start.seq + i + 1;
    const hash = chainHash(prevHash, { ...entry, seq });
    records.push({ ...entry, seq, prevHash, hash });
    prevHash = hash;
  }
  return records;
}

function headOf(records: readonly AuditRecord[]): ChainHead {
  const last = records[records.length - 1];
  return { seq: last.seq, hash: last.hash };
}

/**
 * Signs the head unless a checkpoint already covers it (another gateway may have signed it
 * meanwhile): the once-a-minute and at-close checkpoints. Null when there was nothing new.
 */
export async function checkpointHead(tx: Transaction, signer: CheckpointSigner, now: Date): Promise<CheckpointPayload | null> {
  const head = await lockHead(tx);
  if (head.seq === 0) return null;
  const [last] = await tx.query<{ seq: number | null }>("SELECT max(seq) AS seq FROM audit_checkpoint");
  if (last?.seq !== null && last?.seq !== undefined && Number(last.seq) >= head.seq) return null;
  return insertCheckpoint(tx, signer, head.seq, head.hash, now);
}

async function insertCheckpoint(tx: Transaction, signer: CheckpointSigner, seq: number, hash: string, at: Date): Promise<CheckpointPayload> {
  const payload: CheckpointPayload = { seq, hash, at: at.toISOString() };
  const jws = await signer.sign(payload);
  await tx.query("INSERT INTO audit_checkpoint (seq, hash, at, jws) VALUES ($1, $2, $3, $4)", [seq, hash, payload.at, jws]);
  return payload;
}
