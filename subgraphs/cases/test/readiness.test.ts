// Person/Organization.readiness through _entities, the way the gateway calls it after
// fetching the @requires selection from the registry and the licence library: materials
// satisfied by licence or registry, the reasons when not, prefill with provenance, and
// the kept record (what acceptCase will cite) equal to the answer. Both engines.
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildCasesSchema, createCasesContext, createSources } from "../src/server.js";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { ACME, HOUSEHOLD_BOOKLET, ID_CARD, LI, NOBODY, REAL_ESTATE_CERT, WANG, ZHANG, withCheck } from "./fixtures.js";
import { dataOf, openHarness, type Harness } from "./harness.js";
import {
  BIRTH_CERT, BUNDLE, evidence, HOUSEHOLD_NUMBER, organizationRepresentation, personRepresentation, READINESS_FIXTURES, REGISTRY_ONLY, SCHOOL,
  unregisteredRepresentation,
} from "./readiness-fixtures.js";
import { testServices } from "./services.js";

const NOW = new Date("2026-11-23T02:30:00.000Z");
const WINDOW = { id: "综合窗口3", department: "西城区政务服务中心", scopes: [] };

const QUERY = `query($r: [_Any!]!, $m: ID!) { _entities(representations: $r) {
  ... on Person { readiness(matterCode: $m) { ...R } }
  ... on Organization { readiness(matterCode: $m) { ...R } } } }
fragment R on Readiness { id checkedAt ready applicantRegistered applicantDeceased matter { code name }
  materials { material { code required } satisfied satisfiedBy license { id typeCode typeName number validUntil receipt license { id } }
              registryFields reason reasonText acceptableMethods }
  prefill { field label value code provenance { source department recordKey updatedAt } }
  householdMembers { idNumber name relationship sex birthDate provenance { source department recordKey updatedAt } } }`;

interface MaterialAnswer {
  material: { code: string; required: boolean };
  satisfied: boolean;
  satisfiedBy: string | null;
  license: { id: string; typeCode: string; typeName: string | null; number: string | null; validUntil: string | null; receipt: string | null; license: { id: string } } | null;
  registryFields: string[];
  reason: string | null;
  reasonText: string | null;
  acceptableMethods: string[];
}
interface ReadinessAnswer {
  id: string;
  checkedAt: string;
  ready: boolean;
  applicantRegistered: boolean | null;
  applicantDeceased: boolean | null;
  matter: { code: string; name: string };
  materials: MaterialAnswer[];
  prefill: { field: string; label: string; value: string | null; code: string | null; provenance: Record<string, unknown> }[];
  householdMembers: Record<string, unknown>[];
}

describe.each(ENGINES)("readiness on %s", (engine) => {
  let h: Harness;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    h = await openHarness(engine, [READINESS_FIXTURES]);
    schema = await buildCasesSchema();
  });
  afterAll(() => h?.dispose());

  // A window's request: fixed clock, window identity and purpose forwarded by the gateway.
  const run = (representations: Record<string, unknown>[], matterCode: string): Promise<ExecutionResult> =>
    graphql({
      schema,
      source: QUERY,
      variableValues: { r: representations, m: matterCode },
      contextValue: createCasesContext(createSources(h.silo), testServices({ clock: () => NOW }), { requestId: "readiness-test", purpose: matterCode, window: WINDOW }),
    });
  const readinessOf = async (representation: Record<string, unknown>, matterCode: string): Promise<ReadinessAnswer> =>
    (dataOf(await run([representation], matterCode))._entities as { readiness: ReadinessAnswer }[])[0]!.readiness;
  const byCode = (r: ReadinessAnswer, code: string) => r.materials.find((m) => m.material.code === code)!;

  test("a valid ID card and a household: ID card by licence, household booklet by the registry, with provenance", async () => {
    const idCard = evidence(ID_CARD, "VALID", { validUntil: "2036-01-01" });
    const r = await readinessOf(personRepresentation(WANG, { licenseEvidence: [idCard] }), SCHOOL);

    expect(r.matter).toEqual({ code: SCHOOL, name: "义务教育阶段新生入学登记" });
    expect(r.checkedAt).toBe(NOW.toISOString());
    expect(r).toMatchObject({ applicantRegistered: true, applicantDeceased: false });
    expect(byCode(r, "CL01")).toEqual({
      material: { code: "CL01", required: true },
      satisfied: true,
      satisfiedBy: "LICENSE",
      license: { id: idCard.licenseId, typeCode: ID_CARD, typeName: "居民身份证", number: idCard.number, validUntil: "2036-01-01", receipt: idCard.receipt, license: { id: idCard.licenseId } },
      registryFields: [],
      reason: null,
      reasonText: null,
      acceptableMethods: ["E_LICENSE", "PAPER", "UPLOAD"],
    });
    expect(byCode(r, "CL02")).toMatchObject({
      satisfied: true, satisfiedBy: "REGISTRY", license: null, reason: null,
      registryFields: ["HOUSEHOLD", "RELATIONSHIP_TO_HEAD", "NAME", "ID_NUMBER"],
      acceptableMethods: ["SHARED_DATA", "PAPER", "UPLOAD"],
    });
    // No birth certificate in the licence library; its material allows deferral (容缺).
    expect(byCode(r, "CL03")).toMatchObject({ satisfied: false, reason: "NO_LICENSE", acceptableMethods: ["DEFERRED", "PAPER", "UPLOAD"] });
    expect(byCode(r, "CL03").reasonText).toContain("儿童出生医学证明");
    // Optional, no shared source; a commitment may replace it (告知承诺).
    expect(byCode(r, "CL04")).toMatchObject({ satisfied: false, reason: "NOT_SHARED", acceptableMethods: ["COMMITMENT", "PAPER", "UPLOAD"] });
    expect(r.ready).toBe(false); // CL03 is required and unsatisfied

    const person = { source: "REGISTRY", department: "公安局户籍管理", recordKey: "RK110105000001", updatedAt: "2025-03-04T05:06:07.000Z" };
    const household = { source: "REGISTRY", department: "公安局户籍管理", recordKey: HOUSEHOLD_NUMBER, updatedAt: "2024-12-01T00:00:00.000Z" };
    expect(r.prefill.map((p) => [p.field, p.label, p.value, p.code])).toEqual([
      ["ID_NUMBER", "公民身份号码", WANG, null],
      ["NAME", "姓名", "王秀英", null],
      ["SEX", "性别", "女性", "FEMALE"],
      ["BIRTH_DATE", "出生日期", "1949-12-31", null],
      ["ETHNICITY", "民族", "汉族", "HAN"],
      ["ADDRESS", "住址", "北京市西城区金融大街1号", null],
      ["MARITAL_STATUS", "婚姻状况", "已婚", "MARRIED"],
      ["HOUSEHOLD_NUMBER", "户号", HOUSEHOLD_NUMBER, null],
      ["HOUSEHOLD_ADDRESS", "户籍地址", "北京市西城区金融大街1号", null],
      ["HOUSEHOLD_MEMBERS", "家庭成员", "王秀英（户主）、李建国（配偶）", null],
    ]);
    expect(r.prefill.slice(0, 7).every((p) => JSON.stringify(p.provenance) === JSON.stringify(person))).toBe(true);
    expect(r.prefill.slice(7).every((p) => JSON.stringify(p.provenance) === JSON.stringify(household))).toBe(true);
    expect(r.householdMembers).toEqual([
      { idNumber: WANG, name: "王秀英", relationship: "HEAD", sex: "FEMALE", birthDate: "1949-12-31", provenance: household },
      { idNumber: "110105194811110014", name: "李建国", relationship: "SPOUSE", sex: "MALE", birthDate: "1948-11-11", provenance: household },
    ]);
  });

  test("every required material satisfied → ready; optional ones do not hold it back", async () => {
    const r = await readinessOf(personRepresentation(WANG, { licenseEvidence: [evidence(ID_CARD, "VALID")] }), "BDCDJ-001");
    expect(r.materials.map((m) => [m.material.code, m.satisfiedBy, m.reason])).toEqual([
      ["BDC-CL01", "LICENSE", null],
      ["BDC-CL02", "REGISTRY", null],
      ["BDC-CL03", null, "NOT_SHARED"],
    ]);
    expect(r.ready).toBe(true);
  });

  test("the licence valid longest wins: long-term over a later end date over an expired one", async () => {
    const expired = evidence(ID_CARD, "EXPIRED");
    const until2040 = evidence(ID_CARD, "VALID", { validUntil: "2040-01-01" });
    const longTerm = evidence(ID_CARD, "VALID", { validUntil: null });
    const r = await readinessOf(personRepresentation(WANG, { licenseEvidence: [expired, until2040, longTerm] }), SCHOOL);
    expect(byCode(r, "CL01").license).toMatchObject({ id: longTerm.licenseId, validUntil: null });
    const r2 = await readinessOf(personRepresentation(WANG, { licenseEvidence: [expired, until2040] }), SCHOOL);
    expect(byCode(r2, "CL01").license).toMatchObject({ id: until2040.licenseId });
  });

  test.each([
    ["EXPIRED", "LICENSE_EXPIRED", "已过有效期（有效期至2020-06-01）"],
    ["NOT_YET_VALID", "LICENSE_NOT_YET_VALID", "尚未生效"],
    ["REVOKED", "LICENSE_REVOKED", "已被吊销"],
    ["CANCELLED", "LICENSE_CANCELLED", "已注销"],
    ["REPORTED_LOST", "LICENSE_REPORTED_LOST", "已挂失"],
  ])("a %s licence and no registry record → %s", async (outcome, reason, text) => {
    const licence = evidence(ID_CARD, outcome);
    const r = await readinessOf(unregisteredRepresentation(NOBODY, [licence]), SCHOOL);
    expect(r).toMatchObject({ applicantRegistered: false, applicantDeceased: false, ready: false, prefill: [], householdMembers: [] });
    expect(byCode(r, "CL01")).toMatchObject({ satisfied: false, satisfiedBy: null, license: null, reason, acceptableMethods: ["PAPER", "UPLOAD"] });
    // The text tells both sources' story: this licence, and the registry.
    expect(byCode(r, "CL01").reasonText).toBe(`居民身份证（${licence.number}）${text}；人口库中无申请人的户籍登记`);
  });

  test("an expired ID card is no obstacle when the registry holds the named fields", async () => {
    const r = await readinessOf(personRepresentation(LI, { licenseEvidence: [evidence(ID_CARD, "EXPIRED")] }), SCHOOL);
    expect(byCode(r, "CL01")).toMatchObject({ satisfied: true, satisfiedBy: "REGISTRY", registryFields: ["ID_NUMBER", "NAME", "SEX", "BIRTH_DATE"] });
  });

  test("registry-only materials: not registered → NOT_IN_REGISTRY; an empty named field → REGISTRY_DATA_MISSING", async () => {
    const missing = await readinessOf(personRepresentation(LI, { maritalStatus: null, address: "  " }), REGISTRY_ONLY);
    expect(missing.materials[0]).toMatchObject({ satisfied: false, reason: "REGISTRY_DATA_MISSING", reasonText: "人口库中缺少：婚姻状况、住址" });
    const absent = await readinessOf(unregisteredRepresentation(NOBODY), REGISTRY_ONLY);
    expect(absent.materials[0]).toMatchObject({ satisfied: false, reason: "NOT_IN_REGISTRY" });
    const present = await readinessOf(personRepresentation(LI), REGISTRY_ONLY);
    expect(present.materials[0]).toMatchObject({ satisfied: true, satisfiedBy: "REGISTRY" });
    expect(present.ready).toBe(true);
  });

  test("household fields need the household", async () => {
    const r = await readinessOf(personRepresentation(ZHANG, { household: null, licenseEvidence: [] }), SCHOOL);
    expect(byCode(r, "CL02")).toMatchObject({ satisfied: false, reason: "NO_LICENSE" });
    expect(byCode(r, "CL02").reasonText).toContain("人口库中缺少：户号");
    expect(r.prefill.find((p) => p.field === "HOUSEHOLD_NUMBER")).toMatchObject({ value: null, provenance: { recordKey: null } });
    expect(r.householdMembers).toEqual([]);
  });

  test("a deceased applicant: every material unsatisfied with APPLICANT_DECEASED, never ready", async () => {
    const r = await readinessOf(personRepresentation(WANG, { deceased: true, licenseEvidence: [evidence(ID_CARD, "VALID")] }), "BDCDJ-001");
    expect(r.applicantDeceased).toBe(true);
    expect(r.ready).toBe(false);
    expect(r.materials.map((m) => [m.satisfied, m.reason])).toEqual([
      [false, "APPLICANT_DECEASED"],
      [false, "APPLICANT_DECEASED"],
      [false, "APPLICANT_DECEASED"],
    ]);
    expect(r.materials.every((m) => !m.acceptableMethods.includes("E_LICENSE") && !m.acceptableMethods.includes("SHARED_DATA"))).toBe(true);
  });

  test("an organisation: its licences satisfy, registry fields do not, the form is prefilled from its business licence", async () => {
    const property = evidence(REAL_ESTATE_CERT, "VALID", { holderName: "某某科技有限公司" });
    const r = await readinessOf(organizationRepresentation(ACME, { licenseEvidence: [property] }), "QYKB-001");
    expect(r).toMatchObject({ applicantRegistered: null, applicantDeceased: null, ready: false, householdMembers: [] });
    expect(r.materials.map((m) => [m.material.code, m.satisfiedBy, m.reason])).toEqual([
      ["QYKB-CL01", null, "NO_LICENSE"], // the legal representative's ID: no licence of the organisation
      ["QYKB-CL02", "LICENSE", null],
      ["QYKB-CL03", null, "NOT_SHARED"],
    ]);
    expect(byCode(r, "QYKB-CL01").reasonText).toContain("人口库信息仅适用于自然人申请人");
    const provenance = { source: "LICENSES", department: "电子证照库", recordKey: "1.2.156.3005.2.11100000000012176K001.110108.0001.001.K", updatedAt: "2025-05-06T07:08:09.000Z" };
    expect(r.prefill).toEqual([
      { field: "ORGANIZATION_NAME", label: "单位名称", value: "某某科技有限公司", code: null, provenance },
      { field: "CREDIT_CODE", label: "统一社会信用代码", value: ACME, code: null, provenance },
      { field: "LEGAL_REPRESENTATIVE", label: "法定代表人", value: "赵敏", code: null, provenance },
      { field: "ORGANIZATION_ADDRESS", label: "住所", value: "北京市海淀区中关村大街27号", code: null, provenance },
    ]);
  });

  test("a bundle matter is a matter: its own materials, judged the same way", async () => {
    const booklet = evidence(HOUSEHOLD_BOOKLET, "REVOKED");
    const r = await readinessOf(personRepresentation(WANG, { licenseEvidence: [evidence(ID_CARD, "VALID"), booklet] }), BUNDLE);
    expect(r.matter.name).toBe("出生一件事");
    expect(r.materials.map((m) => [m.material.code, m.satisfiedBy])).toEqual([
      ["YJS-CL01", "LICENSE"],
      ["YJS-CL02", "REGISTRY"], // the revoked booklet does not matter: the registry holds hh and yhzgx
    ]);
    expect(r.ready).toBe(true);
  });

  test("the kept record is the answer: materials, prefill, who asked, when", async () => {
    const idCard = evidence(ID_CARD, "VALID");
    const r = await readinessOf(personRepresentation(WANG, { licenseEvidence: [idCard, evidence(BIRTH_CERT, "CANCELLED")] }), SCHOOL);
    const kept = await createSources(h.silo).readiness.byId(r.id);
    expect(kept).toEqual({
      id: r.id,
      applicant: WANG,
      applicantKind: "PERSON",
      matterCode: SCHOOL,
      checkedAt: NOW,
      window: WINDOW.id,
      department: WINDOW.department,
      purpose: SCHOOL,
      registered: true,
      deceased: false,
      materials: r.materials.map((m) => ({
        code: m.material.code,
        satisfied: m.satisfied,
        by: m.satisfiedBy,
        licenseId: m.license?.id ?? null,
        registryFields: m.registryFields,
        reason: m.reason,
      })),
      prefill: r.prefill.map((p) => ({ field: p.field, value: p.value })),
    });
    expect(kept!.materials[0]).toMatchObject({ by: "LICENSE", licenseId: idCard.licenseId });
    expect(kept!.materials[2]).toMatchObject({ satisfied: false, reason: "LICENSE_CANCELLED" });

    const org = await readinessOf(organizationRepresentation(ACME), "QYKB-001");
    expect(await createSources(h.silo).readiness.byId(org.id)).toMatchObject({ applicant: ACME, applicantKind: "ORGANIZATION", registered: null, deceased: null });
  });

  test("an invalid key fails that representation only; a malformed or unknown matter fails readiness", async () => {
    const result = await run([personRepresentation(WANG), personRepresentation("110105194912310021")], SCHOOL);
    const entities = result.data?._entities as ({ readiness: ReadinessAnswer } | null)[];
    expect(entities[0]?.readiness.matter.code).toBe(SCHOOL);
    expect(entities[1]).toBeNull();
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[["_entities", 1], "BAD_USER_INPUT"]]);

    const unknown = await run([personRepresentation(WANG)], "NO-SUCH-MATTER");
    expect(unknown.errors?.[0]?.message).toBe('matterCode: "NO-SUCH-MATTER" is not a matter of the catalogue');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "matterCode", rule: "unknown" });
    const malformed = await run([personRepresentation(WANG)], "a b");
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "matterCode", rule: "charset" });
  });

  test("a representation without the required facts is refused, naming the missing field", async () => {
    const result = await graphql({
      schema,
      source: `{ _entities(representations: [{ __typename: "Person", idNumber: "${WANG}" }]) { ... on Person { readiness(matterCode: "${SCHOOL}") { id } } } }`,
      contextValue: createCasesContext(createSources(h.silo), testServices(), { requestId: "t", purpose: null, window: null }),
    });
    expect(result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.field])).toEqual([[["_entities", 0, "readiness"], "BAD_USER_INPUT", "registered"]]);
  });

  test("statement budget: 1 or 100 applicants cost the matter, its materials and ONE insert", async () => {
    const ids = Array.from({ length: 100 }, (_, i) => withCheck(`110105199001${String(1 + (i % 28)).padStart(2, "0")}${String(i).padStart(3, "0")}`));
    for (const applicants of [ids.slice(0, 1), ids]) {
      const representations = applicants.map((id) => personRepresentation(id, { licenseEvidence: [evidence(ID_CARD, "VALID")] }));
      const { result, statements } = await countStatements([h.silo], () => run(representations, SCHOOL));
      const entities = dataOf(result)._entities as { readiness: ReadinessAnswer }[];
      expect(entities).toHaveLength(applicants.length);
      expect(new Set(entities.map((e) => e.readiness.id)).size).toBe(applicants.length);
      expect(statements.map((s) => s.text.match(/(?:FROM|INTO) (sp_\w+)/)?.[1]).sort()).toEqual(["sp_gxdq", "sp_sxcl", "sp_sxml"]);
      const kept = await h.silo.query<{ n: number }>("SELECT count(*)::int AS n FROM sp_gxdq WHERE dqbh = ANY($1::text[])", [entities.map((e) => e.readiness.id)]);
      expect(kept[0]!.n).toBe(applicants.length);
    }
  });
});
