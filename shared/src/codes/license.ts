// Electronic licence library (电子证照库) code tables.
import { defineCodeTable } from "./code-table.js";

// The silo stores the status as its Chinese word (dzzz_zzxx.zzzt), as many provincial
// licence libraries do. EXPIRED is not stored: it is derived from the validity dates.
export const LicenseStatus = defineCodeTable("LicenseStatus", "电子证照状态 (dzzz_zzxx.zzzt)", [
  { code: "有效", value: "VALID", label: "有效", labelEn: "valid" },
  { code: "注销", value: "CANCELLED", label: "注销", labelEn: "cancelled" },
  { code: "吊销", value: "REVOKED", label: "吊销", labelEn: "revoked" },
  { code: "挂失", value: "REPORTED_LOST", label: "挂失", labelEn: "reported lost" },
] as const);

export const HolderCodeType = defineCodeTable("HolderCodeType", "GB/T 36903 持证主体代码类型", [
  { code: "111", value: "ID_NUMBER", label: "居民身份证号码", labelEn: "resident ID number" },
  { code: "001", value: "CREDIT_CODE", label: "统一社会信用代码", labelEn: "unified social credit code" },
] as const);

export const HolderKind = defineCodeTable("HolderKind", "持证主体类别", [
  { code: "1", value: "PERSON", label: "自然人", labelEn: "natural person" },
  { code: "2", value: "ORGANIZATION", label: "法人和其他组织", labelEn: "legal person or other organisation" },
] as const);

// How a licence was used (dzzz_yzjl.yzfs): verified on sight, or its data pulled into a
// readiness answer or a case.
export const UsageMethod = defineCodeTable("UsageMethod", "用证方式 (dzzz_yzjl.yzfs)", [
  { code: "1", value: "VERIFY", label: "核验", labelEn: "verify" },
  { code: "2", value: "PULL", label: "调取", labelEn: "pull" },
] as const);
