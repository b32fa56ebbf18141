// The window flow (pull once): readiness for a matter, acceptance citing shared data,
// the case's lifecycle, and the sharing statistics. The operation texts live with the
// gateway, which plans them at start; the README shows them and the end-to-end test runs
// them through the gateway, so neither can drift.
export {
  ACCEPT_CASE_MUTATION,
  ADVANCE_CASE_MUTATION,
  EVALUATE_CASE_MUTATION,
  READINESS_QUERY,
  SHARING_STATS_QUERY,
} from "@onceonly/gateway";

export interface ReadinessAnswer {
  id: string;
  materials: {
    material: { code: string; required: boolean };
    satisfied: boolean;
    satisfiedBy: "LICENSE" | "REGISTRY" | null;
    license: { id: string; receipt: string | null } | null;
  }[];
  prefill: { field: string; value: string | null }[];
}

export interface MaterialSubmission {
  materialCode: string;
  method: string;
  licenseId?: string;
  receipt?: string | null;
}

/**
 * What a window submits after a readiness check: shared registry data and e-licences
 * (with their receipts) where they satisfy, paper for the other required materials, and
 * the prefilled form values kept as prefilled (asPrefilled: a window without the PII
 * scope saw the ID number and address masked; the case keeps the full values).
 */
export function submissionFromReadiness(check: ReadinessAnswer, request: { matterCode: string; applicant: string; idempotencyKey: string }) {
  return {
    ...request,
    readinessId: check.id,
    materials: check.materials
      .filter((m) => m.satisfied || m.material.required)
      .map((m): MaterialSubmission => {
        if (m.satisfiedBy === "LICENSE") return { materialCode: m.material.code, method: "E_LICENSE", licenseId: m.license!.id, receipt: m.license!.receipt };
        return { materialCode: m.material.code, method: m.satisfiedBy === "REGISTRY" ? "SHARED_DATA" : "PAPER" };
      }),
    formFields: check.prefill.filter((f) => f.value !== null).map((f) => ({ field: f.field, asPrefilled: true })),
  };
}
