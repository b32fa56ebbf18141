// The applicant block of the form as submitted: each field once, and marked prefilled
// when its value is exactly what the readiness check prefilled (the sharing statistics
// count those as data the applicant did not have to give again).
import type { FormFieldValue } from "../schema/form-field.enum.js";
import type { ReadinessCheckRecord } from "../source/readiness-record.js";
import type { Problem } from "./problems.js";

export interface SubmittedField {
  field: FormFieldValue;
  value: string | null;
  prefilled: boolean;
}

export function checkFormFields(
  fields: readonly { field: FormFieldValue; value: string | null; asPrefilled?: boolean }[],
  readiness: ReadinessCheckRecord | null,
): { problems: Problem[]; submitted: SubmittedField[] } {
  const problems: Problem[] = [];
  const submitted: SubmittedField[] = [];
  const prefill = new Map((readiness?.prefill ?? []).map((p) => [p.field, p.value]));
  for (const { field, value, asPrefilled } of fields) {
    if (submitted.some((f) => f.field === field)) {
      problems.push({ material: null, code: "DUPLICATE_FORM_FIELD", reason: `表单字段重复: form field ${field} is submitted more than once` });
      continue;
    }
    const offered = prefill.get(field);
    // A window without the PII scope saw the ID number and address masked: it confirms the
    // prefilled value instead of sending it, and the case keeps what the check recorded.
    if (asPrefilled) {
      if (offered === undefined || offered === null) {
        problems.push({ material: null, code: "FIELD_NOT_PREFILLED", reason: `未预填: form field ${field} was not prefilled by readiness check ${readiness?.id ?? "(none)"}, so it cannot be kept as prefilled` });
        continue;
      }
      submitted.push({ field, value: offered, prefilled: true });
      continue;
    }
    submitted.push({ field, value, prefilled: value !== null && offered !== undefined && offered !== null && offered === value });
  }
  return { problems, submitted };
}
