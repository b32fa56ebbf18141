// The engine's paging loop without a gateway: cursors followed to the end, pages tallied
// one at a time, a page the gateway's cost limit refuses asked again smaller, any other
// error failing the run with the gateway's words.
import { describe, expect, it } from "vitest";
import { GatewayQueryError, type GatewayClient } from "../../scripts/src/quality/engine/client.js";
import { runStream, type Stream } from "../../scripts/src/quality/engine/stream.js";
import { RunTally } from "../../scripts/src/quality/engine/tally.js";
import type { QualityProgress } from "../../scripts/src/quality/engine/types.js";

interface Page {
  items: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

// 25 records "r0" … "r24"; a record fails when its number is divisible by 7.
const RECORDS = Array.from({ length: 25 }, (_, i) => `r${i}`);

function stream(pageSize: number): Stream<Page> {
  return {
    phase: "test",
    department: "cases",
    countsRecords: true,
    operation: "TestPages",
    query: "query TestPages { … }",
    pageSize,
    variables: (after, first, firstPage) => ({ after, first, firstPage }),
    pageInfo: (page) => ({ ...page, totalCount: RECORDS.length }),
    tally(page, tally) {
      for (const key of page.items) tally.check("X_APPLICANT_UNREGISTERED", key, Number(key.slice(1)) % 7 === 0);
      return page.items.length;
    },
  };
}

/** A gateway that pages RECORDS and refuses pages costing more than maxCost (cost = 3 × first + 5). */
function fakeGateway(maxCost: number): GatewayClient & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    async query<T>(_operation: string, _query: string, variables: Record<string, unknown>): Promise<T> {
      const first = variables.first as number;
      asked.push(first);
      const cost = 3 * first + 5;
      if (cost > maxCost) {
        throw new GatewayQueryError("TestPages", 400, [{ message: "too costly", extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit: "cost", value: cost, max: maxCost } }]);
      }
      const start = variables.after === null ? 0 : Number(variables.after) + 1;
      const items = RECORDS.slice(start, start + first);
      const last = start + items.length - 1;
      return { items, endCursor: items.length ? String(last) : null, hasNextPage: last < RECORDS.length - 1 } as T;
    },
  };
}

describe("runStream", () => {
  it("follows the cursor to the last page and tallies every record once", async () => {
    const tally = new RunTally(2);
    const progress: QualityProgress[] = [];
    const result = await runStream(stream(10), fakeGateway(1_000), tally, (p) => progress.push(p));
    expect(result).toMatchObject({ records: 25, pages: 3, pageSize: 10 });
    const count = tally.result().counts.find((c) => c.rule === "X_APPLICANT_UNREGISTERED")!;
    expect(count).toEqual({ rule: "X_APPLICANT_UNREGISTERED", checked: 25, failed: 4 });
    expect(tally.result().samples.X_APPLICANT_UNREGISTERED).toEqual(["r0", "r7"]);
    expect(progress.map((p) => p.records)).toEqual([0, 10, 20, 25]);
    expect(progress.at(-1)!.total).toBe(25);
  });

  it("asks again with a smaller page when the gateway refuses the estimated cost", async () => {
    const gateway = fakeGateway(40); // first ≤ 11
    const tally = new RunTally(10);
    const result = await runStream(stream(20), gateway, tally);
    expect(gateway.asked[0]).toBe(20);
    expect(result.pageSize).toBeLessThanOrEqual(11);
    expect(result.records).toBe(25);
    expect(tally.result().counts.find((c) => c.rule === "X_APPLICANT_UNREGISTERED")!.checked).toBe(25);
  });

  it("fails with the gateway's own error otherwise", async () => {
    const gateway: GatewayClient = {
      query: async () => {
        throw new GatewayQueryError("TestPages", 200, [{ message: "registryQualityScan needs scope quality:read", extensions: { code: "FORBIDDEN" }, path: ["registryQualityScan"] }]);
      },
    };
    await expect(runStream(stream(10), gateway, new RunTally(1))).rejects.toThrow(/TestPages with HTTP 200: registryQualityScan needs scope quality:read \[FORBIDDEN\] at registryQualityScan/);
  });

  it("refuses a finding of a rule the catalogue does not have", () => {
    expect(() => new RunTally(1).finding({ rule: "NO_SUCH_RULE", kind: "CASE", key: "x" })).toThrow(/NO_SUCH_RULE, which is not in the catalogue/);
  });
});
