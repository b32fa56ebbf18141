// Where the two cores went during a run: CPU time (user + system, from /proc/<pid>/stat)
// of the gateway, the subgraphs, PostgreSQL's backends, Redis and this process (the load
// generator), per request. On a 2-core machine they all compete, so a gateway that costs
// less CPU per request leaves more for the silos — this is the "why" behind the RPS.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type CpuGroup = "gateway" | "subgraphs" | "postgres" | "redis" | "load generator";
export const CPU_GROUPS: readonly CpuGroup[] = ["gateway", "subgraphs", "postgres", "redis", "load generator"];
/** Per group, plus what the whole machine spent on anything else (other users: noise). */
export type CpuTimes = Record<CpuGroup | "other", number>;

const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim() || 100);

export interface CpuPids {
  gateway: number[];
  subgraphs: number[];
  redis: number[];
}

export interface CpuSnapshot {
  perPid: Record<CpuGroup, Map<number, number>>;
  self: number;
  /** Busy CPU time of the whole machine, ms (/proc/stat). */
  machine: number;
}

/** CPU milliseconds used so far by every process of each group. */
export function cpuSnapshot(pids: CpuPids): CpuSnapshot {
  const self = process.cpuUsage();
  const read = (list: number[]) => new Map(list.map((pid) => [pid, cpuMs(pid)]));
  return {
    perPid: {
      gateway: read(pids.gateway),
      subgraphs: read(pids.subgraphs),
      postgres: read(benchBackends()),
      redis: read(pids.redis),
      "load generator": new Map(),
    },
    self: (self.user + self.system) / 1000,
    machine: machineBusyMs(),
  };
}

/** Per group, the CPU used between two snapshots (a process started meanwhile counts from 0). */
export function cpuDifference(after: CpuSnapshot, before: CpuSnapshot): CpuTimes {
  const group = (g: CpuGroup) => {
    let total = 0;
    for (const [pid, ms] of after.perPid[g]) total += ms - (before.perPid[g].get(pid) ?? 0);
    return total;
  };
  const times = {
    gateway: group("gateway"),
    subgraphs: group("subgraphs"),
    postgres: group("postgres"),
    redis: group("redis"),
    "load generator": after.self - before.self,
  };
  const ours = CPU_GROUPS.reduce((sum, g) => sum + times[g], 0);
  return { ...times, other: Math.max(0, after.machine - before.machine - ours) };
}

// The first line of /proc/stat: cumulative ticks per mode; busy = all but idle and iowait.
function machineBusyMs(): number {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) * TICK_MS;
  } catch {
    return 0;
  }
}

function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // after "pid (comm) ": state is field 0, utime 11, stime 12 (proc(5) fields 14 and 15)
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

// PostgreSQL forks a backend per connection and names the database in its title
// ("postgres: user onceonly_bench_registry 127.0.0.1(…) idle"): only the benchmark's
// backends count, not those of tests running beside it.
function benchBackends(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("onceonly_bench_")) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}
