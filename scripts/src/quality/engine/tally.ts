// What a run adds up: checked/failed per rule of the catalogue, a few failing keys per
// rule for the report, and every finding handed to onFinding as it arrives. Nothing here
// grows with the silos but the samples (at most sampleSize keys per rule).
import { QUALITY_RULES, RULES_BY_ID, type Finding, type RuleCount } from "@onceonly/shared";

export class RunTally {
  private readonly counts = new Map<string, RuleCount>(QUALITY_RULES.map((r) => [r.id, { rule: r.id, checked: 0, failed: 0 }]));
  private readonly samples = new Map<string, string[]>(QUALITY_RULES.map((r) => [r.id, []]));

  constructor(
    private readonly sampleSize: number,
    private readonly onFinding?: (finding: Finding) => void,
  ) {}

  /** Adds a page's count for a rule (its findings come separately, through `finding`). */
  add(rule: string, checked: number, failed: number): void {
    const count = this.count(rule);
    count.checked += checked;
    count.failed += failed;
  }

  /** One record a rule checked, failed or not. */
  check(rule: string, key: string, failed: boolean): void {
    const count = this.count(rule);
    count.checked++;
    if (failed) {
      count.failed++;
      this.finding({ rule, kind: RULES_BY_ID.get(rule)!.kind, key });
    }
  }

  finding(finding: Finding): void {
    const samples = this.samples.get(finding.rule);
    if (!samples) throw new Error(`quality run: a finding names rule ${finding.rule}, which is not in the catalogue (shared/src/quality/rules.ts)`);
    if (samples.length < this.sampleSize) samples.push(finding.key);
    this.onFinding?.(finding);
  }

  /** One per rule of QUALITY_RULES, in its order. */
  result(): { counts: RuleCount[]; samples: Record<string, string[]> } {
    return {
      counts: QUALITY_RULES.map((r) => ({ ...this.counts.get(r.id)! })),
      samples: Object.fromEntries(QUALITY_RULES.map((r) => [r.id, [...this.samples.get(r.id)!]])),
    };
  }

  private count(rule: string): RuleCount {
    const count = this.counts.get(rule);
    if (!count) throw new Error(`quality run: a count names rule ${rule}, which is not in the catalogue (shared/src/quality/rules.ts)`);
    return count;
  }
}
