// Readiness as a pure function: the applicant's facts (from the representation), the
// matter and its materials, the time and who asked → the answer the window sees and the
// record kept of it. The record is derived from the answer, never computed twice, so
// what acceptCase later reads is exactly what the window was told.
import type { MaterialRecord, MatterRecord, ReadinessCheckRecord, SubmissionMethodValue } from "../source/index.js";
import type { ApplicantFacts } from "./facts.js";
import { judgeMaterial, type MaterialJudgement } from "./materials.js";
import { householdMembers, organizationPrefill, personPrefill, type PrefilledFieldAnswer, type PrefilledMemberAnswer } from "./prefill.js";

export interface MaterialReadinessAnswer extends MaterialJudgement {
  material: MaterialRecord;
  acceptableMethods: SubmissionMethodValue[];
}

export interface ReadinessAnswer {
  id: string;
  matter: MatterRecord;
  checkedAt: Date;
  ready: boolean;
  applicantRegistered: boolean | null;
  applicantDeceased: boolean | null;
  materials: MaterialReadinessAnswer[];
  prefill: PrefilledFieldAnswer[];
  householdMembers: PrefilledMemberAnswer[];
}

export interface ReadinessInput {
  id: string;
  applicant: ApplicantFacts;
  matter: MatterRecord;
  /** The matter's materials in display order (for a bundle: the bundle's own materials). */
  materials: readonly MaterialRecord[];
  now: Date;
  asker: { window: string | null; department: string | null; purpose: string | null };
}

export function computeReadiness(input: ReadinessInput): { answer: ReadinessAnswer; record: ReadinessCheckRecord } {
  const { applicant } = input;
  const person = applicant.kind === "PERSON" ? applicant : null;
  const materials = input.materials.map((material) => {
    const judgement = judgeMaterial(material, applicant);
    return { ...judgement, material, acceptableMethods: acceptableMethods(material, judgement) };
  });
  const answer: ReadinessAnswer = {
    id: input.id,
    matter: input.matter,
    checkedAt: input.now,
    // Optional materials never hold an application back; a deceased applicant always does.
    ready: !person?.deceased && materials.every((m) => m.satisfied || !m.material.required),
    applicantRegistered: person ? person.registered : null,
    applicantDeceased: person ? person.deceased : null,
    materials,
    prefill: applicant.kind === "PERSON" ? personPrefill(applicant) : organizationPrefill(applicant),
    householdMembers: person ? householdMembers(person) : [],
  };
  return { answer, record: recordOf(answer, input) };
}

/** In the order of the SubmissionMethod code table; paper and upload always remain open. */
export function acceptableMethods(material: MaterialRecord, judgement: Pick<MaterialJudgement, "by">): SubmissionMethodValue[] {
  const methods: SubmissionMethodValue[] = [];
  if (judgement.by === "REGISTRY") methods.push("SHARED_DATA");
  if (judgement.by === "LICENSE") methods.push("E_LICENSE");
  if (material.commitmentAllowed) methods.push("COMMITMENT");
  if (material.deferralAllowed) methods.push("DEFERRED");
  methods.push("PAPER", "UPLOAD");
  return methods;
}

function recordOf(answer: ReadinessAnswer, input: ReadinessInput): ReadinessCheckRecord {
  const { applicant } = input;
  return {
    id: answer.id,
    applicant: applicant.kind === "PERSON" ? applicant.idNumber : applicant.creditCode,
    applicantKind: applicant.kind,
    matterCode: answer.matter.code,
    checkedAt: answer.checkedAt,
    window: input.asker.window,
    department: input.asker.department,
    purpose: input.asker.purpose,
    registered: answer.applicantRegistered,
    deceased: answer.applicantDeceased,
    materials: answer.materials.map((m) => ({
      code: m.material.code,
      satisfied: m.satisfied,
      by: m.by,
      licenseId: m.license?.licenseId ?? null,
      registryFields: [...m.registryFields],
      reason: m.reason,
    })),
    prefill: answer.prefill.map((p) => ({ field: p.field, value: p.value })),
  };
}
