// Each submitted material against the matter's catalogue entry and the evidence cited
// for it: shared registry data only where the readiness check found it, an e-licence
// only with a receipt that proves this applicant holds this licence of this type and it
// was VALID, a commitment or a deferral only where the matter allows it. A required
// material left out is waived when the matter allows it, refused otherwise.
import type { UNRECOGNIZED } from "@onceonly/shared";
import type { MaterialRecord, SubmissionMethodValue } from "../source/records.js";
import type { ReadinessCheckRecord } from "../source/readiness-record.js";
import type { Problem } from "./problems.js";
import type { MaterialSubmission } from "./request.js";
import type { ReceiptCheck } from "./verify-receipts.js";

/** A material as it will be recorded with the case (sp_bjcl). */
export interface RecordedMaterial {
  code: string;
  method: Exclude<SubmissionMethodValue, typeof UNRECOGNIZED>;
  licenseId: string | null;
  receipt: string | null;
  /** Not submitted: recorded as COMMITMENT or DEFERRED because the matter allows it. */
  waived: boolean;
}

export interface MaterialFacts {
  catalogue: readonly MaterialRecord[];
  applicant: string;
  /** The readiness check, when it is about this applicant and matter. */
  readiness: ReadinessCheckRecord | null;
  receipts: ReadonlyMap<number, ReceiptCheck>;
}

const RECEIPT_FAILURE: Record<Exclude<ReceiptCheck, { ok: true }>["reason"], Problem["code"]> = {
  malformed: "RECEIPT_MALFORMED",
  "unknown-key": "RECEIPT_UNKNOWN_KEY",
  "bad-signature": "RECEIPT_BAD_SIGNATURE",
  expired: "RECEIPT_EXPIRED",
  "too-old": "RECEIPT_TOO_OLD",
  "keys-unavailable": "RECEIPT_KEYS_UNAVAILABLE",
};

export function checkMaterials(submissions: readonly MaterialSubmission[], facts: MaterialFacts): { problems: Problem[]; recorded: RecordedMaterial[] } {
  const problems: Problem[] = [];
  const recorded: RecordedMaterial[] = [];
  const byCode = new Map(facts.catalogue.map((m) => [m.code, m]));
  const seen = new Set<string>();

  submissions.forEach((s, i) => {
    const add = (code: Problem["code"], reason: string) => problems.push({ material: s.materialCode, code, reason });
    const material = byCode.get(s.materialCode);
    if (!material) return add("UNKNOWN_MATERIAL", `材料不属于该事项: the matter lists no material ${s.materialCode}`);
    const label = material.name;
    if (seen.has(s.materialCode)) return add("DUPLICATE_MATERIAL", `材料重复: ${label} is submitted more than once`);
    seen.add(s.materialCode);
    const before = problems.length;
    if (s.method !== "E_LICENSE" && (s.licenseId !== null || s.receipt !== null)) {
      add("LICENSE_REFERENCE_UNEXPECTED", `${label}: licenseId and receipt belong to E_LICENSE submissions, not ${s.method}`);
    }
    switch (s.method) {
      case "SHARED_DATA":
        checkShared(material, facts.readiness, add);
        break;
      case "E_LICENSE":
        checkLicense(material, s, facts.applicant, facts.receipts.get(i), add);
        break;
      case "COMMITMENT":
        if (!material.commitmentAllowed) add("COMMITMENT_NOT_ALLOWED", `${label}: 告知承诺 is not allowed for this material`);
        break;
      case "DEFERRED":
        if (!material.deferralAllowed) add("DEFERRAL_NOT_ALLOWED", `${label}: 容缺受理 is not allowed for this material`);
        break;
      case "PAPER":
      case "UPLOAD":
        break;
      default:
        add("METHOD_UNRECOGNIZED", `${label}: submission method ${String(s.method)} cannot be recorded`);
    }
    if (problems.length === before && s.method !== "UNRECOGNIZED") {
      const licensed = s.method === "E_LICENSE";
      recorded.push({ code: material.code, method: s.method, licenseId: licensed ? s.licenseId : null, receipt: licensed ? s.receipt : null, waived: false });
    }
  });

  for (const material of facts.catalogue) {
    if (!material.required || seen.has(material.code)) continue;
    if (material.deferralAllowed || material.commitmentAllowed) {
      // 容缺 first: the applicant still hands the material in, the case just does not wait for it.
      const method = material.deferralAllowed ? "DEFERRED" : "COMMITMENT";
      recorded.push({ code: material.code, method, licenseId: null, receipt: null, waived: true });
    } else {
      problems.push({
        material: material.code,
        code: "MISSING_REQUIRED",
        reason: `缺少必要材料 ${material.name}: it is required and the matter allows neither 告知承诺 nor 容缺 for it`,
      });
    }
  }
  return { problems, recorded };
}

type Add = (code: Problem["code"], reason: string) => void;

// Private: SHARED_DATA stands only on what the readiness check found in the registry.
function checkShared(material: MaterialRecord, readiness: ReadinessCheckRecord | null, add: Add): void {
  if (!readiness) return; // the readiness problem is already listed
  if (readiness.registered === false) {
    add("APPLICANT_NOT_REGISTERED", `${material.name}: 户籍库无此人 — the registry holds no current record of the applicant, so no shared data satisfies it`);
    return;
  }
  const found = readiness.materials.find((m) => m.code === material.code);
  if (found?.satisfied && found.by === "REGISTRY") return;
  const said = !found
    ? "the readiness check does not list it"
    : found.satisfied
      ? `the readiness check found it satisfied by ${found.by ?? "something else"}, not by the registry; cite the licence as E_LICENSE with its receipt`
      : `the readiness check found it unsatisfied (${found.reason ?? "no reason given"})`;
  add("NOT_SATISFIED_BY_REGISTRY", `${material.name}: 共享数据不能满足 — ${said}`);
}

// Private: the receipt is checked first (an unsigned claim proves nothing), then each claim.
function checkLicense(material: MaterialRecord, s: MaterialSubmission, applicant: string, verdict: ReceiptCheck | undefined, add: Add): void {
  const label = material.name;
  if (!material.licenseType) add("NO_LICENSE_TYPE", `${label}: no licence type satisfies this material; submit it another way`);
  if (!s.licenseId || !s.receipt) {
    const missing = [!s.licenseId && "licenseId", !s.receipt && "receipt"].filter(Boolean).join(" and ");
    return add("LICENSE_REFERENCE_MISSING", `${label}: an E_LICENSE submission needs the licence's ${missing}`);
  }
  if (!verdict) return; // unreachable: every E_LICENSE submission with a receipt has a verdict
  if (!verdict.ok) return add(RECEIPT_FAILURE[verdict.reason], `${label}: 核验回执无效 — ${verdict.message}`);
  const claims = verdict.claims;
  if ((claims.holderCode ?? "").toUpperCase() !== applicant) {
    add("RECEIPT_OTHER_HOLDER", `${label}: the receipt is about holder ${claims.holderCode ?? "(none)"}, not applicant ${applicant}`);
  }
  if (claims.licenseId !== s.licenseId) {
    add("RECEIPT_OTHER_LICENSE", `${label}: the receipt is about licence ${claims.licenseId ?? "(none)"}, not the cited ${s.licenseId}`);
  }
  if (material.licenseType && claims.typeCode !== material.licenseType.code) {
    add("RECEIPT_OTHER_TYPE", `${label}: the receipt is about a licence of type ${claims.typeCode ?? "(none)"}; this material needs type ${material.licenseType.code}`);
  }
  if (claims.outcome !== "VALID") {
    add("RECEIPT_NOT_VALID", `${label}: the receipt says the licence was ${claims.outcome} when checked, not VALID`);
  }
}
