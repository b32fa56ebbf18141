// Case-silo fixtures: plain legacy rows, one shape for every table, loaded with
// parameterised INSERTs. Codes are the silo's own (pinyin columns, national codes),
// including a few a legacy system really holds outside the code tables.
import { idNumberCheckChar, type Silo } from "@onceonly/shared";

export type FixtureRow = Record<string, string | number | null>;
export interface Fixtures {
  sp_sxml: FixtureRow[];
  sp_sxcl: FixtureRow[];
  sp_bj: FixtureRow[];
  sp_bjcl: FixtureRow[];
  sp_bjgc: FixtureRow[];
}

export const withCheck = (first17: string): string => first17 + idNumberCheckChar(first17);

// Applicants: the design's GB 11643 vectors, one computed (Leshan 511102), and GB 32100 vectors.
export const WANG = "11010519491231002X"; // five cases: the pagination subject
export const LI = "440524188001010014";
export const ZHANG = withCheck("51110219900315001"); // 511102199003150013
export const NOBODY = withCheck("35098219850620002"); // Fuding; no cases at all
export const ACME = "91110000600037341L";
export const PILOT_ERA = "91110000600037341A"; // well formed, fails the check character: legal

// Licence type codes: defining agency's credit code + 3 digits.
export const ID_CARD = "11100000000013338W001";
export const HOUSEHOLD_BOOKLET = "11100000000013338W002";
export const REAL_ESTATE_CERT = "11100000000019713D001";
export const BUSINESS_LICENSE = "11100000000012176K001";
export const WANG_ID_CARD_LICENSE = "1.2.156.3005.2.11100000000013338W001.110105.0001.001.Q";

export const FIXTURES: Fixtures = {
  sp_sxml: [
    { sxbm: "QYKB-001", sxmc: "企业开办", ssbm: "市场监督管理局", fdsx: 5, cnsx: 1, bjlx: "2" },
    { sxbm: "BDCDJ-001", sxmc: "不动产登记", ssbm: "自然资源和规划局", fdsx: 30, cnsx: 5, bjlx: "2" },
    { sxbm: "HYDJ-001", sxmc: "婚姻登记", ssbm: "民政局", fdsx: 1, cnsx: null, bjlx: "1" },
    { sxbm: "LEGACY-007", sxmc: "旧系统迁移事项", ssbm: null, fdsx: null, cnsx: null, bjlx: "7" },
  ],
  sp_sxcl: [
    // Inserted out of display order on purpose: xh decides.
    { sxbm: "QYKB-001", clbm: "QYKB-CL03", clmc: "公司章程", zzlxdm: null, sjx: null, bx: "1", xh: 3 },
    { sxbm: "QYKB-001", clbm: "QYKB-CL01", clmc: "法定代表人身份证明", zzlxdm: ID_CARD, sjx: "gmsfhm,xm", bx: "1", xh: 1 },
    { sxbm: "QYKB-001", clbm: "QYKB-CL02", clmc: "住所使用证明", zzlxdm: REAL_ESTATE_CERT, sjx: null, bx: "1", xh: 2 },
    { sxbm: "BDCDJ-001", clbm: "BDC-CL01", clmc: "申请人身份证明", zzlxdm: ID_CARD, sjx: "gmsfhm,xm", bx: "1", xh: 1 },
    { sxbm: "BDCDJ-001", clbm: "BDC-CL02", clmc: "户口簿", zzlxdm: HOUSEHOLD_BOOKLET, sjx: "gmsfhm,xm,hh,yhzgx", bx: "1", xh: 2 },
    { sxbm: "BDCDJ-001", clbm: "BDC-CL03", clmc: "购房合同", zzlxdm: null, sjx: null, bx: "0", xh: 3 },
    { sxbm: "HYDJ-001", clbm: "HY-CL01", clmc: "居民身份证", zzlxdm: ID_CARD, sjx: "gmsfhm, xm", bx: "1", xh: 1 },
    // "shzt" is no registry column: skipped (and logged once).
    { sxbm: "HYDJ-001", clbm: "HY-CL02", clmc: "户口簿", zzlxdm: HOUSEHOLD_BOOKLET, sjx: "gmsfhm,xm,hh,hyzk,shzt", bx: "1", xh: 2 },
    { sxbm: "HYDJ-001", clbm: "HY-CL03", clmc: "近期半身免冠合影照片", zzlxdm: null, sjx: "", bx: "1", xh: 3 },
  ],
  sp_bj: [
    // WANG: newest first is 601 → 510-001 (later by a microsecond) → 510-002 → 301 → no acceptance time.
    caseRow("BJ20240301001", "HYDJ-001", WANG, "王秀英", "1", "2024-03-01T09:00:00Z", "04", { bjsj: "2024-03-01T09:40:00Z", bjjg: "1", mydpj: "5" }),
    caseRow("BJ20240510001", "BDCDJ-001", WANG, "王秀英", "1", "2024-05-10T10:00:00.000002Z", "02"),
    caseRow("BJ20240510002", "BDCDJ-001", WANG, "王秀英", "1", "2024-05-10T10:00:00.000001Z", "01"),
    caseRow("BJ20240601001", "QYKB-001", WANG, "王秀英", "1", "2024-06-01T14:30:00Z", "99"),
    caseRow("BJ00000000001", "HYDJ-001", WANG, "王秀英", "1", null, "06"),
    caseRow("BJ20240402001", "BDCDJ-001", LI, "李四", "1", "2024-04-02T08:30:00Z", "04", { bjsj: "2024-04-20T16:00:00Z", bjjg: "2", mydpj: "2" }),
    caseRow("BJ20240115001", "QYKB-001", ZHANG, "张伟", "9", "2024-01-15T11:00:00Z", "03"), // unknown applicant type
    caseRow("BJ20240116001", "GONE-001", ZHANG, "张伟", "1", "2024-01-16T11:00:00Z", "05"), // matter since removed
    caseRow("BJ20240201001", "QYKB-001", ACME, "某某科技有限公司", "2", "2024-02-01T10:00:00Z", "04", { bjsj: "2024-02-02T10:00:00Z", bjjg: "1", mydpj: "4" }),
    caseRow("BJ20240202001", "QYKB-001", ACME, "某某科技有限公司", "2", "2024-02-02T10:00:00Z", "05"),
  ],
  sp_bjcl: [
    { bjbh: "BJ20240301001", clbm: "HY-CL02", tjfs: "1", zzbs: null },
    { bjbh: "BJ20240301001", clbm: "HY-CL01", tjfs: "2", zzbs: WANG_ID_CARD_LICENSE },
    { bjbh: "BJ20240301001", clbm: "HY-CL03", tjfs: "5", zzbs: null },
    { bjbh: "BJ20240601001", clbm: "QYKB-CL01", tjfs: "9", zzbs: null }, // unknown submission method
    { bjbh: "BJ20240601001", clbm: "QYKB-CL99", tjfs: "6", zzbs: null }, // not in the matter's catalogue
    { bjbh: "BJ20240201001", clbm: "QYKB-CL03", tjfs: "3", zzbs: null },
  ],
  sp_bjgc: [
    { bjbh: "BJ20240301001", zt: "04", clsj: "2024-03-01T09:40:00Z", clck: "综合窗口3", clr: "陈静", clyj: "准予登记" },
    { bjbh: "BJ20240301001", zt: "01", clsj: "2024-03-01T09:00:00Z", clck: "综合窗口3", clr: "陈静", clyj: null },
    { bjbh: "BJ20240601001", zt: "01", clsj: "2024-06-01T14:30:00Z", clck: "综合窗口1", clr: "刘洋", clyj: null },
    { bjbh: "BJ20240601001", zt: "99", clsj: "2024-06-02T09:00:00Z", clck: null, clr: "系统迁移", clyj: "旧状态" },
  ],
};

/** `count` persons (Tangshan Lunan 130202) with two cases each, for batching tests. */
export function manyApplicants(count: number): Fixtures & { idNumbers: string[] } {
  const idNumbers = Array.from({ length: count }, (_, i) => withCheck(`130202${1950 + Math.floor(i / 1000)}0101${String(i % 1000).padStart(3, "0")}`));
  const cases = idNumbers.flatMap((id, i) => [
    caseRow(`MANY${i}A`, "QYKB-001", id, `申请人${i}`, "1", "2024-07-01T09:00:00Z", "01"),
    caseRow(`MANY${i}B`, "HYDJ-001", id, `申请人${i}`, "1", "2024-07-02T09:00:00Z", "04"),
  ]);
  return {
    idNumbers,
    sp_sxml: [],
    sp_sxcl: [],
    sp_bj: cases,
    sp_bjcl: cases.map((c) => ({ bjbh: c.bjbh, clbm: "QYKB-CL01", tjfs: "1", zzbs: null })),
    sp_bjgc: [],
  };
}

export async function loadFixtures(silo: Silo, fixtures: Fixtures): Promise<void> {
  for (const table of ["sp_sxml", "sp_sxcl", "sp_bj", "sp_bjcl", "sp_bjgc"] as const) {
    for (const row of fixtures[table]) {
      const columns = Object.keys(row);
      const placeholders = columns.map((_, i) => `$${i + 1}`).join(", ");
      await silo.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders})`, Object.values(row));
    }
  }
}

// Private: an sp_bj row with the usual window and a promised date when accepted.
function caseRow(
  bjbh: string,
  sxbm: string,
  sqrzjhm: string,
  sqrxm: string,
  sqrlx: string,
  slsj: string | null,
  zt: string,
  done: { bjsj?: string; bjjg?: string; mydpj?: string } = {},
): FixtureRow {
  return {
    bjbh, sxbm, sqrzjhm, sqrxm, sqrlx, slsj, slck: slsj ? "综合窗口3" : null,
    cnbjsj: slsj ? new Date(Date.parse(slsj) + 5 * 86_400_000).toISOString() : null,
    zt, bjsj: done.bjsj ?? null, bjjg: done.bjjg ?? null, mydpj: done.mydpj ?? null,
  };
}
