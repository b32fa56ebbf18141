// CONTRACT between the quality engine (engine/) and the report (report/): what one run
// over all three silos yields. The engine streams; nothing here grows with the silos but
// the samples (at most sampleSize keys per rule).
import type { Finding, QualityDepartment, RuleCount } from "@onceonly/shared";

export interface QualityProgress {
  /** "registry" | "licenses" | "cases" scans, then the federated checks. */
  phase: string;
  /** Records read so far in this phase. */
  records: number;
  /** Records this phase will read, when known (for the progress bar). */
  total: number | null;
}

export interface QualityRunOptions {
  /** The gateway's GraphQL URL. */
  gatewayUrl: string;
  /** Bearer token of a steward (quality:read plus the read scopes of the three departments). */
  token: string;
  /** Report day, YYYY-MM-DD (China). */
  asOf: string;
  /** Records per scan page (default 20,000) and per federated page (default 5,000). */
  scanPageSize?: number;
  federatedPageSize?: number;
  /** Failing keys kept per rule for the report (default 10). */
  sampleSize?: number;
  onProgress?: (progress: QualityProgress) => void;
  /** Every failing record, as found (a test or --findings writes them all). */
  onFinding?: (finding: Finding) => void;
}

export interface QualityRun {
  asOf: string;
  startedAt: string;
  finishedAt: string;
  /** One per rule of QUALITY_RULES, in its order. */
  counts: RuleCount[];
  /** Rule id → up to sampleSize failing keys. */
  samples: Record<string, string[]>;
  /** Records read per department (persons+households, licences, cases+materials). */
  records: Record<QualityDepartment, number>;
}
