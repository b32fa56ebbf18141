// Bulk 证照核验: 1,000 mixed inputs answered in input order for at most two silo
// statements (one per lookup kind), usage records included; a single check is one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralReceiptSigner, formatLicenseId, loadDemo } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { buildLicensesSchema, MIGRATIONS } from "../src/server.js";
import { VERIFY, VERIFY_MANY, verifyingExecutor } from "./verification.support.js";

type Row = { zzbs: string; zzlxdm: string; zzbh: string };

describe.each(ENGINES)("verifyLicenses on %s", (engine) => {
  let test: TestSilo;
  let run: ReturnType<typeof verifyingExecutor>;
  let rows: Row[];
  const usageCount = async () => Number((await test.silo.query<{ n: number }>("SELECT count(*)::int AS n FROM dzzz_yzjl"))[0].n);

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await loadDemo({ licenses: test.silo }, { persons: 300, seed: 42 });
    run = verifyingExecutor(await buildLicensesSchema(), test.silo, await createEphemeralReceiptSigner());
    rows = await test.silo.query<Row>("SELECT zzbs, zzlxdm, zzbh FROM dzzz_zzxx WHERE zzbh IS NOT NULL ORDER BY zzbs LIMIT 400");
  }, 120_000);
  afterAll(() => test?.dispose());

  it("1,000 mixed inputs: answers in input order, at most 2 statements, one usage record per licence found", async () => {
    expect(rows.length).toBe(400);
    const unknownId = (i: number) => formatLicenseId({ typeCode: rows[0].zzlxdm, issuerCode: rows[0].zzlxdm.slice(0, 18), serial: `NOSUCH${i}`, version: "001" });
    const inputs: Record<string, string>[] = [];
    const expected: (string | null)[] = [];
    for (let i = 0; i < 1000; i++) {
      const row = rows[i % rows.length];
      switch (i % 5) {
        case 0:
        case 1:
          inputs.push({ id: row.zzbs });
          expected.push(row.zzbs);
          break;
        case 2:
          inputs.push({ typeCode: row.zzlxdm, number: row.zzbh });
          expected.push("by-number");
          break;
        case 3:
          inputs.push({ id: row.zzbs.slice(0, -1) + (row.zzbs.endsWith("0") ? "1" : "0") });
          expected.push("MALFORMED");
          break;
        default:
          inputs.push(i % 2 ? { id: unknownId(i) } : { typeCode: row.zzlxdm, number: `NOSUCH-${i}` });
          expected.push("NOT_FOUND");
      }
    }
    const before = await usageCount();
    const { result, statements } = await countStatements([test.silo], () => run(VERIFY_MANY, { inputs }));
    expect(result.errors).toBeUndefined();
    const answers = result.data!.verifyLicenses as { outcome: string; license: { id: string } | null; receipt: string }[];
    expect(answers).toHaveLength(1000);
    answers.forEach((answer, i) => {
      if (expected[i] === "MALFORMED") expect(answer).toMatchObject({ outcome: "MALFORMED_IDENTIFIER", license: null });
      else if (expected[i] === "NOT_FOUND") expect(answer).toMatchObject({ outcome: "NOT_FOUND", license: null });
      else if (expected[i] === "by-number") expect(answer.license).not.toBeNull();
      else expect(answer.license?.id).toBe(expected[i]);
      expect(answer.receipt.split(".")).toHaveLength(3);
    });
    console.log(`[${engine}] verifyLicenses(1000 mixed): ${statements.length} statements`);
    expect(statements.length).toBeLessThanOrEqual(2);
    expect(statements.every((s) => /INSERT INTO dzzz_yzjl/.test(s.text))).toBe(true);
    expect((await usageCount()) - before).toBe(answers.filter((a) => a.license !== null).length);
  });

  it("a single verification is one statement, by identifier or by type + number", async () => {
    for (const input of [{ id: rows[1].zzbs }, { typeCode: rows[2].zzlxdm, number: rows[2].zzbh }]) {
      const { result, statements } = await countStatements([test.silo], () => run(VERIFY, { input }));
      expect(result.errors).toBeUndefined();
      expect(statements).toHaveLength(1);
    }
  });

  it("refuses more than 1,000 inputs, naming the count and the limit, before any SQL", async () => {
    const inputs = Array.from({ length: 1001 }, () => ({ id: rows[0].zzbs }));
    const { result, statements } = await countStatements([test.silo], () => run(VERIFY_MANY, { inputs }));
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", count: 1001, limit: 1000 });
    expect(result.errors?.[0].message).toMatch(/1001 .*at most 1000/);
    expect(statements).toHaveLength(0);
  });

  it("one refused input refuses the request, naming its position", async () => {
    const result = await run(VERIFY_MANY, { inputs: [{ id: rows[0].zzbs }, { id: rows[1].zzbs, holderCode: "12" }] });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toMatch(/^inputs\[1\]\.holderCode/);
  });
});
