// Pull once (一次办) end to end, through the gateway, for the demo's showcase applicant
// and the matter a window would pick for them: readiness in one request, acceptance
// citing shared data, idempotent retries, a revocation seen at the next readiness, an old
// receipt refused, the lifecycle, and the sharing statistics counting the case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDemo } from "@onceonly/shared";
import {
  ACCEPT_CASE_MUTATION, ADVANCE_CASE_MUTATION, EVALUATE_CASE_MUTATION, READINESS_QUERY, SHARING_STATS_QUERY, submissionFromReadiness,
} from "../../scripts/src/window-flow.js";
import { ENGINES } from "../support/silos.js";
import { startStack, type Stack } from "../support/stack.js";

const SEED = 42;
const RECEIPT_MAX_AGE = 600;

interface MaterialReadiness {
  material: { code: string; name: string; required: boolean; registryFields: string[] };
  satisfied: boolean;
  satisfiedBy: "LICENSE" | "REGISTRY" | null;
  license: { id: string; typeCode: string; validUntil: string | null; receipt: string | null } | null;
  registryFields: string[];
  reason: string | null;
  acceptableMethods: string[];
}
interface Readiness {
  id: string;
  ready: boolean;
  materials: MaterialReadiness[];
  prefill: { field: string; label: string; value: string | null; provenance: { source: string; department: string; recordKey: string | null; updatedAt: string | null } }[];
  householdMembers: { idNumber: string; name: string | null; relationship: string | null }[];
}
interface AcceptedCase {
  number: string;
  status: string;
  promisedBy: string;
  materials: { code: string; method: string; licenseId: string | null }[];
}

describe.each(ENGINES)("pull once at the window (%s silos)", (engine) => {
  const { showcasePerson, showcaseMatter } = describeDemo(SEED);
  const headers = { "x-window-id": "LS-SZ-07", "x-department": encodeURIComponent("乐山市市中区政务服务中心"), "x-purpose": showcaseMatter };
  let stack: Stack;
  let clockOffsetMs = 0;
  let first: Readiness;
  let accepted: AcceptedCase;

  const readiness = async (): Promise<Readiness> => {
    const result = await stack.graphql<{ person: { name: string; readiness: Readiness } }>(READINESS_QUERY, { idNumber: showcasePerson, matterCode: showcaseMatter }, headers);
    expect(result.errors).toBeUndefined();
    return result.data!.person.readiness;
  };
  const submission = (check: Readiness, idempotencyKey: string) =>
    submissionFromReadiness(check, { matterCode: showcaseMatter, applicant: showcasePerson, idempotencyKey });
  const accept = (input: ReturnType<typeof submission>) =>
    stack.graphql<{ acceptCase: AcceptedCase }>(ACCEPT_CASE_MUTATION, { input }, headers);

  beforeAll(async () => {
    stack = await startStack(engine, { persons: 50, seed: SEED }, {
      cases: { receiptMaxAgeSeconds: RECEIPT_MAX_AGE, clock: () => new Date(Date.now() + clockOffsetMs) },
    });
  }, 180_000);
  afterAll(() => stack?.close());

  it("answers in one request which materials shared data satisfies, with receipts and a prefill with provenance", async () => {
    first = await readiness();
    const shared = first.materials.filter((m) => m.satisfied);
    expect(first.materials.length).toBeGreaterThanOrEqual(3);
    expect(shared.length).toBeGreaterThanOrEqual(2);
    const byLicence = shared.filter((m) => m.satisfiedBy === "LICENSE");
    expect(byLicence.length).toBeGreaterThanOrEqual(1);
    for (const m of byLicence) {
      expect(m.license!.id).toMatch(/^1\.2\.156\.3005\.2\./);
      expect(m.license!.receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(m.acceptableMethods).toContain("E_LICENSE");
    }
    const name = first.prefill.find((f) => f.field === "NAME")!;
    expect(name.value).toBeTruthy();
    expect(name.provenance).toMatchObject({ source: "REGISTRY", department: expect.stringContaining("户籍") });
    expect(name.provenance.recordKey).toBeTruthy();
    expect(Date.parse(name.provenance.updatedAt!)).not.toBeNaN();
    expect(first.prefill.find((f) => f.field === "ID_NUMBER")?.value).toBe(showcasePerson);
    expect(first.householdMembers.length).toBeGreaterThanOrEqual(1);
    // The 调取 is on record in the licence library, for this window and purpose.
    const usage = await stack.silos.licenses.query<{ n: string }>(
      "SELECT count(*) AS n FROM dzzz_yzjl WHERE zzbs = ANY($1::text[]) AND yzck = $2 AND sxbm = $3 AND yzfs = '2'",
      [byLicence.map((m) => m.license!.id), "LS-SZ-07", showcaseMatter],
    );
    expect(Number(usage[0].n)).toBeGreaterThanOrEqual(byLicence.length);
  });

  it("accepts the case citing them, once per idempotency key, also under concurrent retries", async () => {
    const input = submission(first, `e2e-${engine}-accept-0001`);
    const result = await accept(input);
    expect(result.errors).toBeUndefined();
    accepted = result.data!.acceptCase;
    expect(accepted.status).toBe("ACCEPTED");
    expect(accepted.materials.filter((m) => m.method === "E_LICENSE" || m.method === "SHARED_DATA").length).toBeGreaterThanOrEqual(2);
    expect(Date.parse(accepted.promisedBy)).toBeGreaterThan(Date.now());

    const again = await accept(input);
    expect(again.data!.acceptCase.number).toBe(accepted.number);

    const concurrentInput = submission(first, `e2e-${engine}-accept-0002`);
    const [a, b] = await Promise.all([accept(concurrentInput), accept(concurrentInput)]);
    expect(a.errors ?? b.errors).toBeUndefined();
    expect(a.data!.acceptCase.number).toBe(b.data!.acceptCase.number);
    const rows = await stack.silos.cases.query<{ n: string }>("SELECT count(*) AS n FROM sp_bj WHERE dqbh = $1", [first.id]);
    expect(Number(rows[0].n)).toBe(2); // one per key, never two for the same key
  });

  it("a licence revoked in the silo is unsatisfied at the next readiness, and its old receipt is refused once past the allowed age", async () => {
    // A material only a licence can satisfy: with the licence revoked, nothing else can.
    const cited = first.materials.find((m) => m.satisfiedBy === "LICENSE" && m.material.registryFields.length === 0)!;
    expect(cited, "the showcase applicant holds a licence for a licence-only material").toBeDefined();
    await stack.silos.licenses.query("UPDATE dzzz_zzxx SET zzzt = '吊销' WHERE zzbs = $1", [cited.license!.id]);

    const next = await readiness();
    const after = next.materials.find((m) => m.material.code === cited.material.code)!;
    expect(after).toMatchObject({ satisfied: false, satisfiedBy: null, license: null, reason: "LICENSE_REVOKED" });

    clockOffsetMs = (RECEIPT_MAX_AGE + 1) * 1000;
    try {
      const input = submission(next, `e2e-${engine}-accept-revoked`);
      input.materials = input.materials.map((m) =>
        m.materialCode === cited.material.code ? { materialCode: m.materialCode, method: "E_LICENSE", licenseId: cited.license!.id, receipt: cited.license!.receipt } : m,
      );
      const refused = await accept(input);
      expect(refused.data?.acceptCase ?? null).toBeNull();
      const problems = refused.errors![0].extensions!.problems as { material: string | null; code: string }[];
      expect(problems).toContainEqual(expect.objectContaining({ material: cited.material.code, code: "RECEIPT_TOO_OLD" }));
      const written = await stack.silos.cases.query("SELECT 1 FROM sp_bjmd WHERE mdmy = $1", [`e2e-${engine}-accept-revoked`]);
      expect(written).toHaveLength(0);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it("moves the case through its lifecycle, refuses an illegal step naming the allowed ones, and takes a 好差评", async () => {
    // Changing a case is done for that case: its number is the purpose.
    const forCase = { ...headers, "x-purpose": accepted.number };
    const advance = (to: string, extra: Record<string, unknown> = {}) =>
      stack.graphql<{ advanceCase: { status: string; timeline: { status: string; window: string | null }[] } }>(ADVANCE_CASE_MUTATION, { number: accepted.number, to, ...extra }, forCase);
    const wrongPurpose = await stack.graphql(ADVANCE_CASE_MUTATION, { number: accepted.number, to: "PROCESSING" }, headers);
    expect(wrongPurpose.errors![0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "PURPOSE_MISMATCH", field: "Mutation.advanceCase" });
    const skipped = await advance("COMPLETED", { result: "APPROVED" });
    expect(skipped.errors![0].message).toMatch(/PROCESSING/);
    expect((await advance("PROCESSING", { opinion: "材料齐全" })).data!.advanceCase.status).toBe("PROCESSING");
    expect((await advance("REVIEWING")).data!.advanceCase.status).toBe("REVIEWING");
    const done = await advance("COMPLETED", { result: "APPROVED", opinion: "准予" });
    expect(done.data!.advanceCase.timeline.map((e) => e.status)).toEqual(["ACCEPTED", "PROCESSING", "REVIEWING", "COMPLETED"]);
    expect(done.data!.advanceCase.timeline.at(-1)!.window).toBe("LS-SZ-07");
    const rated = await stack.graphql<{ evaluateCase: { evaluation: string } }>(EVALUATE_CASE_MUTATION, { number: accepted.number, evaluation: "VERY_SATISFIED" }, forCase);
    expect(rated.data!.evaluateCase.evaluation).toBe("VERY_SATISFIED");
  });

  it("counts the accepted cases in the sharing statistics", async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const result = await stack.graphql<{ sharingStats: { total: { cases: number; sharedMaterials: number }; groups: { key: string; cases: number }[] } }>(
      SHARING_STATS_QUERY,
      { from: today, to: today },
      headers,
    );
    expect(result.errors).toBeUndefined();
    const group = result.data!.sharingStats.groups.find((g) => g.key === showcaseMatter)!;
    expect(group.cases).toBeGreaterThanOrEqual(2);
    expect(result.data!.sharingStats.total.sharedMaterials).toBeGreaterThanOrEqual(4);
  });
});
