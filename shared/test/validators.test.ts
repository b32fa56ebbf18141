import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  creditCodeCheckChar,
  formatLicenseId,
  idNumberCheckChar,
  validateCreditCode,
  validateIdNumber,
  validateLicenseId,
} from "@onceonly/shared";

const TODAY = new Date("2026-11-21T00:00:00Z");

describe("GB 11643 ID number", () => {
  it.each(["11010519491231002X", "440524188001010014"])("accepts the standard's vector %s", (id) => {
    const result = validateIdNumber(id, TODAY);
    expect(result.ok).toBe(true);
  });

  it("decodes region, birth date and sex (odd sequence = male, even = female)", () => {
    expect(validateIdNumber("11010519491231002X", TODAY)).toMatchObject({ region: "110105", birthDate: "1949-12-31", sex: "FEMALE" });
    expect(validateIdNumber("440524188001010014", TODAY)).toMatchObject({ birthDate: "1880-01-01", sex: "MALE" });
  });

  it("normalises a lower-case x and surrounding spaces", () => {
    expect(validateIdNumber(" 11010519491231002x ", TODAY)).toMatchObject({ ok: true, value: "11010519491231002X" });
  });

  it.each([
    ["1101051949123100", "length"],
    ["11010519491231002Y", "format"],
    ["99010519491231002X", "region"],
    ["11010519490231002X", "date"], // 31 February
    ["11010520991231002X", "date"], // in the future
    ["110105194912310021", "check-digit"],
  ])("refuses %s for breaking the %s rule, naming the value", (id, rule) => {
    const result = validateIdNumber(id, TODAY);
    expect(result).toMatchObject({ ok: false, rule, value: id });
    if (!result.ok) expect(result.message).toContain(id);
  });

  const generated = fc
    .record({
      region: fc.constantFrom("110105", "511102", "150581", "350982", "130202", "460400"),
      day: fc.integer({ min: 0, max: 46_000 }), // 1900-01-01 … 2025-12: never after TODAY
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ region, day, seq }) => {
      const birth = new Date(Date.UTC(1900, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
      const first17 = `${region}${birth}${String(seq).padStart(3, "0")}`;
      return first17 + idNumberCheckChar(first17);
    });

  it("accepts every generated number and refuses it after any single-digit change", () => {
    fc.assert(
      fc.property(generated, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, pos, delta) => {
        expect(validateIdNumber(id, TODAY).ok).toBe(true);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        expect(validateIdNumber(changed, TODAY).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("GB 32100 unified social credit code", () => {
  it.each(["91110000600037341L", "11100000000013338W"])("accepts the standard's vector %s", (code) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: true, checkDigitValid: true });
  });

  it("flags a pilot-era code whose check character is wrong, without rejecting it", () => {
    const result = validateCreditCode("91110000600037341M");
    expect(result).toMatchObject({ ok: true, checkDigitValid: false });
    if (result.ok) expect(result.warning).toContain('"L"');
  });

  it.each([
    ["91110000600037341", "length"],
    ["91110000600037341I", "charset"],
    ["91ABCDEF600037341L", "region"],
  ])("refuses %s for the %s rule", (code, rule) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: false, rule });
  });

  it("accepts every generated code", () => {
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const code17 = fc
      .tuple(fc.constantFrom("1", "5", "9", "Y"), fc.constantFrom("1", "2", "3"), fc.constantFrom("110000", "511102", "350982"), fc.array(fc.constantFrom(...alphabet), { minLength: 9, maxLength: 9 }))
      .map(([a, b, r, org]) => `${a}${b}${r}${org.join("")}`);
    fc.assert(
      fc.property(code17, (first17) => {
        expect(validateCreditCode(first17 + creditCodeCheckChar(first17))).toMatchObject({ ok: true, checkDigitValid: true });
      }),
      { numRuns: 300 },
    );
  });
});

describe("licence identifier (GB/T 36904, ISO 7064 MOD 37,36)", () => {
  const typeCode = "11100000000013338W001";
  const issuerCode = "11511100008690291D";

  it("round-trips a formatted identifier", () => {
    const id = formatLicenseId({ typeCode, issuerCode, serial: "2024000123", version: "001" });
    expect(id).toMatch(/^1\.2\.156\.3005\.2\.11100000000013338W001\.11511100008690291D\.2024000123\.001\.[0-9A-Z]$/);
    expect(validateLicenseId(id)).toMatchObject({ ok: true, typeCode, issuerCode, serial: "2024000123", version: "001" });
  });

  it("refuses a wrong check character and a malformed layout, naming the rule", () => {
    const id = formatLicenseId({ typeCode, issuerCode, serial: "7", version: "001" });
    const wrong = id.slice(0, -1) + (id.endsWith("0") ? "1" : "0");
    expect(validateLicenseId(wrong)).toMatchObject({ ok: false, rule: "check-digit" });
    expect(validateLicenseId("1.2.156.3005.2.123")).toMatchObject({ ok: false, rule: "format" });
    expect(validateLicenseId("2.16.156.1.2.3.4.5")).toMatchObject({ ok: false, rule: "prefix" });
  });

  it("detects every single-character substitution in a generated identifier", () => {
    const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,12}$/), fc.integer({ min: 0, max: 999 }), fc.nat(), fc.integer({ min: 1, max: 35 }), (serial, v, posSeed, delta) => {
        const version = String(v).padStart(3, "0");
        const id = formatLicenseId({ typeCode, issuerCode, serial, version });
        expect(validateLicenseId(id).ok).toBe(true);
        const body = typeCode + issuerCode + serial;
        const pos = posSeed % body.length;
        const swapped = body.slice(0, pos) + alnum[(alnum.indexOf(body[pos]) + delta) % 36] + body.slice(pos + 1);
        const mutated = formatLicenseId({ typeCode: swapped.slice(0, 21), issuerCode: swapped.slice(21, 39), serial: swapped.slice(39), version });
        const forged = mutated.slice(0, -1) + id.slice(-1); // the new body under the old check char
        expect(validateLicenseId(forged).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
