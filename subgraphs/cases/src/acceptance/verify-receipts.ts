// Checks the receipts of e-licence materials offline: the published key set, the
// receipt, the clock; no call to the licences service beyond fetching its public keys.
// A receipt signed by a key not yet in the cached set (a rotation since the last fetch)
// makes the set be fetched again once, then that receipt is checked again.
import { verifyReceipt, type ReceiptVerification } from "@onceonly/shared";
import type { ReceiptKeySet } from "../services.js";
import type { MaterialSubmission } from "./request.js";

export type ReceiptCheck = ReceiptVerification | { ok: false; reason: "keys-unavailable"; message: string };

export interface ReceiptCheckOptions {
  now: Date;
  maxAgeSeconds: number;
}

/** A verdict per submission index, for the E_LICENSE submissions that carry a receipt. */
export async function verifyReceipts(
  submissions: readonly MaterialSubmission[],
  keys: ReceiptKeySet,
  options: ReceiptCheckOptions,
): Promise<Map<number, ReceiptCheck>> {
  const verdicts = new Map<number, ReceiptCheck>();
  const cited = submissions.flatMap((s, i) => (s.method === "E_LICENSE" && s.receipt ? [{ i, receipt: s.receipt }] : []));
  if (cited.length === 0) return verdicts;

  const verifyAll = async (set: Awaited<ReturnType<ReceiptKeySet["current"]>>, list: typeof cited) => {
    for (const { i, receipt } of list) verdicts.set(i, await verifyReceipt(receipt, set, options));
  };
  try {
    await verifyAll(await keys.current(), cited);
    const unknown = cited.filter(({ i }) => isUnknownKey(verdicts.get(i)));
    if (unknown.length > 0) await verifyAll(await keys.refresh(), unknown);
  } catch (error) {
    const message = `the receipt keys could not be fetched (${(error as Error).message}); try again shortly`;
    for (const { i } of cited) if (!verdicts.get(i)?.ok) verdicts.set(i, { ok: false, reason: "keys-unavailable", message });
  }
  return verdicts;
}

function isUnknownKey(verdict: ReceiptCheck | undefined): boolean {
  return verdict !== undefined && !verdict.ok && verdict.reason === "unknown-key";
}
