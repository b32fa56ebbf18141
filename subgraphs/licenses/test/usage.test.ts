// 用证记录: verifications over HTTP write usage records labelled with the calling window
// (x-window-id / x-department) and purpose; License.usage and the holders' licenseUsage
// page them newest first, one statement per batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralReceiptSigner, loadDemo, type RunningServer } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";
import { MIGRATIONS, startLicensesService } from "../src/server.js";
import { entitiesQuery } from "./support.js";
import { pick, TODAY, VERIFY, type PickedLicense } from "./verification.support.js";

const USAGE = `query($id: ID!, $first: Int, $after: String) {
  license(id: $id) { usage(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { license { id } department window matterCode caseNumber purpose method usedAt } } }
}`;

describe.each(ENGINES)("usage records on %s", (engine) => {
  let test: TestSilo;
  let server: RunningServer;
  let licence: PickedLicense;
  const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await signedFetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  };

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await loadDemo({ licenses: test.silo }, { persons: 300, seed: 42 });
    server = await startLicensesService({ silo: test.silo, port: 0, host: "127.0.0.1", signer: await createEphemeralReceiptSigner(), signing: TEST_SIGNING });
    licence = (await pick(test.silo, "btrim(x.zzzt) = '有效' AND x.czztdmlx = '111' AND (x.zzyxqjzrq IS NULL OR x.zzyxqjzrq >= $1::date)", [TODAY]))!;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await test?.dispose();
  });

  it("a verification over HTTP writes one record with window, department, matter or case, method VERIFY", async () => {
    // Header values are Latin-1 on the wire: a department travels as its code.
    const window = { "x-window-id": "LS-SZ-07", "x-department": "511102-XZSPJ" };
    const before = (await post(USAGE, { id: licence.zzbs, first: 100 })).data!.license.usage.totalCount as number;
    const matter = await post(VERIFY, { input: { id: licence.zzbs } }, { ...window, "x-purpose": "000127001000" });
    expect(matter.errors).toBeUndefined();
    await post(VERIFY, { input: { typeCode: licence.zzlxdm, number: licence.zzbh } }, { ...window, "x-purpose": "511102202611210000004201" });
    await post(VERIFY, { input: { id: licence.zzbs } }, { "x-purpose": "identity-check" });

    const { data } = await post(USAGE, { id: licence.zzbs, first: 100 });
    const usage = data!.license.usage;
    expect(usage.totalCount).toBe(before + 3);
    const [free, byCase, byMatter] = usage.nodes;
    expect(byMatter).toMatchObject({
      license: { id: licence.zzbs }, department: "511102-XZSPJ", window: "LS-SZ-07",
      matterCode: "000127001000", caseNumber: null, purpose: "000127001000", method: "VERIFY",
    });
    expect(byMatter.usedAt).toBe(matter.data!.verifyLicense.checkedAt);
    expect(byCase).toMatchObject({ matterCode: null, caseNumber: "511102202611210000004201", window: "LS-SZ-07" });
    expect(free).toMatchObject({ department: null, window: null, matterCode: null, caseNumber: null, purpose: "identity-check" });
  });

  it("pages newest first with an opaque cursor; first must be 1 to 100", async () => {
    const all = (await post(USAGE, { id: licence.zzbs, first: 100 })).data!.license.usage;
    const one = (await post(USAGE, { id: licence.zzbs, first: 1 })).data!.license.usage;
    expect(one.pageInfo.hasNextPage).toBe(true);
    expect(one.totalCount).toBe(all.totalCount);
    const next = (await post(USAGE, { id: licence.zzbs, first: 2, after: one.pageInfo.endCursor })).data!.license.usage;
    expect(next.nodes).toEqual(all.nodes.slice(1, 3));
    const times = all.nodes.map((n: { usedAt: string }) => n.usedAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const first of [0, 101]) {
      expect((await post(USAGE, { id: licence.zzbs, first })).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect((await post(USAGE, { id: licence.zzbs, after: "nonsense" })).errors?.[0].message).toMatch(/not a cursor/);
  });

  it("Person.licenseUsage: the holder's history across all their licences, one statement for many holders", async () => {
    const holders = await test.silo.query<{ czztdm: string; n: number }>(
      `SELECT btrim(x.czztdm) AS czztdm, count(*)::int AS n FROM dzzz_yzjl y JOIN dzzz_zzxx x ON x.zzbs = y.zzbs
        WHERE x.czztdmlx = '111' GROUP BY 1 ORDER BY (btrim(x.czztdm) = $1) DESC, 1 LIMIT 30`,
      [licence.czztdm],
    );
    expect(holders.map((h) => h.czztdm)).toContain(licence.czztdm);
    const representations = holders.map((h) => ({ __typename: "Person", idNumber: h.czztdm }));
    const { result, statements } = await countStatements([test.silo], () =>
      post(entitiesQuery("... on Person { licenseUsage(first: 5) { totalCount nodes { license { id holderCode } method usedAt } } }"), { r: representations }),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    result.data!._entities.forEach((person: { licenseUsage: { totalCount: number; nodes: { license: { holderCode: string } }[] } }, i: number) => {
      expect(person.licenseUsage.totalCount).toBe(holders[i].n);
      for (const node of person.licenseUsage.nodes) expect(node.license.holderCode).toBe(holders[i].czztdm);
    });
    const mine = result.data!._entities[holders.findIndex((h) => h.czztdm === licence.czztdm)];
    expect(mine.licenseUsage.nodes[0]).toMatchObject({ license: { id: licence.zzbs }, method: "VERIFY" });
  });

  it("Organization.licenseUsage includes the demo's pulls (调取) by cases", async () => {
    const [org] = await test.silo.query<{ czztdm: string; n: number }>(
      `SELECT btrim(x.czztdm) AS czztdm, count(*)::int AS n FROM dzzz_yzjl y JOIN dzzz_zzxx x ON x.zzbs = y.zzbs
        WHERE x.czztdmlx = '001' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    expect(org, "demo has usage of an organisation's licences").toBeDefined();
    const result = await post(entitiesQuery("... on Organization { licenseUsage(first: 100) { totalCount nodes { method caseNumber } } }"), {
      r: [{ __typename: "Organization", creditCode: org.czztdm }],
    });
    const usage = result.data!._entities[0].licenseUsage;
    expect(usage.totalCount).toBe(org.n);
    expect(usage.nodes.some((n: { method: string; caseNumber: string | null }) => n.method === "PULL" && n.caseNumber !== null)).toBe(true);
  });
});
