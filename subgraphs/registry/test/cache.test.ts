// The registry behind the entity cache (Redis, a private key prefix): a warm lookup of
// persons, households and members costs no statement and answers what the silo says; a
// change made by SQL straight in the silo is seen within the bound on each path of the
// change feed (migration 002): LISTEN (ms), the gxsj poll when LISTEN is lost
// (CACHE_POLL_MS); an unknown person is never cached as unknown.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import { logger, RedisEntityCache, type ChangeFeed, type EntityCache } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { deletePrefix, randomPrefix, SHARED_REDIS_URL } from "../../../test/support/redis.js";
import { buildRegistrySchema, createContext, createSources, MIGRATIONS } from "../src/server.js";
import { startRegistryChangeFeed } from "../src/source/change-feed.js";
import { bulkRows, HH, ID, idNumber, insertFixtures } from "./fixtures.js";

const LISTEN_BOUND_MS = 250;
const POLL_MS = 400;
const POLL_BOUND_MS = POLL_MS + 250;
const NEVER = 3_600_000;
const BULK_HOUSEHOLDS = 30;

const WINDOW = `query($id: ID!) {
  person(idNumber: $id) {
    idNumber name registered updatedAt region { code name }
    household { number type address members { idNumber name relationshipToHead } head { idNumber } }
  }
}`;
const MANY = `query($ids: [ID!]!) { persons(idNumbers: $ids) { idNumber name household { number members { idNumber } } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber registered name } } }`;

describe.each(ENGINES)("registry behind the entity cache (%s)", (engine) => {
  let test: TestSilo;
  let schema: GraphQLSchema;
  let cache: RedisEntityCache;
  let prefix: string;
  let feed: ChangeFeed | undefined;
  let mgets: number[];

  beforeAll(async () => {
    test = await openTestSilo(engine, "registry", MIGRATIONS);
    await insertFixtures(test.silo, BULK_HOUSEHOLDS);
    schema = await buildRegistrySchema();
  });
  afterAll(() => test?.dispose());
  afterEach(async () => {
    await feed?.stop();
    feed = undefined;
    await cache?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  /** A fresh cache (its own prefix) and a change feed; returns a runner with per-request contexts. */
  async function start(freshness: { listen?: boolean; pollMs: number }) {
    prefix = randomPrefix();
    cache = new RedisEntityCache({ url: SHARED_REDIS_URL, prefix });
    if (!(await cache.ready(3000))) throw new Error(`Redis is unreachable at ${SHARED_REDIS_URL}`);
    mgets = [];
    const counting: EntityCache = {
      mget: (keys) => (mgets.push(keys.length), cache.mget(keys)),
      mset: (entries, ttl) => cache.mset(entries, ttl),
      del: (keys) => cache.del(keys),
      close: () => cache.close(),
    };
    const bound = { cache: counting, ttlSeconds: 60 };
    feed = await startRegistryChangeFeed({ silo: test.silo, cache: bound, ...freshness, log: logger });
    const sources = createSources(test.silo, bound);
    return (source: string, variables: Record<string, unknown>): Promise<ExecutionResult> =>
      graphql({ schema, source, variableValues: variables, contextValue: createContext(sources, { requestId: "cache-test", purpose: null, window: null }) });
  }

  const data = (result: ExecutionResult) => {
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>;
  };

  it("a warm window lookup costs no statement and answers exactly what the silo answers", async () => {
    const run = await start({ pollMs: NEVER });
    const cold = await countStatements([test.silo], () => run(WINDOW, { id: ID.eldestSon }));
    // person, household, members: one statement each
    expect(cold.statements).toHaveLength(3);
    const warm = await countStatements([test.silo], () => run(WINDOW, { id: ID.eldestSon }));
    expect(warm.statements).toHaveLength(0);
    expect(data(warm.result)).toEqual(data(cold.result));
    expect(data(warm.result).person.household.members.map((m: { idNumber: string }) => m.idNumber)).toEqual([
      ID.headBeijing, ID.eldestSon, ID.daughterInLaw, ID.deceasedFather,
    ]);
    expect(data(warm.result).person.updatedAt).toBe("2023-05-01T08:00:00.000Z"); // Dates survive the cache
  });

  it("100 persons: cold one statement per entity type, warm none; each batch is one MGET", async () => {
    const run = await start({ pollMs: NEVER });
    const ids = bulkRows(BULK_HOUSEHOLDS).persons.map((p) => p.gmsfhm).slice(0, 100);
    const cold = await countStatements([test.silo], () => run(MANY, { ids }));
    expect(data(cold.result).persons).toHaveLength(ids.length);
    expect(cold.statements).toHaveLength(3);
    mgets.length = 0;
    const warm = await countStatements([test.silo], () => run(MANY, { ids }));
    expect(warm.statements).toHaveLength(0);
    expect(data(warm.result)).toEqual(data(cold.result));
    // persons, households, member lists: one MGET each however many; the members themselves
    // are the persons this request already loaded (the request's DataLoader), no fourth.
    expect(mgets).toEqual([100, 25, 25]);
  });

  it("an unknown ID number is not cached as unknown: registered a moment later, it is found at once", async () => {
    const run = await start({ listen: false, pollMs: NEVER });
    const id = idNumber("130202", "20000202", "114");
    expect(data(await run(ENTITIES, { r: [{ __typename: "Person", idNumber: id }] }))._entities).toEqual([{ idNumber: id, registered: false, name: null }]);
    await test.silo.query(
      "INSERT INTO rk_jbxx (rkbh, gmsfhm, xm, xb, hh, yhzgx, gxsj) VALUES ('R-NEW-1', $1, '新登记', '1', NULL, NULL, now())",
      [id],
    );
    expect(data(await run(ENTITIES, { r: [{ __typename: "Person", idNumber: id }] }))._entities).toEqual([{ idNumber: id, registered: true, name: "新登记" }]);
  });

  it(`LISTEN: a name changed by SQL is served within ${LISTEN_BOUND_MS} ms (polling out of the way)`, async () => {
    const run = await start({ pollMs: NEVER });
    const name = async () => data(await run(WINDOW, { id: ID.headLeshan })).person.name as string;
    expect(await name()).toBe("刘洋");
    const delay = await changeAndMeasure(() => test.silo.query("UPDATE rk_jbxx SET xm = '刘洋洋' WHERE gmsfhm = $1", [ID.headLeshan]), async () => (await name()) === "刘洋洋");
    console.log(`[${engine}] registry LISTEN invalidation: ${delay.toFixed(1)} ms`);
    expect(delay).toBeLessThan(LISTEN_BOUND_MS);
  });

  it("LISTEN: a person moved to another household leaves the old member list and joins the new one", async () => {
    const run = await start({ pollMs: NEVER });
    const members = async (hh: string) =>
      (data(await run(`query($hh: ID!) { household(number: $hh) { members { idNumber } } }`, { hh })).household.members as { idNumber: string }[]).map((m) => m.idNumber);
    expect(await members(HH.huolingol)).toEqual([ID.headHuolingol]);
    expect(await members(HH.leshan)).toContain(ID.unknownCodes);
    const delay = await changeAndMeasure(
      () => test.silo.query("UPDATE rk_jbxx SET hh = $2 WHERE gmsfhm = $1", [ID.unknownCodes, HH.huolingol]),
      async () => (await members(HH.huolingol)).includes(ID.unknownCodes) && !(await members(HH.leshan)).includes(ID.unknownCodes),
    );
    expect(delay).toBeLessThan(LISTEN_BOUND_MS);
    await test.silo.query("UPDATE rk_jbxx SET hh = $2 WHERE gmsfhm = $1", [ID.unknownCodes, HH.leshan]);
  });

  it(`LISTEN lost: the gxsj poll serves a household's new address within CACHE_POLL_MS (${POLL_MS} ms)`, async () => {
    const run = await start({ listen: false, pollMs: POLL_MS });
    const address = async () => data(await run(`query($hh: ID!) { household(number: $hh) { address } }`, { hh: HH.shantou })).household.address as string;
    const before = await address();
    // gxsj left as it was, as a legacy writer would: the trigger moves it.
    const delay = await changeAndMeasure(
      () => test.silo.query("UPDATE rk_hxx SET zz = '广东省汕头市潮阳区新址1号' WHERE hh = $1", [HH.shantou]),
      async () => (await address()) === "广东省汕头市潮阳区新址1号",
    );
    console.log(`[${engine}] registry poll invalidation: ${delay.toFixed(1)} ms (CACHE_POLL_MS=${POLL_MS})`);
    expect(delay).toBeLessThan(POLL_BOUND_MS);
    const [row] = await test.silo.query<{ gxsj: Date }>("SELECT gxsj FROM rk_hxx WHERE hh = $1", [HH.shantou]);
    expect(row.gxsj.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await test.silo.query("UPDATE rk_hxx SET zz = $2 WHERE hh = $1", [HH.shantou, before]);
  });

  it("LISTEN lost, a member moved: the poll drops the new household's list; the old one leaves them out at once", async () => {
    const run = await start({ listen: false, pollMs: POLL_MS });
    const members = async (hh: string) =>
      (data(await run(`query($hh: ID!) { household(number: $hh) { members { idNumber } } }`, { hh })).household.members as { idNumber: string }[]).map((m) => m.idNumber);
    expect(await members(HH.beijing)).toContain(ID.daughterInLaw);
    expect(await members(HH.huolingol)).not.toContain(ID.daughterInLaw);
    await test.silo.query("UPDATE rk_jbxx SET hh = $2 WHERE gmsfhm = $1", [ID.daughterInLaw, HH.huolingol]);
    const delay = await changeAndMeasure(async () => undefined, async () => (await members(HH.huolingol)).includes(ID.daughterInLaw));
    expect(delay).toBeLessThan(POLL_BOUND_MS);
    expect(await members(HH.beijing)).not.toContain(ID.daughterInLaw);
    await test.silo.query("UPDATE rk_jbxx SET hh = $2 WHERE gmsfhm = $1", [ID.daughterInLaw, HH.beijing]);
  });
});

/** Runs the change, then polls `seen` until true; the time from the commit, ms. */
async function changeAndMeasure(change: () => Promise<unknown>, seen: () => Promise<boolean>, giveUpMs = 5000): Promise<number> {
  await change();
  const committed = performance.now();
  while (performance.now() - committed < giveUpMs) {
    if (await seen()) return performance.now() - committed;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`change not seen ${giveUpMs} ms after the commit`);
}
