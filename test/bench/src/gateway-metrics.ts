// OnceOnly's gateway's own /metrics, read around a measurement: how long answers waited
// for their audit record's COMMIT (the work the peers do not do, in time rather than CPU).
import { parseCounter } from "./statements.js";

const METRIC = "onceonly_gateway_audit_commit_wait_seconds";

export interface WaitReading {
  sum: number;
  count: number;
}

export async function readAuditWait(gatewayUrl: string): Promise<WaitReading> {
  const response = await fetch(new URL("/metrics", gatewayUrl), { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`the gateway's /metrics answered ${response.status}`);
  const text = await response.text();
  const value = (name: string) => {
    const found = parseCounter(text, name, "le"); // _sum and _count carry no labels: one sum
    if (found === null) throw new Error(`the gateway's /metrics has no ${name}`);
    return Object.values(found).reduce((a, b) => a + b, 0);
  };
  return { sum: value(`${METRIC}_sum`), count: value(`${METRIC}_count`) };
}

/** Mean wait in ms between two readings, null when nothing was audited. */
export function meanWaitMs(before: WaitReading, after: WaitReading): number | null {
  const count = after.count - before.count;
  return count > 0 ? (1000 * (after.sum - before.sum)) / count : null;
}
