// The targets' window lookups are measured in rounds (ROUNDS_CONFIGS): one 10-second run
// on two shared cores moves by ±15% from run to run, enough to flip a target. The round
// with the median RPS stands for its configuration in every table, the targets and the
// analysis; the rounds table shows all of them, and the targets say how each round went.
import { CONFIGS, ROUNDS_CONFIGS, type ConfigKey } from "./configs.js";
import type { Measurement } from "./measure.js";
import type { Row } from "./report.js";

export interface Rounds {
  config: ConfigKey;
  /** In round order; a round without a measurement failed. */
  rows: Row[];
  /** The round standing for the configuration: the median RPS (of an even count, the lower middle), or the first failed one. */
  chosen: Row;
}

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");

/** Rows with each ROUNDS_CONFIGS window lookup replaced by the round that stands for it. */
export function settleRounds(rows: Row[], extra: Row[]): { rows: Row[]; rounds: Rounds[] } {
  const rounds: Rounds[] = [];
  const settled = rows.map((row) => {
    if (row.workload !== "lookup" || !ROUNDS_CONFIGS.includes(row.config)) return row;
    const all = [{ ...row, round: 1 }, ...extra.filter((r) => r.config === row.config).sort((a, b) => (a.round ?? 0) - (b.round ?? 0))];
    const failed = all.find((r) => !r.measurement);
    const chosen = failed ?? lowerMedian(all.filter((r) => r.measurement).sort((a, b) => a.measurement!.rps - b.measurement!.rps));
    rounds.push({ config: row.config, rows: all, chosen });
    return chosen;
  });
  return { rows: settled, rounds };
}

/** "1.10×, 1.21×, 0.98×": a / b round by round (rounds paired in order). */
export function ratioByRound(rounds: Rounds[], a: ConfigKey, b: ConfigKey): string | null {
  const pairs = paired(rounds, a, b);
  return pairs.length > 1 ? pairs.map(([x, y]) => `${fixed(x.rps / y.rps, 2)}×`).join(", ") : null;
}

/** How many paired rounds pass `test`, as "k of n", or null with a single round. */
export function roundsPassing(rounds: Rounds[], a: ConfigKey, b: ConfigKey, test: (x: Measurement, y: Measurement) => boolean): string | null {
  const pairs = paired(rounds, a, b);
  return pairs.length > 1 ? `${pairs.filter(([x, y]) => test(x, y)).length} of ${pairs.length}` : null;
}

/** The median p99 over a configuration's measured rounds (of an even count, the lower middle), or null without rounds. */
export function medianP99(rounds: Rounds[], config: ConfigKey): number | null {
  const p99s = (rounds.find((r) => r.config === config)?.rows ?? []).flatMap((r) => (r.measurement ? [r.measurement.p99] : [])).sort((a, b) => a - b);
  return p99s.length > 1 ? lowerMedian(p99s) : null;
}

export function roundsTable(rounds: Rounds[]): string {
  const n = Math.max(0, ...rounds.map((r) => r.rows.length));
  if (n < 2) return "";
  const lines = [
    `| gateway | ${Array.from({ length: n }, (_, i) => `round ${i + 1}`).join(" | ")} | stands for it |`,
    `| --- | ${Array.from({ length: n }, () => "---:").join(" | ")} | ---: |`,
  ];
  const cell = (row: Row | undefined) => (!row ? "—" : row.measurement ? `${fixed(row.measurement.rps)} RPS, p99 ${fixed(row.measurement.p99)} ms` : "**FAILED**");
  for (const r of rounds) {
    lines.push(`| ${CONFIGS[r.config].label} | ${Array.from({ length: n }, (_, i) => cell(r.rows[i])).join(" | ")} | round ${r.chosen.round} |`);
  }
  return lines.join("\n");
}

/** The middle of a sorted list (of an even count, the lower middle). */
function lowerMedian<T>(sorted: readonly T[]): T {
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function paired(rounds: Rounds[], a: ConfigKey, b: ConfigKey): [Measurement, Measurement][] {
  const ra = rounds.find((r) => r.config === a)?.rows ?? [];
  const rb = rounds.find((r) => r.config === b)?.rows ?? [];
  const out: [Measurement, Measurement][] = [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i].measurement;
    const y = rb[i].measurement;
    if (x && y) out.push([x, y]);
  }
  return out;
}
