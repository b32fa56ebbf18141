// The ground truth of the data quality report: which records the demo seed spoiled on
// purpose, for which rule, and how. Keys are silo keys only (rules.ts), never personal data.
import type { RecordKind } from "../../quality/rules.js";
import { DEMO_REFERENCE_DATE } from "../dates.js";

/**
 * The report day at which a clean demo has no finding and a spoiled one has exactly its
 * manifest: the demo's reference day. Dates compare strictly against it: a licence valid
 * until this day is still valid, a case promised on it is not yet overdue, a birth or an
 * issue on it is not in the future.
 */
export const DEFECT_AS_OF = DEMO_REFERENCE_DATE;

/** The highest --defects rate: at 10 % the person rules alone already touch every person. */
export const MAX_DEFECT_RATE = 0.1;

export interface Defect {
  rule: string;
  kind: RecordKind;
  /** The silo key of the record the rule will find (rkbh, hh, zzbs, bjbh or bjbh/clbm). */
  key: string;
  /** What was done to it, e.g. "check character changed 7→3". */
  how: string;
  /** Set when another rule's spoil made this record fail this rule too: that spoil's rule and key. */
  cause?: { rule: string; key: string };
}

export interface DefectRuleTally {
  rule: string;
  /** Records of the clean demo the rule checks (the rate's base). */
  population: number;
  /** What the rate asked for: round(rate × population), at least 1. */
  target: number;
  /** Manifest entries from this rule's own spoils (a shared ID number or licence number lists both records). */
  spoiled: number;
  /** Manifest entries caused by other rules' spoils (see Defect.cause). */
  caused: number;
}

export interface DefectManifest {
  seed: number;
  persons: number;
  rate: number;
  asOf: string;
  /** The generator's batch size: the spoils are drawn per batch. */
  batchPersons: number;
  /** Every record each rule will find at asOf, and only those. */
  defects: Defect[];
  rules: DefectRuleTally[];
}

export interface DefectOptions {
  persons: number;
  seed: number;
  /** Share of each rule's population to spoil, 0 < rate ≤ MAX_DEFECT_RATE (0: none). */
  rate: number;
  batchPersons?: number;
}

export function validateDefectRate(rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > MAX_DEFECT_RATE) {
    throw new RangeError(`defect rate = ${rate}: must be a number from 0 to ${MAX_DEFECT_RATE} (e.g. 0.01 for 1 % of each rule's records)`);
  }
  return rate;
}
