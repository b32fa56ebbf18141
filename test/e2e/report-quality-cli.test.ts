// `npm run report:quality` as npm runs it (the built scripts/dist/report-quality.js):
// exit codes, the history it keeps, the formats it writes, and --findings, against the
// whole stack in process (PGlite silos seeded with demo data) read as the demo steward.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_WINDOWS, QUALITY_RULES, type QualityReport } from "@onceonly/shared";
import { startStack, type Stack } from "../support/stack.js";

const CLI = fileURLToPath(new URL("../../scripts/dist/report-quality.js", import.meta.url));
const STEWARD = DEMO_WINDOWS.find((w) => w.window === "LS-SJ-01")!;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// A port that was free a moment ago: listen on 0, note the port, close.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "report-quality-cli-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("report:quality exit codes", () => {
  it("exits 2 for a bad argument or no token outside DEV_MODE, 1 when the run fails; nothing lands in the history", async () => {
    const reports = join(dir, "no-run");
    const env = { DATA_DIR: join(dir, "data"), QUALITY_REPORTS_DIR: reports };
    const [format, asOf, noToken, unreachable] = await Promise.all([
      cli(["--format", "pdf"], env),
      cli(["--as-of", "2025-13-01", "--token", "t"], env),
      cli([], env),
      // DEV_MODE mints the demo steward's token with the development key; nobody listens there.
      cli(["--gateway", `http://127.0.0.1:${await closedPort()}/graphql`, "--format", "json"], { ...env, DEV_MODE: "true" }),
    ]);
    expect([format.code, format.stdout]).toEqual([2, ""]);
    expect(format.stderr).toContain("--format pdf: one of html, json, csv");
    expect(format.stderr).toContain("usage: npm run report:quality");
    expect(asOf.code).toBe(2);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("ONCEONLY_TOKEN");
    expect([unreachable.code, unreachable.stdout]).toEqual([1, ""]);
    expect(unreachable.stderr).toContain("report:quality failed:");
    await expect(readdir(reports)).rejects.toThrow(/ENOENT/);
  });
});

describe("report:quality against the stack", () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack("pglite", { persons: 200, seed: 42 });
    token = await stack.tokenFor(STEWARD);
  });
  afterAll(async () => stack?.close());

  it("writes JSON to stdout, keeps it in the history, and every finding in the NDJSON file", async () => {
    const reports = join(dir, "reports");
    const env = { QUALITY_REPORTS_DIR: reports, ONCEONLY_TOKEN: token };
    const findings = join(dir, "findings.ndjson");
    const first = await cli(["--gateway", stack.gatewayUrl, "--as-of", "2025-06-30", "--format", "json", "--findings", findings], env);
    expect(first.stderr).not.toContain("failed");
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as QualityReport;
    expect(report).toMatchObject({ version: 1, asOf: "2025-06-30", trend: null });
    expect(report.rules.map((r) => r.id)).toEqual(QUALITY_RULES.map((r) => r.id));
    expect(report.recordsRead).toBeGreaterThan(200);
    expect(await readdir(reports)).toEqual([`${report.id}.json`]);
    expect(JSON.parse(await readFile(join(reports, `${report.id}.json`), "utf8"))).toEqual(report);
    const lines = (await readFile(findings, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { rule: string; kind: string; key: string });
    expect(lines.length).toBe(report.overall.failed);
    for (const rule of report.rules) {
      const mine = lines.filter((l) => l.rule === rule.id);
      expect(mine.length, rule.id).toBe(rule.failed);
      for (const key of rule.samples) expect(mine.map((l) => l.key), rule.id).toContain(key);
    }

    // A second run compares with the first; CSV to a file, then HTML to the default file.
    const csvFile = join(dir, "out", "report.csv");
    const second = await cli(["--gateway", stack.gatewayUrl, "--as-of", "2025-06-30", "--format", "csv", "--out", csvFile], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("");
    const csv = await readFile(csvFile, "utf8");
    expect(csv.startsWith("\uFEFFas_of,rule,department")).toBe(true);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(QUALITY_RULES.length + 1);
    const third = await cli(["--gateway", stack.gatewayUrl, "--as-of", "2025-06-30"], { ...env, INIT_CWD: dir });
    expect(third.code).toBe(0);
    const html = await readFile(join(dir, "quality-report.html"), "utf8");
    expect(html).toContain("数据质量报告");
    expect(html.match(/class="trend-point"/g)!.length).toBeGreaterThanOrEqual(3);
    const saved = (await readdir(reports)).sort();
    expect(saved).toHaveLength(3);
    const latest = JSON.parse(await readFile(join(reports, saved[2]), "utf8")) as QualityReport;
    expect(latest.trend?.previous.id).toBe(saved[1].slice(0, -5));
    expect(latest.trend?.rules.every((r) => r.failedDelta === 0)).toBe(true); // same data, same findings
  });
});
