import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { HOUSEHOLD_BOOKLET, ID_CARD, REAL_ESTATE_CERT } from "./fixtures.js";
import { dataOf, openHarness, type Harness } from "./harness.js";


describe.each(ENGINES)("matters on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(engine);
  });
  afterAll(() => h?.dispose());

  test("a matter with its materials in display order, linked to licence types and registry fields", async () => {
    const { matter } = dataOf(
      await h.run(`{ matter(code: "QYKB-001") { code name department kind statutoryDays promisedDays
        materials { code name licenseType { code } registryFields required } } }`),
    );
    expect(matter).toEqual({
      code: "QYKB-001",
      name: "企业开办",
      department: "市场监督管理局",
      kind: "PROMISED",
      statutoryDays: 5,
      promisedDays: 1,
      materials: [
        { code: "QYKB-CL01", name: "法定代表人身份证明", licenseType: { code: ID_CARD }, registryFields: ["ID_NUMBER", "NAME"], required: true },
        { code: "QYKB-CL02", name: "住所使用证明", licenseType: { code: REAL_ESTATE_CERT }, registryFields: [], required: true },
        { code: "QYKB-CL03", name: "公司章程", licenseType: null, registryFields: [], required: true },
      ],
    });
  });

  test("registry columns map to fields; an unknown column is skipped; bx 0 is optional", async () => {
    const { hydj, bdc } = dataOf(
      await h.run(`{ hydj: matter(code: "HYDJ-001") { kind materials { code licenseType { code } registryFields } }
                     bdc: matter(code: "BDCDJ-001") { materials { code registryFields required } } }`),
    );
    expect(hydj.kind).toBe("IMMEDIATE");
    expect(hydj.materials[1]).toEqual({ code: "HY-CL02", licenseType: { code: HOUSEHOLD_BOOKLET }, registryFields: ["ID_NUMBER", "NAME", "HOUSEHOLD", "MARITAL_STATUS"] });
    expect(hydj.materials[0].registryFields).toEqual(["ID_NUMBER", "NAME"]); // "gmsfhm, xm" with a space
    expect(hydj.materials[2].registryFields).toEqual([]);
    expect(bdc.materials.map((m: { required: boolean }) => m.required)).toEqual([true, true, false]);
    expect(bdc.materials[1].registryFields).toEqual(["ID_NUMBER", "NAME", "HOUSEHOLD", "RELATIONSHIP_TO_HEAD"]);
  });

  test("the catalogue by code; an unknown bjlx is UNRECOGNIZED and the matter still returned", async () => {
    const { matters } = dataOf(await h.run(`{ matters { code name kind department } }`));
    expect(matters.map((m: { code: string }) => m.code)).toEqual(["BDCDJ-001", "HYDJ-001", "LEGACY-007", "QYKB-001"]);
    expect(matters[2]).toEqual({ code: "LEGACY-007", name: "旧系统迁移事项", kind: "UNRECOGNIZED", department: null });
  });

  test("matters and their materials take one statement each, however many matters", async () => {
    const { statements } = await countStatements([h.silo], () => h.run(`{ matters { code materials { code } } }`));
    expect(statements).toHaveLength(2);
  });

  test("an unknown matter code is null", async () => {
    expect(dataOf(await h.run(`{ matter(code: "NOPE-404") { code } }`))).toEqual({ matter: null });
  });

  test.each([
    ["", "empty"],
    ["企业开办", "charset"],
    ["QYKB 001", "charset"],
    ["X".repeat(33), "length"],
  ])("matter code %j is refused (%s) before any SQL", async (code, rule) => {
    const { result, statements } = await countStatements([h.silo], () => h.run(`query($c: ID!) { matter(code: $c) { code } }`, { c: code }));
    expect(statements).toHaveLength(0);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "code", value: code, rule });
    expect(result.errors?.[0].message).toContain(code);
  });

  test("Matter entities resolve by code for the gateway, null when unknown", async () => {
    const { _entities } = dataOf(
      await h.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Matter { code name } } }`, {
        r: [{ __typename: "Matter", code: "HYDJ-001" }, { __typename: "Matter", code: "NOPE-404" }],
      }),
    );
    expect(_entities).toEqual([{ code: "HYDJ-001", name: "婚姻登记" }, null]);
  });
});
