// One stream of pages through the gateway: a silo scan or a federated check, read page by
// page with the cursor the previous page returned, each page tallied and dropped before
// the next is asked for (bounded memory whatever the silo's size).
//
// Page sizes adapt to the gateway's operation limits: a page the gateway refuses as too
// costly (OPERATION_LIMIT_EXCEEDED, limit cost, with the estimate and the maximum) is asked
// again smaller. The estimate grows linearly with `first`, so one retry normally fits.
import type { QualityDepartment } from "@onceonly/shared";
import { GatewayQueryError, type GatewayClient } from "./client.js";
import type { RunTally } from "./tally.js";
import type { QualityProgress } from "./types.js";

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
  /** Records the whole stream will read, when the page says (asked on the first page only). */
  totalCount?: number | null;
}

export interface Stream<Data> {
  /** The progress phase: "registry" | "licenses" | "cases" for the scans, then the federated checks. */
  phase: string;
  /** Whose records the stream reads (QualityRun.records). */
  department: QualityDepartment;
  /** Whether what it reads counts towards QualityRun.records (a federated re-read of licences does not). */
  countsRecords: boolean;
  operation: string;
  query: string;
  pageSize: number;
  variables(after: string | null, first: number, firstPage: boolean): Record<string, unknown>;
  /** The page's cursor, from the operation's data. */
  pageInfo(data: Data): PageInfo;
  /** Tallies the page; returns the records it read. */
  tally(data: Data, tally: RunTally): number;
}

export interface StreamResult {
  phase: string;
  department: QualityDepartment;
  countsRecords: boolean;
  records: number;
  pages: number;
  /** The page size it ended with (smaller than asked when the gateway's cost limit said so). */
  pageSize: number;
  /** performance.now() at its start, and how long it took. */
  startedMs: number;
  ms: number;
}

/** Aim this far under the gateway's maximum: the estimate is nearly, not exactly, proportional to `first`. */
const COST_MARGIN = 0.95;

/** Raised between pages once another stream of the run has failed. */
export class StreamStopped extends Error {}

export async function runStream<Data>(
  stream: Stream<Data>,
  client: GatewayClient,
  tally: RunTally,
  onProgress?: (p: QualityProgress) => void,
  stopped: () => boolean = () => false,
): Promise<StreamResult> {
  const started = performance.now();
  let after: string | null = null;
  let first = stream.pageSize;
  let records = 0;
  let pages = 0;
  let total: number | null = null;
  onProgress?.({ phase: stream.phase, records: 0, total: null });
  for (;;) {
    if (stopped()) throw new StreamStopped(`${stream.phase} stopped: another part of the run failed`);
    let data: Data;
    try {
      data = await client.query<Data>(stream.operation, stream.query, stream.variables(after, first, pages === 0));
    } catch (error) {
      const cost = error instanceof GatewayQueryError ? error.costLimit : null;
      if (!cost) throw error;
      const smaller = Math.min(first - 1, Math.floor((first * cost.max * COST_MARGIN) / cost.value));
      if (smaller < 1) throw error;
      first = smaller;
      continue;
    }
    const page = stream.pageInfo(data);
    if (pages === 0 && typeof page.totalCount === "number") total = page.totalCount;
    records += stream.tally(data, tally);
    pages++;
    onProgress?.({ phase: stream.phase, records, total });
    if (!page.hasNextPage) break;
    if (page.endCursor === null) throw new Error(`quality run: ${stream.operation} said hasNextPage without an endCursor after ${pages} pages`);
    after = page.endCursor;
  }
  return { phase: stream.phase, department: stream.department, countsRecords: stream.countsRecords, records, pages, pageSize: first, startedMs: started, ms: performance.now() - started };
}
