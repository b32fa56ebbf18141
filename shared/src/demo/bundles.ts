// One-thing bundles (一件事一次办): a bundle is itself a matter of the catalogue (sp_sxml)
// that opens one case per member matter (sp_yjs). Its materials are the members'
// materials with the duplicates merged, so a document several members need is handed in
// (or cited) once; sp_yjscl says which bundle material serves which member material.
// Reference data, derived from the member matters: the same for every seed.
import { matter, materialRow, matterRow, type DemoMaterial, type MatterKey } from "./matters.js";
import type { DemoRow } from "./tables.js";

export type BundleKey = "ENTERPRISE_OPENING" | "NEWBORN";

export interface DemoBundleMaterial extends DemoMaterial {
  /** The member materials this bundle material stands for. */
  serves: { matter: MatterKey; material: string }[];
}

export interface DemoBundle {
  key: BundleKey;
  code: string;
  name: string;
  department: string;
  members: MatterKey[];
  /** The longest of the members' limits: the bundle is done when its last member is. */
  statutoryDays: number;
  promisedDays: number;
  kind: "IMMEDIATE" | "PROMISED";
  applicant: "PERSON" | "ORGANIZATION";
  materials: DemoBundleMaterial[];
}

// [key, code, name, lead department, members in case order]
const DEFS: [BundleKey, string, string, string, MatterKey[]][] = [
  ["ENTERPRISE_OPENING", "YJS000001", "企业开办一件事", "市场监督管理局", ["ENTERPRISE_ESTABLISHMENT", "SEAL_ENGRAVING", "FIRST_INVOICE"]],
  ["NEWBORN", "YJS000002", "新生儿出生一件事", "卫生健康委员会", ["BIRTH_CERTIFICATE", "BIRTH_REGISTRATION", "NEWBORN_INSURANCE"]],
];

export const BUNDLES: readonly DemoBundle[] = DEFS.map(([key, code, name, department, members]) => {
  const matters = members.map(matter);
  const applicants = new Set(matters.map((m) => m.applicant));
  if (applicants.size !== 1) throw new Error(`bundle ${key}: members serve different applicant kinds`);
  const statutoryDays = Math.max(...matters.map((m) => m.statutoryDays));
  const promisedDays = Math.max(...matters.map((m) => m.promisedDays));
  return {
    key, code, name, department, members, statutoryDays, promisedDays,
    kind: promisedDays === 0 ? "IMMEDIATE" : "PROMISED",
    applicant: matters[0].applicant,
    materials: mergeMaterials(members),
  };
});

/**
 * One bundle material per document: two member materials are the same document when
 * they name the same licence type (a household booklet is one booklet, whichever fields a
 * member reads from it: the bundle material reads the union), when neither names a
 * licence type but both the same registry fields, or when they bear the same name.
 * Required when any member requires it; a waiver only when every member allows it.
 */
export function mergeMaterials(members: readonly MatterKey[]): DemoBundleMaterial[] {
  const merged: DemoBundleMaterial[] = [];
  for (const key of members) {
    for (const c of matter(key).materials) {
      const same = merged.find((b) =>
        (c.licenseType !== null && b.licenseType === c.licenseType) ||
        (c.licenseType === null && b.licenseType === null && c.registryFields !== null && sameFields(b.registryFields, c.registryFields)) ||
        b.name === c.name);
      if (!same) {
        merged.push({ ...c, code: `CL${String(merged.length + 1).padStart(2, "0")}`, serves: [{ matter: key, material: c.code }] });
        continue;
      }
      same.serves.push({ matter: key, material: c.code });
      same.registryFields = unionFields(same.registryFields, c.registryFields);
      same.licenseType ??= c.licenseType;
      same.required ||= c.required;
      same.commitmentAllowed &&= c.commitmentAllowed;
      same.deferralAllowed &&= c.deferralAllowed;
    }
  }
  return merged;
}

export function bundleRows(updated: string): { sp_sxml: DemoRow[]; sp_sxcl: DemoRow[]; sp_yjs: DemoRow[]; sp_yjscl: DemoRow[] } {
  return {
    sp_sxml: BUNDLES.map((b) => matterRow(b, updated)),
    sp_sxcl: BUNDLES.flatMap((b) => b.materials.map((c, i) => materialRow(b.code, c, i))),
    sp_yjs: BUNDLES.flatMap((b) => b.members.map((m, i) => [b.code, matter(m).code, i + 1])),
    sp_yjscl: BUNDLES.flatMap((b) => b.materials.flatMap((c) => c.serves.map((s) => [b.code, c.code, matter(s.matter).code, s.material]))),
  };
}

const BY_KEY = new Map(BUNDLES.map((b) => [b.key, b]));

export function bundle(key: BundleKey): DemoBundle {
  return BY_KEY.get(key)!;
}

// Private: registry columns as a set ("hh,yhzgx" and "yhzgx,hh" are the same fields).
function fieldSet(fields: string | null): string[] {
  return fields ? fields.split(",").map((f) => f.trim()).filter(Boolean) : [];
}

function sameFields(a: string | null, b: string | null): boolean {
  const x = fieldSet(a);
  const y = fieldSet(b);
  return x.length === y.length && x.every((f) => y.includes(f));
}

function unionFields(a: string | null, b: string | null): string | null {
  const all = [...new Set([...fieldSet(a), ...fieldSet(b)])];
  return all.length > 0 ? all.join(",") : null;
}
