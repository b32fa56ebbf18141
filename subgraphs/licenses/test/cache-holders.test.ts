// Holder lists (Person.licenses, Organization.licenses) behind the entity cache: a warm
// list costs no statement whatever the number of holders, each filter variant is cached,
// and a change by SQL — a licence revoked, a licence issued, a licence moved to another
// holder — drops every variant of the holder's lists within the bound (migration 003
// NOTIFYs the holder code; the gxsj poll finds it when LISTEN is lost).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisEntityCache, type RunningServer } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { deletePrefix, randomPrefix, SHARED_REDIS_URL } from "../../../test/support/redis.js";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";
import { MIGRATIONS, startLicensesService, type LicensesServiceOptions } from "../src/server.js";
import { fixtures, insertFixtures, ISSUER, licence, LICENSE, manyPersons, PERSON, TYPE, types } from "./fixtures.js";

const LISTEN_BOUND_MS = 250;
const POLL_MS = 400;
const POLL_BOUND_MS = POLL_MS + 250;
const NEVER = 3_600_000;

const LISTS = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Person { idNumber all: licenses { id status updatedAt } valid: licenses(status: [VALID]) { id } }
  }
}`;

type Lists = { idNumber: string; all: { id: string; status: string }[]; valid: { id: string }[] }[];

describe.each(ENGINES)("licence holder lists behind the entity cache (%s)", (engine) => {
  let test: TestSilo;
  const many = manyPersons(100, 700);
  let cache: RedisEntityCache;
  let prefix: string;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertFixtures(test.silo, { types, licenses: [...fixtures.licenses, ...many.licenses] });
  });
  afterAll(() => test?.dispose());
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await cache?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  async function start(freshness: LicensesServiceOptions["freshness"]): Promise<void> {
    prefix = randomPrefix();
    cache = new RedisEntityCache({ url: SHARED_REDIS_URL, prefix });
    if (!(await cache.ready(3000))) throw new Error(`Redis is unreachable at ${SHARED_REDIS_URL}`);
    server = await startLicensesService({ silo: test.silo, port: 0, cache, freshness, signing: TEST_SIGNING });
  }

  async function lists(idNumbers: readonly string[]): Promise<Lists> {
    const response = await signedFetch(server!.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: LISTS, variables: { r: idNumbers.map((idNumber) => ({ __typename: "Person", idNumber })) } }),
    });
    const body = (await response.json()) as { data?: { _entities: Lists }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data!._entities;
  }

  it("100 holders, two filters: cold one statement per filter, warm none, the same lists", async () => {
    await start({ pollMs: NEVER });
    const cold = await countStatements([test.silo], () => lists(many.idNumbers));
    expect(cold.statements).toHaveLength(2);
    const warm = await countStatements([test.silo], () => lists(many.idNumbers));
    expect(warm.statements.map((s) => s.text)).toEqual([]);
    expect(warm.result).toEqual(cold.result);
    expect(warm.result.filter((p) => p.all.length === 2)).toHaveLength(33); // every third holds a driving licence too
  });

  it(`LISTEN: a revocation by SQL drops the holder's lists (every filter) within ${LISTEN_BOUND_MS} ms`, async () => {
    await start({ pollMs: NEVER });
    const id = LICENSE.wangIdCard.zzbs;
    const [before] = await lists([PERSON.wang]);
    expect(before.valid.map((l) => l.id)).toContain(id);
    try {
      const delay = await changeAndMeasure(
        () => test.silo.query("UPDATE dzzz_zzxx SET zzzt = '吊销' WHERE zzbs = $1", [id]),
        async () => {
          const [now] = await lists([PERSON.wang]);
          return !now.valid.some((l) => l.id === id) && now.all.some((l) => l.id === id && l.status === "REVOKED");
        },
      );
      console.log(`[${engine}] holder list LISTEN invalidation: ${delay.toFixed(1)} ms`);
      expect(delay).toBeLessThan(LISTEN_BOUND_MS);
    } finally {
      await test.silo.query("UPDATE dzzz_zzxx SET zzzt = '有效' WHERE zzbs = $1", [id]);
    }
  });

  it(`LISTEN: a licence issued by SQL joins the holder's list within ${LISTEN_BOUND_MS} ms`, async () => {
    await start({ pollMs: NEVER });
    const holder = many.idNumbers[10];
    const issued = licence({
      type: TYPE.drivingLicence, issuer: ISSUER.leshanTraffic, serial: "NEW0001", number: `D${holder}`, holder: ["测试新证", holder, "111"],
      issued: "2026-01-01", until: "2032-01-01", status: "有效", updated: "2026-01-01T00:00:00+08:00",
    });
    expect((await lists([holder]))[0].all.map((l) => l.id)).not.toContain(issued.zzbs);
    try {
      const delay = await changeAndMeasure(
        () => insertFixtures(test.silo, { licenses: [issued] }),
        async () => (await lists([holder]))[0].valid.some((l) => l.id === issued.zzbs),
      );
      expect(delay).toBeLessThan(LISTEN_BOUND_MS);
    } finally {
      await test.silo.query("DELETE FROM dzzz_zzxx WHERE zzbs = $1", [issued.zzbs]);
    }
  });

  it(`LISTEN lost: a licence moved to another holder by SQL moves lists within CACHE_POLL_MS (${POLL_MS} ms)`, async () => {
    await start({ listen: false, pollMs: POLL_MS });
    const [from, to] = [many.idNumbers[20], many.idNumbers[21]];
    const [moved] = (await lists([from]))[0].all;
    expect((await lists([to]))[0].all.map((l) => l.id)).not.toContain(moved.id);
    try {
      const delay = await changeAndMeasure(
        () => test.silo.query("UPDATE dzzz_zzxx SET czztdm = $2 WHERE zzbs = $1", [moved.id, to]),
        async () => {
          const [a, b] = await lists([from, to]);
          return !a.all.some((l) => l.id === moved.id) && b.all.some((l) => l.id === moved.id);
        },
      );
      console.log(`[${engine}] holder list poll invalidation: ${delay.toFixed(1)} ms (CACHE_POLL_MS=${POLL_MS})`);
      expect(delay).toBeLessThan(POLL_BOUND_MS);
    } finally {
      await test.silo.query("UPDATE dzzz_zzxx SET czztdm = $2 WHERE zzbs = $1", [moved.id, from]);
    }
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
