// LicenseHolding's one statement per batch of keys (see license-holding.type.ts). The
// holder code is matched as the other silo stored it, trimmed and upper-cased as every
// holder key in this subgraph is (czztdm = sqrzjhm); dates compare as days.
import type { Silo } from "@onceonly/shared";
import { LicenseStatus } from "@onceonly/shared";
import type { LicenseHoldingKey } from "./license-holding.type.js";

const VALID = LicenseStatus.encode("VALID");

export class LicenseHoldingSource {
  constructor(private readonly silo: Silo) {}

  /** One answer per key, in key order. */
  async held(keys: readonly LicenseHoldingKey[]): Promise<boolean[]> {
    // A LATERAL lookup per key (LIMIT 1) rather than EXISTS: with EXISTS the planner
    // misjudges btrim(zzzt) and hashes the whole licence table for every batch.
    const rows = await this.silo.query<{ i: string }>(
      `SELECT k.i FROM unnest($1::text[], $2::text[], $3::date[]) WITH ORDINALITY AS k(code, lx, day, i)
        CROSS JOIN LATERAL (
          SELECT 1 FROM dzzz_zzxx x
           WHERE x.czztdm = k.code AND x.zzlxdm = k.lx AND btrim(x.zzzt) = $4
             AND x.zzbfrq <= k.day
             AND (x.zzyxqqsrq IS NULL OR x.zzyxqqsrq <= k.day)
             AND (x.zzyxqjzrq IS NULL OR x.zzyxqjzrq >= k.day)
           LIMIT 1) held`,
      [keys.map((k) => k.holderCode), keys.map((k) => k.typeCode), keys.map((k) => k.day), VALID],
    );
    const held = new Set(rows.map((row) => Number(row.i)));
    return keys.map((_, index) => held.has(index + 1));
  }
}
