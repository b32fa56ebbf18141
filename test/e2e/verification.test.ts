// 证照核验 end to end: through the gateway to the licences subgraph, for the demo's
// showcase person; the receipt verifies offline against the service's public keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFY_LICENSE_QUERY as VERIFY, VERIFY_LICENSES_QUERY } from "@onceonly/gateway";
import { describeDemo, verifyReceipt } from "@onceonly/shared";
import { ENGINES } from "../support/silos.js";
import { startStack, type Stack } from "../support/stack.js";

const SEED = 42;

describe.each(ENGINES)("licence verification through the gateway (%s silos)", (engine) => {
  let stack: Stack;
  let licence: { zzbs: string; czzt: string };
  const { showcasePerson } = describeDemo(SEED);

  beforeAll(async () => {
    stack = await startStack(engine, { persons: 50, seed: SEED });
    [licence] = await stack.silos.licenses.query<{ zzbs: string; czzt: string }>(
      `SELECT zzbs, czzt FROM dzzz_zzxx WHERE btrim(czztdm) = $1 AND btrim(zzzt) = '有效'
          AND zzyxqqsrq <= current_date AND (zzyxqjzrq IS NULL OR zzyxqjzrq > current_date + 1) ORDER BY zzbs LIMIT 1`,
      [showcasePerson],
    );
  }, 180_000);
  afterAll(() => stack?.close());

  it("the showcase person's licence is VALID, with a receipt that verifies offline", async () => {
    expect(licence, "the showcase person holds a valid licence").toBeDefined();
    const result = await stack.graphql<{ verifyLicense: any }>(
      VERIFY,
      { input: { id: licence.zzbs, holderCode: showcasePerson, holderName: ` ${licence.czzt} ` } },
      { "x-window-id": "LS-SZ-07", "x-department": "511102-XZSPJ", "x-purpose": describeDemo(SEED).showcaseMatter },
    );
    expect(result.errors).toBeUndefined();
    const answer = result.data!.verifyLicense;
    expect(answer).toMatchObject({ outcome: "VALID", reason: "证照有效", license: { id: licence.zzbs, holderName: licence.czzt } });
    const checked = await verifyReceipt(answer.receipt, stack.signer.publicJwks());
    expect(checked.ok && checked.claims).toMatchObject({ licenseId: licence.zzbs, holderCode: showcasePerson, outcome: "VALID", window: "LS-SZ-07" });
  });

  it("the holder check works through the gateway", async () => {
    const result = await stack.graphql<{ verifyLicense: { outcome: string; reasonEn: string } }>(VERIFY, {
      input: { id: licence.zzbs, holderName: `${licence.czzt}某` },
    });
    expect(result.data!.verifyLicense).toMatchObject({ outcome: "HOLDER_MISMATCH", reasonEn: "the holder does not match the licence (holder name)" });
  });

  it("carries the token's Chinese department name and the purpose, percent-encoded in headers, into the usage record", async () => {
    const department = "乐山市市中区行政审批局";
    const purpose = describeDemo(SEED).showcaseMatter;
    const result = await stack.graphql<{ verifyLicense: { outcome: string } }>(VERIFY, { input: { id: licence.zzbs } }, {
      authorization: `Bearer ${await stack.tokenFor({ window: "LS-W09", department, scopes: ["licenses:verify", "licenses:read", "subjects:any"] })}`,
      "x-purpose": purpose,
    });
    expect(result.errors).toBeUndefined();
    const [usage] = await stack.silos.licenses.query<{ yzbm: string; yzmd: string }>(
      "SELECT yzbm, yzmd FROM dzzz_yzjl WHERE zzbs = $1 AND yzck = $2 ORDER BY jlid DESC LIMIT 1",
      [licence.zzbs, "LS-W09"],
    );
    expect(usage).toEqual({ yzbm: department, yzmd: purpose });
  });

  it("verifies a department's bulk list in input order, with the operation the gateway plans at start", async () => {
    const result = await stack.graphql<{ verifyLicenses: { outcome: string; receipt: string; license: { id: string } | null }[] }>(VERIFY_LICENSES_QUERY, {
      inputs: [{ id: licence.zzbs, holderCode: showcasePerson }, { id: "NO-SUCH-LICENCE" }, { id: licence.zzbs }],
    }, { "x-window-id": "LS-SZ-07" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.verifyLicenses.map((v) => [v.outcome, v.license?.id ?? null])).toEqual([
      ["VALID", licence.zzbs],
      ["MALFORMED_IDENTIFIER", null],
      ["VALID", licence.zzbs],
    ]);
  });
});
