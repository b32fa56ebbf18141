// The machine the figures were taken on, from /proc: they mean little without it.
import { readFileSync } from "node:fs";
import { cpus } from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  date: string;
}

export function describeMachine(postgres: string): Machine {
  const cpuinfo = safeRead("/proc/cpuinfo");
  const meminfo = safeRead("/proc/meminfo");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown CPU";
  const memKb = Number(/^MemTotal:\s+(\d+) kB/m.exec(meminfo)?.[1] ?? 0);
  return {
    cpu: model.trim(),
    cores: cpus().length,
    memoryGiB: Math.round((memKb / 1024 / 1024) * 10) / 10,
    node: process.version,
    postgres,
    date: new Date().toISOString().replace("T", " ").slice(0, 16) + " UTC",
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
