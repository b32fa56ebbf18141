// Per-request DataLoaders: every entity lookup and nested list in the registry goes
// through one of these, so N persons cost one statement per entity type, not N.
// Created per request: a loader's cache must never serve one window another's reads.
// With an entity cache, each batch is one MGET first and only the misses reach the silo.
import DataLoader from "dataloader";
import { behindCache, cachedBatch, rememberAll, ttlOf } from "@onceonly/shared";
import type { HouseholdRecord, PersonRecord, RegistrySources } from "./source/index.js";
import { REGISTRY_NAMESPACES as NS } from "./source/index.js";

export interface RegistryLoaders {
  /** Key: a normalised ID number. */
  personByIdNumber: DataLoader<string, PersonRecord | null>;
  /** Key: 户号. */
  householdByNumber: DataLoader<string, HouseholdRecord | null>;
  /** Key: 户号 → its current members, head first. */
  membersByHousehold: DataLoader<string, PersonRecord[]>;
}

const same = (key: string) => key;

export function createLoaders(sources: RegistrySources): RegistryLoaders {
  const personByIdNumber = new DataLoader(
    behindCache(sources.cache, NS.person, same, (ids: readonly string[]) => sources.persons.byIdNumbers(ids)),
    { name: "personByIdNumber" },
  );
  // Members read from the silo are whole current rows: the person loader needs no second read.
  const fromSilo = async (numbers: readonly string[]) => {
    const lists = await sources.persons.membersOf(numbers);
    for (const person of lists.flat()) personByIdNumber.prime(person.idNumber, person);
    return lists;
  };
  return {
    personByIdNumber,
    householdByNumber: new DataLoader(
      behindCache(sources.cache, NS.household, same, (numbers: readonly string[]) => sources.households.byNumbers(numbers)),
      { name: "householdByNumber" },
    ),
    membersByHousehold: new DataLoader(sources.cache ? membersBehindCache(sources, personByIdNumber, fromSilo) : fromSilo, {
      name: "membersByHousehold",
    }),
  };
}

// Private: a household's members cached as ID numbers, the persons through
// personByIdNumber (one more MGET, no statement when warm). Members read from the silo
// are written to the person cache too, so the next window is all hits. A person whose
// current row now names another household is left out: a list cached before a move
// (seen by the poll under the new 户号 only) never shows them twice.
function membersBehindCache(
  sources: RegistrySources,
  personByIdNumber: DataLoader<string, PersonRecord | null>,
  fromSilo: (numbers: readonly string[]) => Promise<PersonRecord[][]>,
): (numbers: readonly string[]) => Promise<PersonRecord[][]> {
  const cache = sources.cache!;
  const ids = cachedBatch<string, string[]>({
    cache: cache.cache,
    namespace: NS.members.name,
    ttlSeconds: ttlOf(NS.members, cache),
    key: same,
    batch: async (numbers) => {
      const lists = await fromSilo(numbers);
      await rememberAll(cache, NS.person, lists.flat().map((p) => [p.idNumber, p] as [string, PersonRecord]));
      return lists.map((list) => list.map((p) => p.idNumber));
    },
  });
  return async (numbers) => {
    const lists = (await ids(numbers)) as string[][];
    const persons = await personByIdNumber.loadMany([...new Set(lists.flat())]);
    const byId = new Map<string, PersonRecord>();
    for (const p of persons) if (p && !(p instanceof Error)) byId.set(p.idNumber, p);
    return lists.map((list, i) =>
      list.flatMap((id) => {
        const person = byId.get(id);
        return person && person.householdNumber === numbers[i] ? [person] : [];
      }),
    );
  };
}
