// "Silo statements per window lookup at most one per entity type whatever the list
// sizes": single lookups, one at a time, for applicants with the smallest and the
// largest households, licence lists and case lists, each counted exactly by the
// subgraphs' own counters. Run with the cache off, so every read reaches a silo.
import { withClient } from "./bench-silos.js";
import { benchHeaders } from "./measure.js";
import { SILOS, type SiloName } from "./silo-names.js";
import { readingDifference, type Counts, type StatementCounter } from "./statements.js";
import { WINDOW_LOOKUP_QUERY } from "../../../scripts/dist/window-lookup.js";

/**
 * The entity types a window lookup reads, per silo (as the end-to-end test counts them):
 * registry — persons, households, household members; licences — licences, licence types
 * (the issuer is a column of the licence); cases — cases, matters.
 */
export const LOOKUP_ENTITY_TYPES: Counts = { registry: 3, licenses: 2, cases: 2 };

export interface ProbeLookup {
  idNumber: string;
  members: number;
  licences: number;
  cases: number;
  statements: Counts;
}

export async function probeLookups(url: string, databases: Record<SiloName, string>, counter: StatementCounter, purpose: string): Promise<ProbeLookup[]> {
  const ids = await probeApplicants(databases);
  const results: ProbeLookup[] = [];
  // OnceOnly checks the request's purpose (a matter code: one cases-silo lookup of the
  // catalogue) once per 30 s, on the first request that asks for personal data; that
  // statement belongs to the purpose, not to any lookup, so it is paid before probing.
  await fetch(url, { method: "POST", headers: benchHeaders(purpose), body: JSON.stringify({ query: WINDOW_LOOKUP_QUERY, variables: { idNumber: ids[0] } }) });
  for (const idNumber of ids) {
    const before = await counter.read();
    const response = await fetch(url, { method: "POST", headers: benchHeaders(purpose), body: JSON.stringify({ query: WINDOW_LOOKUP_QUERY, variables: { idNumber } }) });
    const answer = (await response.json()) as { data?: { person: any }; errors?: { message: string }[] };
    const { statements } = readingDifference(await counter.read(), before);
    if (answer.errors?.length) throw new Error(`window lookup for ${idNumber}: ${answer.errors[0].message}`);
    const person = answer.data?.person;
    if (!person) continue; // e.g. a licence holder the registry no longer lists
    results.push({ idNumber, members: person.household?.members.length ?? 0, licences: person.licenses.length, cases: person.cases.totalCount, statements });
  }
  return results;
}

export function worstPerSilo(lookups: ProbeLookup[]): Counts {
  return Object.fromEntries(SILOS.map((s) => [s, Math.max(0, ...lookups.map((l) => l.statements[s]))])) as Counts;
}

// Private: the extremes of each list a lookup returns, and a few ordinary applicants.
async function probeApplicants(databases: Record<SiloName, string>): Promise<string[]> {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const registry = await withClient(databases.registry, async (c) => {
    const bySize = (order: "ASC" | "DESC") =>
      c.query<{ id: string }>(
        `SELECT min(gmsfhm) AS id FROM rk_jbxx WHERE zxrq IS NULL AND swbs = '0' AND hh IS NOT NULL
          GROUP BY hh ORDER BY count(*) ${order}, hh LIMIT 3`,
      );
    return [...ids((await bySize("DESC")).rows), ...ids((await bySize("ASC")).rows)];
  });
  const licences = await withClient(databases.licenses, async (c) =>
    ids((await c.query<{ id: string }>(
      "SELECT btrim(czztdm) AS id FROM dzzz_zzxx WHERE btrim(czztdm) ~ '^[0-9]{17}[0-9X]$' GROUP BY btrim(czztdm) ORDER BY count(*) DESC, 1 LIMIT 3",
    )).rows),
  );
  const cases = await withClient(databases.cases, async (c) =>
    ids((await c.query<{ id: string }>(
      "SELECT sqrzjhm AS id FROM sp_bj WHERE sqrzjhm ~ '^[0-9]{17}[0-9X]$' GROUP BY sqrzjhm ORDER BY count(*) DESC, 1 LIMIT 3",
    )).rows),
  );
  return [...new Set([...registry, ...licences, ...cases])];
}
