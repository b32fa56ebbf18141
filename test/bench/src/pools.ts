// Who the requests are about: a fixed, seeded-random sample of living persons and of
// licences (every status, so verification answers VALID, EXPIRED, REVOKED… as it would
// at a real window). The same pool for every gateway.
import { withClient } from "./bench-silos.js";
import type { SiloName } from "./silo-names.js";

export interface Pools {
  persons: string[];
  licences: { id: string; holderCode: string | null; holderName: string | null }[];
}

export async function loadPools(urls: Record<SiloName, string>, size: number, seed: number): Promise<Pools> {
  // md5 over the key and the seed: a stable shuffle, the same sample on every run.
  const persons = await withClient(urls.registry, async (c) =>
    (await c.query<{ gmsfhm: string }>(
      `SELECT gmsfhm FROM rk_jbxx WHERE gmsfhm IS NOT NULL AND zxrq IS NULL AND swbs = '0'
        GROUP BY gmsfhm ORDER BY md5(gmsfhm || $2) LIMIT $1`,
      [size, String(seed)],
    )).rows.map((r) => r.gmsfhm),
  );
  const licences = await withClient(urls.licenses, async (c) =>
    (await c.query<{ zzbs: string; czztdm: string | null; czzt: string | null }>(
      "SELECT zzbs, btrim(czztdm) AS czztdm, czzt FROM dzzz_zzxx ORDER BY md5(zzbs || $2) LIMIT $1",
      [size, String(seed)],
    )).rows.map((r) => ({ id: r.zzbs, holderCode: r.czztdm, holderName: r.czzt })),
  );
  if (persons.length === 0 || licences.length === 0) throw new Error("the bench silos hold no persons or licences: seed them (remove the databases' COMMENT to force it)");
  return { persons, licences };
}
