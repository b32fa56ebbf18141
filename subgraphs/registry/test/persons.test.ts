import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../../../test/support/silos.js";
import { ID, idNumber } from "./fixtures.js";
import { ENGINES, firstError, openRegistry, type Registry } from "./harness.js";

const PERSONS = `query($ids: [ID!]!) { persons(idNumbers: $ids) { idNumber name } }`;

describe.each(ENGINES)("registry persons(idNumbers) on %s", (engine) => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await openRegistry(engine);
  });
  afterAll(() => registry?.dispose());

  it("answers in input order with null where absent, duplicates included, in one statement", async () => {
    const ids = [ID.eldestSon, ID.absent, ID.headBeijing, ID.eldestSon.toLowerCase(), ID.headShantou];
    const { result, statements } = await countStatements([registry.silo], () => registry.run(PERSONS, { ids }));
    expect(result.errors).toBeUndefined();
    expect((result.data as { persons: ({ name: string } | null)[] }).persons.map((p) => p?.name ?? null)).toEqual([
      "李建国",
      null,
      "王秀英",
      "李建国",
      "黄阿福",
    ]);
    expect(statements).toHaveLength(1);
  });

  it("accepts exactly 500 and refuses 501, naming the count and the limit, without SQL", async () => {
    const ids = Array.from({ length: 501 }, (_, i) => idNumber("350982", "19800101", String(i % 999).padStart(3, "0")));
    const ok = await registry.run(PERSONS, { ids: ids.slice(0, 500) });
    expect(ok.errors).toBeUndefined();
    expect((ok.data as { persons: unknown[] }).persons).toHaveLength(500);

    const { result, statements } = await countStatements([registry.silo], () => registry.run(PERSONS, { ids }));
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "idNumbers", count: 501, limit: 500 });
    expect(error.message).toMatch(/501.*500/);
    expect(statements).toHaveLength(0);
  });

  it("refuses the whole list when one entry is malformed, naming its index, without SQL", async () => {
    const ids = [ID.headBeijing, ID.eldestSon, ID.headShantou, "110105194912310021", ID.absent];
    const { result, statements } = await countStatements([registry.silo], () => registry.run(PERSONS, { ids }));
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "idNumbers[3]", rule: "check-digit" });
    expect(error.message).toContain("idNumbers[3]");
    expect(statements).toHaveLength(0);
  });
});
