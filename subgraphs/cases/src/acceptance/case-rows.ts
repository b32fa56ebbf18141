// The rows an acceptance writes, given the case numbers the silo handed out: the case
// (sp_bj), its materials (sp_bjcl, with the receipts as evidence), its first timeline
// entry (sp_bjgc) and the submitted form (sp_bjbd). For a one-thing bundle, also one case
// per member matter, each with the member's materials derived from the bundle's through
// sp_yjscl and its own promised date. Pure: the source writes what this returns.
import { ApplicantKind, CaseStatus, SubmissionMethod, type WorkingCalendar } from "@onceonly/shared";
import type { MaterialRecord, MatterRecord } from "../source/records.js";
import type { Applicant } from "./applicant.js";
import type { RecordedMaterial } from "./check-materials.js";
import type { SubmittedField } from "./form-fields.js";

export interface BundleMemberPlan {
  matter: MatterRecord;
  catalogue: readonly MaterialRecord[];
  /** Which bundle material serves which of this member's materials. */
  serves: readonly { bundleMaterial: string; memberMaterial: string }[];
}

export interface AcceptancePlan {
  matter: MatterRecord;
  catalogue: readonly MaterialRecord[];
  applicant: Applicant;
  applicantName: string | null;
  readinessId: string;
  window: { id: string; department: string | null };
  handler: string | null;
  acceptedAt: Date;
  recorded: readonly RecordedMaterial[];
  formFields: readonly SubmittedField[];
  /** Empty for an ordinary matter. */
  members: readonly BundleMemberPlan[];
}

export type Value = string | boolean | null;

export interface CaseRows {
  /** bjbh, sxbm, sqrzjhm, sqrxm, sqrlx, slsj, slck, cnbjsj, zt, zhbjbh, dqbh, slbm, gxsj */
  sp_bj: Value[][];
  /** bjbh, clbm, tjfs, zzbs, yzhz */
  sp_bjcl: Value[][];
  /** bjbh, zt, clsj, clck, clr, clyj */
  sp_bjgc: Value[][];
  /** bjbh, zdbm, zdz, sfyt */
  sp_bjbd: Value[][];
}

/** How many case numbers the plan needs: the case itself and one per bundle member. */
export function casesNeeded(plan: AcceptancePlan): number {
  return 1 + plan.members.length;
}

/** `numbers[0]` is the case (or the bundle case), `numbers[1 + i]` member i's. */
export function caseRows(plan: AcceptancePlan, numbers: readonly string[], calendar: WorkingCalendar): CaseRows {
  const at = plan.acceptedAt.toISOString();
  const accepted = CaseStatus.encode("ACCEPTED");
  const [number, ...memberNumbers] = numbers;
  const rows: CaseRows = { sp_bj: [], sp_bjcl: [], sp_bjgc: [], sp_bjbd: [] };
  const addCase = (bjbh: string, matter: MatterRecord, parent: string | null, materials: readonly RecordedMaterial[], opinion: string) => {
    rows.sp_bj.push([
      bjbh, matter.code, plan.applicant.code, plan.applicantName, ApplicantKind.encode(plan.applicant.kind), at, plan.window.id,
      promisedBy(calendar, matter, plan.acceptedAt)?.toISOString() ?? null, accepted, parent, plan.readinessId, plan.window.department,
      at, // gxsj: the service clock, not the database's now()
    ]);
    for (const m of materials) rows.sp_bjcl.push([bjbh, m.code, SubmissionMethod.encode(m.method), m.licenseId, m.receipt]);
    rows.sp_bjgc.push([bjbh, accepted, at, plan.window.id, plan.handler, opinion]);
  };

  const bundleNote = memberNumbers.length > 0 ? `；一件事一次办，成员办件 ${memberNumbers.join("、")}` : "";
  addCase(number, plan.matter, null, plan.recorded, `予以受理${waiverNote(plan.recorded, plan.catalogue)}${bundleNote}`);
  for (const f of plan.formFields) rows.sp_bjbd.push([number, f.field, f.value, f.prefilled]);

  const byBundleMaterial = new Map(plan.recorded.map((m) => [m.code, m]));
  plan.members.forEach((member, i) => {
    const derived = member.serves.flatMap(({ bundleMaterial, memberMaterial }) => {
      const source = byBundleMaterial.get(bundleMaterial);
      return source ? [{ ...source, code: memberMaterial }] : [];
    });
    addCase(memberNumbers[i], member.matter, number, derived, `随一件事 ${number}（${plan.matter.name}）受理${waiverNote(derived, member.catalogue)}`);
  });
  return rows;
}

/**
 * 承诺办结时间: the matter's promised limit, else its statutory one, in working days; a
 * 即办件 without either is due the same day; a matter with no limit at all promises nothing.
 */
export function promisedBy(calendar: WorkingCalendar, matter: MatterRecord, acceptedAt: Date): Date | null {
  const days = matter.promisedDays ?? matter.statutoryDays ?? (matter.kind === "IMMEDIATE" ? 0 : null);
  return days === null ? null : calendar.deadline(acceptedAt, days);
}

// Private: the acceptance opinion says which materials the case does not wait for.
function waiverNote(materials: readonly RecordedMaterial[], catalogue: readonly MaterialRecord[]): string {
  const name = (code: string) => catalogue.find((m) => m.code === code)?.name ?? code;
  const waived = (method: RecordedMaterial["method"]) => materials.filter((m) => m.waived && m.method === method).map((m) => name(m.code));
  const deferred = waived("DEFERRED");
  const committed = waived("COMMITMENT");
  return (
    (deferred.length > 0 ? `；容缺受理（受理后补交）：${deferred.join("、")}` : "") +
    (committed.length > 0 ? `；告知承诺（以承诺代替）：${committed.join("、")}` : "")
  );
}
