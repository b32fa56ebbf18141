// npm run report:quality -- [--format html|json|csv] [--out file] [--as-of YYYY-MM-DD]
//                           [--gateway URL] [--token T] [--findings file.ndjson]
// Runs the data quality rules over the three silos through the gateway (as a data steward,
// X-Purpose DATA-QUALITY), keeps the report in the history (QUALITY_REPORTS_DIR) for the
// trend and the stewards' GraphQL query, and writes it as HTML, JSON or CSV.
// Exit 0 when the report was written, 1 when the run failed, 2 for bad arguments.
import "reflect-metadata"; // @onceonly/shared also carries the GraphQL types
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { DEFAULT_AUTH_AUDIENCE, DEFAULT_AUTH_ISSUER, DEV_TOKEN_KEY_FILE, loadOrCreateDevKey, mintToken } from "@onceonly/gateway";
import { ConfigError, DEMO_WINDOWS, readBoolean, readString } from "@onceonly/shared";
import { UsageError } from "./cli.js";
import { runQuality } from "./quality/engine/index.js";
import type { QualityRun } from "./quality/engine/types.js";
import { buildReport, openReportHistory, qualityReportsDir, renderCsv, renderHtml, renderJson, TREND_RUNS } from "./quality/report/index.js";
import { count } from "./quality/report/html/format.js";
import { parseReportQualityArgs, USAGE } from "./quality/report/options.js";
import { progressDisplay } from "./quality/report/progress.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** The demo data steward (quality:read plus the three departments' read scopes). */
const STEWARD_WINDOW = "LS-SJ-01";
/** A run over a million persons takes minutes; the token must outlive it. */
const STEWARD_TOKEN_TTL_SECONDS = 4 * 3600;

async function main(): Promise<number> {
  const env = process.env;
  const options = parseReportQualityArgs(process.argv.slice(2), env, env.INIT_CWD ?? process.cwd());
  const dataDir = readString(env, "DATA_DIR") ?? join(root, ".data");
  const token = options.token ?? (await stewardToken(env, dataDir));
  const history = openReportHistory(qualityReportsDir(env, join(root, ".data")));
  // Read before the run: a history that cannot be read should fail now, not after minutes.
  const previous = await history.latest();

  const findings = options.findings ? await openNdjson(options.findings) : null;
  const progress = progressDisplay();
  let run: QualityRun;
  try {
    run = await runQuality({
      gatewayUrl: options.gatewayUrl,
      token,
      asOf: options.asOf,
      onProgress: (p) => progress.update(p),
      onFinding: findings ? (f) => findings.write(f) : undefined,
    });
  } finally {
    progress.stop();
    await findings?.close();
  }

  const report = buildReport(run, previous);
  const saved = await history.save(report);
  const output =
    options.format === "json" ? renderJson(report)
    : options.format === "csv" ? renderCsv(report)
    : renderHtml(report, await history.list({ limit: TREND_RUNS }));
  if (options.out) await writeAtomically(options.out, output);
  else await new Promise<void>((done, fail) => process.stdout.write(output, (error) => (error ? fail(error) : done())));

  const change = report.trend?.overall.delta;
  console.error(
    `质量报告 quality report ${report.asOf}: 综合评分 overall ${report.overall.score === null ? "—" : report.overall.score.toFixed(1)}` +
      `${change === null || change === undefined ? "" : ` (${change >= 0 ? "+" : ""}${change.toFixed(1)})`}, ` +
      `${count(report.recordsRead)} records, ${count(report.overall.failed)} failures, ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  console.error(`  history ${saved}`);
  if (options.out) console.error(`  ${options.format} ${options.out}`);
  if (options.findings) console.error(`  findings ${options.findings}`);
  return 0;
}

// Private: no token given — only a development setup may mint one, for the demo steward.
async function stewardToken(env: NodeJS.ProcessEnv, dataDir: string): Promise<string> {
  if (!readBoolean(env, "DEV_MODE", false)) {
    throw new UsageError("no token: pass --token <jwt> or set ONCEONLY_TOKEN to a steward's token (quality:read registry:read licenses:read cases:read); with DEV_MODE=true one is minted for the demo steward");
  }
  const steward = DEMO_WINDOWS.find((w) => w.window === STEWARD_WINDOW);
  if (!steward) throw new Error(`the demo windows have no steward ${STEWARD_WINDOW}`);
  const keys = await loadOrCreateDevKey(join(dataDir, DEV_TOKEN_KEY_FILE));
  return mintToken(keys.privateKey, steward, {
    issuer: readString(env, "AUTH_ISSUER") ?? DEFAULT_AUTH_ISSUER,
    audience: readString(env, "AUTH_AUDIENCE") ?? DEFAULT_AUTH_AUDIENCE,
    ttlSeconds: STEWARD_TOKEN_TTL_SECONDS,
    kid: keys.kid,
  });
}

// Private: findings as they come, one JSON object a line; writes queue in the stream.
async function openNdjson(path: string): Promise<{ write(value: unknown): void; close(): Promise<void> }> {
  await mkdir(dirname(path), { recursive: true });
  const stream = createWriteStream(path, { encoding: "utf8" });
  try {
    await once(stream, "open");
  } catch (error) {
    throw new UsageError(`--findings ${path}: ${(error as Error).message}`);
  }
  return {
    write: (value) => void stream.write(JSON.stringify(value) + "\n"),
    close: async () => {
      stream.end();
      await finished(stream);
    },
  };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, "utf8");
  await rename(tmp, path);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage = error instanceof UsageError || error instanceof ConfigError;
    console.error(usage ? `report:quality: ${(error as Error).message}\n${USAGE}` : `report:quality failed: ${(error as Error).message}`);
    process.exit(usage ? 2 : 1);
  },
);
