// 好差评 against a real silo, on both engines: only once a case is decided, only once,
// kept on the case (not in the timeline, which is for status changes).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENGINES } from "../../../test/support/silos.js";
import { dataOf } from "./harness.js";
import { bj, errorOf, lifecycleFixtures, openLifecycleHarness, type LifecycleHarness } from "./lifecycle-support.js";

const EVALUATE = `mutation($number: ID!, $evaluation: Evaluation!, $comment: String) {
  evaluateCase(number: $number, evaluation: $evaluation, comment: $comment) { number status evaluation evaluatedAt evaluationComment timeline { status } }
}`;
const NOW = bj("2026-03-20T10:00:00");
const accepted = bj("2026-03-09T09:00:00");

const fixtures = lifecycleFixtures([
  { number: "EV-DONE", matter: "BDCDJ-001", path: ["01", "02", "03", "04"], accepted, limit: 4, done: { bjsj: bj("2026-03-12T10:00:00").toISOString(), bjjg: "1" } },
  { number: "EV-REFUSED", matter: "BDCDJ-001", path: ["01", "05"], accepted, limit: 4 },
  { number: "EV-OPEN", matter: "BDCDJ-001", path: ["01", "02"], accepted, limit: 4 },
  { number: "EV-RATED", matter: "HYDJ-001", path: ["01", "04"], accepted, limit: 0, done: { bjsj: accepted.toISOString(), bjjg: "1" }, mydpj: "4" },
]);

describe.each(ENGINES)("evaluateCase on %s", (engine) => {
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await openLifecycleHarness(engine, [fixtures]);
  });
  afterAll(() => h?.dispose());

  test("a completed case is rated once, with its time and comment; the timeline is left alone", async () => {
    const { evaluateCase: c } = dataOf(await h.runAt(NOW, EVALUATE, { number: "EV-DONE", evaluation: "VERY_SATISFIED", comment: " 一次办好 " }));
    expect(c).toEqual({
      number: "EV-DONE", status: "COMPLETED", evaluation: "VERY_SATISFIED", evaluatedAt: NOW.toISOString(), evaluationComment: "一次办好",
      timeline: [{ status: "ACCEPTED" }, { status: "PROCESSING" }, { status: "REVIEWING" }, { status: "COMPLETED" }],
    });
    const [row] = await h.silo.query("SELECT mydpj, pjsj, pjnr FROM sp_bj WHERE bjbh = 'EV-DONE'");
    expect(row).toEqual({ mydpj: "5", pjsj: NOW, pjnr: "一次办好" });
    // Read back as any case is
    const read = dataOf(await h.runAt(NOW, `{ case(number: "EV-DONE") { evaluation evaluatedAt evaluationComment } }`)).case;
    expect(read).toEqual({ evaluation: "VERY_SATISFIED", evaluatedAt: NOW.toISOString(), evaluationComment: "一次办好" });

    const second = errorOf(await h.runAt(bj("2026-03-21T10:00:00"), EVALUATE, { number: "EV-DONE", evaluation: "DISSATISFIED" }));
    expect(second.message).toBe(`evaluateCase: case EV-DONE was already evaluated 非常满意 (VERY_SATISFIED) at ${NOW.toISOString()}; 好差评 is given once`);
    expect(second.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "already-evaluated", evaluation: "VERY_SATISFIED" });
    expect((await h.silo.query("SELECT mydpj FROM sp_bj WHERE bjbh = 'EV-DONE'"))[0]).toEqual({ mydpj: "5" });
  });

  test("a case refused at acceptance may be rated too", async () => {
    const { evaluateCase: c } = dataOf(await h.runAt(NOW, EVALUATE, { number: "EV-REFUSED", evaluation: "DISSATISFIED", comment: null }));
    expect(c).toMatchObject({ status: "NOT_ACCEPTED", evaluation: "DISSATISFIED", evaluatedAt: NOW.toISOString(), evaluationComment: null });
  });

  test("refused before the case is decided, for a case rated by the legacy system, and for an unknown case", async () => {
    const open = errorOf(await h.runAt(NOW, EVALUATE, { number: "EV-OPEN", evaluation: "SATISFIED" }));
    expect(open.message).toMatch(/case EV-OPEN is 承办 \(PROCESSING\); 好差评 is given once the case is 办结 \(COMPLETED\) or 不予受理 \(NOT_ACCEPTED\)/);
    expect(open.extensions).toMatchObject({ rule: "not-finished", status: "PROCESSING" });
    expect((await h.silo.query("SELECT mydpj, pjsj FROM sp_bj WHERE bjbh = 'EV-OPEN'"))[0]).toEqual({ mydpj: null, pjsj: null });

    const rated = errorOf(await h.runAt(NOW, EVALUATE, { number: "EV-RATED", evaluation: "VERY_SATISFIED" }));
    expect(rated.message).toBe("evaluateCase: case EV-RATED was already evaluated 满意 (SATISFIED); 好差评 is given once");

    const unknown = errorOf(await h.runAt(NOW, EVALUATE, { number: "EV-NONE", evaluation: "SATISFIED" }));
    expect(unknown).toMatchObject({ message: 'evaluateCase: no case numbered "EV-NONE"', extensions: { code: "NOT_FOUND" } });
    expect(errorOf(await h.runAt(NOW, EVALUATE, { number: "EV-DONE", evaluation: "UNRECOGNIZED" })).extensions).toMatchObject({ rule: "level" });
  });
});
