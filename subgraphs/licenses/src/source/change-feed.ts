// Keeps cached licences fresh after changes made behind the subgraph's back (legacy
// writers, SQL by hand). Two paths, so one failing leaves a bound:
// - LISTEN dzzz_zzxx_changed (trigger in migration 002): the key is dropped within
//   milliseconds of the commit;
// - polling gxsj every pollMs: covers a lost LISTEN connection (the trigger moves gxsj
//   on every change). Worst case, with both down, an entry lives its TTL.
import type { Logger, Silo } from "@onceonly/shared";
import { forgetLicenses, type LicensesCache } from "./licenses.cache.js";

export const CHANGE_CHANNEL = "dzzz_zzxx_changed";
// now() is the writer's transaction START: a row committed up to this long after its
// transaction began is still caught by the next poll.
const COMMIT_OVERLAP_MS = 5000;

export interface ChangeFeedOptions {
  silo: Silo;
  cache: LicensesCache;
  pollMs: number;
  /** false: polling only (tests of the backstop; deployments where LISTEN is unavailable). */
  listen?: boolean;
  log: Logger;
}

export interface ChangeFeed {
  stop(): Promise<void>;
}

export async function startChangeFeed(options: ChangeFeedOptions): Promise<ChangeFeed> {
  const { silo, cache, log } = options;
  const unlisten =
    options.listen === false
      ? null
      : await silo.listen(CHANGE_CHANNEL, (zzbs) => {
          void forgetLicenses(cache, [zzbs]);
        });

  const [{ now }] = await silo.query<{ now: Date }>("SELECT now() AS now");
  let watermark = now;
  let stopped = false;
  let polling: Promise<void> = Promise.resolve();
  const poll = async () => {
    try {
      const since = new Date(watermark.getTime() - COMMIT_OVERLAP_MS);
      const rows = await silo.query<{ zzbs: string; gxsj: Date }>("SELECT zzbs, gxsj FROM dzzz_zzxx WHERE gxsj > $1", [since]);
      for (const row of rows) if (row.gxsj > watermark) watermark = row.gxsj;
      await forgetLicenses(cache, rows.map((row) => row.zzbs));
    } catch (error) {
      log.warn({ err: (error as Error).message }, "licence change poll failed; retrying");
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
      await unlisten?.().catch(() => undefined);
    },
  };
}
