// The quality engine in a process of its own, so that its memory is its own (VmHWM) and
// not the benchmark's: started by run.ts with fork(), it runs runQuality once with the
// options it is sent and reports each finished stream, then the run and its peak RSS.
import "reflect-metadata"; // @onceonly/shared carries the GraphQL types too
import { readFileSync } from "node:fs";
import { runQuality, type QualityEngineOptions, type StreamResult } from "../../../../scripts/dist/quality/engine/index.js";

export type EngineRequest = Pick<QualityEngineOptions, "gatewayUrl" | "token" | "asOf" | "scanPageSize" | "federatedPageSize" | "concurrency" | "partitions">;

export type EngineMessage =
  | { type: "stream"; result: StreamResult }
  | { type: "done"; wallMs: number; counts: { rule: string; checked: number; failed: number }[]; records: Record<string, number>; findings: number; hwmBytes: number; cpuMs: number }
  | { type: "failed"; message: string };

function send(message: EngineMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

function vmHwmBytes(): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}

process.once("message", async (request: EngineRequest) => {
  const started = performance.now();
  let findings = 0;
  try {
    const run = await runQuality({ ...request, onFinding: () => void findings++, onStream: (result) => void send({ type: "stream", result }) });
    const usage = process.cpuUsage();
    await send({
      type: "done",
      wallMs: performance.now() - started,
      counts: run.counts,
      records: run.records,
      findings,
      hwmBytes: vmHwmBytes(),
      cpuMs: (usage.user + usage.system) / 1000,
    });
  } catch (error) {
    await send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
  process.disconnect();
});
