// For the defect tests: a demo generated with and without defects, side by side, and
// the check that the spoiled one differs from the clean one exactly where, and exactly
// how, the manifest says.
import {
  DefectInjector, DEMO_TABLES, demoRecords, generateDemo, injectDefects,
  type Defect, type DefectRuleTally, type DemoRow, type DemoTable,
} from "@onceonly/shared";
import type { Rec } from "./demo-support.js";

export interface Spoiled {
  defects: Defect[];
  rules: DefectRuleTally[];
  rows: Record<DemoTable, DemoRow[]>;
  records: Record<DemoTable, Rec[]>;
}

export function generateSpoiled(persons: number, seed: number, rate: number, batchPersons?: number): Spoiled {
  const injector = new DefectInjector({ persons, seed, rate, batchPersons });
  const defects: Defect[] = [];
  const rows = Object.fromEntries(DEMO_TABLES.map((t) => [t, [] as DemoRow[]])) as Record<DemoTable, DemoRow[]>;
  for (const batch of injectDefects(generateDemo({ persons, seed, batchPersons }), injector, (d) => defects.push(...d))) {
    for (const t of DEMO_TABLES) rows[t].push(...batch.rows[t]);
  }
  const records = Object.fromEntries(DEMO_TABLES.map((t) => [t, demoRecords(t, rows[t])])) as Record<DemoTable, Rec[]>;
  return { defects, rules: injector.summary(), rows, records };
}

/** Columns a rule's spoil may change in its record ("field" = the one its `how` names as emptied). */
const CHANGES: Record<string, string[]> = {
  REG_ID_NUMBER: ["gmsfhm"], REG_SEX_CODE: ["xb"], REG_ETHNICITY_CODE: ["mz"], REG_REGION_CODE: ["ssxq"],
  REG_MARITAL_CODE: ["hyzk"], REG_BIRTH_DATE: ["csrq"], REG_ID_BIRTH_MISMATCH: ["csrq"], REG_ID_SEX_MISMATCH: ["xb"],
  REG_REQUIRED: ["field"], REG_HOUSEHOLD_HEAD: ["yhzgx"], LIC_REQUIRED: ["field"], LIC_IDENTIFIER: ["zzbs"],
  LIC_HOLDER_ID: ["czztdm"], LIC_CREDIT_CODE: ["czztdm"], LIC_STATUS_CODE: ["zzzt"], LIC_DATES: ["zzbfrq", "zzyxqjzrq"],
  LIC_EXPIRED_VALID: ["zzyxqjzrq"], X_HOLDER_NAME: ["czzt"], X_HOLDER_UNREGISTERED: ["czztdm"], CASE_REQUIRED: ["field"],
  CASE_STATUS_CODE: ["zt"], CASE_APPLICANT_CODE: ["sqrzjhm"], CASE_COMPLETED_NO_TIME: ["bjsj"], CASE_OVERDUE: ["cnbjsj"],
  X_APPLICANT_UNREGISTERED: ["sqrzjhm"],
};

const changed = (a: Rec, b: Rec) => Object.keys(a).filter((k) => a[k] !== b[k]);

/**
 * Problems found comparing clean and spoiled data: a record changed that no entry
 * accounts for, an entry whose record did not change as its rule's spoil does, or an
 * "a→b" in `how` that is not what the data shows. Empty when the manifest tells the truth.
 */
export function explainDifferences(clean: Record<DemoTable, Rec[]>, spoiled: Spoiled): string[] {
  const problems: string[] = [];
  const by = (t: DemoTable, rows: Rec[], key: (r: Rec) => string) => new Map(rows.map((r) => [key(r), r]));
  const person = by("rk_jbxx", clean.rk_jbxx, (r) => r.rkbh as string);
  const personById = by("rk_jbxx", clean.rk_jbxx, (r) => r.gmsfhm as string);
  const licence = by("dzzz_zzxx", clean.dzzz_zzxx, (r) => r.zzbs as string);
  const kase = by("sp_bj", clean.sp_bj, (r) => r.bjbh as string);
  const material = by("sp_bjcl", clean.sp_bjcl, (r) => `${r.bjbh}/${r.clbm}`);
  const now = {
    person: by("rk_jbxx", spoiled.records.rk_jbxx, (r) => r.rkbh as string),
    licence: by("dzzz_zzxx", spoiled.records.dzzz_zzxx, (r) => r.zzbs as string),
    kase: by("sp_bj", spoiled.records.sp_bj, (r) => r.bjbh as string),
    material: by("sp_bjcl", spoiled.records.sp_bjcl, (r) => `${r.bjbh}/${r.clbm}`),
  };
  const explained = { person: new Set<string>(), licence: new Set<string>(), kase: new Set<string>(), material: new Set<string>() };
  const renamed = new Map<string, string>(); // old zzbs → new

  for (const d of spoiled.defects.filter((x) => !x.cause)) {
    let before: Rec | undefined;
    let after: Rec | undefined;
    if (d.kind === "PERSON") {
      if (d.how.startsWith("added:")) {
        const original = person.get(/record (\S+)/.exec(d.how)![1])!;
        const copy = now.person.get(d.key)!;
        if (changed(original, copy).join() !== "rkbh") problems.push(`${d.rule} ${d.key}: the copy differs from ${original.rkbh} in ${changed(original, copy)}`);
        continue;
      }
      [before, after] = [person.get(d.key), now.person.get(d.key)];
      explained.person.add(d.key);
    } else if (d.kind === "HOUSEHOLD") {
      before = clean.rk_jbxx.find((p) => p.hh === d.key && p.yhzgx === "02");
      after = before && now.person.get(before.rkbh as string);
      if (before) explained.person.add(before.rkbh as string);
    } else if (d.kind === "LICENSE") {
      const was = /\(was (\S+)\)/.exec(d.how)?.[1];
      if (was) renamed.set(was, d.key);
      [before, after] = [licence.get(was ?? d.key), now.licence.get(d.key)];
      explained.licence.add(was ?? d.key);
      if (d.rule === "X_DECEASED_VALID" && d.how.includes("recorded the holder's death")) {
        const dead = personById.get(before!.czztdm as string)!;
        explained.person.add(dead.rkbh as string);
        if (changed(dead, now.person.get(dead.rkbh as string)!).join() !== "swbs,zxrq") problems.push(`${d.key}: the holder's death is not what changed in the registry`);
        if (changed(before!, after!).length > 0) problems.push(`${d.key}: the licence itself changed`);
        continue;
      }
    } else if (d.kind === "CASE") {
      [before, after] = [kase.get(d.key), now.kase.get(d.key)];
      explained.kase.add(d.key);
    } else {
      [before, after] = [material.get(d.key), now.material.get(d.key)];
      explained.material.add(d.key);
      explained.kase.add(d.key.split("/")[0]);
    }
    if (!before || !after) {
      problems.push(`${d.rule} ${d.key}: no such record in the clean or the spoiled data`);
      continue;
    }
    const diff = changed(before, after);
    const field = /^(\w+) \(.*\) emptied/.exec(d.how)?.[1];
    let allowed = (CHANGES[d.rule] ?? []).map((c) => (c === "field" ? field! : c));
    if (d.rule === "X_ELICENSE_NOT_USED") allowed = ["tjfs", "zzbs"];
    if (d.rule === "X_DECEASED_VALID") allowed = ["zzzt"];
    if (d.rule === "LIC_DUPLICATE_NUMBER") allowed = diff.length === 0 ? [] : ["zzbh"];
    if (d.rule === "REG_DUPLICATE_PERSON") allowed = [];
    if (diff.some((c) => !allowed.includes(c)) || (allowed.length > 0 && diff.length === 0)) {
      problems.push(`${d.rule} ${d.key}: changed ${diff.join(",") || "nothing"}, expected ${allowed.join(",")}`);
    }
    if (field && after[field] !== null) problems.push(`${d.rule} ${d.key}: ${field} is not empty`);
    const arrow = /([^\s(]+)→([^\s,:;)]+)/.exec(d.how);
    if (arrow && d.rule !== "LIC_EXPIRED_VALID") {
      const [from, to] = [arrow[1], arrow[2]];
      // The value, or a part of it after a common prefix (a check character, a birth month), went from → to.
      const ok = diff.some((c) => {
        const [a, b] = [String(before![c]), String(after![c])];
        for (let i = 0; i <= Math.min(a.length - from.length, b.length - to.length); i++) {
          if (a.slice(0, i) !== b.slice(0, i)) break;
          if (a.startsWith(from, i) && b.startsWith(to, i)) return true;
        }
        return false;
      });
      if (!ok) problems.push(`${d.rule} ${d.key}: "${d.how}" is not what changed (${diff.map((c) => `${c}: ${before![c]}→${after![c]}`).join("; ")})`);
    }
  }

  // Nothing else changed: every other record of the clean demo is in the spoiled one as it was.
  const compare = (what: string, clean: Map<string, Rec>, spoiledRows: Map<string, Rec>, ok: Set<string>, rename = (k: string) => k) => {
    for (const [k, r] of clean) {
      if (ok.has(k)) continue;
      const s = spoiledRows.get(rename(k));
      if (!s) problems.push(`${what} ${k} is missing from the spoiled data`);
      else if (changed(r, s).length > 0) problems.push(`${what} ${k} changed (${changed(r, s)}) but no entry says so`);
    }
  };
  compare("person", person, now.person, explained.person);
  compare("licence", licence, now.licence, explained.licence);
  compare("case", kase, now.kase, explained.kase);
  const renameMaterial = (m: Rec) => ({ ...m, zzbs: m.zzbs === null ? null : (renamed.get(m.zzbs as string) ?? m.zzbs) });
  for (const [k, m] of material) {
    if (explained.material.has(k)) continue;
    const s = now.material.get(k);
    if (!s || changed(renameMaterial(m), s).length > 0) problems.push(`material ${k} changed but no entry says so`);
  }
  return problems;
}
