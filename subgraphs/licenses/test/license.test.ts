import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatLicenseId } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { buildLicensesSchema, MIGRATIONS } from "../src/server.js";
import { insertFixtures, ISSUER, LICENSE, ORG, PERSON, TYPE } from "./fixtures.js";
import { executor } from "./support.js";

const LICENSE_FIELDS = `
  id number name holderName holderCode issuedOn validFrom validUntil status expired updatedAt
  type { code name department holderKind }
  issuer { name code }
  holder { __typename ... on Person { idNumber } ... on Organization { creditCode name legalRepresentative } }`;

describe.each(ENGINES)("licences on %s", (engine) => {
  let test: TestSilo;
  let run: ReturnType<typeof executor>;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertFixtures(test.silo);
    run = executor(await buildLicensesSchema(), test.silo);
  });
  afterAll(() => test?.dispose());

  const byId = (id: string) => run(`query($id: ID!) { license(id: $id) { ${LICENSE_FIELDS} } }`, { id });

  it("maps a licence's legacy columns, type and person holder", async () => {
    const { data, errors } = await byId(LICENSE.wangDriving.zzbs);
    expect(errors).toBeUndefined();
    expect(data?.license).toEqual({
      id: LICENSE.wangDriving.zzbs,
      number: `D${PERSON.wang}`,
      name: "机动车驾驶证",
      holderName: "王小明",
      holderCode: PERSON.wang,
      issuedOn: "2015-08-15",
      validFrom: "2015-08-15",
      validUntil: "2021-08-15",
      // Stored 有效, but past its end date: expiry is derived, the status is as stored.
      status: "VALID",
      expired: true,
      updatedAt: "2015-08-15T03:00:00.000Z",
      type: { code: TYPE.drivingLicence, name: "机动车驾驶证", department: "公安部", holderKind: "PERSON" },
      issuer: ISSUER.leshanTraffic,
      holder: { __typename: "Person", idNumber: PERSON.wang },
    });
  });

  it.each([
    ["zhangIdCard", "VALID", null, false],
    ["wangIdCardOld", "CANCELLED", "2028-05-10", false],
    ["liDriving", "REVOKED", "2028-01-20", false],
    ["liIdCard", "REPORTED_LOST", "2030-11-02", false],
    ["liHouse", "VALID", null, false],
  ] as const)("%s: status %s, validUntil %s (null = long-term), expired %s", async (key, status, validUntil, expired) => {
    const { data, errors } = await byId(LICENSE[key].zzbs);
    expect(errors).toBeUndefined();
    expect(data?.license).toMatchObject({ status, validUntil, expired });
  });

  it("returns a record with unknown legacy codes: status UNRECOGNIZED, holder null", async () => {
    const { data, errors } = await byId(LICENSE.legacy.zzbs);
    expect(errors).toBeUndefined();
    expect(data?.license).toMatchObject({ status: "UNRECOGNIZED", holder: null, holderName: "周某", holderCode: "LEGACY0042", expired: true });
  });

  it("resolves an organisation holder from its licences", async () => {
    const { data } = await byId(LICENSE.jiazhouOld.zzbs);
    expect(data?.license.holderName).toBe("乐山市嘉州食品有限公司"); // as recorded then
    expect(data?.license.holder).toEqual({
      __typename: "Organization",
      creditCode: ORG.jiazhou,
      name: "乐山嘉州食品股份有限公司", // as on its most recent licence
      legalRepresentative: "赵丽华",
    });
  });

  it("returns null for a well-formed identifier the silo does not hold", async () => {
    const id = formatLicenseId({ typeCode: TYPE.idCard, issuerCode: ISSUER.leshanPsb.code, serial: "NOSUCH1", version: "001" });
    const { data, errors } = await byId(id);
    expect(errors).toBeUndefined();
    expect(data?.license).toBeNull();
  });

  it.each([
    ["check-digit", LICENSE.wangIdCard.zzbs.replace(/.$/, (c) => (c === "0" ? "1" : "0"))],
    ["prefix", "2.16.156.1"],
    ["version", LICENSE.wangIdCard.zzbs.replace(".002.", ".2.")],
  ])("refuses a malformed identifier (%s) before any SQL", async (rule, id) => {
    const { result, statements } = await countStatements([test.silo], () => byId(id));
    expect(statements).toHaveLength(0);
    expect(result.data?.license).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "id", rule });
    expect(result.errors?.[0].message).toContain(id.trim().toUpperCase());
  });

  describe("licenseByNumber", () => {
    const byNumber = (typeCode: string, number: string) =>
      run(`query($t: ID!, $n: String!) { licenseByNumber(typeCode: $t, number: $n) { id status } }`, { t: typeCode, n: number });

    it("prefers the valid version of a re-issued licence", async () => {
      const { data, errors } = await byNumber(TYPE.idCard, PERSON.wang);
      expect(errors).toBeUndefined();
      expect(data?.licenseByNumber).toEqual({ id: LICENSE.wangIdCard.zzbs, status: "VALID" });
    });

    it("finds a licence by a free-text number", async () => {
      const { data } = await byNumber(TYPE.realEstate, "川(2020)乐山市不动产权第0012345号");
      expect(data?.licenseByNumber.id).toBe(LICENSE.liHouse.zzbs);
    });

    it("returns null for a number the silo does not hold", async () => {
      const { data, errors } = await byNumber(TYPE.idCard, "000000");
      expect(errors).toBeUndefined();
      expect(data?.licenseByNumber).toBeNull();
    });

    it("refuses a malformed type code before any SQL", async () => {
      const { result, statements } = await countStatements([test.silo], () => byNumber("GA-001", PERSON.wang));
      expect(statements).toHaveLength(0);
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "typeCode", rule: "type-code" });
    });
  });

  it("lists the licence type catalogue by code", async () => {
    const { data, errors } = await run("{ licenseTypes { code name department holderKind } }");
    expect(errors).toBeUndefined();
    expect(data?.licenseTypes.map((t: { code: string }) => t.code)).toEqual(Object.values(TYPE).sort());
    expect(data?.licenseTypes.find((t: { code: string }) => t.code === TYPE.realEstate)).toEqual({
      code: TYPE.realEstate,
      name: "不动产权证书",
      department: "自然资源部",
      holderKind: null,
    });
  });
});
