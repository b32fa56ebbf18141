// The licence silo's test data: plain legacy rows of one shape, inserted with
// parameterised INSERTs. Identifiers are built with the real check algorithms, so every
// code here is valid unless its name says otherwise (PILOT_ORG, the legacy row).
import { creditCodeCheckChar, formatLicenseId, idNumberCheckChar, type Silo } from "@onceonly/shared";
import type { LicenseRow as SourceLicenseRow } from "../src/source/license.row.js";

export interface LicenseTypeRow {
  zzlxdm: string;
  zzlxmc: string;
  dybm: string | null;
  czztlb: string | null;
}

// The silo row as the source reads it, but written: gxsj goes in as an ISO string.
export type LicenseRow = Omit<SourceLicenseRow, "gxsj"> & { gxsj: string };

export interface SurfaceItemRow {
  zzbs: string;
  sjxbm: string;
  sjxmc: string | null;
  sjxz: string | null;
}

export interface LicenceFixtures {
  types: LicenseTypeRow[];
  licenses: LicenseRow[];
  items: SurfaceItemRow[];
}

export const creditCode = (first17: string): string => first17 + creditCodeCheckChar(first17);
export const idNumber = (first17: string): string => first17 + idNumberCheckChar(first17);

// Defining agencies: a licence type code is the agency's credit code + 3 digits.
const MPS = "11100000000013338W"; // design.md's real vector
const SAMR = creditCode("11100000MB0143028");
const MNR = creditCode("11100000MB1503750");

export const TYPE = {
  idCard: `${MPS}001`,
  drivingLicence: `${MPS}002`,
  businessLicence: `${SAMR}001`,
  realEstate: `${MNR}001`,
} as const;

export const ISSUER = {
  beijingPsb: { name: "北京市公安局朝阳分局", code: creditCode("11110105000013597") },
  leshanPsb: { name: "乐山市公安局市中区分局", code: creditCode("11511102008734557") },
  leshanTraffic: { name: "乐山市公安局交通警察支队", code: creditCode("11511100MB1542136") },
  leshanSamr: { name: "乐山市市场监督管理局", code: creditCode("11511100MB1542313") },
  leshanMnr: { name: "乐山市自然资源和规划局", code: creditCode("11511100MB0E28741") },
  fudingSamr: { name: "福鼎市市场监督管理局", code: creditCode("11350982MB0H37524") },
} as const;

export const PERSON = {
  zhang: "11010519491231002X", // GB 11643's own example; born 1949, so a long-term ID card
  wang: idNumber("51110219900101123"),
  li: idNumber("51110219850312002"),
  nobody: idNumber("46040019930817005"), // Danzhou; holds no licence
} as const;

export const ORG = {
  jiazhou: creditCode("91511102MA62K0TQ3"),
  /** Well formed, wrong check character: a legal pilot-era code. */
  pilot: pilotCode("91350982MA2XY4B1C"),
  unknown: creditCode("91130202MA0CX1Y2W"), // Tangshan Lunan; holds no licence here
} as const;

export const types: LicenseTypeRow[] = [
  { zzlxdm: TYPE.idCard, zzlxmc: "居民身份证", dybm: "公安部", czztlb: "1" },
  { zzlxdm: TYPE.drivingLicence, zzlxmc: "机动车驾驶证", dybm: "公安部", czztlb: "1" },
  { zzlxdm: TYPE.businessLicence, zzlxmc: "营业执照", dybm: "国家市场监督管理总局", czztlb: "2" },
  // Held by persons and organisations alike: no single holder kind.
  { zzlxdm: TYPE.realEstate, zzlxmc: "不动产权证书", dybm: "自然资源部", czztlb: null },
];

type Issuer = { name: string; code: string };
interface Spec {
  type: string;
  issuer: Issuer;
  serial: string;
  version?: string;
  number: string;
  holder: [name: string, code: string, codeType: string];
  issued: string;
  until: string | null;
  status: string;
  updated: string;
}

export function licence(spec: Spec): LicenseRow {
  const name = types.find((t) => t.zzlxdm === spec.type)?.zzlxmc ?? "档案证照";
  return {
    zzbs: formatLicenseId({ typeCode: spec.type, issuerCode: spec.issuer.code, serial: spec.serial, version: spec.version ?? "001" }),
    zzlxdm: spec.type,
    zzmc: name,
    zzbh: spec.number,
    czzt: spec.holder[0],
    czztdm: spec.holder[1],
    czztdmlx: spec.holder[2],
    zzbfjg: spec.issuer.name,
    zzbfjgdm: spec.issuer.code,
    zzbfrq: spec.issued,
    zzyxqqsrq: spec.issued,
    zzyxqjzrq: spec.until,
    zzzt: spec.status,
    gxsj: spec.updated,
  };
}

const zhang: Spec["holder"] = ["张三", PERSON.zhang, "111"];
const wang: Spec["holder"] = ["王小明", PERSON.wang, "111"];
const li: Spec["holder"] = ["李秀英", PERSON.li, "111"];

export const LICENSE = {
  zhangIdCard: licence({ type: TYPE.idCard, issuer: ISSUER.beijingPsb, serial: "110105A0001", number: PERSON.zhang, holder: zhang, issued: "2015-03-01", until: null, status: "有效", updated: "2015-03-01T10:00:00+08:00" }),
  wangIdCardOld: licence({ type: TYPE.idCard, issuer: ISSUER.leshanPsb, serial: "511102A0002", number: PERSON.wang, holder: wang, issued: "2008-05-10", until: "2028-05-10", status: "注销", updated: "2019-06-01T09:00:00+08:00" }),
  wangIdCard: licence({ type: TYPE.idCard, issuer: ISSUER.leshanPsb, serial: "511102A0002", version: "002", number: PERSON.wang, holder: wang, issued: "2019-06-01", until: "2039-06-01", status: "有效", updated: "2019-06-01T09:05:00+08:00" }),
  /** Still 有效 in the silo, but past its validity: expired is derived. */
  wangDriving: licence({ type: TYPE.drivingLicence, issuer: ISSUER.leshanTraffic, serial: "511100D0003", number: `D${PERSON.wang}`, holder: wang, issued: "2015-08-15", until: "2021-08-15", status: "有效", updated: "2015-08-15T11:00:00+08:00" }),
  liDriving: licence({ type: TYPE.drivingLicence, issuer: ISSUER.leshanTraffic, serial: "511100D0004", number: `D${PERSON.li}`, holder: li, issued: "2012-01-20", until: "2028-01-20", status: "吊销", updated: "2022-07-04T15:30:00+08:00" }),
  liIdCard: licence({ type: TYPE.idCard, issuer: ISSUER.leshanPsb, serial: "511102A0005", number: PERSON.li, holder: li, issued: "2010-11-02", until: "2030-11-02", status: "挂失", updated: "2024-02-10T08:00:00+08:00" }),
  /** 不动产权证书 carry no end date: long-term. */
  liHouse: licence({ type: TYPE.realEstate, issuer: ISSUER.leshanMnr, serial: "511100F0006", number: "川(2020)乐山市不动产权第0012345号", holder: li, issued: "2020-10-09", until: null, status: "有效", updated: "2020-10-09T14:00:00+08:00" }),
  jiazhouOld: licence({ type: TYPE.businessLicence, issuer: ISSUER.leshanSamr, serial: "511100Y0007", number: ORG.jiazhou, holder: ["乐山市嘉州食品有限公司", ORG.jiazhou, "001"], issued: "2016-04-01", until: null, status: "注销", updated: "2021-09-01T10:00:00+08:00" }),
  jiazhou: licence({ type: TYPE.businessLicence, issuer: ISSUER.leshanSamr, serial: "511100Y0007", version: "002", number: ORG.jiazhou, holder: ["乐山嘉州食品股份有限公司", ORG.jiazhou, "001"], issued: "2021-09-01", until: null, status: "有效", updated: "2021-09-01T10:05:00+08:00" }),
  /** The organisation's most recently issued licence, without fddbr / zs items. */
  jiazhouHouse: licence({ type: TYPE.realEstate, issuer: ISSUER.leshanMnr, serial: "511100F0008", number: "川(2023)乐山市不动产权第0000456号", holder: ["乐山嘉州食品股份有限公司", ORG.jiazhou, "001"], issued: "2023-02-01", until: null, status: "有效", updated: "2023-02-01T16:00:00+08:00" }),
  pilot: licence({ type: TYPE.businessLicence, issuer: ISSUER.fudingSamr, serial: "350982Y0009", number: ORG.pilot, holder: ["福鼎市白琳茶业有限公司", ORG.pilot, "001"], issued: "2015-10-01", until: "2035-09-30", status: "有效", updated: "2015-10-01T09:00:00+08:00" }),
  /** Migrated from an older system: status and holder code type outside the code tables. */
  legacy: licence({ type: TYPE.drivingLicence, issuer: ISSUER.leshanTraffic, serial: "511100D0010", number: "LS-1998-0042", holder: ["周某", "LEGACY0042", "999"], issued: "1998-06-30", until: "2004-06-30", status: "XX", updated: "2009-01-01T00:00:00+08:00" }),
} as const;

const item = (zzbs: string, sjxbm: string, sjxmc: string, sjxz: string): SurfaceItemRow => ({ zzbs, sjxbm, sjxmc, sjxz });

export const items: SurfaceItemRow[] = [
  item(LICENSE.jiazhouOld.zzbs, "fddbr", "法定代表人", "赵建国"),
  item(LICENSE.jiazhouOld.zzbs, "zs", "住所", "四川省乐山市市中区嘉州大道1号"),
  item(LICENSE.jiazhou.zzbs, "fddbr", "法定代表人", "赵丽华"),
  item(LICENSE.jiazhou.zzbs, "zs", "住所", "四川省乐山市市中区滨河路88号"),
  item(LICENSE.jiazhou.zzbs, "zczb", "注册资本", "5000万元人民币"),
  item(LICENSE.jiazhouHouse.zzbs, "zl", "坐落", "乐山市市中区滨河路88号1栋"),
  item(LICENSE.pilot.zzbs, "fddbr", "法定代表人", "林茶生"),
  item(LICENSE.pilot.zzbs, "zs", "住所", "福建省福鼎市点头镇柏柳村"),
];

export const fixtures: LicenceFixtures = { types, licenses: Object.values(LICENSE), items };

/** n persons in Leshan, each with an ID card, every third with a driving licence too. */
export function manyPersons(n: number, from = 1): { idNumbers: string[]; licenses: LicenseRow[] } {
  const idNumbers: string[] = [];
  const licenses: LicenseRow[] = [];
  for (let i = from; i < from + n; i++) {
    const id = idNumber(`51110219800101${String(i).padStart(3, "0")}`);
    const holder: Spec["holder"] = [`测试${i}`, id, "111"];
    idNumbers.push(id);
    licenses.push(licence({ type: TYPE.idCard, issuer: ISSUER.leshanPsb, serial: `B${i}`, number: id, holder, issued: "2020-01-01", until: "2040-01-01", status: "有效", updated: "2020-01-01T00:00:00+08:00" }));
    if (i % 3 === 0) {
      licenses.push(licence({ type: TYPE.drivingLicence, issuer: ISSUER.leshanTraffic, serial: `C${i}`, number: `D${id}`, holder, issued: "2020-01-01", until: "2026-01-01", status: "有效", updated: "2020-01-01T00:00:00+08:00" }));
    }
  }
  return { idNumbers, licenses };
}

export async function insertFixtures(silo: Silo, data: Partial<LicenceFixtures> = fixtures): Promise<void> {
  for (const t of data.types ?? []) {
    await silo.query("INSERT INTO dzzz_zzlx (zzlxdm, zzlxmc, dybm, czztlb) VALUES ($1, $2, $3, $4)", [t.zzlxdm, t.zzlxmc, t.dybm, t.czztlb]);
  }
  for (const l of data.licenses ?? []) {
    await silo.query(
      `INSERT INTO dzzz_zzxx (zzbs, zzlxdm, zzmc, zzbh, czzt, czztdm, czztdmlx, zzbfjg, zzbfjgdm, zzbfrq, zzyxqqsrq, zzyxqjzrq, zzzt, gxsj)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [l.zzbs, l.zzlxdm, l.zzmc, l.zzbh, l.czzt, l.czztdm, l.czztdmlx, l.zzbfjg, l.zzbfjgdm, l.zzbfrq, l.zzyxqqsrq, l.zzyxqjzrq, l.zzzt, l.gxsj],
    );
  }
  for (const i of data.items ?? []) {
    await silo.query("INSERT INTO dzzz_zzsj (zzbs, sjxbm, sjxmc, sjxz) VALUES ($1, $2, $3, $4)", [i.zzbs, i.sjxbm, i.sjxmc, i.sjxz]);
  }
}

// Private: the same 17 characters with a check character other than the right one.
function pilotCode(first17: string): string {
  const right = creditCodeCheckChar(first17);
  return first17 + (right === "0" ? "1" : "0");
}
