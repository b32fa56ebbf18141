// For the lifecycle tests: the harness's silo and fixtures, run with a clock the test
// moves and a calling window, plus fixture builders for cases with a timeline.
import { loadWorkingCalendar } from "@onceonly/shared";
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import { buildCasesSchema, createCasesContext, createSources } from "../src/server.js";
import type { Engine } from "../../../test/support/silos.js";
import type { FixtureRow, Fixtures } from "./fixtures.js";
import { openHarness, type Harness } from "./harness.js";
import { testServices } from "./services.js";

export const calendar = loadWorkingCalendar(null);

/** An instant written in Beijing time. */
export const bj = (local: string) => new Date(`${local}+08:00`);

export interface LifecycleHarness extends Harness {
  /** Runs as window `window` (default 综合窗口5) at `now`. */
  runAt(now: Date, source: string, variables?: Record<string, unknown>, window?: string | null): Promise<ExecutionResult>;
  /** sp_bj.zt and the number of sp_bjgc rows: what an illegal transition must leave alone. */
  snapshot(number: string): Promise<{ zt: string | null; gxsj: string; events: number }>;
}

let schema: Promise<GraphQLSchema> | undefined;

export async function openLifecycleHarness(engine: Engine, extra: Fixtures[]): Promise<LifecycleHarness> {
  const h = await openHarness(engine, extra);
  const built = await (schema ??= buildCasesSchema());
  const sources = createSources(h.silo);
  return {
    ...h,
    runAt: (now, source, variableValues, window = "综合窗口5") =>
      graphql({
        schema: built,
        source,
        variableValues,
        contextValue: createCasesContext(sources, testServices({ clock: () => now }), {
          requestId: "lifecycle-test",
          purpose: null,
          window: window === null ? null : { id: window, scopes: [] },
        }),
      }),
    async snapshot(number) {
      const [row] = await h.silo.query<{ zt: string | null; gxsj: Date; events: number }>(
        `SELECT b.zt, b.gxsj, (SELECT count(*)::int FROM sp_bjgc g WHERE g.bjbh = b.bjbh) AS events FROM sp_bj b WHERE b.bjbh = $1`,
        [number],
      );
      return { zt: row.zt, gxsj: row.gxsj.toISOString(), events: row.events };
    },
  };
}

export const ADVANCE = `mutation($number: ID!, $to: CaseStatus!, $opinion: String, $result: CaseResult, $handler: String) {
  advanceCase(number: $number, to: $to, opinion: $opinion, result: $result, handler: $handler) {
    number status promisedBy completedAt result overdue workingDaysLeft clockPaused
    timeline { status at window handler opinion }
  }
}`;

export interface LifecycleCase {
  number: string;
  matter: string;
  /** Statuses the case went through, oldest first, one working day apart from acceptance. */
  path: (string | null)[];
  /** sp_bj.zt; the last step of the path by default. */
  zt?: string | null;
  accepted: Date;
  /** Working days promised; null = no promise. */
  limit: number | null;
  done?: { bjsj: string; bjjg: string };
  mydpj?: string;
}

/** sp_bj and sp_bjgc rows for cases with a path through the statuses (codes as the silo holds them). */
export function lifecycleFixtures(cases: LifecycleCase[]): Fixtures {
  const sp_bj: FixtureRow[] = [];
  const sp_bjgc: FixtureRow[] = [];
  for (const c of cases) {
    sp_bj.push({
      bjbh: c.number, sxbm: c.matter, sqrzjhm: "11010519491231002X", sqrxm: "王秀英", sqrlx: "1",
      slsj: c.accepted.toISOString(), slck: "综合窗口3",
      cnbjsj: c.limit === null ? null : calendar.deadline(c.accepted, c.limit).toISOString(),
      zt: c.zt === undefined ? (c.path.at(-1) ?? null) : c.zt,
      bjsj: c.done?.bjsj ?? null, bjjg: c.done?.bjjg ?? null, mydpj: c.mydpj ?? null,
      gxsj: c.accepted.toISOString(),
    });
    c.path.forEach((zt, i) => {
      if (zt === null) return;
      const at = i === 0 ? c.accepted : new Date(calendar.deadline(c.accepted, i).getTime() - 8 * 3_600_000); // 16:00 of the i-th working day
      sp_bjgc.push({ bjbh: c.number, zt, clsj: at.toISOString(), clck: "综合窗口3", clr: "陈静", clyj: null });
    });
  }
  return { sp_sxml: [], sp_sxcl: [], sp_bj, sp_bjcl: [], sp_bjgc };
}

/** The error of a result that must have failed. */
export function errorOf(result: ExecutionResult): { message: string; extensions: Record<string, any> } {
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return { message: result.errors[0].message, extensions: result.errors[0].extensions as Record<string, any> };
}
