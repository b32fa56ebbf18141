// 证照核验 against demo data on both engines: every outcome from seeded rows, input
// refusals before any SQL, and receipts that verify offline with the right claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralReceiptSigner, formatLicenseId, loadDemo, validateCreditCode, verifyReceipt, type ReceiptSigner } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { buildLicensesSchema, MIGRATIONS } from "../src/server.js";
import { pick, TODAY, VERIFY, verifyingExecutor, type PickedLicense } from "./verification.support.js";

describe.each(ENGINES)("verifyLicense on %s", (engine) => {
  let test: TestSilo;
  let signer: ReceiptSigner;
  let run: ReturnType<typeof verifyingExecutor>;
  let valid: PickedLicense;

  const verify = async (input: Record<string, unknown>) => {
    const result = await run(VERIFY, { input });
    expect(result.errors).toBeUndefined();
    return result.data!.verifyLicense as { outcome: string; reason: string; reasonEn: string; license: { id: string } | null; warnings: string[]; receipt: string; asOf: string };
  };

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await loadDemo({ licenses: test.silo }, { persons: 300, seed: 42 });
    signer = await createEphemeralReceiptSigner();
    run = verifyingExecutor(await buildLicensesSchema(), test.silo, signer);
    valid = (await pick(test.silo, "btrim(x.zzzt) = '有效' AND x.czztdmlx = '111' AND x.zzyxqqsrq <= $1::date AND (x.zzyxqjzrq IS NULL OR x.zzyxqjzrq >= $1::date)", [TODAY]))!;
  }, 120_000);
  afterAll(() => test?.dispose());

  it.each([
    ["REVOKED", "吊销"],
    ["CANCELLED", "注销"],
    ["REPORTED_LOST", "挂失"],
  ])("%s from a stored status %s", async (outcome, word) => {
    const licence = await pick(test.silo, "btrim(x.zzzt) = $1", [word]);
    expect(licence, `demo has a ${word} licence`).toBeDefined();
    // Status outranks the holder check: a dead licence is dead whoever shows it.
    const answer = await verify({ id: licence!.zzbs, holderCode: licence!.czztdm, holderName: "别人" });
    expect(answer.outcome).toBe(outcome);
    expect(answer.license?.id).toBe(licence!.zzbs);
  });

  it("VALID by identifier and by type + number, with the holder's code and name", async () => {
    const byId = await verify({ id: valid.zzbs, holderCode: valid.czztdm, holderName: valid.czzt });
    expect(byId).toMatchObject({ outcome: "VALID", reason: "证照有效", reasonEn: "the licence is valid", asOf: TODAY, warnings: [] });
    const byNumber = await verify({ typeCode: valid.zzlxdm, number: valid.zzbh });
    expect(byNumber.outcome).toBe("VALID");
    expect(byNumber.license?.id).toBe(valid.zzbs);
  });

  it("EXPIRED from a 有效 licence whose validity ended", async () => {
    const licence = await pick(test.silo, "btrim(x.zzzt) = '有效' AND x.zzyxqjzrq < $1::date", [TODAY]);
    expect(licence, "demo has an expired 有效 licence").toBeDefined();
    const answer = await verify({ id: licence!.zzbs });
    expect(answer.outcome).toBe("EXPIRED");
    expect(answer.reason).toContain(licence!.zzyxqjzrq!);
    // The same licence asked about its last valid day is still valid on that day.
    expect((await verify({ id: licence!.zzbs, asOf: licence!.zzyxqjzrq })).outcome).toBe("VALID");
  });

  it("NOT_YET_VALID before validFrom", async () => {
    let licence = await pick(test.silo, "btrim(x.zzzt) = '有效' AND x.zzyxqqsrq > $1::date", [TODAY]);
    if (!licence) {
      // The demo issues nothing in the future: one fixture row, copied from a valid licence.
      const id = formatLicenseId({ typeCode: valid.zzlxdm, issuerCode: valid.zzlxdm.slice(0, 18), serial: "FUTURE1", version: "001" });
      await test.silo.query(
        `INSERT INTO dzzz_zzxx (zzbs, zzlxdm, zzmc, zzbh, czzt, czztdm, czztdmlx, zzbfrq, zzyxqqsrq, zzyxqjzrq, zzzt)
         SELECT $1, zzlxdm, zzmc, 'FUTURE1', czzt, czztdm, czztdmlx, zzbfrq, DATE '2099-01-01', NULL, '有效' FROM dzzz_zzxx WHERE zzbs = $2`,
        [id, valid.zzbs],
      );
      licence = (await pick(test.silo, "x.zzbs = $1", [id]))!;
    }
    expect((await verify({ id: licence.zzbs })).outcome).toBe("NOT_YET_VALID");
  });

  it("HOLDER_MISMATCH by code and by name; full-width and surrounding spaces are tolerated, nothing looser", async () => {
    const other = await pick(test.silo, "x.czztdmlx = '111' AND btrim(x.czztdm) <> $1", [valid.czztdm]);
    expect((await verify({ id: valid.zzbs, holderCode: other!.czztdm })).reason).toContain("持证主体代码");
    expect((await verify({ id: valid.zzbs, holderCode: other!.czztdm })).outcome).toBe("HOLDER_MISMATCH");
    expect((await verify({ id: valid.zzbs, holderName: `${valid.czzt}子` })).outcome).toBe("HOLDER_MISMATCH");
    expect((await verify({ id: valid.zzbs, holderName: `\u3000 ${valid.czzt}  ` })).outcome).toBe("VALID");
    expect((await verify({ id: valid.zzbs, holderCode: valid.czztdm.toLowerCase() })).outcome).toBe("VALID");
    // Stored with full-width letters and brackets, shown half-width with spaces around.
    const org = await pick(test.silo, "x.czztdmlx = '001' AND btrim(x.zzzt) = '有效' AND (x.zzyxqjzrq IS NULL OR x.zzyxqjzrq >= $1::date)", [TODAY]);
    await test.silo.query("UPDATE dzzz_zzxx SET czzt = 'ＡＢＣ（乐山）科技有限公司' WHERE zzbs = $1", [org!.zzbs]);
    expect((await verify({ id: org!.zzbs, holderCode: org!.czztdm, holderName: " ABC(乐山)科技有限公司\u3000" })).outcome).toBe("VALID");
    expect((await verify({ id: org!.zzbs, holderName: "abc(乐山)科技有限公司" })).outcome).toBe("HOLDER_MISMATCH");
    // NFKC would fold these; the rule does not: ① is not 1.
    expect((await verify({ id: valid.zzbs, holderName: `${valid.czzt}①` })).outcome).toBe("HOLDER_MISMATCH");
  });

  it("NOT_FOUND for a well-formed unknown identifier or number; MALFORMED_IDENTIFIER without a lookup", async () => {
    const unknown = formatLicenseId({ typeCode: valid.zzlxdm, issuerCode: valid.zzlxdm.slice(0, 18), serial: "NOSUCH9", version: "001" });
    expect((await verify({ id: unknown })).outcome).toBe("NOT_FOUND");
    expect((await verify({ typeCode: valid.zzlxdm, number: "NO-SUCH-NUMBER" })).outcome).toBe("NOT_FOUND");
    const broken = valid.zzbs.slice(0, -1) + (valid.zzbs.endsWith("0") ? "1" : "0");
    const { result, statements } = await countStatements([test.silo], () => run(VERIFY, { input: { id: broken } }));
    expect(result.data!.verifyLicense).toMatchObject({ outcome: "MALFORMED_IDENTIFIER", license: null });
    expect(result.data!.verifyLicense.reasonEn).toContain("check character");
    expect(statements).toHaveLength(0);
    expect((await verify({ typeCode: "NOT-A-TYPE", number: "1" })).outcome).toBe("MALFORMED_IDENTIFIER");
  });

  it("organisations by credit code; a pilot-era code failing GB 32100 verifies with a warning", async () => {
    const orgs = await test.silo.query<{ zzbs: string; czztdm: string }>(
      "SELECT zzbs, btrim(czztdm) AS czztdm FROM dzzz_zzxx WHERE czztdmlx = '001' AND btrim(zzzt) = '有效' AND (zzyxqjzrq IS NULL OR zzyxqjzrq >= $1::date) AND zzyxqqsrq <= $1::date",
      [TODAY],
    );
    const sound = orgs.find((o) => validateCreditCode(o.czztdm).ok && (validateCreditCode(o.czztdm) as { checkDigitValid: boolean }).checkDigitValid)!;
    expect(await verify({ id: sound.zzbs, holderCode: sound.czztdm })).toMatchObject({ outcome: "VALID", warnings: [] });
    let pilot = orgs.find((o) => validateCreditCode(o.czztdm).ok && !(validateCreditCode(o.czztdm) as { checkDigitValid: boolean }).checkDigitValid);
    if (!pilot) {
      const code = sound.czztdm.slice(0, 17) + (sound.czztdm.endsWith("0") ? "1" : "0");
      await test.silo.query("UPDATE dzzz_zzxx SET czztdm = $1 WHERE zzbs = $2", [code, sound.zzbs]);
      pilot = { zzbs: sound.zzbs, czztdm: code };
    }
    const answer = await verify({ id: pilot.zzbs, holderCode: pilot.czztdm });
    expect(answer.outcome).toBe("VALID");
    expect(answer.warnings.join()).toMatch(/check character/);
  });

  it("refuses input that breaks a rule, naming it, before any SQL", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: valid.zzbs, typeCode: valid.zzlxdm, number: valid.zzbh }, /one-lookup/],
      [{}, /one-lookup/],
      [{ typeCode: valid.zzlxdm }, /one-lookup/],
      [{ id: valid.zzbs, holderCode: "ABC" }, /neither a resident ID number .* nor a unified social credit code/],
    ];
    for (const [input, message] of cases) {
      const { result, statements } = await countStatements([test.silo], () => run(VERIFY, { input }));
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(message);
      expect(statements).toHaveLength(0);
    }
  });

  it("a receipt verifies offline against the signer's keys and carries the result's claims", async () => {
    const run2 = verifyingExecutor(await buildLicensesSchema(), test.silo, signer);
    const result = await run2(VERIFY, { input: { id: valid.zzbs, holderCode: valid.czztdm } }, { window: { id: "W-0042", department: "乐山市市中区市场监督管理局", scopes: [] }, purpose: "000127001000" });
    const answer = result.data!.verifyLicense;
    const checked = await verifyReceipt(answer.receipt, signer.publicJwks());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.claims).toEqual({
      licenseId: valid.zzbs,
      typeCode: valid.zzlxdm,
      holderCode: valid.czztdm,
      outcome: "VALID",
      checkedAt: answer.checkedAt,
      validUntil: valid.zzyxqjzrq,
      window: "W-0042",
      purpose: "000127001000",
    });
    const other = await createEphemeralReceiptSigner();
    expect((await verifyReceipt(answer.receipt, other.publicJwks())).ok).toBe(false);
  });

  it("without a signer, verification answers that receipt signing is not configured", async () => {
    const unsigned = verifyingExecutor(await buildLicensesSchema(), test.silo, undefined);
    const result = await unsigned(VERIFY, { input: { id: valid.zzbs } });
    expect(result.errors?.[0].message).toMatch(/receipt signing is not configured/);
  });

  it("a licence revoked in the silo is REVOKED on the next verification (no cache in between)", async () => {
    const licence = (await pick(test.silo, "btrim(x.zzzt) = '有效' AND x.zzbs <> $1", [valid.zzbs]))!;
    await verify({ id: licence.zzbs });
    await test.silo.query("UPDATE dzzz_zzxx SET zzzt = '吊销', gxsj = now() WHERE zzbs = $1", [licence.zzbs]);
    expect((await verify({ id: licence.zzbs })).outcome).toBe("REVOKED");
  });
});
