import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { buildLicensesSchema, MIGRATIONS } from "../src/server.js";
import { insertFixtures, LICENSE, ORG, PERSON, TYPE } from "./fixtures.js";
import { entitiesQuery, executor } from "./support.js";

const ids = (list: { id: string }[]) => list.map((l) => l.id);

describe.each(ENGINES)("holders on %s", (engine) => {
  let test: TestSilo;
  let run: ReturnType<typeof executor>;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertFixtures(test.silo);
    run = executor(await buildLicensesSchema(), test.silo);
  });
  afterAll(() => test?.dispose());

  const person = (idNumber: string, args = "") =>
    run(entitiesQuery(`... on Person { idNumber licenses${args} { id status } }`), { r: [{ __typename: "Person", idNumber }] });
  const organization = (creditCode: string, selection: string) =>
    run(entitiesQuery(`... on Organization { ${selection} }`), { r: [{ __typename: "Organization", creditCode }] });

  describe("Person.licenses", () => {
    it("lists a person's licences, newest first", async () => {
      const { data, errors } = await person(PERSON.wang);
      expect(errors).toBeUndefined();
      expect(ids(data?._entities[0].licenses)).toEqual([LICENSE.wangIdCard.zzbs, LICENSE.wangDriving.zzbs, LICENSE.wangIdCardOld.zzbs]);
    });

    it("filters by stored status and by type", async () => {
      const valid = await person(PERSON.wang, "(status: [VALID])");
      expect(ids(valid.data?._entities[0].licenses)).toEqual([LICENSE.wangIdCard.zzbs, LICENSE.wangDriving.zzbs]);
      const lost = await person(PERSON.li, "(status: [REPORTED_LOST, REVOKED])");
      expect(ids(lost.data?._entities[0].licenses).sort()).toEqual([LICENSE.liIdCard.zzbs, LICENSE.liDriving.zzbs].sort());
      const driving = await person(PERSON.wang, `(types: ["${TYPE.drivingLicence}"])`);
      expect(ids(driving.data?._entities[0].licenses)).toEqual([LICENSE.wangDriving.zzbs]);
      const none = await person(PERSON.wang, "(status: [])");
      expect(none.data?._entities[0].licenses).toEqual([]);
    });

    it("gives an empty list to a person holding nothing", async () => {
      const { data, errors } = await person(PERSON.nobody);
      expect(errors).toBeUndefined();
      expect(data?._entities[0]).toEqual({ __typename: "Person", idNumber: PERSON.nobody, licenses: [] });
    });

    it("refuses a malformed ID number in a representation before any SQL", async () => {
      const bad = PERSON.wang.slice(0, 17) + (PERSON.wang.endsWith("0") ? "1" : "0");
      const { result, statements } = await countStatements([test.silo], () => person(bad));
      expect(statements).toHaveLength(0);
      expect(result.data?._entities[0]).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "idNumber", rule: "check-digit", value: bad });
    });

    it("refuses a malformed type code in the filter", async () => {
      const { errors } = await person(PERSON.wang, '(types: ["营业执照"])');
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "types" });
    });
  });

  describe("Organization", () => {
    const ALL = "creditCode name legalRepresentative address recordKey updatedAt region { code name } creditCodeCheckDigitValid";

    it("is derived from one licence: the valid one carrying fddbr and zs, named in recordKey with its gxsj", async () => {
      const { data, errors } = await organization(ORG.jiazhou, `${ALL} licenses(status: [VALID]) { id }`);
      expect(errors).toBeUndefined();
      expect(data?._entities[0]).toEqual({
        __typename: "Organization",
        creditCode: ORG.jiazhou,
        name: "乐山嘉州食品股份有限公司",
        legalRepresentative: "赵丽华",
        address: "四川省乐山市市中区滨河路88号",
        // Not the newer property certificate (no surface items), not the cancelled version.
        recordKey: LICENSE.jiazhou.zzbs,
        updatedAt: "2021-09-01T02:05:00.000Z",
        region: { code: "511102", name: "四川省乐山市市中区" },
        creditCodeCheckDigitValid: true,
        licenses: [{ id: LICENSE.jiazhouHouse.zzbs }, { id: LICENSE.jiazhou.zzbs }],
      });
    });

    it("flags a pilot-era code failing its check character, never rejects it", async () => {
      const { data, errors } = await organization(ORG.pilot, ALL);
      expect(errors).toBeUndefined();
      expect(data?._entities[0]).toMatchObject({
        creditCode: ORG.pilot,
        name: "福鼎市白琳茶业有限公司",
        legalRepresentative: "林茶生",
        recordKey: LICENSE.pilot.zzbs,
        creditCodeCheckDigitValid: false,
        region: { code: "350982" },
      });
    });

    // Changed on purpose (issue 4): fields that @require licence data — a case's
    // readiness — need a representation for every applicant, known here or not.
    it("resolves with null fields and no licences when the silo holds no licence under the code", async () => {
      const { data, errors } = await organization(ORG.unknown, "creditCode name legalRepresentative address recordKey updatedAt licenses { id }");
      expect(errors).toBeUndefined();
      expect(data?._entities).toEqual([
        { __typename: "Organization", creditCode: ORG.unknown, name: null, legalRepresentative: null, address: null, recordKey: null, updatedAt: null, licenses: [] },
      ]);
    });

    it.each([
      ["length", "91511100MA62K0TQ"],
      ["charset", "91511100MA62K0TQI3"],
    ])("refuses a malformed credit code (%s) before any SQL", async (rule, code) => {
      const { result, statements } = await countStatements([test.silo], () => organization(code, "name"));
      expect(statements).toHaveLength(0);
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "creditCode", rule });
    });
  });

  it("resolves License and LicenseType references, null when missing", async () => {
    const { data, errors } = await run(entitiesQuery("... on License { id status } ... on LicenseType { code name }"), {
      r: [
        { __typename: "License", id: LICENSE.liHouse.zzbs },
        { __typename: "LicenseType", code: TYPE.businessLicence },
        { __typename: "License", id: "1.2.156.3005.2.NOSUCH" },
        { __typename: "LicenseType", code: "NOSUCH" },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { __typename: "License", id: LICENSE.liHouse.zzbs, status: "VALID" },
      { __typename: "LicenseType", code: TYPE.businessLicence, name: "营业执照" },
      null,
      null,
    ]);
  });
});
