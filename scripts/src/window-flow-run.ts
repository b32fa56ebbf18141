// npm run window-flow -- [--gateway URL] [--id ID] [--matter CODE] [--window W]
// Walks the window flow against a running gateway (npm start): readiness for the demo
// applicant and matter, acceptance citing shared data, a retry with the same idempotency
// key, and the day's sharing statistics — printing what a clerk would see at each step.
// It calls as a demo window (default LS-W01) with a token signed by the development key
// `npm start` trusts (DATA_DIR/dev-token-key.json), the matter as X-Purpose.
// Exit 0 when every step answered, 1 when one failed, 2 for bad arguments.
import "reflect-metadata"; // @onceonly/shared also carries the GraphQL types
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_AUTH_AUDIENCE, DEFAULT_AUTH_ISSUER, DEV_TOKEN_KEY_FILE, loadOrCreateDevKey, mintToken } from "@onceonly/gateway";
import { DEMO_WINDOWS, describeDemo, readString } from "@onceonly/shared";
import { parseCli, UsageError } from "./cli.js";
import { ACCEPT_CASE_MUTATION, READINESS_QUERY, SHARING_STATS_QUERY, submissionFromReadiness, type ReadinessAnswer } from "./window-flow.js";

const USAGE = "usage: npm run window-flow -- [--gateway http://127.0.0.1:4000/graphql] [--id <ID number>] [--matter <matter code>] [--window <window id>]";

interface Readiness extends ReadinessAnswer {
  ready: boolean;
  matter: { code: string; name: string; promisedDays: number | null };
  materials: (ReadinessAnswer["materials"][number] & { material: { code: string; name: string; required: boolean }; reasonText: string | null })[];
  prefill: { field: string; label: string; value: string | null; provenance: { department: string; recordKey: string | null; updatedAt: string | null } }[];
}

async function main(): Promise<number> {
  const demo = describeDemo(42);
  const values = parseCli(process.argv.slice(2), { gateway: { type: "string" }, id: { type: "string" }, matter: { type: "string" }, window: { type: "string" } } as const, USAGE);
  const gateway = values.gateway ?? "http://127.0.0.1:4000/graphql";
  const idNumber = values.id ?? demo.showcasePerson;
  const matterCode = values.matter ?? demo.showcaseMatter;
  const window = DEMO_WINDOWS.find((w) => w.window === (values.window ?? "LS-W01"));
  if (!window) throw new UsageError(`--window ${values.window}: not a demo window (${DEMO_WINDOWS.map((w) => w.window).join(", ")})`);
  const dataDir = readString(process.env, "DATA_DIR") ?? fileURLToPath(new URL("../../.data", import.meta.url));
  const keys = await loadOrCreateDevKey(join(dataDir, DEV_TOKEN_KEY_FILE));
  const token = await mintToken(keys.privateKey, window, { issuer: readString(process.env, "AUTH_ISSUER") ?? DEFAULT_AUTH_ISSUER, audience: readString(process.env, "AUTH_AUDIENCE") ?? DEFAULT_AUTH_AUDIENCE, ttlSeconds: 600, kid: keys.kid });
  const headers = { authorization: `Bearer ${token}`, "x-purpose": matterCode };
  const call = graphqlClient(gateway, headers);
  console.log(`窗口 ${window.window} ${window.department} — ${window.label}`);

  console.log(`1. 办事准备度 readiness — ${idNumber}, 事项 ${matterCode}`);
  const { person } = await call<{ person: { name: string; readiness: Readiness } | null }>(READINESS_QUERY, { idNumber, matterCode });
  if (!person) throw new Error(`the registry holds no person ${idNumber}`);
  const check = person.readiness;
  console.log(`   ${person.name} · ${check.matter.name} · ${check.ready ? "材料已齐 ready" : "尚需补充材料 not yet ready"}`);
  for (const m of check.materials) {
    const how = m.satisfiedBy === "LICENSE" ? `电子证照 ${m.license!.id}` : m.satisfiedBy === "REGISTRY" ? "人口库共享" : (m.reasonText ?? "");
    console.log(`   ${m.satisfied ? "✓" : "✗"} ${m.material.code} ${m.material.name}${m.material.required ? "" : "（非必须）"} — ${how}`);
  }
  for (const f of check.prefill.filter((p) => p.value !== null)) {
    console.log(`   预填 ${f.label}: ${f.value}  ← ${f.provenance.department} ${f.provenance.recordKey ?? ""} ${f.provenance.updatedAt ?? ""}`);
  }

  console.log("2. 受理 acceptCase — citing the readiness check and the receipts");
  const input = submissionFromReadiness(check, { matterCode, applicant: idNumber, idempotencyKey: `window-flow-${randomUUID()}` });
  const accepted = (await call<{ acceptCase: { number: string; promisedBy: string; workingDaysLeft: number | null; materials: { code: string; method: string }[] } }>(ACCEPT_CASE_MUTATION, { input })).acceptCase;
  console.log(`   办件编号 ${accepted.number}, 承诺办结 ${accepted.promisedBy} (${accepted.workingDaysLeft} working days left)`);
  console.log(`   ${accepted.materials.map((m) => `${m.code}:${m.method}`).join("  ")}`);

  const retried = (await call<{ acceptCase: { number: string } }>(ACCEPT_CASE_MUTATION, { input })).acceptCase;
  console.log(`3. 重试 retry with the same idempotency key → ${retried.number === accepted.number ? "the same case" : `ANOTHER case ${retried.number}`}`);
  if (retried.number !== accepted.number) return 1;

  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // China day
  const stats = (await call<{ sharingStats: { total: Record<string, number | null> } }>(SHARING_STATS_QUERY, { from: today, to: today })).sharingStats.total;
  console.log(`4. 共享成效 sharing today: ${stats.cases} cases, 免提交率 ${percent(stats.exemptionRate)}, 电子证照使用率 ${percent(stats.eLicenseUsageRate)}`);
  return 0;
}

function graphqlClient(url: string, headers: Record<string, string>) {
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
    return body.data as T;
  };
}

function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : `window flow failed: ${(error as Error).message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
