// 一件事一次办: accepting a bundle matter creates the bundle case and one case per member
// matter, in one transaction; a document several members need is submitted once (one
// row of the bundle case) and cited by every member case that needs it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENGINES } from "../../../test/support/silos.js";
import { dataOf } from "./harness.js";
import { ACCEPT, bundleCode, byRegistry, COMPANY, licenseId, matterCode, openAcceptHarness, OTHER_PERSON, PERSON, problemsOf, typeCode, type AcceptHarness } from "./accept-support.js";

const OPENING = bundleCode("ENTERPRISE_OPENING");
const NEWBORN = bundleCode("NEWBORN");
const BUSINESS = licenseId("BUSINESS", "0042");

describe.each(ENGINES)("one-thing bundles on %s", (engine) => {
  let h: AcceptHarness;
  beforeAll(async () => {
    h = await openAcceptHarness(engine);
  });
  afterAll(() => h?.dispose());

  // 企业开办一件事: CL01 申请书, CL02 章程, CL03 法定代表人身份证明 (all three members), CL04 住所使用证明 (告知承诺),
  // CL05 印章刻制申请表, CL06 营业执照 (seal and invoice), CL07 发票票种核定申请表, CL08 发票专用章印模 (容缺).
  async function openingInput(holder = COMPANY): Promise<Record<string, any>> {
    const readinessId = await h.readiness({ applicant: COMPANY, applicantKind: "ORGANIZATION", matterCode: OPENING, registered: null, deceased: null, materials: [byRegistry("CL03")] });
    return {
      idempotencyKey: randomUUID(),
      matterCode: OPENING,
      applicant: COMPANY,
      applicantName: "某某科技有限公司",
      readinessId,
      materials: [
        { materialCode: "CL01", method: "PAPER" },
        { materialCode: "CL02", method: "UPLOAD" },
        { materialCode: "CL03", method: "SHARED_DATA" },
        { materialCode: "CL05", method: "PAPER" },
        { materialCode: "CL06", method: "E_LICENSE", licenseId: BUSINESS, receipt: await h.receipt({ licenseId: BUSINESS, typeCode: typeCode("BUSINESS"), holderCode: holder }) },
        { materialCode: "CL07", method: "PAPER" },
      ],
      handler: "王敏",
    };
  }

  const methods = (c: { materials: { code: string; method: string; licenseId: string | null }[] }) => c.materials.map((m) => [m.code, m.method, m.licenseId]);

  test("企业开办: one acceptance creates the bundle case and its three member cases, each shared material submitted once", async () => {
    const before = await h.count("sp_bj");
    const input = await openingInput();
    const { acceptCase: bundle } = dataOf(await h.run(ACCEPT, { input }));
    expect(bundle.matter.code).toBe(OPENING);
    expect(bundle.bundle).toBeNull();
    expect(methods(bundle)).toEqual([
      ["CL01", "PAPER", null], ["CL02", "UPLOAD", null], ["CL03", "SHARED_DATA", null], ["CL04", "COMMITMENT", null],
      ["CL05", "PAPER", null], ["CL06", "E_LICENSE", BUSINESS], ["CL07", "PAPER", null], ["CL08", "DEFERRED", null],
    ]);
    expect(bundle.members.map((m: any) => m.matter.code)).toEqual([matterCode("ENTERPRISE_ESTABLISHMENT"), matterCode("SEAL_ENGRAVING"), matterCode("FIRST_INVOICE")]);
    const [establishment, seal, invoice] = bundle.members;
    for (const member of bundle.members) expect(member.bundle).toEqual({ number: bundle.number });
    // Each member's materials, derived from the bundle's: the licence and the registry data cited by every member that needs them.
    expect(methods(establishment)).toEqual([["CL01", "PAPER", null], ["CL02", "UPLOAD", null], ["CL03", "SHARED_DATA", null], ["CL04", "COMMITMENT", null]]);
    expect(methods(seal)).toEqual([["CL01", "PAPER", null], ["CL02", "E_LICENSE", BUSINESS], ["CL03", "SHARED_DATA", null]]);
    expect(methods(invoice)).toEqual([["CL01", "PAPER", null], ["CL02", "E_LICENSE", BUSINESS], ["CL03", "SHARED_DATA", null], ["CL04", "DEFERRED", null]]);
    // Each its own promise: the establishment within 1 working day (Friday → Monday), seal and invoice on the spot.
    expect(bundle.promisedBy).toBe("2026-11-23T15:59:59.999Z");
    expect(establishment.promisedBy).toBe("2026-11-23T15:59:59.999Z");
    expect(seal.promisedBy).toBe("2026-11-20T15:59:59.999Z");
    expect(invoice.promisedBy).toBe("2026-11-20T15:59:59.999Z");
    expect(bundle.timeline[0].opinion).toBe(
      `予以受理；容缺受理（受理后补交）：发票专用章印模；告知承诺（以承诺代替）：住所使用证明；一件事一次办，成员办件 ${bundle.members.map((m: any) => m.number).join("、")}`,
    );
    expect(await h.count("sp_bj")).toBe(before + 4);

    // The business licence was handed over once: one row of the bundle case, whose receipt both members cite.
    const cited = await h.silo.query<{ bjbh: string; clbm: string; yzhz: string }>(
      `SELECT c.bjbh, c.clbm, c.yzhz FROM sp_bjcl c JOIN sp_bj b ON b.bjbh = c.bjbh WHERE c.zzbs = $1 AND (b.bjbh = $2 OR b.zhbjbh = $2) ORDER BY c.bjbh`,
      [BUSINESS, bundle.number],
    );
    expect(cited.map((r) => [r.bjbh, r.clbm])).toEqual([[bundle.number, "CL06"], [seal.number, "CL02"], [invoice.number, "CL02"]]);
    expect(new Set(cited.map((r) => r.yzhz))).toEqual(new Set([input.materials[4].receipt]));

    // A member case read on its own knows its bundle; the timeline says it came with it.
    const { case: member } = dataOf(await h.run(`{ case(number: "${seal.number}") { bundle { number members { number } } timeline { opinion window } } }`));
    expect(member.bundle.number).toBe(bundle.number);
    expect(member.bundle.members.map((m: any) => m.number)).toEqual(bundle.members.map((m: any) => m.number));
    expect(member.timeline).toEqual([{ opinion: `随一件事 ${bundle.number}（企业开办一件事）受理`, window: "综合窗口7" }]);
  });

  test("a retried bundle acceptance returns the same bundle case and creates no member case twice", async () => {
    const input = await openingInput();
    const first = dataOf(await h.run(ACCEPT, { input })).acceptCase;
    const before = await h.count("sp_bj");
    const [again, concurrent] = await Promise.all([h.run(ACCEPT, { input }), h.run(ACCEPT, { input })]);
    expect(dataOf(again).acceptCase).toEqual(first);
    expect(dataOf(concurrent).acceptCase.number).toBe(first.number);
    expect(await h.count("sp_bj")).toBe(before);
  });

  test("a refused bundle acceptance writes neither the bundle case nor any member case", async () => {
    const before = await h.count("sp_bj");
    const result = await h.run(ACCEPT, { input: await openingInput(OTHER_PERSON) });
    expect(problemsOf(result)).toEqual([["CL06", "RECEIPT_OTHER_HOLDER"]]);
    expect(await h.count("sp_bj")).toBe(before);
  });

  test("新生儿出生: the household booklet pulled once serves birth registration and newborn insurance", async () => {
    const readinessId = await h.readiness({ applicant: PERSON, matterCode: NEWBORN, materials: [byRegistry("CL02"), byRegistry("CL05")] });
    const input = {
      idempotencyKey: randomUUID(), matterCode: NEWBORN, applicant: PERSON, readinessId,
      materials: [
        { materialCode: "CL01", method: "PAPER" }, // 出生医学证明首次签发登记表
        { materialCode: "CL02", method: "SHARED_DATA" }, // 父母居民身份证
        { materialCode: "CL04", method: "PAPER" }, // 出生医学证明
        { materialCode: "CL05", method: "SHARED_DATA" }, // 父母居民户口簿
      ],
    };
    const { acceptCase: bundle } = dataOf(await h.run(ACCEPT, { input }));
    const [certificate, registration, insurance] = bundle.members;
    expect(bundle.members.map((m: any) => m.matter.code)).toEqual([matterCode("BIRTH_CERTIFICATE"), matterCode("BIRTH_REGISTRATION"), matterCode("NEWBORN_INSURANCE")]);
    expect(methods(certificate)).toEqual([["CL01", "PAPER", null], ["CL02", "SHARED_DATA", null]]);
    expect(methods(registration)).toEqual([["CL01", "PAPER", null], ["CL02", "SHARED_DATA", null], ["CL03", "SHARED_DATA", null]]);
    expect(methods(insurance)).toEqual([["CL01", "PAPER", null], ["CL02", "SHARED_DATA", null]]);
    expect(methods(bundle).filter(([code]) => code === "CL05")).toHaveLength(1);
  });

  test("a bundle matter lists its member matters; an ordinary matter none", async () => {
    const { bundle, plain } = dataOf(await h.run(`{ bundle: matter(code: "${OPENING}") { name members { code name } } plain: matter(code: "${matterCode("PASSPORT")}") { members { code } } }`));
    expect(bundle).toEqual({
      name: "企业开办一件事",
      members: [
        { code: matterCode("ENTERPRISE_ESTABLISHMENT"), name: "企业设立登记（企业开办）" },
        { code: matterCode("SEAL_ENGRAVING"), name: "公章刻制备案" },
        { code: matterCode("FIRST_INVOICE"), name: "首次申领发票" },
      ],
    });
    expect(plain.members).toEqual([]);
  });
});
