// What a quality check yields: counts per rule and the failing records' keys.
import type { RecordKind } from "./rules.js";

export interface Finding {
  rule: string;
  kind: RecordKind;
  /** The silo key of the failing record (rkbh, hh, zzbs, bjbh, or bjbh/clbm). */
  key: string;
}

export interface RuleCount {
  rule: string;
  /** Records the rule looked at (the rate's denominator). */
  checked: number;
  failed: number;
}
