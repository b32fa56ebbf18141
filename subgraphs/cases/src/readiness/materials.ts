// Does shared data satisfy a material, and if not, why not? The rules of issue 4:
// - a material naming a licence type is satisfied by a VALID licence of that type (the
//   one valid longest wins; long-term counts as longest);
// - otherwise, when it names registry fields, by the registry: the applicant is
//   registered and every named field holds a value (the household number needs the
//   household);
// - otherwise it is unsatisfied, with the most telling reason: a licence that is there
//   but not valid, then no licence at all, then not registered, then registry data
//   missing, then no shared source at all. The reason text names both sources' story.
// A deceased applicant satisfies nothing: nobody may apply in their name.
import { RegistryColumn, type MaterialRecord, type RegistryFieldValue } from "../source/index.js";
import type { ApplicantFacts, LicenseFact } from "./facts.js";
import { registryValuePresent } from "./registry-values.js";

export type SatisfiedByValue = "LICENSE" | "REGISTRY";

export const UNSATISFIED_REASONS = {
  NO_LICENSE: "电子证照库中无可用的电子证照",
  LICENSE_EXPIRED: "电子证照已过有效期",
  LICENSE_NOT_YET_VALID: "电子证照尚未生效",
  LICENSE_REVOKED: "电子证照已被吊销",
  LICENSE_CANCELLED: "电子证照已注销",
  LICENSE_REPORTED_LOST: "电子证照已挂失",
  APPLICANT_DECEASED: "户籍信息显示申请人已死亡，不能以其名义办理",
  NOT_IN_REGISTRY: "人口库中无申请人的户籍登记",
  REGISTRY_DATA_MISSING: "人口库中缺少该材料所需的户籍信息",
  NOT_SHARED: "该材料无可共享的数据来源，需申请人提交",
} as const;

export type UnsatisfiedReasonValue = keyof typeof UNSATISFIED_REASONS;

export interface MaterialJudgement {
  satisfied: boolean;
  by: SatisfiedByValue | null;
  /** The licence used (by = LICENSE); a licence that is held but not valid is named in reasonText. */
  license: LicenseFact | null;
  /** The registry fields that satisfied it (by = REGISTRY); empty otherwise. */
  registryFields: RegistryFieldValue[];
  reason: UnsatisfiedReasonValue | null;
  /** Chinese, for the window; null when satisfied. */
  reasonText: string | null;
}

// Verification outcomes that explain why a held licence does not serve. HOLDER_MISMATCH,
// NOT_FOUND and MALFORMED_IDENTIFIER cannot describe one's own licence: such an entry
// is treated as not held.
const OUTCOME_REASON = new Map<string, UnsatisfiedReasonValue>([
  ["EXPIRED", "LICENSE_EXPIRED"],
  ["NOT_YET_VALID", "LICENSE_NOT_YET_VALID"],
  ["REVOKED", "LICENSE_REVOKED"],
  ["CANCELLED", "LICENSE_CANCELLED"],
  ["REPORTED_LOST", "LICENSE_REPORTED_LOST"],
]);

export function judgeMaterial(material: MaterialRecord, applicant: ApplicantFacts): MaterialJudgement {
  if (applicant.kind === "PERSON" && applicant.deceased) return unsatisfied("APPLICANT_DECEASED", UNSATISFIED_REASONS.APPLICANT_DECEASED);

  const typeCode = material.licenseType?.code ?? null;
  const ofType = typeCode ? applicant.licenses.filter((l) => l.typeCode === typeCode) : [];
  const valid = lastingLongest(ofType.filter((l) => l.outcome === "VALID"));
  if (valid) return { satisfied: true, by: "LICENSE", license: valid, registryFields: [], reason: null, reasonText: null };

  const named = material.registryFields.length > 0;
  const registry = named ? registryShortfall(material.registryFields, applicant) : null;
  if (named && !registry) {
    return { satisfied: true, by: "REGISTRY", license: null, registryFields: [...material.registryFields], reason: null, reasonText: null };
  }

  if (typeCode) {
    const explaining = lastingLongest(ofType.filter((l) => OUTCOME_REASON.has(l.outcome)));
    const licenseText = explaining ? licenceStory(explaining, material) : `电子证照库中无申请人的“${material.name}”对应电子证照`;
    const text = registry ? `${licenseText}；${registry.text}` : licenseText;
    return unsatisfied((explaining && OUTCOME_REASON.get(explaining.outcome)) || "NO_LICENSE", text);
  }
  if (registry) return unsatisfied(registry.reason, registry.text);
  return unsatisfied("NOT_SHARED", UNSATISFIED_REASONS.NOT_SHARED);
}

/** The licence that runs longest: long-term first, then the later end date, then the later issue; the list's own order (newest first) breaks ties. */
export function lastingLongest(licenses: readonly LicenseFact[]): LicenseFact | null {
  let best: LicenseFact | null = null;
  for (const l of licenses) if (!best || laterThan(l, best)) best = l;
  return best;
}

// Private helpers.

function laterThan(a: LicenseFact, b: LicenseFact): boolean {
  const end = (l: LicenseFact) => l.validUntil ?? "9999-12-31";
  if (end(a) !== end(b)) return end(a) > end(b);
  return (a.issuedOn ?? "") > (b.issuedOn ?? "");
}

/** Why the registry cannot satisfy the named fields; null when it can. */
function registryShortfall(fields: readonly RegistryFieldValue[], applicant: ApplicantFacts): { reason: UnsatisfiedReasonValue; text: string } | null {
  // The population registry knows persons only; an organisation's material naming
  // registry fields (e.g. its representative's ID) has no shared source for it.
  if (applicant.kind === "ORGANIZATION") return { reason: "NOT_SHARED", text: "人口库信息仅适用于自然人申请人，该材料需申请人提交" };
  if (!applicant.registered) return { reason: "NOT_IN_REGISTRY", text: UNSATISFIED_REASONS.NOT_IN_REGISTRY };
  const missing = fields.filter((f) => !registryValuePresent(applicant, f));
  if (missing.length === 0) return null;
  return { reason: "REGISTRY_DATA_MISSING", text: `人口库中缺少：${missing.map((f) => RegistryColumn.label(f)).join("、")}` };
}

function licenceStory(l: LicenseFact, material: MaterialRecord): string {
  const name = `${l.typeName ?? material.name}${l.number ? `（${l.number}）` : ""}`;
  switch (l.outcome) {
    case "EXPIRED":
      return `${name}已过有效期${l.validUntil ? `（有效期至${l.validUntil}）` : ""}`;
    case "NOT_YET_VALID":
      return `${name}尚未生效`;
    case "REVOKED":
      return `${name}已被吊销`;
    case "CANCELLED":
      return `${name}已注销`;
    default:
      return `${name}已挂失`;
  }
}

function unsatisfied(reason: UnsatisfiedReasonValue, text: string): MaterialJudgement {
  return { satisfied: false, by: null, license: null, registryFields: [], reason, reasonText: text };
}
