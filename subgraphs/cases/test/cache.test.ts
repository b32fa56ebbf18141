// The cases subgraph behind the entity cache (Redis, a private key prefix): a warm
// applicant's case list costs no statement and answers what the silo says; the
// subgraph's own writes (acceptCase, advanceCase, evaluateCase) are seen on the very next
// read with the change feed switched off; a change by SQL straight in the silo is seen
// within the bound on each path of the feed (migration 005).
import { randomUUID } from "node:crypto";
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { logger, RedisEntityCache, type ChangeFeed, type EntityCache } from "@onceonly/shared";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { deletePrefix, randomPrefix, SHARED_REDIS_URL } from "../../../test/support/redis.js";
import { buildCasesSchema, createCasesContext, createSources } from "../src/server.js";
import { startCasesChangeFeed } from "../src/source/change-feed.js";
import { ACCEPT, matterCode, NOW, openAcceptHarness, PERSON, WINDOW, type AcceptHarness } from "./accept-support.js";
import { testServices } from "./services.js";

const LISTEN_BOUND_MS = 250;
const POLL_MS = 400;
const POLL_BOUND_MS = POLL_MS + 250;
const NEVER = 3_600_000;

const CASES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Person { idNumber cases(first: 10) { totalCount nodes { number status acceptedAt promisedBy window matter { code name } } } }
  }
}`;
const BY_NUMBER = `query($n: ID!) { case(number: $n) { number status evaluation matter { name } } }`;
const ADVANCE = `mutation($n: ID!) { advanceCase(number: $n, to: PROCESSING, handler: "王五") { number status } }`;

describe.each(ENGINES)("cases behind the entity cache (%s)", (engine) => {
  let h: AcceptHarness;
  let schema: GraphQLSchema;
  let cache: RedisEntityCache;
  let prefix: string;
  let feed: ChangeFeed | undefined;
  let applicant: string;

  beforeAll(async () => {
    h = await openAcceptHarness(engine);
    schema = await buildCasesSchema();
    const [row] = await h.silo.query<{ sqrzjhm: string }>(
      "SELECT sqrzjhm FROM sp_bj WHERE sqrlx = '1' GROUP BY sqrzjhm ORDER BY count(*) DESC, sqrzjhm LIMIT 1",
    );
    applicant = row.sqrzjhm;
  });
  afterAll(() => h?.dispose());
  afterEach(async () => {
    await feed?.stop();
    feed = undefined;
    await cache?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  /** A fresh cache and (unless off) the change feed; a runner with a fresh context per call. */
  async function start(freshness: { listen?: boolean; pollMs: number }) {
    prefix = randomPrefix();
    cache = new RedisEntityCache({ url: SHARED_REDIS_URL, prefix });
    if (!(await cache.ready(3000))) throw new Error(`Redis is unreachable at ${SHARED_REDIS_URL}`);
    const bound = { cache: cache as EntityCache, ttlSeconds: 60 };
    feed = await startCasesChangeFeed({ silo: h.silo, cache: bound, ...freshness, log: logger });
    const sources = createSources(h.silo, bound);
    const keys = { current: async () => h.signer.publicJwks(NOW), refresh: async () => h.signer.publicJwks(NOW) };
    return (source: string, variables: Record<string, unknown> = {}): Promise<ExecutionResult> =>
      graphql({
        schema,
        source,
        variableValues: variables,
        contextValue: createCasesContext(sources, testServices({ clock: () => NOW, receiptKeys: keys }), {
          requestId: "cache-test",
          purpose: null,
          window: { ...WINDOW, scopes: [] },
        }),
      });
  }

  const data = (result: ExecutionResult) => {
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>;
  };
  const expectOk = async (result: Promise<ExecutionResult>) => data(await result);
  const casesOf = async (run: Awaited<ReturnType<typeof start>>, id: string) =>
    data(await run(CASES, { r: [{ __typename: "Person", idNumber: id }] }))._entities[0].cases as { totalCount: number; nodes: { number: string; status: string }[] };

  it("a warm case list and case by number cost no statement and answer what the silo answers", async () => {
    const run = await start({ pollMs: NEVER });
    const cold = await countStatements([h.silo], () => run(CASES, { r: [{ __typename: "Person", idNumber: applicant }] }));
    expect(cold.statements).toHaveLength(2); // the page, the matters
    const warm = await countStatements([h.silo], () => run(CASES, { r: [{ __typename: "Person", idNumber: applicant }] }));
    expect(warm.statements).toHaveLength(0);
    expect(data(warm.result)).toEqual(data(cold.result));
    const first = data(cold.result)._entities[0].cases.nodes[0].number;
    const byNumber = await countStatements([h.silo], () => run(BY_NUMBER, { n: first }));
    expect(byNumber.statements).toHaveLength(0); // written to the case cache by the list read
    expect(data(byNumber.result).case.number).toBe(first);
  });

  it("advanceCase and evaluateCase: the next read shows the change at once (feed off)", async () => {
    const run = await start({ listen: false, pollMs: NEVER });
    // Two of the applicant's cases set up before anything is cached: one just accepted, one completed and not rated.
    const [target, done] = await h.silo.query<{ bjbh: string; sqrzjhm: string }>(
      "SELECT bjbh, sqrzjhm FROM sp_bj WHERE sqrzjhm = $1 AND zhbjbh IS NULL ORDER BY bjbh LIMIT 2",
      [applicant],
    );
    expect(done).toBeDefined();
    await h.silo.query("UPDATE sp_bj SET zt = '01', bjsj = NULL, bjjg = NULL WHERE bjbh = $1", [target.bjbh]);
    await h.silo.query("UPDATE sp_bj SET zt = '04', bjsj = slsj, bjjg = '1', mydpj = NULL, pjsj = NULL WHERE bjbh = $1", [done.bjbh]);
    const statusIn = async () => (await casesOf(run, target.sqrzjhm)).nodes.find((n) => n.number === target.bjbh)?.status;
    expect(await statusIn()).toBe("ACCEPTED");
    expect(data(await run(BY_NUMBER, { n: target.bjbh })).case.status).toBe("ACCEPTED");
    expect(data(await run(ADVANCE, { n: target.bjbh })).advanceCase.status).toBe("PROCESSING");
    expect(await statusIn()).toBe("PROCESSING");
    expect(data(await run(BY_NUMBER, { n: target.bjbh })).case.status).toBe("PROCESSING");

    expect(data(await run(BY_NUMBER, { n: done.bjbh })).case.evaluation).toBeNull();
    await expectOk(run(`mutation($n: ID!) { evaluateCase(number: $n, evaluation: SATISFIED) { number } }`, { n: done.bjbh }));
    expect(data(await run(BY_NUMBER, { n: done.bjbh })).case.evaluation).toBe("SATISFIED");
  });

  it("acceptCase: the applicant's next case list holds the new case at once (feed off)", async () => {
    const run = await start({ listen: false, pollMs: NEVER });
    const before = await casesOf(run, PERSON);
    const accepted = await run(ACCEPT, { input: await paperInput() });
    const number = data(accepted).acceptCase.number as string;
    const after = await casesOf(run, PERSON);
    expect(after.totalCount).toBe(before.totalCount + 1);
    // Newest first by acceptance time: the demo may hold a later case of this applicant
    // on the same day, so the new one is in the first page, not necessarily first.
    expect(after.nodes.map((n) => n.number)).toContain(number);
    expect(before.nodes.map((n) => n.number)).not.toContain(number);
  });

  it(`LISTEN: a status changed by SQL is served within ${LISTEN_BOUND_MS} ms (polling out of the way)`, async () => {
    const run = await start({ pollMs: NEVER });
    const [target] = await h.silo.query<{ bjbh: string; zt: string }>("SELECT bjbh, zt FROM sp_bj WHERE sqrzjhm = $1 ORDER BY slsj DESC LIMIT 1", [applicant]);
    const status = async () => (await casesOf(run, applicant)).nodes.find((n) => n.number === target.bjbh)?.status;
    const before = await status();
    const delay = await changeAndMeasure(
      () => h.silo.query("UPDATE sp_bj SET zt = '06' WHERE bjbh = $1", [target.bjbh]),
      async () => (await status()) === "RETURNED_FOR_CORRECTION",
    );
    console.log(`[${engine}] cases LISTEN invalidation: ${delay.toFixed(1)} ms (was ${before})`);
    expect(delay).toBeLessThan(LISTEN_BOUND_MS);
    await h.silo.query("UPDATE sp_bj SET zt = $2 WHERE bjbh = $1", [target.bjbh, target.zt]);
  });

  it(`LISTEN lost: the gxsj poll serves a legacy writer's change within CACHE_POLL_MS (${POLL_MS} ms)`, async () => {
    const run = await start({ listen: false, pollMs: POLL_MS });
    const [target] = await h.silo.query<{ bjbh: string; zt: string }>("SELECT bjbh, zt FROM sp_bj WHERE sqrzjhm = $1 ORDER BY slsj DESC LIMIT 1", [applicant]);
    const status = async () => data(await run(BY_NUMBER, { n: target.bjbh })).case.status as string;
    await casesOf(run, applicant);
    // gxsj left as it was, as a legacy writer would: the trigger moves it.
    const delay = await changeAndMeasure(
      () => h.silo.query("UPDATE sp_bj SET zt = '07' WHERE bjbh = $1", [target.bjbh]),
      async () => (await status()) === "SPECIAL_PROCEDURE" && (await casesOf(run, applicant)).nodes.some((n) => n.number === target.bjbh && n.status === "SPECIAL_PROCEDURE"),
    );
    console.log(`[${engine}] cases poll invalidation: ${delay.toFixed(1)} ms (CACHE_POLL_MS=${POLL_MS})`);
    expect(delay).toBeLessThan(POLL_BOUND_MS);
    await h.silo.query("UPDATE sp_bj SET zt = $2 WHERE bjbh = $1", [target.bjbh, target.zt]);
  });

  /** Enrolment with every required material on paper: nothing to verify, nothing shared. */
  async function paperInput() {
    const school = matterCode("SCHOOL_ENROLMENT");
    const readinessId = await h.readiness({ applicant: PERSON, matterCode: school, materials: [], prefill: [] });
    return {
      idempotencyKey: randomUUID(),
      matterCode: school,
      applicant: PERSON,
      readinessId,
      materials: ["CL01", "CL02", "CL03", "CL04"].map((materialCode) => ({ materialCode, method: "PAPER" })),
      formFields: [{ field: "NAME", value: "张丽" }],
      handler: "李娜",
    };
  }
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
