// The "audit" subgraph in-process: filters, keyset pages, argument checks, the scope
// directive in its SDL, and the data source the gateway serves it through.
import { graphql, type ExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphSdl } from "@onceonly/shared";
import { readFile } from "node:fs/promises";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { DEFAULT_SUPERGRAPH_PATH } from "../src/config.js";
import { supergraphForExecution } from "../src/policy/supergraph.js";
import { auditDataSource, buildAuditSchema, createAuditSubgraph } from "../src/audit/subgraph/audit-subgraph.js";
import { ENGINES, entry, openTestAudit, type TestAudit } from "./audit-support.js";

const PAGE = `query Page($subject: ID, $window: String, $from: DateTimeISO, $to: DateTimeISO, $first: Int, $after: String) {
  auditRecords(subject: $subject, window: $window, from: $from, to: $to, first: $first, after: $after) {
    nodes { seq at requestId window department purpose operationName operationType subjects fields outcome denials { field code subject } hash prevHash }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  nodes: { seq: number; requestId: string; window: string; subjects: string[]; at: string; outcome: string; denials: unknown[]; hash: string; prevHash: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe.each(ENGINES)("audit subgraph on %s", (engine) => {
  let audit: TestAudit;
  let run: (variables?: Record<string, unknown>) => Promise<ExecutionResult>;
  beforeAll(async () => {
    audit = await openTestAudit(engine);
    // 30 records, a minute apart from 01:00Z; windows alternate; subjects cycle over three.
    await Promise.all(Array.from({ length: 30 }, (_, i) => audit.log.append(entry(i))));
    const { schema } = await createAuditSubgraph(audit.log);
    run = (variables = {}) => graphql({ schema, source: PAGE, variableValues: variables, contextValue: {} });
  });
  afterAll(() => audit.dispose());

  const page = async (variables: Record<string, unknown>) => {
    const result = await run(variables);
    expect(result.errors).toBeUndefined();
    return (result.data as { auditRecords: Page }).auditRecords;
  };
  const all = async (variables: Record<string, unknown>, first = 4) => {
    const seen: Page["nodes"] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const p: Page = await page({ ...variables, first, after });
      seen.push(...p.nodes);
      if (!p.pageInfo.hasNextPage) return seen;
      after = p.pageInfo.endCursor;
    }
    throw new Error("pagination did not end");
  };

  it("returns the newest first, 50 by default, with the record's place in the chain", async () => {
    const p = await page({});
    expect(p.nodes.map((n) => n.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
    expect(p.pageInfo.hasNextPage).toBe(false);
    expect(p.nodes[0].prevHash).toBe(p.nodes[1].hash);
    expect(p.nodes.find((n) => n.seq === 5)).toMatchObject({
      requestId: "req-4",
      at: "2025-03-03T01:04:00.000Z",
      outcome: "PARTIAL",
      denials: [{ field: "Person.phone", code: "MISSING_SCOPE", subject: "51110219851231002X" }],
    });
  });

  it("pages by keyset without losing or repeating a record", async () => {
    const first = await page({ first: 7 });
    expect(first.nodes.map((n) => n.seq)).toEqual([30, 29, 28, 27, 26, 25, 24]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    // Records appended meanwhile do not shift the next page.
    await audit.log.append(entry(30, { subjects: ["999999999999999999"] }));
    const second = await page({ first: 7, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n) => n.seq)).toEqual([23, 22, 21, 20, 19, 18, 17]);
    expect((await all({}, 9)).map((n) => n.seq)).toEqual(Array.from({ length: 31 }, (_, i) => 31 - i));
  });

  it("filters by subject (an upper-case X matches a lower-case one), window and time, combined", async () => {
    const bySubject = await all({ subject: "51110219851231002x" });
    expect(bySubject.map((n) => n.requestId)).toEqual([28, 25, 22, 19, 16, 13, 10, 7, 4, 1].map((i) => `req-${i}`));
    expect(bySubject.every((n) => n.subjects.includes("51110219851231002X"))).toBe(true);
    const byWindow = await all({ window: "LS-W02" });
    expect(byWindow.length).toBe(15);
    expect(byWindow.every((n) => n.window === "LS-W02")).toBe(true);
    // [01:10, 01:20): entries 10 to 19.
    const byTime = await all({ from: "2025-03-03T01:10:00.000Z", to: "2025-03-03T01:20:00.000Z" });
    expect(byTime.map((n) => n.requestId)).toEqual(Array.from({ length: 10 }, (_, i) => `req-${19 - i}`));
    const combined = await all({ window: "LS-W01", subject: "511102199001011234", from: "2025-03-03T01:05:00Z" });
    expect(combined.map((n) => n.requestId)).toEqual(["req-24", "req-18", "req-12", "req-6"]);
    expect((await page({ subject: "110101199003070011" })).nodes).toEqual([]);
  });

  it("refuses bad arguments, naming the value and the rule", async () => {
    const error = async (variables: Record<string, unknown>) => {
      const result = await run(variables);
      expect(result.data?.auditRecords ?? null).toBeNull();
      return { message: result.errors?.[0].message, extensions: result.errors?.[0].extensions };
    };
    expect(await error({ first: 501 })).toMatchObject({ message: "first: 501 is outside 1 to 500", extensions: { code: "BAD_USER_INPUT", rule: "range" } });
    expect(await error({ first: 0 })).toMatchObject({ message: "first: 0 is outside 1 to 500" });
    expect(await error({ after: "bm9wZQ" })).toMatchObject({ message: 'after: "bm9wZQ" is not a cursor of this list; pass a pageInfo.endCursor unchanged', extensions: { rule: "cursor" } });
    expect(await error({ subject: "5111-02" })).toMatchObject({ message: 'subject: "5111-02" is not an ID number (1 to 64 digits and Latin letters)' });
    expect(await error({ window: "" })).toMatchObject({ message: 'window: "" must have 1 to 200 characters' });
    expect(await error({ from: "2025-03-03T02:00:00Z", to: "2025-03-03T01:00:00Z" })).toMatchObject({
      message: "from: 2025-03-03T02:00:00.000Z is after to: 2025-03-03T01:00:00.000Z; the period must not run backwards",
      extensions: { rule: "order" },
    });
    const badDate = await run({ from: "yesterday" });
    expect(badDate.errors?.[0].message).toMatch(/yesterday/);
  });

  it("is what the gateway's in-process data source answers", async () => {
    const source: GraphQLDataSource = auditDataSource(audit.log);
    const response = await source.process({ request: { query: PAGE, variables: { first: 2 } }, context: {} } as unknown as Parameters<GraphQLDataSource["process"]>[0]);
    expect(response.errors).toBeUndefined();
    expect((response.data as { auditRecords: Page }).auditRecords.nodes.length).toBe(2);
  });

  it("is served by @apollo/gateway from the committed supergraph, never fetching its placeholder URL", async () => {
    const fetched: string[] = [];
    const gateway = new ApolloGateway({
      // As the gateway hands it to Apollo (the policy step enforces the security directives).
      supergraphSdl: supergraphForExecution(await readFile(DEFAULT_SUPERGRAPH_PATH, "utf8")),
      buildService: ({ name, url }) => {
        if (name === "audit") return auditDataSource(audit.log);
        return new RemoteGraphQLDataSource({ url, willSendRequest: () => void fetched.push(url ?? name) });
      },
    });
    const server = new ApolloServer({ gateway });
    await server.start();
    try {
      const response = await server.executeOperation({ query: PAGE, variables: { window: "LS-W01", first: 3 } });
      const body = response.body as { kind: "single"; singleResult: ExecutionResult };
      expect(body.singleResult.errors).toBeUndefined();
      const nodes = (body.singleResult.data as { auditRecords: Page }).auditRecords.nodes;
      expect(nodes.map((n) => n.window)).toEqual(["LS-W01", "LS-W01", "LS-W01"]);
      expect(fetched).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe("audit subgraph schema", () => {
  it("needs the audit:read scope and has no log when built for composition", async () => {
    const schema = await buildAuditSchema();
    const sdl = subgraphSdl(schema);
    expect(sdl).toContain('): AuditRecordConnection! @requiresScopes(scopes: [["audit:read"]])');
    expect(sdl).toContain("first: Int = 50");
    expect(sdl).toContain("seq: SafeInt!");
    const result = await graphql({ schema, source: "{ auditRecords { nodes { seq } } }", contextValue: {} });
    expect(result.errors?.[0].message).toMatch(/built for composition only/);
  });
});
