// The window lookup through the whole stack with the entity cache on (Redis, a private
// key prefix; the change feeds' LISTEN on, their polling out of the way so every
// statement counted is a request's): cold, at most one statement per entity type per
// silo whatever the list size; warm, none — and the same answers. Changes by SQL straight
// in each silo reach the next lookup through the feeds; verification never reads the
// cache (one statement, its usage record) and sees a revocation at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFY_LICENSE_QUERY } from "@onceonly/gateway";
import { describeDemo, RedisEntityCache } from "@onceonly/shared";
import { WINDOW_LOOKUP_QUERY } from "../../scripts/src/window-lookup.js";
import { deletePrefix, randomPrefix, SHARED_REDIS_URL } from "../support/redis.js";
import { countStatements, ENGINES } from "../support/silos.js";
import { startStack, type Stack } from "../support/stack.js";

const SEED = 42;
const NEVER = 3_600_000;
const LISTEN_BOUND_MS = 500; // through the gateway and three subgraphs

const MANY = `query Many($ids: [ID!]!) {
  persons(idNumbers: $ids) {
    idNumber name
    household { number members { idNumber name } }
    licenses { id type { name } status validUntil }
    cases { totalCount nodes { number status matter { name } } }
  }
}`;

type Counts = { registry: number; licenses: number; cases: number };

describe.each(ENGINES)("window lookup with the entity cache (%s silos)", (engine) => {
  let stack: Stack;
  let cache: RedisEntityCache;
  const prefix = randomPrefix();
  let ids: string[];
  const { showcasePerson } = describeDemo(SEED);

  beforeAll(async () => {
    cache = new RedisEntityCache({ url: SHARED_REDIS_URL, prefix });
    if (!(await cache.ready(3000))) throw new Error(`Redis is unreachable at ${SHARED_REDIS_URL}`);
    stack = await startStack(engine, { persons: 400, seed: SEED }, { cache: { cache, freshness: { pollMs: NEVER } } });
    const rows = await stack.silos.registry.query<{ gmsfhm: string }>(
      "SELECT DISTINCT gmsfhm FROM rk_jbxx WHERE gmsfhm IS NOT NULL AND gmsfhm <> $1 ORDER BY gmsfhm LIMIT 100",
      [showcasePerson],
    );
    ids = rows.map((r) => r.gmsfhm);
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
    await cache?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  /** Runs a query and counts each silo's statements. */
  async function counted<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const silos = [stack.silos.registry, stack.silos.licenses, stack.silos.cases];
    const { result, statements } = await countStatements(silos, () => stack.graphql<T>(query, variables, headers));
    expect(result.errors).toBeUndefined();
    const count = (silo: string) => statements.filter((s) => s.silo === silo).length;
    return { data: result.data!, counts: { registry: count("registry"), licenses: count("licenses"), cases: count("cases") } as Counts };
  }

  it("the window lookup: cold one statement per entity type, warm none, the same answer", async () => {
    // The purpose (a matter code) is checked once per 30 s, by the first request asking for
    // personal data: here one for somebody the registry does not hold.
    await stack.graphql(`{ person(idNumber: "11010519491231002X") { name } }`);
    const cold = await counted<{ person: any }>(WINDOW_LOOKUP_QUERY, { idNumber: showcasePerson });
    const warm = await counted<{ person: any }>(WINDOW_LOOKUP_QUERY, { idNumber: showcasePerson });
    console.log(`[${engine}] window lookup statements cold ${JSON.stringify(cold.counts)} warm ${JSON.stringify(warm.counts)}`);
    // registry: person, household, members; licences: licences, licence types; cases: the page, matters.
    expect(cold.counts).toEqual({ registry: 3, licenses: 2, cases: 2 });
    expect(warm.counts).toEqual({ registry: 0, licenses: 0, cases: 0 });
    expect(warm.data).toEqual(cold.data);
    expect(cold.data.person.household.members.length).toBeGreaterThan(1);
    expect(cold.data.person.licenses.length).toBeGreaterThanOrEqual(3);
    expect(cold.data.person.cases.totalCount).toBeGreaterThanOrEqual(2);
  });

  it("100 persons: cold at most one statement per entity type, warm none", async () => {
    const cold = await counted<{ persons: unknown[] }>(MANY, { ids });
    expect(cold.data.persons).toHaveLength(100);
    const warm = await counted<{ persons: unknown[] }>(MANY, { ids });
    console.log(`[${engine}] persons(100) statements cold ${JSON.stringify(cold.counts)} warm ${JSON.stringify(warm.counts)}`);
    expect(cold.counts.registry).toBeLessThanOrEqual(3);
    expect(cold.counts.licenses).toBeLessThanOrEqual(2);
    expect(cold.counts.cases).toBeLessThanOrEqual(2);
    expect(warm.counts).toEqual({ registry: 0, licenses: 0, cases: 0 });
    expect(warm.data).toEqual(cold.data);
  });

  it("changes by SQL in each silo reach the next window lookup through the change feeds", async () => {
    const lookup = async () => (await counted<{ person: any }>(WINDOW_LOOKUP_QUERY, { idNumber: showcasePerson })).data.person;
    const before = await lookup();
    const [licence] = await stack.silos.licenses.query<{ zzbs: string; zzzt: string }>(
      "SELECT zzbs, zzzt FROM dzzz_zzxx WHERE czztdm = $1 ORDER BY zzbs LIMIT 1",
      [showcasePerson],
    );
    const caseNumber = before.cases.nodes[0].number as string;
    const [kase] = await stack.silos.cases.query<{ zt: string }>("SELECT zt FROM sp_bj WHERE bjbh = $1", [caseNumber]);
    const [person] = await stack.silos.registry.query<{ xm: string }>(
      "SELECT xm FROM rk_jbxx WHERE gmsfhm = $1 AND zxrq IS NULL ORDER BY gxsj DESC LIMIT 1",
      [showcasePerson],
    );
    try {
      await stack.silos.registry.query("UPDATE rk_jbxx SET xm = $2 WHERE gmsfhm = $1", [showcasePerson, "测试改名"]);
      await stack.silos.licenses.query("UPDATE dzzz_zzxx SET zzzt = '挂失' WHERE zzbs = $1", [licence.zzbs]);
      await stack.silos.cases.query("UPDATE sp_bj SET zt = '07' WHERE bjbh = $1", [caseNumber]);
      const committed = performance.now();
      let after = await lookup();
      const seen = (p: any) =>
        p.name === "测试改名" &&
        p.household.members.some((m: { idNumber: string; name: string }) => m.idNumber === showcasePerson && m.name === "测试改名") &&
        p.licenses.some((l: { id: string; status: string }) => l.id === licence.zzbs && l.status === "REPORTED_LOST") &&
        p.cases.nodes.some((c: { number: string; status: string }) => c.number === caseNumber && c.status === "SPECIAL_PROCEDURE");
      while (!seen(after) && performance.now() - committed < 5000) after = await lookup();
      const delay = performance.now() - committed;
      console.log(`[${engine}] three silos changed by SQL: seen through the gateway after ${delay.toFixed(1)} ms`);
      expect(seen(after)).toBe(true);
      expect(delay).toBeLessThan(LISTEN_BOUND_MS);
    } finally {
      await stack.silos.registry.query("UPDATE rk_jbxx SET xm = $2 WHERE gmsfhm = $1", [showcasePerson, person.xm]);
      await stack.silos.licenses.query("UPDATE dzzz_zzxx SET zzzt = $2 WHERE zzbs = $1", [licence.zzbs, licence.zzzt]);
      await stack.silos.cases.query("UPDATE sp_bj SET zt = $2 WHERE bjbh = $1", [caseNumber, kase.zt]);
    }
  });

  it("verifyLicense reads the silo, never the cache: one statement, and a revocation counts at once", async () => {
    const [licence] = await stack.silos.licenses.query<{ zzbs: string; zzzt: string }>(
      `SELECT zzbs, zzzt FROM dzzz_zzxx WHERE czztdm = $1 AND btrim(zzzt) = '有效'
          AND zzyxqqsrq <= current_date AND (zzyxqjzrq IS NULL OR zzyxqjzrq > current_date + 1) ORDER BY zzbs LIMIT 1`,
      [showcasePerson],
    );
    const verify = () => counted<{ verifyLicense: { outcome: string } }>(VERIFY_LICENSE_QUERY, { input: { id: licence.zzbs } }, { "x-window-id": "CACHE-T" });
    await verify();
    const warm = await verify();
    console.log(`[${engine}] verifyLicense statements warm ${JSON.stringify(warm.counts)}`);
    expect(warm.data.verifyLicense.outcome).toBe("VALID");
    expect(warm.counts).toEqual({ registry: 0, licenses: 1, cases: 0 });
    try {
      await stack.silos.licenses.query("UPDATE dzzz_zzxx SET zzzt = '吊销' WHERE zzbs = $1", [licence.zzbs]);
      expect((await verify()).data.verifyLicense.outcome).toBe("REVOKED");
    } finally {
      await stack.silos.licenses.query("UPDATE dzzz_zzxx SET zzzt = $2 WHERE zzbs = $1", [licence.zzbs, licence.zzzt]);
    }
  });
});
