// The data quality rules: one catalogue for the departments' own scans (subgraphs/*/src/
// quality/), the cross-silo checks run through the gateway (scripts/src/quality/), the
// defect injector of the demo seed (its ground truth) and the report. A rule's definition
// here is the contract all of them implement exactly: tests assert that the report finds
// precisely the records the seed spoiled, rule by rule.
//
// Records are named by their silo keys only — 人口编号 rkbh, 户号 hh, 证照标识 zzbs,
// 办件编号 bjbh, and bjbh/clbm for a case material — never by personal data.
// "Current" person = rk_jbxx row with zxrq IS NULL. asOf = the report's day (China).

export const DIMENSIONS = ["COMPLETENESS", "VALIDITY", "CONSISTENCY", "ACCURACY", "TIMELINESS", "UNIQUENESS"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, { zh: string; en: string }> = {
  COMPLETENESS: { zh: "完整性", en: "Completeness" },
  VALIDITY: { zh: "规范性", en: "Validity" },
  CONSISTENCY: { zh: "一致性", en: "Consistency" },
  ACCURACY: { zh: "准确性", en: "Accuracy" },
  TIMELINESS: { zh: "时效性", en: "Timeliness" },
  UNIQUENESS: { zh: "唯一性", en: "Uniqueness" },
};

export const QUALITY_DEPARTMENTS = ["registry", "licenses", "cases"] as const;
export type QualityDepartment = (typeof QUALITY_DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<QualityDepartment, { zh: string; en: string }> = {
  registry: { zh: "公安局户籍管理（人口库）", en: "Household registry" },
  licenses: { zh: "电子证照库", en: "E-licence library" },
  cases: { zh: "政务服务办件库", en: "Case handling" },
};

export type Severity = "HIGH" | "MEDIUM" | "LOW";
/** Weights of a rule in the department and dimension scores. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { HIGH: 3, MEDIUM: 2, LOW: 1 };

export type RecordKind = "PERSON" | "HOUSEHOLD" | "LICENSE" | "CASE" | "CASE_MATERIAL";

/** SILO: the owning department's subgraph scans its own silo. FEDERATED: joined through the gateway. */
export type RuleScope = "SILO" | "FEDERATED";

export interface QualityRule {
  id: string;
  dimension: Dimension;
  /** The department whose records fail (and who must fix them). */
  department: QualityDepartment;
  severity: Severity;
  scope: RuleScope;
  kind: RecordKind;
  /** Which records are checked (the rate's denominator). */
  checks: string;
  zh: string;
  en: string;
}

const rule = (r: QualityRule) => r;

export const QUALITY_RULES: readonly QualityRule[] = [
  // ── registry (rk_jbxx current persons, rk_hxx households) ──
  rule({ id: "REG_REQUIRED", dimension: "COMPLETENESS", department: "registry", severity: "MEDIUM", scope: "SILO", kind: "PERSON", checks: "current persons",
    zh: "人口记录必填项缺失（身份号码、姓名、性别、出生日期、户号、所属区划任一为空）", en: "Person record lacks a required field (ID number, name, sex, birth date, household number or region is empty)" }),
  rule({ id: "REG_ID_NUMBER", dimension: "VALIDITY", department: "registry", severity: "HIGH", scope: "SILO", kind: "PERSON", checks: "current persons with an ID number",
    zh: "公民身份号码不符合 GB 11643（长度、出生日期或校验码错误）", en: "ID number fails GB 11643 (length, birth date or check character)" }),
  rule({ id: "REG_SEX_CODE", dimension: "VALIDITY", department: "registry", severity: "LOW", scope: "SILO", kind: "PERSON", checks: "current persons with a sex code",
    zh: "性别代码不在 GB/T 2261.1 代码表中", en: "Sex code outside GB/T 2261.1" }),
  rule({ id: "REG_ETHNICITY_CODE", dimension: "VALIDITY", department: "registry", severity: "LOW", scope: "SILO", kind: "PERSON", checks: "current persons with an ethnicity code",
    zh: "民族代码不在 GB 3304 代码表中", en: "Ethnicity code outside GB 3304" }),
  rule({ id: "REG_REGION_CODE", dimension: "VALIDITY", department: "registry", severity: "MEDIUM", scope: "SILO", kind: "PERSON", checks: "current persons with a region code",
    zh: "所属区划代码不在 GB/T 2260 代码表中", en: "Region code outside GB/T 2260" }),
  rule({ id: "REG_MARITAL_CODE", dimension: "VALIDITY", department: "registry", severity: "LOW", scope: "SILO", kind: "PERSON", checks: "current persons with a marital status code",
    zh: "婚姻状况代码不在 GB/T 2261.2 代码表中", en: "Marital status code outside GB/T 2261.2" }),
  rule({ id: "REG_BIRTH_DATE", dimension: "VALIDITY", department: "registry", severity: "MEDIUM", scope: "SILO", kind: "PERSON", checks: "current persons with a birth date",
    zh: "出生日期不是有效日期，或晚于报告日期", en: "Birth date is not a calendar date (YYYYMMDD) or lies after the report day" }),
  rule({ id: "REG_ID_BIRTH_MISMATCH", dimension: "CONSISTENCY", department: "registry", severity: "HIGH", scope: "SILO", kind: "PERSON", checks: "current persons with a valid ID number and a valid birth date",
    zh: "身份号码中的出生日期与登记的出生日期不一致", en: "Birth date encoded in the ID number differs from the recorded birth date" }),
  rule({ id: "REG_ID_SEX_MISMATCH", dimension: "CONSISTENCY", department: "registry", severity: "HIGH", scope: "SILO", kind: "PERSON", checks: "current persons with a valid ID number and sex 1 or 2",
    zh: "身份号码中的性别（顺序码奇偶）与登记的性别不一致", en: "Sex encoded in the ID number (odd male, even female) differs from the recorded sex" }),
  rule({ id: "REG_DUPLICATE_PERSON", dimension: "UNIQUENESS", department: "registry", severity: "HIGH", scope: "SILO", kind: "PERSON", checks: "current persons with an ID number",
    zh: "同一身份号码存在多条现行人口记录（每条都列出）", en: "Several current person records share one ID number (each is listed)" }),
  rule({ id: "REG_HOUSEHOLD_HEAD", dimension: "CONSISTENCY", department: "registry", severity: "MEDIUM", scope: "SILO", kind: "HOUSEHOLD", checks: "households with at least one current member",
    zh: "户内现行成员中没有户主（与户主关系 02）", en: "Household has current members but no head (relationship 02)" }),
  // ── licences (dzzz_zzxx) ──
  rule({ id: "LIC_REQUIRED", dimension: "COMPLETENESS", department: "licenses", severity: "MEDIUM", scope: "SILO", kind: "LICENSE", checks: "licences",
    zh: "证照必填项缺失（证照编号、持证主体、持证主体代码、代码类型、颁发日期、状态任一为空）", en: "Licence lacks a required field (number, holder, holder code, code type, issue date or status is empty)" }),
  rule({ id: "LIC_IDENTIFIER", dimension: "VALIDITY", department: "licenses", severity: "HIGH", scope: "SILO", kind: "LICENSE", checks: "licences",
    zh: "证照标识不符合 GB/T 36904（格式或 ISO 7064 MOD 37,36 校验位错误）", en: "Licence identifier fails GB/T 36904 (format or ISO 7064 MOD 37,36 check character)" }),
  rule({ id: "LIC_HOLDER_ID", dimension: "VALIDITY", department: "licenses", severity: "HIGH", scope: "SILO", kind: "LICENSE", checks: "licences whose holder code type is 111 (ID number)",
    zh: "持证主体身份号码不符合 GB 11643", en: "Holder ID number (code type 111) fails GB 11643" }),
  rule({ id: "LIC_CREDIT_CODE", dimension: "VALIDITY", department: "licenses", severity: "LOW", scope: "SILO", kind: "LICENSE", checks: "licences whose holder code type is 001 (credit code)",
    zh: "持证主体统一社会信用代码未通过 GB 32100 校验（含试点期合法代码，仅提示）", en: "Holder credit code (code type 001) fails the GB 32100 check (pilot-era codes included: a finding, not an error)" }),
  rule({ id: "LIC_STATUS_CODE", dimension: "VALIDITY", department: "licenses", severity: "MEDIUM", scope: "SILO", kind: "LICENSE", checks: "licences with a status",
    zh: "证照状态不在代码表中（有效/注销/吊销/挂失）", en: "Licence status outside its table (有效/注销/吊销/挂失)" }),
  rule({ id: "LIC_DATES", dimension: "VALIDITY", department: "licenses", severity: "MEDIUM", scope: "SILO", kind: "LICENSE", checks: "licences",
    zh: "证照日期不合理：有效期止早于有效期起或颁发日期，或颁发日期晚于报告日期", en: "Impossible licence dates: valid-until before valid-from or issue date, or issued after the report day" }),
  rule({ id: "LIC_DUPLICATE_NUMBER", dimension: "UNIQUENESS", department: "licenses", severity: "HIGH", scope: "SILO", kind: "LICENSE", checks: "licences with status 有效 and a number",
    zh: "同一证照类型下多张有效证照使用同一证照编号（每张都列出）", en: "Several licences with status 有效 share one number within a licence type (each is listed)" }),
  rule({ id: "LIC_EXPIRED_VALID", dimension: "TIMELINESS", department: "licenses", severity: "HIGH", scope: "SILO", kind: "LICENSE", checks: "licences with status 有效",
    zh: "证照状态为“有效”但已超过有效期止", en: "Licence still has status 有效 after its valid-until date" }),
  // ── cases (sp_bj, sp_bjcl) ──
  rule({ id: "CASE_REQUIRED", dimension: "COMPLETENESS", department: "cases", severity: "MEDIUM", scope: "SILO", kind: "CASE", checks: "cases",
    zh: "办件必填项缺失（事项编码、申请人证件号码、申请人姓名、申请人类型、受理时间、状态任一为空）", en: "Case lacks a required field (matter, applicant code, applicant name, applicant kind, acceptance time or status is empty)" }),
  rule({ id: "CASE_STATUS_CODE", dimension: "VALIDITY", department: "cases", severity: "MEDIUM", scope: "SILO", kind: "CASE", checks: "cases with a status",
    zh: "办件状态不在代码表中", en: "Case status outside its table" }),
  rule({ id: "CASE_APPLICANT_CODE", dimension: "VALIDITY", department: "cases", severity: "HIGH", scope: "SILO", kind: "CASE", checks: "cases with an applicant code and kind",
    zh: "申请人证件号码不符合标准（自然人 GB 11643，法人 GB 32100）", en: "Applicant code fails its standard (GB 11643 for persons, GB 32100 for organisations)" }),
  rule({ id: "CASE_COMPLETED_NO_TIME", dimension: "CONSISTENCY", department: "cases", severity: "HIGH", scope: "SILO", kind: "CASE", checks: "cases with status 办结",
    zh: "办件状态为“办结”但没有办结时间", en: "Case is 办结 (completed) without a completion time" }),
  rule({ id: "CASE_OVERDUE", dimension: "TIMELINESS", department: "cases", severity: "MEDIUM", scope: "SILO", kind: "CASE", checks: "cases with status 受理/承办/审核/退回补正 and a promised time",
    zh: "办件超期：未办结且已超过承诺办结时间", en: "Overdue case: not finished and past its promised completion time" }),
  // ── across silos, joined through the gateway ──
  rule({ id: "X_HOLDER_NAME", dimension: "CONSISTENCY", department: "licenses", severity: "HIGH", scope: "FEDERATED", kind: "LICENSE", checks: "licences held under a registered ID number",
    zh: "持证主体姓名与户籍登记姓名不一致（同一身份号码）", en: "Licence holder name differs from the registry's name for the same ID number" }),
  rule({ id: "X_HOLDER_UNREGISTERED", dimension: "ACCURACY", department: "licenses", severity: "HIGH", scope: "FEDERATED", kind: "LICENSE", checks: "licences held under a well-formed ID number",
    zh: "持证人身份号码在人口库中不存在", en: "Licence holder's ID number is not in the registry" }),
  rule({ id: "X_DECEASED_VALID", dimension: "ACCURACY", department: "licenses", severity: "HIGH", scope: "FEDERATED", kind: "LICENSE", checks: "licences with status 有效 held under a registered ID number",
    zh: "已死亡人员名下仍有状态为“有效”的证照", en: "A person the registry marks deceased still holds a licence with status 有效" }),
  rule({ id: "X_APPLICANT_UNREGISTERED", dimension: "ACCURACY", department: "cases", severity: "HIGH", scope: "FEDERATED", kind: "CASE", checks: "cases of person applicants with a well-formed ID number",
    zh: "办件申请人身份号码在人口库中不存在", en: "Case applicant's ID number is not in the registry" }),
  rule({ id: "X_ELICENSE_NOT_USED", dimension: "CONSISTENCY", department: "cases", severity: "HIGH", scope: "FEDERATED", kind: "CASE_MATERIAL", checks: "materials submitted on paper or by upload whose catalogue entry names a licence type",
    zh: "电子证照应用不合规：申请人受理时持有该类型有效电子证照，材料却以纸质或上传方式提交", en: "E-licence usage non-compliance: handed over on paper or by upload although the applicant held a valid e-licence of that type at acceptance" }),
];

export const RULES_BY_ID: ReadonlyMap<string, QualityRule> = new Map(QUALITY_RULES.map((r) => [r.id, r]));

/**
 * X_ELICENSE_NOT_USED in full: a material (sp_bjcl) submitted 5 纸质 or 6 上传 whose catalogue
 * entry (sp_sxcl for the case's matter) names a licence type, where the licence library
 * holds a licence of that type under the applicant's code (czztdm = sqrzjhm) with status
 * 有效, issued on or before the acceptance day, valid from on or before it (or no start)
 * and valid until on or after it (or long-term). Acceptance day = slsj's day in China.
 */
export const ELICENSE_RULE_DETAIL = "see X_ELICENSE_NOT_USED";
