// Memory of a gateway as the kernel sees it: resident set of the process and of any
// workers it forked, sampled while a workload runs (peak of the samples), plus the
// kernel's own high-water mark of the main process (VmHWM) over its whole life.
import { readdirSync, readFileSync } from "node:fs";

export interface RssSampler {
  stop(): { peakBytes: number; hwmBytes: number };
}

export function sampleRss(pid: number, everyMs = 200): RssSampler {
  const pids = [pid, ...descendants(pid)];
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, pids.reduce((sum, p) => sum + statusField(p, "VmRSS"), 0));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakBytes: peak, hwmBytes: statusField(pid, "VmHWM") };
    },
  };
}

/** A field of /proc/<pid>/status in bytes; 0 when the process is gone. */
function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents) if (parent === pid) (found.push(child), walk(child));
  };
  walk(root);
  return found;
}
