// The matter catalogue (sp_sxml, sp_sxcl): real matters of the national service
// catalogue with illustrative codes in its 12-digit style, statutory and promised time
// limits in working days, and materials linked to licence types (zzlxdm) and/or
// registry columns (sjx) that can satisfy them, and whether a material may be replaced by
// a commitment (告知承诺) or handed in later (容缺). Reference data: the same for every seed.
// SEAL_ENGRAVING, FIRST_INVOICE and BIRTH_CERTIFICATE exist for the one-thing bundles
// (bundles.ts) and are never drawn for generated cases, so the random streams are unchanged.
import { ApplicantKind, MatterKind } from "../codes/case.js";
import { licenseType, type LicenseTypeKey } from "./license-types.js";
import type { DemoRow } from "./tables.js";

export type MatterKey =
  | "ENTERPRISE_ESTABLISHMENT" | "INDIVIDUAL_BUSINESS" | "FOOD_PERMIT" | "PROPERTY_TRANSFER" | "SCHOOL_ENROLMENT"
  | "RETIREMENT" | "DISABILITY_CERTIFICATE" | "MARRIAGE_REGISTRATION" | "BIRTH_REGISTRATION" | "ID_CARD_RENEWAL"
  | "DRIVING_LICENCE_RENEWAL" | "HOUSING_FUND_WITHDRAWAL" | "MEDICAL_INSURANCE" | "PASSPORT" | "SOCIAL_ASSISTANCE"
  | "NEWBORN_INSURANCE" | "ENTERPRISE_DEREGISTRATION" | "SEAL_ENGRAVING" | "FIRST_INVOICE" | "BIRTH_CERTIFICATE";

export interface DemoMaterial {
  code: string;
  name: string;
  licenseType: LicenseTypeKey | null;
  /** Registry columns, comma separated, as the legacy catalogue stores them. */
  registryFields: string | null;
  required: boolean;
  /** 告知承诺 allowed (sp_sxcl.yxcn). */
  commitmentAllowed: boolean;
  /** 容缺 allowed (sp_sxcl.yxrq). */
  deferralAllowed: boolean;
}

export interface DemoMatter {
  key: MatterKey;
  code: string;
  name: string;
  department: string;
  statutoryDays: number;
  promisedDays: number;
  kind: "IMMEDIATE" | "PROMISED";
  applicant: "PERSON" | "ORGANIZATION";
  materials: DemoMaterial[];
}

const ID = "gmsfhm,xm,xb,csrq";
/** Which waivers local practice allows for a material: 告知承诺, 容缺, or both. */
type Waiver = "COMMITMENT" | "DEFERRAL" | "BOTH";
type M = [name: string, licence: LicenseTypeKey | null, fields: string | null, required?: boolean, waiver?: Waiver];
type Def = [MatterKey, string, string, string, number, number, "PERSON" | "ORGANIZATION", M[]];

// [key, code, name, department, statutory, promised (0 = 即办件), applicant, materials]
const DEFS: Def[] = [
  ["ENTERPRISE_ESTABLISHMENT", "000127001000", "企业设立登记（企业开办）", "市场监督管理局", 15, 1, "ORGANIZATION", [
    ["公司登记（备案）申请书", null, null], ["公司章程", null, null], ["法定代表人身份证明", "ID_CARD", "gmsfhm,xm"], ["住所使用证明", "PROPERTY", null, true, "COMMITMENT"]]],
  ["INDIVIDUAL_BUSINESS", "000127002000", "个体工商户设立登记", "市场监督管理局", 15, 0, "PERSON", [
    ["个体工商户登记（备案）申请书", null, null], ["经营者身份证明", "ID_CARD", ID], ["经营场所使用证明", "PROPERTY", null, true, "COMMITMENT"]]],
  ["FOOD_PERMIT", "000127015000", "食品经营许可（新办）", "市场监督管理局", 20, 10, "ORGANIZATION", [
    ["食品经营许可申请书", null, null], ["营业执照", "BUSINESS", null], ["法定代表人身份证明", "ID_CARD", "gmsfhm,xm"],
    ["经营场所使用证明", "PROPERTY", null, false], ["食品安全管理制度文本", null, null, true, "COMMITMENT"]]],
  ["PROPERTY_TRANSFER", "000156002000", "不动产转移登记（存量房买卖）", "不动产登记中心", 30, 5, "PERSON", [
    ["不动产登记申请书", null, null], ["申请人身份证明", "ID_CARD", "gmsfhm,xm"], ["不动产权证书", "PROPERTY", null],
    ["存量房买卖合同", null, null], ["婚姻状况证明", "MARRIAGE", "hyzk", false, "COMMITMENT"]]],
  ["SCHOOL_ENROLMENT", "000102003000", "义务教育阶段新生入学登记", "教育局", 20, 10, "PERSON", [
    ["监护人居民身份证", "ID_CARD", ID], ["居民户口簿", "HOUSEHOLD_BOOKLET", "hh,yhzgx,xm,gmsfhm"], ["儿童出生医学证明", "BIRTH", null],
    ["房屋产权证明", "PROPERTY", null], ["预防接种证", null, null, false, "DEFERRAL"]]],
  ["RETIREMENT", "000112014000", "职工正常退休（职）申请", "人力资源和社会保障局", 20, 10, "PERSON", [
    ["居民身份证", "ID_CARD", ID], ["居民户口簿", "HOUSEHOLD_BOOKLET", "hh,yhzgx", false], ["职工档案", null, null], ["退休审批表", null, null]]],
  ["DISABILITY_CERTIFICATE", "000117001000", "残疾人证新办", "残疾人联合会", 30, 20, "PERSON", [
    ["居民身份证", "ID_CARD", ID], ["居民户口簿", "HOUSEHOLD_BOOKLET", "hh,yhzgx,zz"], ["残疾评定表", null, null], ["近期免冠照片", null, null, true, "DEFERRAL"]]],
  ["MARRIAGE_REGISTRATION", "000114001000", "内地居民结婚登记", "民政局", 1, 0, "PERSON", [
    ["居民身份证", "ID_CARD", ID], ["居民户口簿", "HOUSEHOLD_BOOKLET", "hh,hyzk"], ["双方近期半身免冠合影照片", null, null],
    ["无配偶及无直系血亲关系声明", null, null]]],
  ["BIRTH_REGISTRATION", "000104011000", "出生登记（新生儿入户）", "公安局", 1, 0, "PERSON", [
    ["出生医学证明", "BIRTH", null], ["父母居民户口簿", "HOUSEHOLD_BOOKLET", "hh,yhzgx"], ["父母居民身份证", "ID_CARD", "gmsfhm,xm"],
    ["父母结婚证", "MARRIAGE", "hyzk", false, "COMMITMENT"]]],
  ["ID_CARD_RENEWAL", "000104021000", "居民身份证换领", "公安局", 60, 20, "PERSON", [
    ["居民户口簿", "HOUSEHOLD_BOOKLET", "hh,yhzgx,xm,gmsfhm"], ["原居民身份证", "ID_CARD", null], ["数字相片", null, null]]],
  ["DRIVING_LICENCE_RENEWAL", "000104048000", "机动车驾驶证有效期满换证", "公安局交通警察支队", 1, 0, "PERSON", [
    ["居民身份证", "ID_CARD", "gmsfhm,xm"], ["机动车驾驶证", "DRIVING", null], ["身体条件证明", null, null]]],
  ["HOUSING_FUND_WITHDRAWAL", "000160003000", "住房公积金提取（购买自住住房）", "住房公积金管理中心", 5, 3, "PERSON", [
    ["居民身份证", "ID_CARD", "gmsfhm,xm"], ["不动产权证书", "PROPERTY", null], ["结婚证", "MARRIAGE", "hyzk", false, "COMMITMENT"], ["本人银行卡", null, null]]],
  ["MEDICAL_INSURANCE", "000163001000", "城乡居民基本医疗保险参保登记", "医疗保障局", 1, 0, "PERSON", [
    ["居民身份证", "ID_CARD", ID], ["居民户口簿", "HOUSEHOLD_BOOKLET", "hh,zz"]]],
  ["PASSPORT", "000104061000", "普通护照签发", "公安局出入境管理大队", 7, 7, "PERSON", [
    ["居民身份证", "ID_CARD", ID], ["出入境证件数字相片", null, null], ["普通护照申请表", null, null]]],
  ["SOCIAL_ASSISTANCE", "000114030000", "最低生活保障审核确认（社会救助申请）", "民政局", 30, 20, "PERSON", [
    ["社会救助申请书", null, null], ["居民身份证", "ID_CARD", "gmsfhm,xm"], ["居民户口簿", "HOUSEHOLD_BOOKLET", "hh,yhzgx,xm,gmsfhm"],
    ["家庭经济状况核对授权书", null, null], ["残疾人证", "DISABILITY", null, false]]],
  ["NEWBORN_INSURANCE", "000163005000", "新生儿参加城乡居民基本医疗保险", "医疗保障局", 1, 0, "PERSON", [
    ["出生医学证明", "BIRTH", null], ["居民户口簿", "HOUSEHOLD_BOOKLET", "hh,xm,gmsfhm"]]],
  ["ENTERPRISE_DEREGISTRATION", "000127004000", "企业注销登记", "市场监督管理局", 20, 3, "ORGANIZATION", [
    ["注销登记申请书", null, null], ["营业执照", "BUSINESS", null], ["清算报告或全体投资人承诺书", null, null, true, "COMMITMENT"]]],
  // Members of the one-thing bundles only (see bundles.ts).
  ["SEAL_ENGRAVING", "000104117000", "公章刻制备案", "公安局", 1, 0, "ORGANIZATION", [
    ["印章刻制申请表", null, null], ["营业执照", "BUSINESS", null], ["法定代表人身份证明", "ID_CARD", "gmsfhm,xm"]]],
  ["FIRST_INVOICE", "000183016000", "首次申领发票", "税务局", 1, 0, "ORGANIZATION", [
    ["发票票种核定申请表", null, null], ["营业执照", "BUSINESS", null], ["法定代表人身份证明", "ID_CARD", "gmsfhm,xm"],
    // The invoice seal is being engraved in the same bundle: it may follow the acceptance.
    ["发票专用章印模", null, null, true, "DEFERRAL"]]],
  ["BIRTH_CERTIFICATE", "000119004000", "出生医学证明签发", "卫生健康委员会", 3, 1, "PERSON", [
    ["出生医学证明首次签发登记表", null, null], ["父母居民身份证", "ID_CARD", "gmsfhm,xm"],
    ["父母结婚证", "MARRIAGE", "hyzk", false, "COMMITMENT"]]],
];

export const MATTERS: readonly DemoMatter[] = DEFS.map(([key, code, name, department, statutoryDays, promisedDays, applicant, materials]) => ({
  key, code, name, department, statutoryDays, promisedDays, applicant,
  kind: promisedDays === 0 ? "IMMEDIATE" : "PROMISED",
  materials: materials.map(([mName, licence, fields, required = true, waiver], i) => ({
    code: `CL${String(i + 1).padStart(2, "0")}`, name: mName, licenseType: licence, registryFields: fields, required,
    commitmentAllowed: waiver === "COMMITMENT" || waiver === "BOTH",
    deferralAllowed: waiver === "DEFERRAL" || waiver === "BOTH",
  })),
}));

const BY_KEY = new Map(MATTERS.map((m) => [m.key, m]));

export function matter(key: MatterKey): DemoMatter {
  return BY_KEY.get(key)!;
}

export function matterRows(updated: string): { sp_sxml: DemoRow[]; sp_sxcl: DemoRow[] } {
  return {
    sp_sxml: MATTERS.map((m) => matterRow(m, updated)),
    sp_sxcl: MATTERS.flatMap((m) => m.materials.map((c, i) => materialRow(m.code, c, i))),
  };
}

/** One sp_sxml row (columns as DEMO_COLUMNS.sp_sxml); bundles write theirs the same way. */
export function matterRow(m: Omit<DemoMatter, "key" | "materials">, updated: string): DemoRow {
  return [m.code, m.name, m.department, m.statutoryDays, m.promisedDays, MatterKind.encode(m.kind), ApplicantKind.encode(m.applicant), updated];
}

/** One sp_sxcl row (columns as DEMO_COLUMNS.sp_sxcl). */
export function materialRow(matterCode: string, c: DemoMaterial, index: number): DemoRow {
  const flag = (on: boolean) => (on ? "1" : "0");
  return [
    matterCode, c.code, c.name, c.licenseType && licenseType(c.licenseType).code, c.registryFields, flag(c.required), index + 1,
    flag(c.commitmentAllowed), flag(c.deferralAllowed),
  ];
}
