// Ground truth for the data quality report: the seed spoils records at a known rate and
// lists every one in its manifest; the report — the departments' own scans plus the
// cross-silo checks through the gateway — must find exactly those records, rule by rule
// (precision and recall 100%), and nothing at all on a clean seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFECT_AS_OF, DEMO_WINDOWS, QUALITY_RULES, type Finding } from "@onceonly/shared";
import { runQuality, type QualityRun } from "../../scripts/src/quality/engine/index.js";
import { ENGINES } from "../support/silos.js";
import { startStack, type Stack } from "../support/stack.js";

const SEED = 42;
const steward = DEMO_WINDOWS.find((w) => w.window === "LS-SJ-01")!;

async function report(stack: Stack): Promise<{ run: QualityRun; found: Map<string, Set<string>> }> {
  const found = new Map<string, Set<string>>(QUALITY_RULES.map((r) => [r.id, new Set<string>()]));
  const run = await runQuality({
    gatewayUrl: stack.gatewayUrl,
    token: await stack.tokenFor(steward),
    asOf: DEFECT_AS_OF,
    // Small pages: many pages and every cursor phase are crossed even on a small demo.
    scanPageSize: 97,
    federatedPageSize: 53,
    onFinding: (f: Finding) => found.get(f.rule)!.add(f.key),
  });
  return { run, found };
}

describe.each(ENGINES)("data quality ground truth (%s silos)", (engine) => {
  let spoiled: Stack;
  let clean: Stack;
  beforeAll(async () => {
    spoiled = await startStack(engine, { persons: 600, seed: SEED }, { defects: 0.03 });
    clean = await startStack(engine, { persons: 600, seed: SEED });
  }, 300_000);
  afterAll(async () => {
    await spoiled?.close();
    await clean?.close();
  });

  it("finds exactly the records the seed spoiled, for every rule", async () => {
    const manifest = spoiled.manifest!;
    const { run, found } = await report(spoiled);
    for (const rule of QUALITY_RULES) {
      const expected = new Set(manifest.defects.filter((d) => d.rule === rule.id).map((d) => d.key));
      expect(expected.size, `${rule.id}: the seed spoiled nothing for it`).toBeGreaterThan(0);
      const got = found.get(rule.id)!;
      const missed = [...expected].filter((k) => !got.has(k));
      const extra = [...got].filter((k) => !expected.has(k));
      expect({ rule: rule.id, missed, extra }).toEqual({ rule: rule.id, missed: [], extra: [] });
      const count = run.counts.find((c) => c.rule === rule.id)!;
      expect(count.failed, rule.id).toBe(expected.size);
      expect(count.checked, rule.id).toBeGreaterThanOrEqual(count.failed);
    }
  }, 300_000);

  it("finds nothing on a clean seed, while every rule checks records", async () => {
    const { run, found } = await report(clean);
    for (const rule of QUALITY_RULES) {
      expect([...found.get(rule.id)!], rule.id).toEqual([]);
      const count = run.counts.find((c) => c.rule === rule.id)!;
      expect(count.failed, rule.id).toBe(0);
      expect(count.checked, `${rule.id} checked nothing`).toBeGreaterThan(0);
    }
  }, 300_000);
});
