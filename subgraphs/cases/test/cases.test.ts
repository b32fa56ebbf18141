import { logger, resetUnrecognizedReports } from "@onceonly/shared";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { ACME, WANG, WANG_ID_CARD_LICENSE, ZHANG } from "./fixtures.js";
import { dataOf, openHarness, type Harness } from "./harness.js";

const CASE_FIELDS = `number matter { code name } applicant { __typename ... on Person { idNumber } ... on Organization { creditCode } }
  applicantName acceptedAt window promisedBy status completedAt result evaluation
  materials { code name method licenseId license { id } }
  timeline { status at window handler opinion }`;

describe.each(ENGINES)("cases on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(engine);
  });
  afterAll(() => h?.dispose());

  test("a completed case with its matter, person applicant, materials and timeline", async () => {
    const { case: c } = dataOf(await h.run(`{ case(number: "BJ20240301001") { ${CASE_FIELDS} } }`));
    expect(c).toEqual({
      number: "BJ20240301001",
      matter: { code: "HYDJ-001", name: "婚姻登记" },
      applicant: { __typename: "Person", idNumber: WANG },
      applicantName: "王秀英",
      acceptedAt: "2024-03-01T09:00:00.000Z",
      window: "综合窗口3",
      promisedBy: "2024-03-06T09:00:00.000Z",
      status: "COMPLETED",
      completedAt: "2024-03-01T09:40:00.000Z",
      result: "APPROVED",
      evaluation: "VERY_SATISFIED",
      // in the matter's display order (xh), not insertion order
      materials: [
        { code: "HY-CL01", name: "居民身份证", method: "E_LICENSE", licenseId: WANG_ID_CARD_LICENSE, license: { id: WANG_ID_CARD_LICENSE } },
        { code: "HY-CL02", name: "户口簿", method: "SHARED_DATA", licenseId: null, license: null },
        { code: "HY-CL03", name: "近期半身免冠合影照片", method: "PAPER", licenseId: null, license: null },
      ],
      // ordered by time, not insertion order
      timeline: [
        { status: "ACCEPTED", at: "2024-03-01T09:00:00.000Z", window: "综合窗口3", handler: "陈静", opinion: null },
        { status: "COMPLETED", at: "2024-03-01T09:40:00.000Z", window: "综合窗口3", handler: "陈静", opinion: "准予登记" },
      ],
    });
  });

  test("an organisation applicant; a denied result and a poor evaluation", async () => {
    const { a, b } = dataOf(
      await h.run(`{ a: case(number: "BJ20240201001") { applicant { __typename ... on Organization { creditCode } } status result evaluation }
                     b: case(number: "BJ20240402001") { result evaluation } }`),
    );
    expect(a).toEqual({ applicant: { __typename: "Organization", creditCode: ACME }, status: "COMPLETED", result: "APPROVED", evaluation: "SATISFIED" });
    expect(b).toEqual({ result: "DENIED", evaluation: "DISSATISFIED" });
  });

  test("unknown legacy codes (zt 99, tjfs 9) come back UNRECOGNIZED and the case is still returned", async () => {
    const { case: c } = dataOf(await h.run(`{ case(number: "BJ20240601001") { number status materials { code name method } timeline { status opinion } } }`));
    expect(c).toEqual({
      number: "BJ20240601001",
      status: "UNRECOGNIZED",
      materials: [
        { code: "QYKB-CL01", name: "法定代表人身份证明", method: "UNRECOGNIZED" },
        { code: "QYKB-CL99", name: null, method: "UPLOAD" }, // not in the catalogue: no name, still listed
      ],
      timeline: [
        { status: "ACCEPTED", opinion: null },
        { status: "UNRECOGNIZED", opinion: "旧状态" },
      ],
    });
  });

  test("an unknown applicant type gives no applicant, logged once however often it is read", async () => {
    resetUnrecognizedReports();
    const warn = vi.spyOn(logger, "warn");
    try {
      for (let i = 0; i < 2; i++) {
        const { case: c } = dataOf(await h.run(`{ case(number: "BJ20240115001") { applicant { __typename } applicantName status } }`));
        expect(c).toEqual({ applicant: null, applicantName: "张伟", status: "REVIEWING" });
      }
      const reports = warn.mock.calls.filter(([bindings]) => (bindings as { table?: string }).table === "ApplicantKind");
      expect(reports).toHaveLength(1);
      expect(reports[0][0]).toMatchObject({ code: "9", column: "sp_bj.sqrlx", bjbh: "BJ20240115001" });
    } finally {
      warn.mockRestore();
    }
  });

  test("a case whose matter left the catalogue has a null matter", async () => {
    const { case: c } = dataOf(await h.run(`{ case(number: "BJ20240116001") { matter { code } applicant { ... on Person { idNumber } } status } }`));
    expect(c).toEqual({ matter: null, applicant: { idNumber: ZHANG }, status: "NOT_ACCEPTED" });
  });

  test("an unknown case number is null; a case without acceptance time has null times", async () => {
    const { missing, early } = dataOf(
      await h.run(`{ missing: case(number: "BJ99999999999") { number } early: case(number: "BJ00000000001") { acceptedAt promisedBy window status } }`),
    );
    expect(missing).toBeNull();
    expect(early).toEqual({ acceptedAt: null, promisedBy: null, window: null, status: "RETURNED_FOR_CORRECTION" });
  });

  test.each([
    ["", "empty"],
    ["BJ2024/0301", "charset"],
    ["'; DROP TABLE sp_bj; --", "charset"],
    ["B".repeat(40), "length"],
  ])("case number %j is refused (%s) before any SQL", async (number, rule) => {
    const { result, statements } = await countStatements([h.silo], () => h.run(`query($n: ID!) { case(number: $n) { number } }`, { n: number }));
    expect(statements).toHaveLength(0);
    expect(result.data).toEqual({ case: null });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "number", value: number, rule });
  });

  test("Case entities resolve for the gateway in one statement per table", async () => {
    const { result, statements } = await countStatements([h.silo], () =>
      h.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { number status matter { name } timeline { status } } } }`, {
        r: ["BJ20240301001", "BJ20240402001", "BJ20240201001", "BJ99999999999", "BJ/BAD"].map((number) => ({ __typename: "Case", number })),
      }),
    );
    expect(result.errors?.map((e) => e.extensions)).toMatchObject([{ code: "BAD_USER_INPUT", value: "BJ/BAD", rule: "charset" }]);
    expect(result.data?._entities).toEqual([
      { number: "BJ20240301001", status: "COMPLETED", matter: { name: "婚姻登记" }, timeline: [{ status: "ACCEPTED" }, { status: "COMPLETED" }] },
      { number: "BJ20240402001", status: "COMPLETED", matter: { name: "不动产登记" }, timeline: [] },
      { number: "BJ20240201001", status: "COMPLETED", matter: { name: "企业开办" }, timeline: [] },
      null,
      null,
    ]);
    expect(statements).toHaveLength(3); // sp_bj, sp_sxml, sp_bjgc
  });
});
