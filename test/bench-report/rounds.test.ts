// The benchmark's rounds: which round stands for a configuration, and how the targets
// report each round (pure functions over measurements; the benchmark itself is not run).
import { describe, expect, it } from "vitest";
import { CPU_GROUPS, type CpuTimes } from "../bench/src/cpu.js";
import type { Row } from "../bench/src/report.js";
import { targets } from "../bench/src/report.js";
import { ratioByRound, roundsTable, settleRounds } from "../bench/src/rounds.js";

function measurement(rps: number, p99: number): NonNullable<Row["measurement"]> {
  return {
    requests: rps * 10,
    durationS: 10,
    rps,
    p50: p99 / 2,
    p99,
    failures: { errors: 0, timeouts: 0, non2xx: 0, graphqlErrors: 0 },
    statements: { registry: 0, licenses: 0, cases: 0 },
    statementsPerRequest: 0,
    fetchesPerRequest: 3,
    peakRssBytes: 1,
    hwmBytes: 1,
    cpu: { ...Object.fromEntries(CPU_GROUPS.map((g) => [g, 0])), other: 0 } as CpuTimes,
    cacheHitRate: null,
    auditWaitMs: null,
  };
}

const row = (config: Row["config"], rps: number | null, p99 = 100, round?: number, workload: Row["workload"] = "lookup"): Row => ({
  config,
  workload,
  label: workload,
  ...(rps === null ? { failure: "GraphQL errors under load" } : { measurement: measurement(rps, p99) }),
  ...(round ? { round } : {}),
});

describe("benchmark rounds", () => {
  it("lets the round with the median RPS stand for a configuration, in round order otherwise untouched", () => {
    const rows = [row("onceonly-off", 180, 240), row("apollo", 200, 170), row("onceonly-off", 50, 100, undefined, "verify")];
    const extra = [row("onceonly-off", 230, 160, 2), row("apollo", 190, 165, 2), row("onceonly-off", 210, 200, 3), row("apollo", 170, 190, 3)];
    const { rows: settled, rounds } = settleRounds(rows, extra);
    expect(settled.map((r) => [r.config, r.workload, r.measurement?.rps, r.round])).toEqual([
      ["onceonly-off", "lookup", 210, 3],
      ["apollo", "lookup", 190, 2],
      ["onceonly-off", "verify", 50, undefined],
    ]);
    expect(rounds.map((r) => r.rows.map((x) => x.round))).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(ratioByRound(rounds, "onceonly-off", "apollo")).toBe("0.90×, 1.21×, 1.24×");

    const [, , offVsApollo] = targets(settled, null, rounds);
    // RPS from the rounds standing for each (210 vs 190); p99 the median of each one's rounds (200 vs 170).
    expect(offVsApollo.met).toBe(false);
    expect(offVsApollo.detail).toBe(
      "210 vs 190 RPS, p99 (median of the rounds) 200.0 vs 170.0 ms: missed — p99 30.0 ms worse; round by round, RPS at least Apollo's in 2 of 3, p99 no worse in 1 of 3",
    );
    expect(roundsTable(rounds)).toContain("| OnceOnly, cache off | 180 RPS, p99 240 ms | 230 RPS, p99 160 ms | 210 RPS, p99 200 ms | round 3 |");
  });

  it("lets a failed round stand for its configuration, so a wrong answer in any round is reported", () => {
    const { rows: settled } = settleRounds([row("onceonly-on", 300)], [row("onceonly-on", null, 100, 2), row("onceonly-on", 310, 100, 3)]);
    expect(settled[0].measurement).toBeUndefined();
    expect(settled[0].round).toBe(2);
  });

  it("with one round, changes nothing and prints no rounds table", () => {
    const rows = [row("onceonly-on", 300), row("apollo", 100)];
    const { rows: settled, rounds } = settleRounds(rows, []);
    expect(settled.map((r) => r.measurement?.rps)).toEqual([300, 100]);
    expect(roundsTable(rounds)).toBe("");
    expect(targets(settled, null, rounds)[0].detail).toBe("300 vs 100 RPS = 3.00×");
  });
});
