// The case silo's change feed (shared cache/change-feed.ts): migration 005 NOTIFYs
// sp_bj_changed with "c:", "a:" and "b:" keys (see cases.cache.ts) at commit and moves
// gxsj when a writer forgets to; the poll finds the same keys by gxsj when LISTEN is lost.
import { startChangeFeed, type ChangeFeed, type Logger, type Silo } from "@onceonly/shared";
import { forgetCaseKeys, type CasesCache } from "./cases.cache.js";

export const CASES_CHANNEL = "sp_bj_changed";

const POLL_SQL = `
SELECT 'c:' || bjbh AS key, gxsj FROM sp_bj WHERE gxsj > $1
UNION ALL
SELECT 'a:' || sqrzjhm, gxsj FROM sp_bj WHERE gxsj > $1 AND sqrzjhm IS NOT NULL
UNION ALL
SELECT 'b:' || zhbjbh, gxsj FROM sp_bj WHERE gxsj > $1 AND zhbjbh IS NOT NULL`;

export function startCasesChangeFeed(options: { silo: Silo; cache: CasesCache; pollMs: number; listen?: boolean; log: Logger }): Promise<ChangeFeed> {
  return startChangeFeed({
    silo: options.silo,
    channels: [{ channel: CASES_CHANNEL }],
    pollSql: POLL_SQL,
    pollMs: options.pollMs,
    listen: options.listen,
    log: options.log,
    forget: (keys) => forgetCaseKeys(options.cache, keys),
  });
}
