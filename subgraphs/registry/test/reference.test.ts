// Person representations from other subgraphs (`_entities`): every well-formed ID number
// gets a representation — the registry's record, or a stub saying it holds none — so
// fields that @require registry data (a case's readiness) can answer for anyone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../../../test/support/silos.js";
import { HH, ID } from "./fixtures.js";
import { ENGINES, openRegistry, type Registry } from "./harness.js";

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
  idNumber registered recordKey name sex ethnicity birthDate address region { code } maritalStatus
  deceased relationshipToHead updatedAt household { number address updatedAt members { idNumber } }
} } }`;

describe.each(ENGINES)("registry Person references on %s", (engine) => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await openRegistry(engine);
  });
  afterAll(() => registry?.dispose());

  const entities = (idNumbers: string[]) =>
    countStatements([registry.silo], () => registry.run(ENTITIES, { r: idNumbers.map((idNumber) => ({ __typename: "Person", idNumber })) }));

  it("answers an unknown but well-formed ID number with an unregistered stub, a known one with its record", async () => {
    const { result, statements } = await entities([ID.absent, ID.eldestSon, "not-an-id"]);
    expect(result.errors).toBeUndefined();
    const [absent, known, malformed] = (result.data as { _entities: (Record<string, unknown> | null)[] })._entities;
    expect(absent).toEqual({
      idNumber: ID.absent,
      registered: false,
      recordKey: null,
      name: null,
      sex: null,
      ethnicity: null,
      birthDate: null,
      address: null,
      region: null,
      maritalStatus: null,
      deceased: false,
      relationshipToHead: null,
      updatedAt: null,
      household: null,
    });
    expect(known).toMatchObject({ idNumber: ID.eldestSon, registered: true, recordKey: "R0002", name: "李建国", household: { number: HH.beijing } });
    // A key that cannot be an ID number is still not looked up, and resolves to null.
    expect(malformed).toBeNull();
    // persons, then the known person's household and its members; the stub costs nothing more.
    expect(statements).toHaveLength(3);
  });

  it("normalises the key of a stub as it does a lookup (surrounding spaces, lower-case x)", async () => {
    const absentWithX = `${ID.absent.slice(0, 17)}x`;
    const { result } = await entities([` ${absentWithX} `]);
    expect(result.errors).toBeUndefined();
    expect((result.data as { _entities: unknown[] })._entities).toEqual([
      expect.objectContaining({ idNumber: absentWithX.toUpperCase(), registered: false }),
    ]);
  });

  it("keeps root person(idNumber) and persons(idNumbers) answering null for an unknown person", async () => {
    const result = await registry.run(`query($id: ID!, $ids: [ID!]!) { person(idNumber: $id) { registered } persons(idNumbers: $ids) { registered } }`, {
      id: ID.absent,
      ids: [ID.absent, ID.headBeijing],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ person: null, persons: [null, { registered: true }] });
  });
});
