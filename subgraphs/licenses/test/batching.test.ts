// The performance contract: per request, one statement per entity type per silo,
// whatever the number of holders (design.md §7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { buildLicensesSchema, MIGRATIONS } from "../src/server.js";
import { fixtures, insertFixtures, manyPersons, ORG, TYPE, types } from "./fixtures.js";
import { entitiesQuery, executor } from "./support.js";

describe.each(ENGINES)("loader batching on %s", (engine) => {
  let test: TestSilo;
  let run: ReturnType<typeof executor>;
  const many = manyPersons(100);

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertFixtures(test.silo, { types, licenses: [...fixtures.licenses, ...many.licenses], items: fixtures.items });
    run = executor(await buildLicensesSchema(), test.silo);
  });
  afterAll(() => test?.dispose());

  it("_entities for 100 persons with their licences runs 2 statements: licences, types", async () => {
    const representations = many.idNumbers.map((idNumber) => ({ __typename: "Person", idNumber }));
    const { result, statements } = await countStatements([test.silo], () =>
      run(entitiesQuery("... on Person { licenses { id type { name } status holder { __typename } } }"), { r: representations }),
    );
    expect(result.errors).toBeUndefined();
    const lists = result.data?._entities as { licenses: { type: { name: string }; holder: { __typename: string } }[] }[];
    expect(lists).toHaveLength(100);
    expect(lists.flatMap((p) => p.licenses)).toHaveLength(many.licenses.length);
    expect(lists[2].licenses.map((l) => l.type.name).sort()).toEqual(["居民身份证", "机动车驾驶证"]);
    expect(statements).toHaveLength(2);
    expect(statements.map((s) => s.text.match(/FROM (dzzz_\w+)/)?.[1]).sort()).toEqual(["dzzz_zzlx", "dzzz_zzxx"]);
  });

  it("one statement per distinct filter", async () => {
    const persons = many.idNumbers.slice(0, 10).map((idNumber) => ({ __typename: "Person", idNumber }));
    const { result, statements } = await countStatements([test.silo], () =>
      run(
        entitiesQuery(`... on Person {
          valid: licenses(status: [VALID]) { id }
          driving: licenses(types: ["${TYPE.drivingLicence}"], status: [VALID]) { id }
          same: licenses(status: [VALID, VALID]) { id } }`),
        { r: persons },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[2].driving).toHaveLength(1);
    expect(statements).toHaveLength(2);
  });

  it("organisations: one statement for them, one for their licences; holders come from the cache", async () => {
    const orgs = [ORG.jiazhou, ORG.pilot, ORG.unknown].map((creditCode) => ({ __typename: "Organization", creditCode }));
    const { result, statements } = await countStatements([test.silo], () =>
      run(entitiesQuery("... on Organization { name address licenses { id holder { ... on Organization { name } } } }"), { r: orgs }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((o: { name: string } | null) => o?.name ?? null)).toEqual([
      "乐山嘉州食品股份有限公司",
      "福鼎市白琳茶业有限公司",
      null,
    ]);
    expect(statements.map((s) => s.text.match(/FROM (dzzz_\w+)/)?.[1])).toEqual(["dzzz_zzxx", "dzzz_zzxx"]);
    expect(statements).toHaveLength(2);
  });
});
