// The registry silo's change feed (shared cache/change-feed.ts): migration 002 NOTIFYs
// rk_changed with "p:<gmsfhm>" and "h:<hh>" keys at commit and moves gxsj on every UPDATE;
// the poll finds the same keys by gxsj when LISTEN is lost.
import { startChangeFeed, type ChangeFeed, type Logger, type Silo } from "@onceonly/shared";
import { forgetRegistryKeys, type RegistryCache } from "./registry.cache.js";

export const REGISTRY_CHANNEL = "rk_changed";

// A person's row names one household; the household it left is dropped by LISTEN (the
// trigger names every 户号 of the person) and, on the poll path, by the members loader
// leaving out anyone whose current row names another household.
const POLL_SQL = `
SELECT 'p:' || gmsfhm AS key, gxsj FROM rk_jbxx WHERE gxsj > $1 AND gmsfhm IS NOT NULL
UNION ALL
SELECT 'h:' || hh, gxsj FROM rk_jbxx WHERE gxsj > $1 AND hh IS NOT NULL
UNION ALL
SELECT 'h:' || hh, gxsj FROM rk_hxx WHERE gxsj > $1`;

export function startRegistryChangeFeed(options: {
  silo: Silo;
  cache: RegistryCache;
  pollMs: number;
  listen?: boolean;
  log: Logger;
}): Promise<ChangeFeed> {
  return startChangeFeed({
    silo: options.silo,
    channels: [{ channel: REGISTRY_CHANNEL }],
    pollSql: POLL_SQL,
    pollMs: options.pollMs,
    listen: options.listen,
    log: options.log,
    forget: (keys) => forgetRegistryKeys(options.cache, keys),
  });
}
