// Verification test support: a demo-seeded silo, an in-process executor whose context
// carries a receipt signer and a calling window, and SQL pickers for each case.
import { graphql, type GraphQLSchema } from "graphql";
import type { ReceiptSigner, RequestMeta, Silo } from "@onceonly/shared";
import { createContext } from "../src/context.js";
import { shanghaiToday } from "../src/resolvers/expiry.js";
import { createSources } from "../src/source/index.js";
import type { Result } from "./support.js";

export const TODAY = shanghaiToday();

export function verifyingExecutor(schema: GraphQLSchema, silo: Silo, signer: ReceiptSigner | undefined) {
  const sources = createSources(silo);
  return (source: string, variableValues?: Record<string, unknown>, meta: Partial<RequestMeta> = {}): Promise<Result> =>
    graphql({
      schema,
      source,
      variableValues,
      contextValue: createContext(sources, { requestId: "test", purpose: null, window: null, ...meta }, { signer }),
    }) as Promise<Result>;
}

export type PickedLicense = {
  zzbs: string;
  zzlxdm: string;
  zzbh: string;
  czzt: string;
  czztdm: string;
  zzyxqjzrq: string | null;
};

/** The first licence (by identifier) matching a WHERE clause over dzzz_zzxx x. */
export async function pick(silo: Silo, where: string, params: unknown[] = []): Promise<PickedLicense | undefined> {
  const rows = await silo.query<PickedLicense>(
    `SELECT x.zzbs, x.zzlxdm, x.zzbh, x.czzt, btrim(x.czztdm) AS czztdm, x.zzyxqjzrq FROM dzzz_zzxx x
      WHERE x.czztdm IS NOT NULL AND x.czzt IS NOT NULL AND x.zzbh IS NOT NULL AND ${where} ORDER BY x.zzbs LIMIT 1`,
    params,
  );
  return rows[0];
}

export const VERIFY = `query($input: VerifyLicenseInput!) {
  verifyLicense(input: $input) { outcome reason reasonEn license { id holderCode } checkedAt asOf warnings receipt }
}`;

export const VERIFY_MANY = `query($inputs: [VerifyLicenseInput!]!) {
  verifyLicenses(inputs: $inputs) { outcome license { id } receipt }
}`;
