// The authorization matrix: every demo identity (windows, a registry window with the PII
// scope, a verifying department, a steward, an auditor, a supervisor) × every sensitive
// field of the window lookup × no purpose / a matter / its own case / another window's
// case × a person inside and outside LS-W01's case. Each cell is asserted as allowed
// (the true value), masked (the masked true value) or denied (null with a FORBIDDEN
// error at or above it) — and no denied or masked value appears anywhere in the body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_WINDOWS, describeDemo, type DemoWindow } from "@onceonly/shared";
import { maskAddress, maskIdNumber, verifyAuditLog } from "@onceonly/gateway";
import { startStack, type Stack } from "../support/stack.js";

const SEED = 42;
const QUERY = `query Matrix($id: ID!) {
  person(idNumber: $id) {
    idNumber name birthDate address
    household { address members { idNumber name } }
    licenses { holderName holderCode }
    cases(first: 5) { nodes { number applicantName } }
  }
}`;

type Cell = "allowed" | "masked" | "denied";
type Purpose = "none" | "matter" | "case-W01" | "case-W02";
type Subject = "in" | "out";
interface Field {
  path: string[];
  scope: string | null;
  mask?: (value: string) => string;
}

const FIELDS: Field[] = [
  { path: ["idNumber"], scope: null, mask: maskIdNumber },
  { path: ["name"], scope: "registry:read" },
  { path: ["birthDate"], scope: "registry:read" },
  { path: ["address"], scope: "registry:read", mask: maskAddress },
  { path: ["household", "address"], scope: "registry:read", mask: maskAddress },
  { path: ["household", "members", "idNumber"], scope: "registry:read", mask: maskIdNumber },
  { path: ["household", "members", "name"], scope: "registry:read" },
  { path: ["licenses", "holderName"], scope: "licenses:read" },
  { path: ["licenses", "holderCode"], scope: "licenses:read", mask: maskIdNumber },
  { path: ["cases", "nodes", "applicantName"], scope: "cases:read" },
];

describe("authorization matrix (PGlite silos)", () => {
  let stack: Stack;
  const subjects = {} as Record<Subject, string>;
  const cases = {} as Record<"W01" | "W02", string>;
  const truth = {} as Record<Subject, Record<string, unknown>>;
  const matterCode = describeDemo(SEED).showcaseMatter;

  beforeAll(async () => {
    stack = await startStack("pglite", { persons: 300, seed: SEED });
    // A person's case at LS-W01 and another person's at LS-W02, from different households.
    const rows = await stack.silos.cases.query<{ bjbh: string; sqrzjhm: string; slck: string }>(
      "SELECT bjbh, sqrzjhm, slck FROM sp_bj WHERE slck IN ('LS-W01', 'LS-W02') AND length(sqrzjhm) = 18 AND sqrzjhm ~ '^[0-9]{17}[0-9X]$' ORDER BY bjbh",
    );
    const households = new Map<string, string>();
    for (const row of await stack.silos.registry.query<{ gmsfhm: string; hh: string }>("SELECT gmsfhm, hh FROM rk_jbxx")) households.set(row.gmsfhm, row.hh);
    const w01 = rows.find((r) => r.slck === "LS-W01" && households.has(r.sqrzjhm))!;
    const w02 = rows.find((r) => r.slck === "LS-W02" && households.has(r.sqrzjhm) && households.get(r.sqrzjhm) !== households.get(w01.sqrzjhm))!;
    expect(w01 && w02).toBeTruthy();
    subjects.in = w01.sqrzjhm;
    subjects.out = w02.sqrzjhm;
    cases.W01 = w01.bjbh;
    cases.W02 = w02.bjbh;
    const supervisor = DEMO_WINDOWS.find((w) => w.scopes.includes("subjects:any"))!;
    for (const subject of ["in", "out"] as const) {
      const answer = await stack.graphql<{ person: Record<string, unknown> }>(QUERY, { id: subjects[subject] }, { authorization: `Bearer ${await stack.tokenFor(supervisor)}`, "x-purpose": matterCode });
      expect(answer.errors).toBeUndefined();
      truth[subject] = answer.data!.person;
    }
    expect((truth.in.household as { members: unknown[] }).members.length).toBeGreaterThan(1);
    expect((truth.in.licenses as unknown[]).length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => stack?.close());

  function expected(window: DemoWindow, purpose: Purpose, subject: Subject, field: Field): Cell {
    const scopes = new Set<string>(window.scopes);
    if (!scopes.has("registry:read")) return "denied"; // Query.person itself
    if (field.scope && !scopes.has(field.scope)) return "denied";
    if (purpose === "none") return "denied";
    const any = scopes.has("subjects:any");
    if (purpose === "case-W01" || purpose === "case-W02") {
      const caseWindow = purpose === "case-W01" ? "LS-W01" : "LS-W02";
      if (window.window !== caseWindow && !any) return "denied";
      const own = purpose === "case-W01" ? "in" : "out";
      if (subject !== own && !any) return "denied";
    }
    return field.mask && !scopes.has("registry:read:pii") ? "masked" : "allowed";
  }

  const purposes: Purpose[] = ["none", "matter", "case-W01", "case-W02"];
  const grid = DEMO_WINDOWS.flatMap((w) => purposes.flatMap((p) => (["in", "out"] as const).map((s) => [w.window, p, s] as const)));

  it.each(grid)("%s, purpose %s, subject %s", async (windowId, purpose, subject) => {
    const window = DEMO_WINDOWS.find((w) => w.window === windowId)!;
    const headers: Record<string, string> = { authorization: `Bearer ${await stack.tokenFor(window)}` };
    if (purpose === "matter") headers["x-purpose"] = matterCode;
    if (purpose === "case-W01") headers["x-purpose"] = cases.W01;
    if (purpose === "case-W02") headers["x-purpose"] = cases.W02;
    const response = await stack.graphqlRaw(QUERY, { id: subjects[subject] }, headers);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.text) as { data?: { person: unknown }; errors?: { path?: (string | number)[]; extensions?: { code?: string } }[] };
    const forbidden = (body.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN");
    for (const field of FIELDS) {
      const cell = expected(window, purpose, subject, field);
      const want = valuesAt(truth[subject], field.path);
      const got = valuesAt(body.data?.person ?? null, field.path);
      const label = `${field.path.join(".")} should be ${cell}`;
      if (cell === "denied") {
        expect(got.filter((v) => v !== null && v !== undefined), label).toEqual([]);
        expect(forbidden.length, label).toBeGreaterThan(0);
        for (const value of want) if (typeof value === "string" && value.length >= 6) expect(response.text, `${label}: leaked`).not.toContain(value);
      } else if (cell === "masked") {
        expect(got, label).toEqual(want.map((v) => (typeof v === "string" ? field.mask!(v) : v)));
        for (const value of want) if (typeof value === "string" && field.mask!(value) !== value) expect(response.text, `${label}: leaked`).not.toContain(value);
      } else {
        expect(got, label).toEqual(want);
      }
    }
  });

  it("wrote an audit record for every request, denials included, in an unbroken chain", async () => {
    const records = await stack.audit.query<{ window_id: string; purpose: string | null; outcome: string; subjects: string[] }>(
      "SELECT window_id, purpose, outcome, subjects FROM audit_log ORDER BY seq",
    );
    expect(records.length).toBeGreaterThanOrEqual(grid.length);
    const noPurpose = records.filter((r) => r.purpose === null && r.window_id === "LS-W01");
    expect(noPurpose.every((r) => r.outcome === "DENIED")).toBe(true);
    expect(records.some((r) => r.window_id === "LS-W02" && r.purpose === cases.W01 && r.outcome === "DENIED")).toBe(true);
    expect(records.some((r) => r.window_id === "LS-W01" && r.purpose === cases.W01 && r.outcome === "ALLOWED" && r.subjects.includes(subjects.in))).toBe(true);
    const verified = await verifyAuditLog(stack.audit, stack.auditPublicKey);
    expect(verified).toMatchObject({ ok: true, records: records.length });
  });
});

describe("the audit log through the gateway (PGlite silos)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack("pglite", { persons: 60, seed: SEED });
  }, 120_000);
  afterAll(() => stack?.close());

  const AUDIT = `query Audit($subject: ID) { auditRecords(subject: $subject, first: 10) { nodes { window purpose operationName subjects fields outcome denials { field code } } } }`;
  const as = async (windowId: string) => ({ authorization: `Bearer ${await stack.tokenFor(DEMO_WINDOWS.find((w) => w.window === windowId)!)}` });

  it("answers auditors (audit:read) who read whose data, masked without the PII scope; windows get FORBIDDEN", async () => {
    const { showcasePerson, showcaseMatter } = describeDemo(SEED);
    const read = await stack.graphql(`query Lookup($id: ID!) { person(idNumber: $id) { name } }`, { id: showcasePerson }, { ...(await as("LS-W01")), "x-purpose": showcaseMatter });
    expect(read.errors).toBeUndefined();
    const audited = await stack.graphql<{ auditRecords: { nodes: { window: string; purpose: string; operationName: string; subjects: string[]; fields: string[]; outcome: string }[] } }>(
      AUDIT,
      { subject: showcasePerson },
      await as("LS-SJ-AUDIT"),
    );
    expect(audited.errors).toBeUndefined();
    expect(audited.data!.auditRecords.nodes[0]).toMatchObject({ window: "LS-W01", purpose: showcaseMatter, operationName: "Lookup", subjects: [showcasePerson], fields: ["Person.name"], outcome: "ALLOWED" });
    const windowTries = await stack.graphql(AUDIT, { subject: showcasePerson }, await as("LS-W01"));
    expect(windowTries.errors![0].extensions).toMatchObject({ code: "FORBIDDEN", field: "Query.auditRecords", reason: "MISSING_SCOPE" });
    const masked = await stack.graphql<{ auditRecords: { nodes: { subjects: string[] }[] } }>(AUDIT, { subject: showcasePerson }, {
      authorization: `Bearer ${await stack.tokenFor({ window: "AUDIT-2", department: "审计局", scopes: ["audit:read"] })}`,
    });
    expect(masked.data!.auditRecords.nodes[0].subjects).toEqual([maskIdNumber(showcasePerson)]);
  });
});

/** Every value at a path, through lists: ["household", "members", "name"] → each member's name. */
function valuesAt(root: unknown, path: string[]): unknown[] {
  let current: unknown[] = [root];
  for (const key of path) {
    current = current.flatMap((node) => {
      if (node === null || node === undefined) return [null];
      const next = (node as Record<string, unknown>)[key];
      return Array.isArray(next) ? next : [next];
    });
  }
  return current;
}
