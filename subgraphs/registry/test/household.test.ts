import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../../../test/support/silos.js";
import { HH, ID } from "./fixtures.js";
import { ENGINES, firstError, openRegistry, type Registry } from "./harness.js";

const HOUSEHOLD = `query($n: ID!) { household(number: $n) {
  number type address region { code name } updatedAt
  head { idNumber name }
  members { idNumber name relationshipToHead deceased }
} }`;

describe.each(ENGINES)("registry households on %s", (engine) => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await openRegistry(engine);
  });
  afterAll(() => registry?.dispose());

  const household = async (n: string) => {
    const result = await registry.run(HOUSEHOLD, { n });
    expect(result.errors).toBeUndefined();
    return (result.data as { household: Record<string, unknown> | null }).household;
  };

  it("returns the household with its head and current members, head first", async () => {
    expect(await household(HH.beijing)).toEqual({
      number: HH.beijing,
      type: "FAMILY",
      address: "北京市朝阳区建国路88号",
      region: { code: "110105", name: expect.stringContaining("朝阳区") },
      updatedAt: "2023-05-01T08:00:00.000Z",
      head: { idNumber: ID.headBeijing, name: "王秀英" },
      members: [
        { idNumber: ID.headBeijing, name: "王秀英", relationshipToHead: "HEAD", deceased: false },
        { idNumber: ID.eldestSon, name: "李建国", relationshipToHead: "SON", deceased: false },
        { idNumber: ID.daughterInLaw, name: "陈丽", relationshipToHead: "DAUGHTER", deceased: false },
        { idNumber: ID.deceasedFather, name: "李德福", relationshipToHead: "FATHER", deceased: true },
      ],
    });
  });

  it("lists a duplicated person once, leaves cancelled registrations out, ignores stale rows elsewhere", async () => {
    const shantou = await household(HH.shantou);
    expect((shantou?.members as { idNumber: string }[]).map((m) => m.idNumber)).toEqual([ID.headShantou, ID.duplicated, ID.movedOut]);
    // 林美玲's newer row under the Leshan collective household is cancelled: not a member there.
    const leshan = await household(HH.leshan);
    expect(leshan).toMatchObject({ type: "COLLECTIVE", head: { idNumber: ID.headLeshan } });
    expect((leshan?.members as { idNumber: string }[]).map((m) => m.idNumber)).toEqual([ID.headLeshan, ID.unknownCodes]);
  });

  it("returns an unknown household type as UNRECOGNIZED, and null for an absent household", async () => {
    expect(await household(HH.huolingol)).toMatchObject({ type: "UNRECOGNIZED", head: { name: "巴特尔" } });
    expect(await household("999999999999")).toBeNull();
  });

  it("resolves Household representations from other subgraphs", async () => {
    const result = await registry.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { number head { name } } } }`,
      { r: [{ __typename: "Household", number: HH.leshan }, { __typename: "Household", number: "not a number!" }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ number: HH.leshan, head: { name: "刘洋" } }, null] });
  });

  it.each([
    ["", "empty"],
    ["1".repeat(21), "length"],
    ["1101 05", "format"],
    ["户号123", "format"],
  ])("refuses household number %j (%s) with BAD_USER_INPUT before any SQL", async (bad, rule) => {
    const { result, statements } = await countStatements([registry.silo], () => registry.run(HOUSEHOLD, { n: bad }));
    expect(firstError(result).extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "number", rule });
    expect(statements).toHaveLength(0);
  });
});
