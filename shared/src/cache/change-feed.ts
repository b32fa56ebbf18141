// Keeps a subgraph's cached entries fresh after changes made behind its back (legacy
// writers, SQL by hand, other replicas). Two paths, so one failing leaves a bound:
// - LISTEN on the silo's change channels (triggers NOTIFY the changed keys at commit):
//   entries are dropped within milliseconds;
// - polling gxsj every pollMs: covers a lost LISTEN connection (the triggers move gxsj on
//   every change). Worst case, with both down, an entry lives its TTL.
// Keys arriving together (a bulk UPDATE notifies thousands) are forgotten in one call.
// The poll also re-forgets rows changed in the last COMMIT_OVERLAP_MS on every round, which
// bounds the one race deletion cannot close alone: a read that began before the commit and
// writes its old answer back after the NOTIFY's delete is dropped again within pollMs.
import type { Silo } from "../db/silo.js";
import type { Logger } from "../log.js";

// now() is the writer's transaction START: a row committed up to this long after its
// transaction began is still caught by the next poll.
const COMMIT_OVERLAP_MS = 5000;

export interface ChangeChannel {
  /** NOTIFY channel (plain lower-case identifier). */
  channel: string;
  /** Payload → the change keys it stands for (default: the payload itself). */
  keys?(payload: string): string[];
}

export interface ChangeFeedOptions {
  silo: Silo;
  channels: readonly ChangeChannel[];
  /**
   * The backstop statement: `$1` is a timestamptz, it returns one row per changed key with
   * columns `key` (text) and `gxsj` (the change time), for rows with gxsj > $1.
   */
  pollSql: string;
  pollMs: number;
  /** false: polling only (tests of the backstop; deployments where LISTEN is unavailable). */
  listen?: boolean;
  /** Drops the cache entries of these change keys; should not throw. */
  forget(keys: string[]): Promise<void>;
  log: Logger;
}

export interface ChangeFeed {
  stop(): Promise<void>;
}

/** Starts the feed; resolves once LISTEN is in place, so start it before serving. */
export async function startChangeFeed(options: ChangeFeedOptions): Promise<ChangeFeed> {
  const { silo, log } = options;
  let pending = new Set<string>();
  let flushing: Promise<void> = Promise.resolve();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const keys = [...pending];
    pending = new Set();
    if (keys.length === 0) return;
    flushing = flushing.then(() => options.forget(keys)).catch((error: Error) => log.warn({ err: error.message }, "change feed: forgetting keys failed"));
  };
  const enqueue = (keys: readonly string[]) => {
    for (const key of keys) pending.add(key);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };

  const unlisten: (() => Promise<void>)[] = [];
  if (options.listen !== false) {
    try {
      for (const { channel, keys } of options.channels) {
        unlisten.push(await silo.listen(channel, (payload) => enqueue(keys ? keys(payload) : [payload])));
      }
    } catch (error) {
      await Promise.all(unlisten.map((u) => u().catch(() => undefined)));
      throw error;
    }
  }

  const [{ now }] = await silo.query<{ now: Date }>("SELECT now() AS now");
  let watermark = now;
  let stopped = false;
  let polling: Promise<void> = Promise.resolve();
  const poll = async () => {
    try {
      const since = new Date(watermark.getTime() - COMMIT_OVERLAP_MS);
      // The silo's clock comes back as the last row: a gxsj written in the future (a
      // skewed writer) must not move the watermark past changes still to come.
      const rows = await silo.query<{ key: string | null; gxsj: Date; clock: boolean }>(
        `SELECT c.key::text AS key, c.gxsj, false AS clock FROM (${options.pollSql}) c UNION ALL SELECT NULL, now(), true`,
        [since],
      );
      const changed = rows.filter((row) => !row.clock && row.key !== null);
      const siloNow = rows.find((row) => row.clock)!.gxsj;
      for (const row of changed) if (row.gxsj > watermark) watermark = row.gxsj;
      if (watermark > siloNow) watermark = siloNow;
      if (changed.length > 0) enqueue(changed.map((row) => row.key!));
    } catch (error) {
      log.warn({ err: (error as Error).message }, "change poll failed; retrying");
    }
  };
  const timer = setInterval(() => {
    if (!stopped) polling = polling.then(poll);
  }, options.pollMs);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await polling;
      await Promise.all(unlisten.map((u) => u().catch(() => undefined)));
      flush();
      await flushing;
    },
  };
}
