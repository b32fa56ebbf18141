// The licence silo's change feed (shared cache/change-feed.ts) with this silo's channels:
// migration 002 NOTIFYs dzzz_zzxx_changed with a changed licence's zzbs, migration 003
// dzzz_holder_changed with the holder code (czztdm) of a licence inserted, changed or
// deleted. Change keys: "l:<zzbs>" drops the licence, "h:<czztdm>" the holder's lists.
import { startChangeFeed as startSiloFeed, type ChangeFeed, type Logger, type Silo } from "@onceonly/shared";
import { forgetHolders, forgetLicenses, type LicensesCache } from "./licenses.cache.js";

export const CHANGE_CHANNEL = "dzzz_zzxx_changed";
export const HOLDER_CHANNEL = "dzzz_holder_changed";

// The backstop: every licence whose gxsj moved (the trigger moves it on every UPDATE).
const POLL_SQL = `
SELECT 'l:' || zzbs AS key, gxsj FROM dzzz_zzxx WHERE gxsj > $1
UNION ALL
SELECT 'h:' || czztdm, gxsj FROM dzzz_zzxx WHERE gxsj > $1 AND czztdm IS NOT NULL`;

export interface ChangeFeedOptions {
  silo: Silo;
  cache: LicensesCache;
  pollMs: number;
  /** false: polling only (tests of the backstop; deployments where LISTEN is unavailable). */
  listen?: boolean;
  log: Logger;
}

export type { ChangeFeed };

export function startChangeFeed(options: ChangeFeedOptions): Promise<ChangeFeed> {
  const { cache } = options;
  return startSiloFeed({
    silo: options.silo,
    channels: [
      { channel: CHANGE_CHANNEL, keys: (zzbs) => [`l:${zzbs}`] },
      { channel: HOLDER_CHANNEL, keys: (czztdm) => [`h:${czztdm}`] },
    ],
    pollSql: POLL_SQL,
    pollMs: options.pollMs,
    listen: options.listen,
    log: options.log,
    forget: async (keys) => {
      const of = (kind: string) => keys.filter((k) => k.startsWith(kind)).map((k) => k.slice(kind.length));
      await Promise.all([forgetLicenses(cache, of("l:")), forgetHolders(cache, of("h:"))]);
    },
  });
}
