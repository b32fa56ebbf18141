// The scopes a window token may carry (JWT claim `scope`, space-separated as in OAuth 2.0).
// Subgraph schemas name them in @requiresScopes; the gateway enforces them. One list, so
// a scope used in a schema but missing here fails the policy test.

export const SCOPES = {
  "registry:read": { zh: "读取户籍信息", en: "Read registry (户籍) records" },
  "registry:read:pii": { zh: "查看未脱敏的身份证号、电话、住址", en: "See ID numbers, phones and addresses unmasked" },
  "licenses:read": { zh: "读取电子证照", en: "Read e-licences and their usage" },
  "licenses:verify": { zh: "证照核验", en: "Verify licences (证照核验)" },
  "cases:read": { zh: "读取办件与事项", en: "Read cases, matters and readiness" },
  "cases:write": { zh: "受理与办理办件", en: "Accept and advance cases" },
  "quality:read": { zh: "查看数据质量报告", en: "Read data quality reports" },
  "audit:read": { zh: "查询审计日志", en: "Query the audit log" },
  // Broad scope: read any person's data for a valid purpose, not only the applicant (and
  // household) of the named case or the ID numbers typed in (supervision, not windows).
  "subjects:any": { zh: "不限办事对象读取（监督用）", en: "Read any subject, not only the purpose's own (supervision)" },
} as const;

export type Scope = keyof typeof SCOPES;

export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}

/** The @policy name of personal data: needs a valid purpose (X-Purpose) and a subject bound to it. */
export const PERSONAL_DATA_POLICY = "personal";
