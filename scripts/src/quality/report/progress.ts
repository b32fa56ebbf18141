// The report CLI's progress on stderr: one cli-progress bar per phase (the registry,
// licences and cases scans, then the federated checks) with records read and records per
// second; a phase whose size is unknown shows its count without a bar. Phases may run side
// by side (the engine's concurrency), so each keeps its own bar. When stderr is not a
// terminal (CI, a pipe), one plain line per finished phase instead of redraws.
import cliProgress, { type Options, type Params, type SingleBar } from "cli-progress";
import type { QualityProgress } from "../engine/types.js";
import { count } from "./html/format.js";

// cli-progress is CommonJS whose exports Node cannot name statically: take the default.
const { Format, MultiBar } = cliProgress;

interface Payload {
  phase: string;
  records: number;
  total: number | null;
  rate: number;
  seconds: number;
}

interface Phase {
  name: string;
  started: number;
  last: number;
  records: number;
  total: number | null;
  bar: SingleBar | null;
  /** Records when its line was last written (non-terminal output). */
  printed: number | null;
}

export interface ProgressDisplay {
  update(progress: QualityProgress): void;
  /** Ends every phase's line. */
  stop(): void;
}

export function progressDisplay(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): ProgressDisplay {
  const tty = Boolean(stream.isTTY);
  const phases = new Map<string, Phase>();
  let current: Phase | null = null;
  const bars = tty ? new MultiBar({ stream, format, hideCursor: true, clearOnComplete: false, fps: 8, barsize: 24, autopadding: true }) : null;

  const payload = (p: Phase): Payload => {
    const seconds = Math.max(0.001, (p.last - p.started) / 1000);
    return { phase: p.name, records: p.records, total: p.total, rate: p.records / seconds, seconds };
  };
  const print = (p: Phase) => {
    if (tty || p.printed === p.records) return;
    const { records, seconds, rate } = payload(p);
    stream.write(`${p.name}: ${count(records)} records in ${seconds.toFixed(1)} s (${count(rate)}/s)\n`);
    p.printed = p.records;
  };

  return {
    update(progress) {
      let phase = phases.get(progress.phase);
      if (!phase) {
        const t = now();
        phase = { name: progress.phase, started: t, last: t, records: 0, total: progress.total, bar: null, printed: null };
        phases.set(progress.phase, phase);
        phase.bar = bars?.create(progress.total ?? 1, 0, payload(phase)) ?? null;
      }
      // Phases one after another (the default): a new phase means the last one is done.
      if (current && current !== phase) print(current);
      current = phase;
      phase.records = progress.records;
      phase.total = progress.total;
      phase.last = now();
      if (phase.bar) {
        if (progress.total !== null) phase.bar.setTotal(progress.total);
        phase.bar.update(progress.total === null ? 0 : progress.records, payload(phase));
      }
    },
    stop() {
      for (const phase of phases.values()) {
        if (phase.bar) phase.bar.update(phase.total ?? 0, payload(phase));
        print(phase);
      }
      bars?.stop();
      phases.clear();
      current = null;
    },
  };
}

// Private: "registry            ████████░░░░ 42% | 420,000/1,000,000 records | 35,000/s | 12 s".
function format(options: Options, params: Params, p: Payload): string {
  const bar = p.total === null ? "" : `${Format.BarFormat(params.progress, options)} ${String(Math.floor(params.progress * 100)).padStart(3)}% | `;
  const of = p.total === null ? "" : `/${count(p.total)}`;
  return `${p.phase.padEnd(20)} ${bar}${count(p.records)}${of} records | ${count(p.rate)}/s | ${Math.round(p.seconds)} s`;
}
