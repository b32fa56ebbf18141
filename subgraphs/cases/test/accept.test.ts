// acceptCase against real silos: a case accepted citing shared data, an e-licence with
// its receipt and paper; every refusal named (and nothing written); waived materials;
// promised dates on the working-day calendar.
import { randomUUID } from "node:crypto";
import { createEphemeralReceiptSigner, type VerificationReceiptClaims } from "@onceonly/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENGINES } from "../../../test/support/silos.js";
import { dataOf } from "./harness.js";
import {
  ACCEPT, byLicense, byRegistry, COMPANY, licenseId, matterCode, NOW, openAcceptHarness, OTHER_PERSON, PERSON, problemsOf, typeCode, WINDOW,
  type AcceptHarness,
} from "./accept-support.js";

const SCHOOL = matterCode("SCHOOL_ENROLMENT"); // CL01 ID card, CL02 household booklet, CL03 birth cert, CL04 property, CL05 vaccination (optional, 容缺)
const ID_CARD = licenseId("ID_CARD", "0001");

type Input = Record<string, any>;

describe.each(ENGINES)("acceptCase on %s", (engine) => {
  let h: AcceptHarness;
  beforeAll(async () => {
    h = await openAcceptHarness(engine);
  });
  afterAll(() => h?.dispose());

  /** A request for the school enrolment that passes every check; `claims` alter the ID card's receipt. */
  async function schoolInput(claims: Partial<VerificationReceiptClaims> = {}, receiptAge = 60): Promise<Input> {
    const readinessId = await h.readiness({
      applicant: PERSON,
      matterCode: SCHOOL,
      materials: [byLicense("CL01", ID_CARD), byRegistry("CL02")],
      prefill: [{ field: "NAME", value: "张丽" }, { field: "ADDRESS", value: "四川省乐山市市中区嘉州大道1号" }],
    });
    return {
      idempotencyKey: randomUUID(),
      matterCode: SCHOOL,
      applicant: PERSON,
      readinessId,
      materials: [
        { materialCode: "CL01", method: "E_LICENSE", licenseId: ID_CARD, receipt: await h.receipt({ licenseId: ID_CARD, typeCode: typeCode("ID_CARD"), holderCode: PERSON, ...claims }, receiptAge) },
        { materialCode: "CL02", method: "SHARED_DATA" },
        { materialCode: "CL03", method: "PAPER" },
        { materialCode: "CL04", method: "UPLOAD" },
      ],
      formFields: [{ field: "NAME", value: "张丽" }, { field: "ADDRESS", value: "乐山市市中区嘉州大道1号" }],
      handler: "李娜",
    };
  }

  const material = (input: Input, code: string) => input.materials.find((m: Input) => m.materialCode === code);

  test("accepts citing shared registry data, an e-licence with its receipt and paper, and records every fact", async () => {
    const input = await schoolInput();
    const { acceptCase: c } = dataOf(await h.run(ACCEPT, { input }));
    expect(c.number).toMatch(/^SL20261120\d{8}$/);
    expect(c).toMatchObject({
      matter: { code: SCHOOL },
      applicant: { __typename: "Person", idNumber: PERSON },
      applicantName: "张丽", // the prefilled name: none was typed
      acceptedAt: NOW.toISOString(),
      window: WINDOW.id,
      // 10 working days after Friday 20 November 2026: Friday 4 December, end of day in Beijing
      promisedBy: "2026-12-04T15:59:59.999Z",
      status: "ACCEPTED",
      bundle: null,
      members: [],
    });
    expect(c.materials).toEqual([
      { code: "CL01", name: "监护人居民身份证", method: "E_LICENSE", licenseId: ID_CARD },
      { code: "CL02", name: "居民户口簿", method: "SHARED_DATA", licenseId: null },
      { code: "CL03", name: "儿童出生医学证明", method: "PAPER", licenseId: null },
      { code: "CL04", name: "房屋产权证明", method: "UPLOAD", licenseId: null },
    ]);
    expect(c.timeline).toEqual([{ status: "ACCEPTED", at: NOW.toISOString(), window: WINDOW.id, handler: "李娜", opinion: "予以受理" }]);

    const [bj] = await h.silo.query(`SELECT sqrlx, dqbh, slbm, zhbjbh, gxsj FROM sp_bj WHERE bjbh = $1`, [c.number]);
    expect(bj).toMatchObject({ sqrlx: "1", dqbh: input.readinessId, slbm: WINDOW.department, zhbjbh: null });
    expect((bj.gxsj as Date).toISOString()).toBe(NOW.toISOString());
    const [cl01] = await h.silo.query(`SELECT yzhz FROM sp_bjcl WHERE bjbh = $1 AND clbm = 'CL01'`, [c.number]);
    expect(cl01.yzhz).toBe(material(input, "CL01").receipt); // the receipt is kept as the case's evidence
    const form = await h.silo.query(`SELECT zdbm, zdz, sfyt FROM sp_bjbd WHERE bjbh = $1 ORDER BY zdbm`, [c.number]);
    expect(form).toEqual([
      { zdbm: "ADDRESS", zdz: "乐山市市中区嘉州大道1号", sfyt: false }, // typed over the prefill
      { zdbm: "NAME", zdz: "张丽", sfyt: true },
    ]);
  });

  test("keeps a field confirmed as prefilled with the value the readiness check recorded (a masked window never sends it)", async () => {
    const input = await schoolInput();
    input.formFields = [{ field: "NAME", asPrefilled: true }, { field: "ADDRESS", value: "四川省乐山市市中区****", asPrefilled: true }];
    const { acceptCase: c } = dataOf(await h.run(ACCEPT, { input }));
    const form = await h.silo.query(`SELECT zdbm, zdz, sfyt FROM sp_bjbd WHERE bjbh = $1 ORDER BY zdbm`, [c.number]);
    expect(form).toEqual([
      { zdbm: "ADDRESS", zdz: "四川省乐山市市中区嘉州大道1号", sfyt: true },
      { zdbm: "NAME", zdz: "张丽", sfyt: true },
    ]);
    const refused = await schoolInput();
    refused.formFields = [{ field: "MARITAL_STATUS", asPrefilled: true }];
    expect(problemsOf(await h.run(ACCEPT, { input: refused }))).toEqual([[null, "FIELD_NOT_PREFILLED"]]);
  });

  test("checks a receipt signed by a key published after the cached set was fetched, after fetching it again", async () => {
    const input = await schoolInput();
    let refreshed = 0;
    const receiptKeys = { current: async () => ({ keys: [] }), refresh: async () => (refreshed++, h.signer.publicJwks(NOW)) };
    dataOf(await h.run(ACCEPT, { input }, { services: { receiptKeys } }));
    expect(refreshed).toBe(1);
  });

  // Each refusal: the change to an acceptable request, and the problem it must name.
  const refusals: [string, (input: Input) => Promise<void> | void, [string | null, string]][] = [
    ["an unknown matter", (i) => void (i.matterCode = "000199999000"), [null, "UNKNOWN_MATTER"]],
    ["a missing required material that allows neither commitment nor deferral", (i) => void (i.materials = i.materials.filter((m: Input) => m.materialCode !== "CL03")), ["CL03", "MISSING_REQUIRED"]],
    ["a commitment where the material does not allow one", (i) => void (material(i, "CL03").method = "COMMITMENT"), ["CL03", "COMMITMENT_NOT_ALLOWED"]],
    ["a deferral where the material does not allow one", (i) => void (material(i, "CL04").method = "DEFERRED"), ["CL04", "DEFERRAL_NOT_ALLOWED"]],
    ["a receipt about another holder", async (i) => void (material(i, "CL01").receipt = await h.receipt({ licenseId: ID_CARD, typeCode: typeCode("ID_CARD"), holderCode: OTHER_PERSON })), ["CL01", "RECEIPT_OTHER_HOLDER"]],
    ["a receipt about another licence", async (i) => void (material(i, "CL01").receipt = await h.receipt({ licenseId: licenseId("ID_CARD", "0002"), typeCode: typeCode("ID_CARD"), holderCode: PERSON })), ["CL01", "RECEIPT_OTHER_LICENSE"]],
    ["a receipt about a licence of another type", async (i) => void (material(i, "CL01").receipt = await h.receipt({ licenseId: ID_CARD, typeCode: typeCode("HOUSEHOLD_BOOKLET"), holderCode: PERSON })), ["CL01", "RECEIPT_OTHER_TYPE"]],
    ["a receipt saying the licence was not VALID", async (i) => void (material(i, "CL01").receipt = await h.receipt({ licenseId: ID_CARD, typeCode: typeCode("ID_CARD"), holderCode: PERSON, outcome: "REVOKED" })), ["CL01", "RECEIPT_NOT_VALID"]],
    ["a receipt older than the allowed age", async (i) => void (material(i, "CL01").receipt = await h.receipt({ licenseId: ID_CARD, typeCode: typeCode("ID_CARD"), holderCode: PERSON }, 3601)), ["CL01", "RECEIPT_TOO_OLD"]],
    ["a receipt whose claims were altered after signing", (i) => void (material(i, "CL01").receipt = forge(material(i, "CL01").receipt, { holderCode: OTHER_PERSON })), ["CL01", "RECEIPT_BAD_SIGNATURE"]],
    ["a receipt signed by a key that was never published", async (i) => {
      const stranger = await createEphemeralReceiptSigner();
      material(i, "CL01").receipt = await stranger.sign({ licenseId: ID_CARD, typeCode: typeCode("ID_CARD"), holderCode: PERSON, outcome: "VALID", checkedAt: NOW.toISOString(), validUntil: null, window: null, purpose: null });
    }, ["CL01", "RECEIPT_UNKNOWN_KEY"]],
    ["an e-licence without its receipt", (i) => void (material(i, "CL01").receipt = null), ["CL01", "LICENSE_REFERENCE_MISSING"]],
    ["an e-licence for a material no licence type satisfies", (i) => void i.materials.push({ materialCode: "CL05", method: "E_LICENSE", licenseId: ID_CARD, receipt: material(i, "CL01").receipt }), ["CL05", "NO_LICENSE_TYPE"]],
    ["shared data for a material the readiness check found only in the licence library", (i) => void Object.assign(material(i, "CL01"), { method: "SHARED_DATA", licenseId: null, receipt: null }), ["CL01", "NOT_SATISFIED_BY_REGISTRY"]],
    ["a material the matter does not list", (i) => void i.materials.push({ materialCode: "CL99", method: "PAPER" }), ["CL99", "UNKNOWN_MATERIAL"]],
    ["a material submitted twice", (i) => void i.materials.push({ materialCode: "CL03", method: "UPLOAD" }), ["CL03", "DUPLICATE_MATERIAL"]],
    ["an organisation applying for a matter that serves persons", (i) => void (i.applicant = COMPANY), [null, "APPLICANT_KIND"]],
    ["a deceased applicant", async (i) => void (i.readinessId = await h.readiness({ applicant: PERSON, matterCode: SCHOOL, deceased: true, materials: [byLicense("CL01", ID_CARD), byRegistry("CL02")] })), [null, "APPLICANT_DECEASED"]],
    ["an applicant the registry does not hold, citing shared data", async (i) => void (i.readinessId = await h.readiness({ applicant: PERSON, matterCode: SCHOOL, registered: false, materials: [byLicense("CL01", ID_CARD), byRegistry("CL02")] })), ["CL02", "APPLICANT_NOT_REGISTERED"]],
    ["a stale readiness check", async (i) => void (i.readinessId = await h.readiness({ applicant: PERSON, matterCode: SCHOOL, checkedAt: new Date(NOW.getTime() - 3601_000), materials: [byLicense("CL01", ID_CARD), byRegistry("CL02")] })), [null, "READINESS_STALE"]],
    ["a readiness check about another applicant", async (i) => void (i.readinessId = await h.readiness({ applicant: OTHER_PERSON, matterCode: SCHOOL })), [null, "READINESS_OTHER_APPLICANT"]],
    ["a readiness check for another matter", async (i) => void (i.readinessId = await h.readiness({ applicant: PERSON, matterCode: matterCode("PASSPORT") })), [null, "READINESS_OTHER_MATTER"]],
    ["a readiness check that does not exist", (i) => void (i.readinessId = randomUUID()), [null, "READINESS_NOT_FOUND"]],
  ];

  test.each(refusals)("refuses %s, naming it, and writes nothing", async (_name, change, expected) => {
    const input = await schoolInput();
    await change(input);
    const before = [await h.count("sp_bj"), await h.count("sp_bjmd"), await h.count("sp_bjcl")];
    const result = await h.run(ACCEPT, { input });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(problemsOf(result)).toContainEqual(expected);
    expect([await h.count("sp_bj"), await h.count("sp_bjmd"), await h.count("sp_bjcl")]).toEqual(before);
  });

  test("refuses without a window", async () => {
    const result = await h.run(ACCEPT, { input: await schoolInput() }, { window: null });
    expect(problemsOf(result)).toEqual([[null, "WINDOW_REQUIRED"]]);
  });

  test("lists every problem in one error, each with its material and reason", async () => {
    const input = await schoolInput({ holderCode: OTHER_PERSON, outcome: "EXPIRED" });
    input.materials = input.materials.filter((m: Input) => m.materialCode !== "CL03");
    material(input, "CL04").method = "COMMITMENT";
    const result = await h.run(ACCEPT, { input }, { window: null });
    expect(problemsOf(result)).toEqual([
      [null, "WINDOW_REQUIRED"],
      ["CL01", "RECEIPT_OTHER_HOLDER"],
      ["CL01", "RECEIPT_NOT_VALID"],
      ["CL04", "COMMITMENT_NOT_ALLOWED"],
      ["CL03", "MISSING_REQUIRED"],
    ]);
    const message = result.errors![0].message;
    expect(message).toMatch(/^acceptCase refused \(5 problems\)/);
    expect(message).toContain(OTHER_PERSON);
    expect(message).toContain("缺少必要材料 儿童出生医学证明");
    const problems = result.errors![0].extensions!.problems as { reason: string }[];
    expect(problems.every((p) => p.reason.length > 10)).toBe(true);
  });

  test("refuses malformed input at once, naming the value and the rule", async () => {
    const input = await schoolInput();
    const short = await h.run(ACCEPT, { input: { ...input, idempotencyKey: "abc" } });
    expect(short.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "idempotencyKey", rule: "idempotency-key" });
    const bad = await h.run(ACCEPT, { input: { ...input, applicant: "51110219880224473X" } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "applicant", value: "51110219880224473X" });
    expect(bad.errors?.[0].message).toContain("51110219880224473X");
  });

  test("records a required material left out as 告知承诺 where the matter allows it, and says so in the opinion", async () => {
    const code = matterCode("ENTERPRISE_ESTABLISHMENT"); // CL04 住所使用证明 allows 告知承诺
    const readinessId = await h.readiness({ applicant: COMPANY, applicantKind: "ORGANIZATION", matterCode: code, registered: null, deceased: null, materials: [byRegistry("CL03")] });
    const input = {
      idempotencyKey: randomUUID(), matterCode: code, applicant: COMPANY, applicantName: "某某科技有限公司", readinessId,
      materials: [{ materialCode: "CL01", method: "PAPER" }, { materialCode: "CL02", method: "UPLOAD" }, { materialCode: "CL03", method: "SHARED_DATA" }],
    };
    const { acceptCase: c } = dataOf(await h.run(ACCEPT, { input }));
    expect(c.applicant).toEqual({ __typename: "Organization", creditCode: COMPANY });
    expect(c.materials.map((m: Input) => [m.code, m.method])).toEqual([["CL01", "PAPER"], ["CL02", "UPLOAD"], ["CL03", "SHARED_DATA"], ["CL04", "COMMITMENT"]]);
    expect(c.timeline[0].opinion).toBe("予以受理；告知承诺（以承诺代替）：住所使用证明");
    // 承诺时限 1 working day from a Friday: the Monday after, end of day in Beijing.
    expect(c.promisedBy).toBe("2026-11-23T15:59:59.999Z");
  });

  test("records a required material left out as 容缺 where the matter allows deferral", async () => {
    const code = matterCode("DISABILITY_CERTIFICATE"); // CL04 近期免冠照片 allows 容缺
    const readinessId = await h.readiness({ applicant: PERSON, matterCode: code, materials: [byRegistry("CL02")] });
    const input = {
      idempotencyKey: randomUUID(), matterCode: code, applicant: PERSON, readinessId,
      materials: [{ materialCode: "CL01", method: "PAPER" }, { materialCode: "CL02", method: "SHARED_DATA" }, { materialCode: "CL03", method: "PAPER" }],
    };
    const { acceptCase: c } = dataOf(await h.run(ACCEPT, { input }));
    expect(c.materials.at(-1)).toMatchObject({ code: "CL04", method: "DEFERRED" });
    expect(c.timeline[0].opinion).toBe("予以受理；容缺受理（受理后补交）：近期免冠照片");
  });

  test("promises a 即办件 for the end of the acceptance day, and skips the National Day holiday", async () => {
    const marriage = matterCode("MARRIAGE_REGISTRATION"); // 承诺时限 0
    const paperOnly = async (code: string, now: Date) => {
      const readinessId = await h.readiness({ applicant: PERSON, matterCode: code, checkedAt: now });
      const materials = ["CL01", "CL02", "CL03", "CL04"].map((materialCode) => ({ materialCode, method: "PAPER" }));
      return { idempotencyKey: randomUUID(), matterCode: code, applicant: PERSON, readinessId, materials };
    };
    const late = new Date("2026-11-20T17:30:00+08:00");
    const { acceptCase: same } = dataOf(await h.run(ACCEPT, { input: await paperOnly(marriage, late) }, { now: late }));
    expect(same.promisedBy).toBe("2026-11-20T15:59:59.999Z");

    // Wednesday 30 September 2026, 1 working day: 1-7 October are off, Thursday 8 October is due.
    const beforeHoliday = new Date("2026-09-30T10:00:00+08:00");
    const code = matterCode("ENTERPRISE_ESTABLISHMENT");
    const readinessId = await h.readiness({ applicant: COMPANY, applicantKind: "ORGANIZATION", matterCode: code, checkedAt: beforeHoliday, registered: null, deceased: null });
    const input = { idempotencyKey: randomUUID(), matterCode: code, applicant: COMPANY, readinessId, materials: ["CL01", "CL02", "CL03", "CL04"].map((materialCode) => ({ materialCode, method: "PAPER" })) };
    const { acceptCase: c } = dataOf(await h.run(ACCEPT, { input }, { now: beforeHoliday }));
    expect(c.number).toMatch(/^SL20260930/);
    expect(c.promisedBy).toBe("2026-10-08T15:59:59.999Z");
  });
});

// Private: the same receipt with claims changed and the signature left as it was.
function forge(receipt: string, claims: Partial<VerificationReceiptClaims>): string {
  const [header, payload, signature] = receipt.split(".");
  const altered = { ...JSON.parse(Buffer.from(payload, "base64url").toString("utf8")), ...claims };
  return [header, Buffer.from(JSON.stringify(altered)).toString("base64url"), signature].join(".");
}
