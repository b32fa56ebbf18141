// A second, deliberately naive implementation of every rule of QUALITY_RULES over whole
// tables held in memory (a small demo, from the generator or read back from the silos):
// the yardstick the defect manifest is checked against, independent of the subgraph scans
// and the federated engine. Readings of the rules' text it commits to (and the scans must
// share): "current" = zxrq empty; "valid birth date" = passes REG_BIRTH_DATE; a person is
// "registered" when any rk_jbxx row (current or not) holds the ID number and "deceased"
// when such a row has swbs 1; a date-only comparison with asOf is strict (a licence valid
// until asOf is valid that day; a case promised on asOf is not yet overdue).
import {
  CaseStatus, compactDateToIso, Ethnicity, isKnownRegion, LicenseStatus, MaritalStatus, QUALITY_RULES, Sex,
  validateCreditCode, validateIdNumber, validateLicenseId, type DemoValue,
} from "@onceonly/shared";

export type Rec = Record<string, DemoValue | Date>;
export type Tables = Record<string, Rec[]>;
export type OracleFindings = Map<string, Set<string>>;

const empty = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const text = (v: unknown) => (empty(v) ? null : String(v).trim());

/** A date or timestamp as its China (UTC+8) calendar day, YYYY-MM-DD. */
export function chinaDay(v: unknown): string | null {
  if (empty(v)) return null;
  if (v instanceof Date) return new Date(v.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const s = String(v);
  // The demo writes timestamps with +08 and dates bare: the first ten characters are the day.
  return s.slice(0, 10);
}

const validId = (v: unknown, asOf: string) => {
  const s = text(v);
  return s !== null && validateIdNumber(s, new Date(`${asOf}T00:00:00Z`)).ok;
};

export function runOracle(t: Tables, asOf: string): OracleFindings {
  const found: OracleFindings = new Map(QUALITY_RULES.map((r) => [r.id, new Set<string>()]));
  const fail = (rule: string, key: string) => found.get(rule)!.add(key);
  const today = new Date(`${asOf}T00:00:00Z`);

  // ── registry ──
  const current = t.rk_jbxx.filter((p) => empty(p.zxrq));
  const registered = new Map<string, Rec[]>();
  for (const p of t.rk_jbxx) {
    const id = text(p.gmsfhm)?.toUpperCase();
    if (id) registered.set(id, [...(registered.get(id) ?? []), p]);
  }
  const byId = new Map<string, Rec[]>();
  const households = new Map<string, Rec[]>();
  for (const p of current) {
    const key = p.rkbh as string;
    if (["gmsfhm", "xm", "xb", "csrq", "hh", "ssxq"].some((c) => empty(p[c]))) fail("REG_REQUIRED", key);
    const id = text(p.gmsfhm);
    const idResult = id === null ? null : validateIdNumber(id, today);
    if (idResult && !idResult.ok) fail("REG_ID_NUMBER", key);
    const xb = text(p.xb);
    if (xb !== null && !Sex.has(xb)) fail("REG_SEX_CODE", key);
    if (text(p.mz) !== null && !Ethnicity.has(text(p.mz)!)) fail("REG_ETHNICITY_CODE", key);
    if (text(p.ssxq) !== null && !isKnownRegion(text(p.ssxq)!)) fail("REG_REGION_CODE", key);
    if (text(p.hyzk) !== null && !MaritalStatus.has(text(p.hyzk)!)) fail("REG_MARITAL_CODE", key);
    const csrq = text(p.csrq);
    const birth = csrq === null ? null : compactDateToIso(csrq);
    const birthValid = birth !== null && birth <= asOf;
    if (csrq !== null && !birthValid) fail("REG_BIRTH_DATE", key);
    if (idResult?.ok && birthValid && idResult.birthDate !== birth) fail("REG_ID_BIRTH_MISMATCH", key);
    if (idResult?.ok && (xb === "1" || xb === "2") && (idResult.sex === "MALE" ? "1" : "2") !== xb) fail("REG_ID_SEX_MISMATCH", key);
    if (id !== null) byId.set(id.toUpperCase(), [...(byId.get(id.toUpperCase()) ?? []), p]);
    const hh = text(p.hh);
    if (hh !== null) households.set(hh, [...(households.get(hh) ?? []), p]);
  }
  for (const rows of byId.values()) if (rows.length > 1) for (const p of rows) fail("REG_DUPLICATE_PERSON", p.rkbh as string);
  for (const [hh, members] of households) if (!members.some((p) => text(p.yhzgx) === "02")) fail("REG_HOUSEHOLD_HEAD", hh);

  // ── licences ──
  const numbers = new Map<string, string[]>();
  const held = new Map<string, Rec[]>();
  for (const l of t.dzzz_zzxx) {
    const key = l.zzbs as string;
    if (["zzbh", "czzt", "czztdm", "czztdmlx", "zzbfrq", "zzzt"].some((c) => empty(l[c]))) fail("LIC_REQUIRED", key);
    if (!validateLicenseId(key).ok) fail("LIC_IDENTIFIER", key);
    const type = text(l.czztdmlx);
    const code = text(l.czztdm);
    if (type === "111" && !validId(code, asOf)) fail("LIC_HOLDER_ID", key);
    if (type === "001") {
      const r = code === null ? null : validateCreditCode(code);
      if (r === null || !r.ok || !r.checkDigitValid) fail("LIC_CREDIT_CODE", key);
    }
    const status = text(l.zzzt);
    if (status !== null && !LicenseStatus.has(status)) fail("LIC_STATUS_CODE", key);
    const [issued, from, until] = [chinaDay(l.zzbfrq), chinaDay(l.zzyxqqsrq), chinaDay(l.zzyxqjzrq)];
    if ((until && from && until < from) || (until && issued && until < issued) || (issued && issued > asOf)) fail("LIC_DATES", key);
    const valid = status === "有效";
    if (valid && text(l.zzbh) !== null) {
      const k = `${l.zzlxdm}\u0000${text(l.zzbh)}`;
      numbers.set(k, [...(numbers.get(k) ?? []), key]);
    }
    if (valid && until && until < asOf) fail("LIC_EXPIRED_VALID", key);
    if (code !== null) held.set(code.toUpperCase(), [...(held.get(code.toUpperCase()) ?? []), l]);
    // Across silos: licences held under a well-formed ID number.
    if (!validId(code, asOf)) continue;
    const people = registered.get(code!.toUpperCase());
    if (!people) {
      fail("X_HOLDER_UNREGISTERED", key);
      continue;
    }
    const person = people.find((p) => empty(p.zxrq)) ?? people[0];
    if (text(person.xm) !== text(l.czzt)) fail("X_HOLDER_NAME", key);
    if (valid && people.some((p) => text(p.swbs) === "1")) fail("X_DECEASED_VALID", key);
  }
  for (const keys of numbers.values()) if (keys.length > 1) for (const k of keys) fail("LIC_DUPLICATE_NUMBER", k);

  // ── cases ──
  const catalogue = new Map(t.sp_sxcl.map((c) => [`${c.sxbm}/${c.clbm}`, text(c.zzlxdm)]));
  const cases = new Map<string, Rec>();
  for (const c of t.sp_bj) {
    const key = c.bjbh as string;
    cases.set(key, c);
    if (["sxbm", "sqrzjhm", "sqrxm", "sqrlx", "slsj", "zt"].some((f) => empty(c[f]))) fail("CASE_REQUIRED", key);
    const zt = text(c.zt);
    if (zt !== null && !CaseStatus.has(zt)) fail("CASE_STATUS_CODE", key);
    const code = text(c.sqrzjhm);
    const kind = text(c.sqrlx);
    if (code !== null && kind !== null) {
      const ok = kind === "1" ? validId(code, asOf) : kind === "2" ? (() => { const r = validateCreditCode(code); return r.ok && r.checkDigitValid; })() : false;
      if (!ok) fail("CASE_APPLICANT_CODE", key);
    }
    if (zt === "04" && empty(c.bjsj)) fail("CASE_COMPLETED_NO_TIME", key);
    if (zt !== null && ["01", "02", "03", "06"].includes(zt) && !empty(c.cnbjsj) && chinaDay(c.cnbjsj)! < asOf) fail("CASE_OVERDUE", key);
    if (kind === "1" && validId(code, asOf) && !registered.has(code!.toUpperCase())) fail("X_APPLICANT_UNREGISTERED", key);
  }
  for (const m of t.sp_bjcl) {
    const method = text(m.tjfs);
    if (method !== "5" && method !== "6") continue;
    const c = cases.get(m.bjbh as string);
    const type = c ? catalogue.get(`${c.sxbm}/${m.clbm}`) : null;
    const code = c ? text(c.sqrzjhm) : null;
    const day = c ? chinaDay(c.slsj) : null;
    if (!type || !code || !day) continue;
    const usable = (held.get(code.toUpperCase()) ?? []).some((l) => {
      const [issued, from, until] = [chinaDay(l.zzbfrq), chinaDay(l.zzyxqqsrq), chinaDay(l.zzyxqjzrq)];
      return l.zzlxdm === type && text(l.zzzt) === "有效" && issued !== null && issued <= day && (from === null || from <= day) && (until === null || until >= day);
    });
    if (usable) fail("X_ELICENSE_NOT_USED", `${m.bjbh}/${m.clbm}`);
  }
  return found;
}

/** Rule id → number of findings, rules without findings left out. */
export function summarize(found: OracleFindings): Record<string, number> {
  return Object.fromEntries([...found].filter(([, keys]) => keys.size > 0).map(([rule, keys]) => [rule, keys.size]));
}
