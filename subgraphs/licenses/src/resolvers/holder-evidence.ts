// Person.licenseEvidence and Organization.licenseEvidence share one path: every licence
// held under the holder's key, read with its 调取 usage records in one statement per batch
// of holders (evidenceByHolder), each judged by judge() as verifyLicense judges a licence
// shown by its own holder, and a VALID one signed as verifyLicense signs it.
import type { LicensesContext } from "../context.js";
import type { LicenseEvidence } from "../schema/license-evidence.type.js";
import type { HeldLicense, HolderKey } from "../source/index.js";
import { requireSigner, signReceipt } from "./receipt.js";
import { judge, type Question } from "./verification.outcome.js";

export async function holderEvidence(ctx: LicensesContext, holder: HolderKey): Promise<LicenseEvidence[]> {
  // Before the lookup: without a signer no usage record is written for a receipt that
  // could not be given.
  const signer = requireSigner(ctx);
  const { licenses, checkedAt, asOf } = await ctx.verification.evidenceByHolder.load(holder);
  const question: Question = { holderCode: holder.code, holderName: null, asOf, warnings: [] };
  return Promise.all(
    licenses.map(async (held) => {
      const { outcome } = judge(held.record, question);
      checkRecorded(ctx, held, outcome === "VALID");
      const { record } = held;
      const receipt =
        outcome === "VALID"
          ? await signReceipt(signer, ctx, {
              licenseId: record.id,
              typeCode: record.typeCode,
              holderCode: holder.code,
              outcome,
              checkedAt: checkedAt.toISOString(),
              validUntil: record.validUntil,
            })
          : null;
      return {
        licenseId: record.id,
        license: record,
        typeCode: record.typeCode,
        typeName: held.typeName,
        number: record.number,
        holderName: record.holderName,
        issuer: record.issuer?.name ?? null,
        issuedOn: record.issuedOn,
        validUntil: record.validUntil,
        status: record.status,
        outcome,
        receipt,
        checkedAt,
        updatedAt: record.updatedAt,
      };
    }),
  );
}

// Private: the statement chose which licences to record by a SQL restatement of judge()'s
// VALID (see evidence.source.ts). Should the two ever disagree, fail closed: a receipt is
// never handed out for a pull the usage log does not hold; a record too many is logged.
function checkRecorded(ctx: LicensesContext, held: HeldLicense, valid: boolean): void {
  if (held.recorded === valid) return;
  const detail = { licenseId: held.record.id, status: held.record.status, validFrom: held.record.validFrom, validUntil: held.record.validUntil };
  if (valid) {
    throw new Error(`licence ${held.record.id} is judged VALID but its 调取 usage record was not written; no receipt is given (${JSON.stringify(detail)})`);
  }
  ctx.log.error(detail, "a 调取 usage record was written for a licence judge() does not find VALID");
}
