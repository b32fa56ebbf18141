// Resolves LicenseHolding representations (from the cases subgraph's quality list), one
// statement per request however many arrive: a DataLoader kept per request context.
import DataLoader from "dataloader";
import type { LicensesContext } from "../../context.js";
import type { LicenseHolding, LicenseHoldingKey } from "./license-holding.type.js";

const loaders = new WeakMap<object, DataLoader<LicenseHoldingKey, boolean, string>>();

function loaderOf(ctx: LicensesContext): DataLoader<LicenseHoldingKey, boolean, string> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((keys: readonly LicenseHoldingKey[]) => ctx.sources.federatedQuality.holdings.held(keys), {
      name: "licenseHolding",
      cacheKeyFn: (k) => `${k.holderCode}\u0000${k.typeCode}\u0000${k.day}`,
      maxBatchSize: 10_000,
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

export const licenseHoldingReference = {
  async __resolveReference(reference: Partial<LicenseHoldingKey>, ctx: LicensesContext): Promise<LicenseHolding | null> {
    const { holderCode, typeCode, day } = reference;
    if (typeof holderCode !== "string" || typeof typeCode !== "string" || typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
    const key = { holderCode: holderCode.trim().toUpperCase(), typeCode: typeCode.trim(), day };
    return { ...key, held: await loaderOf(ctx).load(key) };
  },
};
