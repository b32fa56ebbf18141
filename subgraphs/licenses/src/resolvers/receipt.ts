// Receipts as every licence answer signs them: the claims the answer states, plus the
// calling window and purpose from the request, so a receipt says who checked and why.
import type { ReceiptSigner, VerificationReceiptClaims } from "@onceonly/shared";
import type { LicensesContext } from "../context.js";

export function requireSigner(ctx: LicensesContext): ReceiptSigner {
  if (ctx.signer === null) {
    throw new Error("receipt signing is not configured: start the licences service with a ReceiptSigner (RECEIPT_KEYS_FILE)");
  }
  return ctx.signer;
}

export function signReceipt(signer: ReceiptSigner, ctx: LicensesContext, claims: Omit<VerificationReceiptClaims, "window" | "purpose">): Promise<string> {
  return signer.sign({ ...claims, window: ctx.window?.id ?? null, purpose: ctx.purpose });
}
