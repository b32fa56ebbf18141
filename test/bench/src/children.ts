// Every process the benchmark starts goes through here, so that one call stops them all
// — on success, on failure, on Ctrl-C. Each child gets its own process group (detached)
// and is stopped by group: a gateway that forks workers leaves none behind.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";

export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** The last lines it printed, shown when it fails. */
  tail(): string;
}

const running = new Set<Child>();
const TAIL_LINES = 40;

/** env is laid over ours; a key set to undefined is removed (e.g. a REDIS_URL of the shell). */
export function startChild(name: string, command: string, args: string[], env: Record<string, string | undefined>, options: { echo?: boolean } = {}): Child {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  // BENCH_CPU_PROF=<dir>: every Node child writes a V8 CPU profile there as it stops
  // (--cpu-prof may not travel in NODE_OPTIONS), for finding where a row's CPU went.
  const profileDir = process.env.BENCH_CPU_PROF;
  if (profileDir && command === process.execPath) args = ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, ...args];
  const child = spawn(command, args, { env: merged, stdio: ["ignore", "pipe", "pipe"], detached: true });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
      if (options.echo) console.log(`[${name}] ${line}`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const entry: Child = { name, pid: child.pid, process: child, exited, tail: () => lines.map((l) => `  [${name}] ${l}`).join("\n") };
  running.add(entry);
  void exited.then(() => running.delete(entry));
  return entry;
}

/** SIGTERM to the child's group, SIGKILL after the grace period. */
export async function stopChild(child: Child, graceMs = 5000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
  signalGroup(child, "SIGKILL"); // workers it forked, if any outlived it
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => stopChild(c)));
}

/** Last resort on process exit: no time for a grace period, only synchronous calls. */
export function killAllNow(): void {
  for (const child of running) signalGroup(child, "SIGKILL");
}

function signalGroup(child: Child, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Polls until check() holds, the child dies, or the deadline passes. */
export async function waitFor(child: Child, what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void child.exited.then(() => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`${child.name} exited before ${what}:\n${child.tail()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name}: no ${what} within ${timeoutMs / 1000} s:\n${child.tail()}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
