// The licence type catalogue (dzzz_zzlx): real national licence types, each defined by
// its ministry. Type code = the defining agency's credit code + 3 digits (GB/T 36904).
// Reference data: the same for every seed.
import { HolderKind } from "../codes/license.js";
import { centralAgency, type CentralAgency, type IssuerKind } from "./agencies.js";
import type { DemoRow } from "./tables.js";

export type LicenseTypeKey =
  | "ID_CARD" | "HOUSEHOLD_BOOKLET" | "DRIVING" | "MARRIAGE" | "DIVORCE" | "BIRTH"
  | "BUSINESS" | "FOOD" | "PROPERTY" | "DISABILITY";

export interface DemoLicenseType {
  key: LicenseTypeKey;
  code: string;
  name: string;
  department: CentralAgency;
  holderKind: "PERSON" | "ORGANIZATION";
  /** Which local body issues it. */
  issuer: IssuerKind;
}

const DEFINITIONS: [LicenseTypeKey, string, CentralAgency, string, "PERSON" | "ORGANIZATION", IssuerKind][] = [
  ["ID_CARD", "居民身份证", "公安部", "001", "PERSON", "police"],
  ["HOUSEHOLD_BOOKLET", "居民户口簿", "公安部", "002", "PERSON", "police"],
  ["DRIVING", "机动车驾驶证", "公安部", "003", "PERSON", "traffic"],
  ["MARRIAGE", "结婚证", "民政部", "001", "PERSON", "civil"],
  ["DIVORCE", "离婚证", "民政部", "002", "PERSON", "civil"],
  ["BIRTH", "出生医学证明", "国家卫生健康委员会", "001", "PERSON", "health"],
  ["BUSINESS", "营业执照", "国家市场监督管理总局", "001", "ORGANIZATION", "market"],
  ["FOOD", "食品经营许可证", "国家市场监督管理总局", "002", "ORGANIZATION", "market"],
  ["PROPERTY", "不动产权证书", "自然资源部", "001", "PERSON", "land"],
  ["DISABILITY", "中华人民共和国残疾人证", "中国残疾人联合会", "001", "PERSON", "disabled"],
];

export const LICENSE_TYPES: readonly DemoLicenseType[] = DEFINITIONS.map(([key, name, department, suffix, holderKind, issuer]) => ({
  key,
  code: centralAgency(department).code + suffix,
  name,
  department,
  holderKind,
  issuer,
}));

const BY_KEY = new Map(LICENSE_TYPES.map((t) => [t.key, t]));

export function licenseType(key: LicenseTypeKey): DemoLicenseType {
  return BY_KEY.get(key)!;
}

export function licenseTypeRows(updated: string): DemoRow[] {
  return LICENSE_TYPES.map((t) => [t.code, t.name, t.department, HolderKind.encode(t.holderKind), updated]);
}
