// The acceptance request as the checks see it: malformed values refused before anything
// is read (naming value and rule), values trimmed, and a digest of the whole request so
// that a reused idempotency key can tell "the same request again" from "another one".
import { createHash } from "node:crypto";
import { BadUserInputError } from "@onceonly/shared";
import type { AcceptCaseInput } from "../schema/accept-case.input.js";
import type { FormFieldValue } from "../schema/form-field.enum.js";
import type { SubmissionMethodValue } from "../source/records.js";
import { checkCode } from "../resolvers/arguments.js";

export interface MaterialSubmission {
  materialCode: string;
  method: SubmissionMethodValue;
  licenseId: string | null;
  receipt: string | null;
}

export interface AcceptanceRequest {
  idempotencyKey: string;
  matterCode: string;
  /** As sent, trimmed and upper-cased (a lower-case x is the same ID number). */
  applicant: string;
  applicantName: string | null;
  readinessId: string;
  materials: MaterialSubmission[];
  /** asPrefilled: the value is the readiness check's, whatever `value` says (a masked copy or nothing). */
  formFields: { field: FormFieldValue; value: string | null; asPrefilled: boolean }[];
  handler: string | null;
}

// Printable ASCII: a key travels in logs and headers, and must compare byte for byte.
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{8,128}$/;
const READINESS_ID = /^[0-9A-Za-z_-]{1,36}$/;

export function readRequest(input: AcceptCaseInput): AcceptanceRequest {
  const key = input.idempotencyKey;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadUserInputError(
      `idempotencyKey: "${key}" must be 8 to 128 printable ASCII characters (it has ${key.length})`,
      { argument: "idempotencyKey", value: key, rule: "idempotency-key" },
    );
  }
  if (!READINESS_ID.test(input.readinessId)) {
    throw new BadUserInputError(
      `readinessId: "${input.readinessId}" is not a readiness check id (1 to 36 of [0-9A-Za-z_-]); pass readiness.id unchanged`,
      { argument: "readinessId", value: input.readinessId, rule: "readiness-id" },
    );
  }
  return {
    idempotencyKey: key,
    matterCode: checkCode("matterCode", input.matterCode),
    applicant: input.applicant.trim().toUpperCase(),
    applicantName: bounded("applicantName", input.applicantName, 200),
    readinessId: input.readinessId,
    materials: input.materials.map((m, i) => ({
      materialCode: checkCode(`materials[${i}].materialCode`, m.materialCode),
      method: m.method,
      licenseId: bounded(`materials[${i}].licenseId`, m.licenseId, 120),
      receipt: m.receipt?.trim() || null,
    })),
    formFields: (input.formFields ?? []).map((f) => ({ field: f.field, value: f.asPrefilled ? null : (f.value ?? null), asPrefilled: f.asPrefilled === true })),
    handler: bounded("handler", input.handler, 50),
  };
}

/**
 * SHA-256 over the request without its key, in a canonical form: materials and form
 * fields sorted, so a retry that lists them in another order is still the same request.
 */
export function requestDigest(request: AcceptanceRequest): string {
  const materials = request.materials
    .map((m) => [m.materialCode, m.method, m.licenseId, m.receipt])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const formFields = request.formFields.map((f) => [f.field, f.value, f.asPrefilled]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const canonical = JSON.stringify([
    request.matterCode, request.applicant, request.applicantName, request.readinessId, materials, formFields, request.handler,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

// Private: the silo's column widths are the rule (sqrxm 200, zzbs 120, clr 50).
function bounded(argument: string, raw: string | null | undefined, max: number): string | null {
  const value = raw?.trim() || null;
  if (value !== null && value.length > max) {
    throw new BadUserInputError(`${argument}: "${value.slice(0, 40)}…" has ${value.length} characters; at most ${max} are allowed`, {
      argument,
      value,
      rule: "length",
    });
  }
  return value;
}
