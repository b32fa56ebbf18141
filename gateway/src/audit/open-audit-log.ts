// Opens the audit log: its store (migrated), its checkpoint key, the group-commit writer and
// the checkpoint clock. The gateway appends one entry per request touching personal data
// and serves the data only once append() has resolved (fail closed).
import { logger, migrate, openSilo, type JWK, type Silo } from "@onceonly/shared";
import { auditCommitWait } from "../metrics.js";
import type { AuditEntry, AuditLog } from "./audit-entry.js";
import { appendBatch, appendInOneStatement, checkpointHead, readHead, type AppendResult, type ChainHead } from "./audit-store.js";
import { checkpointSigner, type CheckpointPayload, type CheckpointSigner } from "./checkpoint.js";
import { AUDIT_MIGRATIONS, DEFAULT_CHECKPOINT_EVERY, type AuditConfig } from "./config.js";
import { GroupCommit, type GroupCommitStats } from "./group-commit.js";
import { auditPublicJwk, loadOrCreateAuditKey, type AuditSigningKey } from "./key.js";
import { normaliseEntry } from "./normalise.js";
import { queryAuditRecords, type AuditQuery, type AuditReader, type AuditRecordPage } from "./query.js";

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000;
/** Entries per batch: the locked fallback's INSERT (14 parameters each) stays below PostgreSQL's 65 535. */
export const DEFAULT_MAX_BATCH = 1000;
/** One-statement appends tried before falling back to the locked transaction (contention). */
const OPTIMISTIC_ATTEMPTS = 3;

/** The batch's statement or transaction failed: none of its entries is in the log; serve none of their data. */
export class AuditWriteError extends Error {
  override name = "AuditWriteError";
  constructor(entries: number, cause: unknown) {
    super(`the audit log could not write ${entries} ${entries === 1 ? "entry" : "entries"} (rolled back, the data must not be served): ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

export interface AuditLogOptions {
  /** A migrated (or migratable) audit store; see AUDIT_MIGRATIONS. */
  silo: Silo;
  key: AuditSigningKey;
  checkpointEvery?: number;
  /** A checkpoint is signed at least this often while records arrive, ms. */
  checkpointIntervalMs?: number;
  maxBatch?: number;
  /** close() also closes the silo (default: false, the caller owns it). */
  ownsSilo?: boolean;
}

export interface OpenedAuditLog extends AuditLog, AuditReader {
  readonly silo: Silo;
  /** Verifies the checkpoints: what `npm run audit:verify` and tests trust. */
  readonly publicKey: JWK;
  head(): Promise<ChainHead>;
  /** Signs the head now unless a checkpoint covers it already; null when nothing was new. */
  checkpoint(): Promise<CheckpointPayload | null>;
  /** Batches (= write transactions) and entries so far, for tests and metrics. */
  readonly stats: GroupCommitStats;
}

export async function openAuditLog(input: AuditConfig | AuditLogOptions): Promise<OpenedAuditLog> {
  if ("silo" in input) {
    await migrate(input.silo, AUDIT_MIGRATIONS);
    return createAuditLog(input);
  }
  const key = await loadOrCreateAuditKey(input.keyFile);
  const silo = await openSilo({ name: "audit", databaseUrl: input.databaseUrl, dataDir: input.dataDir, migrations: AUDIT_MIGRATIONS });
  return createAuditLog({ silo, key, checkpointEvery: input.checkpointEvery, ownsSilo: true });
}

async function createAuditLog(options: AuditLogOptions): Promise<OpenedAuditLog> {
  const { silo } = options;
  const log = logger.child({ component: "audit" });
  const every = options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpointEvery ${every} must be a positive integer`);
  const signer: CheckpointSigner = await checkpointSigner(options.key);
  let closed = false;
  // What this process wrote and signed: the minute clock only wakes the database when
  // this process has appended since its last checkpoint.
  let committedSeq = 0;
  let signedSeq = 0;

  const signed = (checkpoint: CheckpointPayload) => {
    signedSeq = Math.max(signedSeq, checkpoint.seq);
    // Also into the process log: a copy outside the database that a rewrite cannot reach.
    log.info({ checkpoint }, "audit checkpoint signed");
  };

  // The head this process last wrote or saw. A batch is hashed onto it and written in one
  // statement; only when another gateway moved the head meanwhile is it hashed again.
  let known: ChainHead | null = null;
  const append = async (batch: AuditEntry[]): Promise<AppendResult> => {
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      known ??= await readHead(silo);
      const outcome = await appendInOneStatement(silo, known, batch, signer, every);
      if (outcome.appended) return outcome.result;
      known = outcome.found;
    }
    // Other writers keep winning: wait for the head's lock and append under it.
    return silo.transaction((tx) => appendBatch(tx, batch, signer, every));
  };

  const commitWait = auditCommitWait();
  const writer = new GroupCommit<AuditEntry>(async (batch) => {
    let result;
    try {
      result = await append(batch);
    } catch (error) {
      throw new AuditWriteError(batch.length, error);
    }
    known = result.head;
    committedSeq = Math.max(committedSeq, result.head.seq);
    result.checkpoints.forEach(signed);
  }, options.maxBatch ?? DEFAULT_MAX_BATCH);

  const checkpoint = async () => {
    const target = committedSeq;
    const payload = await silo.transaction((tx) => checkpointHead(tx, signer, new Date()));
    if (payload) signed(payload);
    // Covered either way: by this checkpoint or one another gateway signed.
    signedSeq = Math.max(signedSeq, target);
    return payload;
  };

  const timer = setInterval(() => {
    if (committedSeq <= signedSeq) return;
    checkpoint().catch((error: unknown) => log.error({ err: (error as Error).message }, "audit checkpoint failed; retrying next interval"));
  }, options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS);
  timer.unref();

  return {
    silo,
    publicKey: auditPublicJwk(options.key),
    stats: writer.stats,
    append(entry: AuditEntry): Promise<void> {
      if (closed) return Promise.reject(new Error("the audit log is closed: the entry was not written"));
      let normalised: AuditEntry;
      try {
        normalised = normaliseEntry(entry);
      } catch (error) {
        return Promise.reject(error);
      }
      const started = performance.now();
      return writer.submit(normalised).then(() => commitWait.observe((performance.now() - started) / 1000));
    },
    records: (query: AuditQuery): Promise<AuditRecordPage> => queryAuditRecords(silo, query),
    head: () => readHead(silo),
    checkpoint,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await writer.drain();
      try {
        if (committedSeq > signedSeq) await checkpoint();
      } finally {
        if (options.ownsSilo) await silo.close();
      }
    },
  };
}
