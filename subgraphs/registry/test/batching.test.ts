// The DataLoader contract made visible: however many persons a request touches, the
// registry silo runs one statement per entity type (persons, households, members).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../../../test/support/silos.js";
import { bulkRows } from "./fixtures.js";
import { ENGINES, openRegistry, type Registry } from "./harness.js";

const HOUSEHOLDS = 25; // × 4 persons = 100
const ids = bulkRows(HOUSEHOLDS).persons.map((p) => p.gmsfhm);

describe.each(ENGINES)("registry batching on %s", (engine) => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await openRegistry(engine, HOUSEHOLDS);
  });
  afterAll(() => registry?.dispose());

  const tables = (statements: { text: string }[]) =>
    statements.map((s) => (/FROM rk_hxx/.test(s.text) ? "households" : /hh = ANY/.test(s.text) ? "members" : "persons")).sort();

  it("resolves 100 _entities with household { head members } in 3 statements", async () => {
    const { result, statements } = await countStatements([registry.silo], () =>
      registry.run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber name household { number head { name } members { name } } } } }`,
        { r: ids.map((idNumber) => ({ __typename: "Person", idNumber })) },
      ),
    );
    expect(result.errors).toBeUndefined();
    const entities = (result.data as { _entities: { idNumber: string; household: { head: { name: string }; members: unknown[] } }[] })._entities;
    expect(entities).toHaveLength(100);
    expect(entities.map((e) => e.idNumber)).toEqual(ids);
    expect(entities[5].household.head.name).toBe("林1之0");
    expect(entities.every((e) => e.household.members.length === 4)).toBe(true);
    expect(tables(statements)).toEqual(["households", "members", "persons"]);
  });

  it("answers persons(idNumbers: 100) with household and members in 3 statements", async () => {
    const { result, statements } = await countStatements([registry.silo], () =>
      registry.run(`query($ids: [ID!]!) { persons(idNumbers: $ids) { name household { number members { name relationshipToHead } } } }`, { ids }),
    );
    expect(result.errors).toBeUndefined();
    expect((result.data as { persons: unknown[] }).persons).toHaveLength(100);
    expect(tables(statements)).toEqual(["households", "members", "persons"]);
  });

  it("costs one statement for persons alone, and none for a representation that cannot be an ID number", async () => {
    const { result, statements } = await countStatements([registry.silo], () =>
      registry.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }`, {
        r: [...ids.slice(0, 10), "not-an-id"].map((idNumber) => ({ __typename: "Person", idNumber })),
      }),
    );
    expect(result.errors).toBeUndefined();
    expect((result.data as { _entities: unknown[] })._entities.at(-1)).toBeNull();
    expect(statements).toHaveLength(1);
  });
});
