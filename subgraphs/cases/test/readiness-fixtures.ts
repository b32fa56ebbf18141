// Readiness fixtures: matters whose materials exercise every rule, and representations
// shaped exactly as the gateway sends them after fetching the @requires selection from
// the registry and the licence library (JSON: enum names, date strings).
import type { Fixtures } from "./fixtures.js";
import { BUSINESS_LICENSE, HOUSEHOLD_BOOKLET, ID_CARD, REAL_ESTATE_CERT } from "./fixtures.js";

export const BIRTH_CERT = "12100000400010398P001";
export const SCHOOL = "RXDJ-001"; // 义务教育入学登记
export const REGISTRY_ONLY = "HJZM-001"; // a material only the registry can satisfy
export const BUNDLE = "YJS-CS-001"; // 出生一件事: a bundle, itself a matter of the catalogue

export const READINESS_FIXTURES: Fixtures = {
  sp_sxml: [
    { sxbm: SCHOOL, sxmc: "义务教育阶段新生入学登记", ssbm: "教育局", fdsx: 20, cnsx: 10, bjlx: "2" },
    { sxbm: REGISTRY_ONLY, sxmc: "户籍证明开具", ssbm: "公安局", fdsx: 1, cnsx: null, bjlx: "1" },
    { sxbm: BUNDLE, sxmc: "出生一件事", ssbm: "卫生健康委员会", fdsx: 10, cnsx: 5, bjlx: "2" },
  ],
  sp_sxcl: [
    { sxbm: SCHOOL, clbm: "CL01", clmc: "监护人居民身份证", zzlxdm: ID_CARD, sjx: "gmsfhm,xm,xb,csrq", bx: "1", xh: 1, yxcn: "0", yxrq: "0" },
    { sxbm: SCHOOL, clbm: "CL02", clmc: "居民户口簿", zzlxdm: HOUSEHOLD_BOOKLET, sjx: "hh,yhzgx,xm,gmsfhm", bx: "1", xh: 2, yxcn: "0", yxrq: "0" },
    { sxbm: SCHOOL, clbm: "CL03", clmc: "儿童出生医学证明", zzlxdm: BIRTH_CERT, sjx: null, bx: "1", xh: 3, yxcn: "0", yxrq: "1" },
    { sxbm: SCHOOL, clbm: "CL04", clmc: "预防接种证", zzlxdm: null, sjx: null, bx: "0", xh: 4, yxcn: "1", yxrq: "0" },
    { sxbm: REGISTRY_ONLY, clbm: "CL01", clmc: "户籍信息", zzlxdm: null, sjx: "gmsfhm,xm,hyzk,zz", bx: "1", xh: 1, yxcn: "0", yxrq: "0" },
    { sxbm: BUNDLE, clbm: "YJS-CL01", clmc: "父母居民身份证", zzlxdm: ID_CARD, sjx: "gmsfhm,xm", bx: "1", xh: 1, yxcn: "0", yxrq: "0" },
    { sxbm: BUNDLE, clbm: "YJS-CL02", clmc: "父母居民户口簿", zzlxdm: HOUSEHOLD_BOOKLET, sjx: "hh,yhzgx", bx: "1", xh: 2, yxcn: "0", yxrq: "0" },
  ],
  sp_bj: [],
  sp_bjcl: [],
  sp_bjgc: [],
};

export interface EvidenceJson {
  licenseId: string;
  typeCode: string;
  typeName: string | null;
  number: string | null;
  holderName: string | null;
  issuer: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  status: string | null;
  outcome: string;
  receipt: string | null;
  checkedAt: string;
  updatedAt: string | null;
}

let serial = 0;

/** A licence as LicenseEvidence answers it; VALID ones carry a receipt. */
export function evidence(typeCode: string, outcome: string, overrides: Partial<EvidenceJson> = {}): EvidenceJson {
  serial += 1;
  const names: Record<string, string> = {
    [ID_CARD]: "居民身份证",
    [HOUSEHOLD_BOOKLET]: "居民户口簿",
    [REAL_ESTATE_CERT]: "不动产权证书",
    [BUSINESS_LICENSE]: "营业执照",
    [BIRTH_CERT]: "出生医学证明",
  };
  const status = { VALID: "VALID", EXPIRED: "VALID", NOT_YET_VALID: "VALID", REVOKED: "REVOKED", CANCELLED: "CANCELLED", REPORTED_LOST: "REPORTED_LOST" }[outcome] ?? null;
  return {
    licenseId: `1.2.156.3005.2.${typeCode}.110105.${String(serial).padStart(4, "0")}.001.X`,
    typeCode,
    typeName: names[typeCode] ?? null,
    number: `N${String(serial).padStart(6, "0")}`,
    holderName: "王秀英",
    issuer: "北京市公安局西城分局",
    issuedOn: "2015-06-01",
    validUntil: outcome === "EXPIRED" ? "2020-06-01" : "2035-06-01",
    status,
    outcome,
    receipt: outcome === "VALID" ? `eyJhbGciOiJFZERTQSJ9.receipt-${serial}.sig` : null,
    checkedAt: "2026-11-23T02:00:00.000Z",
    updatedAt: "2025-01-02T03:04:05.000Z",
    ...overrides,
  };
}

export const HOUSEHOLD_NUMBER = "110105012345";

/** A registered person with a household of two, as the registry answers; override anything. */
export function personRepresentation(idNumber: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    __typename: "Person",
    idNumber,
    registered: true,
    deceased: false,
    name: "王秀英",
    sex: "FEMALE",
    birthDate: "1949-12-31",
    ethnicity: "HAN",
    address: "北京市西城区金融大街1号",
    region: { code: "110102" },
    maritalStatus: "MARRIED",
    relationshipToHead: "HEAD",
    recordKey: "RK110105000001",
    updatedAt: "2025-03-04T05:06:07.000Z",
    household: {
      number: HOUSEHOLD_NUMBER,
      address: "北京市西城区金融大街1号",
      updatedAt: "2024-12-01T00:00:00.000Z",
      members: [
        { idNumber, name: "王秀英", sex: "FEMALE", birthDate: "1949-12-31", relationshipToHead: "HEAD" },
        { idNumber: "110105194811110014", name: "李建国", sex: "MALE", birthDate: "1948-11-11", relationshipToHead: "SPOUSE" },
      ],
    },
    licenseEvidence: [],
    ...overrides,
  };
}

/** What the registry's reference resolution answers for a well-formed ID number it does not hold. */
export function unregisteredRepresentation(idNumber: string, licenseEvidence: EvidenceJson[] = []): Record<string, unknown> {
  return {
    __typename: "Person", idNumber, registered: false, deceased: false, name: null, sex: null, birthDate: null, ethnicity: null,
    address: null, region: null, maritalStatus: null, relationshipToHead: null, recordKey: null, updatedAt: null, household: null, licenseEvidence,
  };
}

export function organizationRepresentation(creditCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    __typename: "Organization",
    creditCode,
    name: "某某科技有限公司",
    legalRepresentative: "赵敏",
    address: "北京市海淀区中关村大街27号",
    recordKey: "1.2.156.3005.2.11100000000012176K001.110108.0001.001.K",
    updatedAt: "2025-05-06T07:08:09.000Z",
    licenseEvidence: [],
    ...overrides,
  };
}
