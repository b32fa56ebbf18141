// acceptCase is idempotent on its key: a retry gets the same case, never a second one —
// also when the retries race each other (PostgreSQL is the real test: PGlite runs one
// transaction at a time) — and a key reused for another request is refused.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { dataOf } from "./harness.js";
import { ACCEPT, byRegistry, licenseId, matterCode, NOW, openAcceptHarness, PERSON, typeCode, type AcceptHarness } from "./accept-support.js";

const PROPERTY = matterCode("PROPERTY_TRANSFER"); // CL01 申请书, CL02 ID card, CL03 property certificate, CL04 contract, CL05 婚姻状况证明 (optional)
const DEED = licenseId("PROPERTY", "0007");

describe.each(ENGINES)("acceptCase idempotency on %s", (engine) => {
  let h: AcceptHarness;
  beforeAll(async () => {
    h = await openAcceptHarness(engine);
  });
  afterAll(() => h?.dispose());

  async function propertyInput(): Promise<Record<string, any>> {
    const readinessId = await h.readiness({ applicant: PERSON, matterCode: PROPERTY, materials: [byRegistry("CL02")] });
    return {
      idempotencyKey: `retry-${randomUUID()}`,
      matterCode: PROPERTY,
      applicant: PERSON,
      readinessId,
      materials: [
        { materialCode: "CL01", method: "PAPER" },
        { materialCode: "CL02", method: "SHARED_DATA" },
        { materialCode: "CL03", method: "E_LICENSE", licenseId: DEED, receipt: await h.receipt({ licenseId: DEED, typeCode: typeCode("PROPERTY"), holderCode: PERSON }) },
        { materialCode: "CL04", method: "UPLOAD" },
      ],
      formFields: [{ field: "NAME", value: "张丽" }],
    };
  }

  const casesOf = async (key: string) =>
    h.silo.query<{ bjbh: string }>(`SELECT b.bjbh FROM sp_bj b JOIN sp_bjmd d ON d.bjbh = b.bjbh WHERE d.mdmy = $1`, [key]);

  test("the same key and request twice give the same case, written once", async () => {
    const input = await propertyInput();
    const before = await h.count("sp_bj");
    const first = dataOf(await h.run(ACCEPT, { input })).acceptCase;
    // Listed in another order, it is still the same request.
    const again = dataOf(await h.run(ACCEPT, { input: { ...input, materials: [...input.materials].reverse() } })).acceptCase;
    expect(again).toEqual(first);
    expect(await h.count("sp_bj")).toBe(before + 1);
    expect(await casesOf(input.idempotencyKey)).toHaveLength(1);
  });

  test("a retry after the receipt and the readiness check have aged still gets its case", async () => {
    const input = await propertyInput();
    const first = dataOf(await h.run(ACCEPT, { input })).acceptCase;
    const later = new Date(NOW.getTime() + 6 * 3600_000);
    const retry = dataOf(await h.run(ACCEPT, { input }, { now: later })).acceptCase;
    expect(retry.number).toBe(first.number);
  });

  test("the same key with another request is refused, and nothing is written", async () => {
    const input = await propertyInput();
    dataOf(await h.run(ACCEPT, { input }));
    const before = await h.count("sp_bj");
    const other = { ...input, materials: input.materials.map((m: Record<string, any>) => (m.materialCode === "CL04" ? { ...m, method: "PAPER" } : m)) };
    const result = await h.run(ACCEPT, { input: other });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "idempotencyKey", rule: "idempotency-key-reused" });
    expect(result.errors?.[0].message).toContain(input.idempotencyKey);
    expect(result.errors?.[0].message).toMatch(/already used for another request/);
    expect(await h.count("sp_bj")).toBe(before);
  });

  test("concurrent retries with one key create one case and all get it", async () => {
    const input = await propertyInput();
    const before = { cases: await h.count("sp_bj"), materials: await h.count("sp_bjcl"), events: await h.count("sp_bjgc") };
    const { result: results, statements } = await countStatements([h.silo], () => Promise.all(Array.from({ length: 8 }, () => h.run(ACCEPT, { input }))));
    // The retries really raced: several reached the key insert, and all but one lost it.
    expect(statements.filter((s) => s.text.startsWith("INSERT INTO sp_bjmd")).length).toBeGreaterThan(1);
    const numbers = results.map((r) => dataOf(r).acceptCase.number);
    expect(new Set(numbers).size).toBe(1);
    expect(await casesOf(input.idempotencyKey)).toEqual([{ bjbh: numbers[0] }]);
    expect(await h.count("sp_bj")).toBe(before.cases + 1);
    expect(await h.count("sp_bjcl")).toBe(before.materials + 4);
    expect(await h.count("sp_bjgc")).toBe(before.events + 1);
  });

  test("concurrent requests with different keys each get their own case", async () => {
    const inputs = await Promise.all(Array.from({ length: 4 }, () => propertyInput()));
    const results = await Promise.all(inputs.map((input) => h.run(ACCEPT, { input })));
    expect(new Set(results.map((r) => dataOf(r).acceptCase.number)).size).toBe(4);
  });
});
