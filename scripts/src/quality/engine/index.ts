// runQuality: every rule of the catalogue over the three silos, through the gateway only.
// The SILO rules are the departments' own scans of their silos; the FEDERATED rules join
// records across silos through federation (federated/). Streams run one page at a time,
// so memory stays flat whatever the silos hold; with concurrency > 1 several streams run
// side by side (each still one page at a time).
import { QUALITY_DEPARTMENTS, type QualityDepartment } from "@onceonly/shared";
import { gatewayClient } from "./client.js";
import { caseApplicants } from "./federated/applicants.js";
import { handedOverMaterials } from "./federated/elicense.js";
import { licenceHolders } from "./federated/holders.js";
import { siloScan } from "./silo-scans.js";
import { runStream, type Stream, type StreamResult } from "./stream.js";
import { RunTally } from "./tally.js";
import type { QualityProgress, QualityRun, QualityRunOptions } from "./types.js";

export type { QualityProgress, QualityRun, QualityRunOptions } from "./types.js";
export { GatewayQueryError, QUALITY_PURPOSE } from "./client.js";
export type { StreamResult } from "./stream.js";

export const DEFAULT_SCAN_PAGE_SIZE = 20_000;
export const DEFAULT_FEDERATED_PAGE_SIZE = 5_000;
export const DEFAULT_SAMPLE_SIZE = 10;
/**
 * Streams run side by side. Each page passes three or four processes in turn (gateway,
 * subgraphs, PostgreSQL), so one stream keeps at most one of them busy at a time; on the benchmark's
 * two cores three streams were fastest (docs/quality-benchmark.md).
 */
export const DEFAULT_CONCURRENCY = 3;
/** Disjoint partitions of each big cross-silo walk, so that its tail is not one stream alone. */
export const DEFAULT_PARTITIONS = 3;

export interface QualityEngineOptions extends QualityRunOptions {
  /** Streams (three scans, the cross-silo checks' partitions) run at once; default DEFAULT_CONCURRENCY. */
  concurrency?: number;
  /**
   * Partitions (disjoint key ranges) of the big cross-silo walks — licence holders, case
   * applicants — each its own stream, so that one walk can keep several processes busy
   * at once; default DEFAULT_PARTITIONS.
   */
  partitions?: number;
  /** Each finished stream's figures (the benchmark's per-phase records/s). */
  onStream?: (result: StreamResult) => void;
}

export async function runQuality(options: QualityEngineOptions): Promise<QualityRun> {
  const startedAt = new Date().toISOString();
  const asOf = checkAsOf(options.asOf);
  const scanPageSize = positive("scanPageSize", options.scanPageSize ?? DEFAULT_SCAN_PAGE_SIZE);
  const federatedPageSize = positive("federatedPageSize", options.federatedPageSize ?? DEFAULT_FEDERATED_PAGE_SIZE);
  const concurrency = positive("concurrency", options.concurrency ?? DEFAULT_CONCURRENCY);
  const partitions = positive("partitions", options.partitions ?? DEFAULT_PARTITIONS);
  const tally = new RunTally(Math.max(0, options.sampleSize ?? DEFAULT_SAMPLE_SIZE), options.onFinding);
  const client = gatewayClient({ gatewayUrl: options.gatewayUrl, token: options.token });

  // In this order: the scans first, as the progress display lists them.
  const streams: Stream<never>[] = [
    ...QUALITY_DEPARTMENTS.map((d) => siloScan(d, asOf, scanPageSize)),
    ...Array.from({ length: partitions }, (_, part) => licenceHolders(asOf, federatedPageSize, part, partitions)),
    ...Array.from({ length: partitions }, (_, part) => caseApplicants(asOf, federatedPageSize, part, partitions)),
    handedOverMaterials(federatedPageSize),
  ] as Stream<never>[];

  const progress = phaseProgress(streams, options.onProgress);
  const results = new Map<string, StreamResult>();
  const remaining = new Map<string, number>();
  for (const stream of streams) remaining.set(stream.phase, (remaining.get(stream.phase) ?? 0) + 1);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < streams.length) {
      const index = next++;
      const stream = streams[index];
      try {
        const done = await runStream(stream, client, tally, progress(index), () => failure !== null);
        const result = merge(results.get(stream.phase), done);
        results.set(stream.phase, result);
        remaining.set(stream.phase, remaining.get(stream.phase)! - 1);
        if (remaining.get(stream.phase) === 0) options.onStream?.(result);
      } catch (error) {
        // The first failure is the run's; the other streams stop at their next page.
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, streams.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;

  const records = Object.fromEntries(QUALITY_DEPARTMENTS.map((d) => [d, 0])) as Record<QualityDepartment, number>;
  for (const result of results.values()) if (result.countsRecords) records[result.department] += result.records;
  return { asOf, startedAt, finishedAt: new Date().toISOString(), ...tally.result(), records };
}

// Private: the partitions of a phase report as one phase (records summed; the total is
// what the first partition's first page said).
function phaseProgress(streams: readonly Stream<never>[], onProgress: QualityRunOptions["onProgress"]): (index: number) => ((p: QualityProgress) => void) | undefined {
  if (!onProgress) return () => undefined;
  const records = streams.map(() => 0);
  const totals = new Map<string, number | null>();
  return (index) => (p) => {
    records[index] = p.records;
    if (p.total !== null) totals.set(p.phase, p.total);
    const sum = streams.reduce((acc, s, i) => (s.phase === p.phase ? acc + records[i] : acc), 0);
    onProgress({ phase: p.phase, records: sum, total: totals.get(p.phase) ?? null });
  };
}

// Private: one result per phase, its partitions summed (time: first start to last end).
function merge(previous: StreamResult | undefined, result: StreamResult): StreamResult {
  if (!previous) return result;
  const start = Math.min(previous.startedMs, result.startedMs);
  const end = Math.max(previous.startedMs + previous.ms, result.startedMs + result.ms);
  return { ...previous, records: previous.records + result.records, pages: previous.pages + result.pages, pageSize: Math.min(previous.pageSize, result.pageSize), startedMs: start, ms: end - start };
}

function checkAsOf(asOf: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== asOf) throw new RangeError(`asOf "${asOf}" is not a calendar day YYYY-MM-DD`);
  return asOf;
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} ${value} must be a whole number ≥ 1`);
  return value;
}
