// Operation limits on the real supergraph: the window's own operations pass under the
// defaults; a depth bomb, an alias bomb, too many root fields and a cost bomb are refused,
// naming the limit and both numbers — before the gateway plans or fetches anything.
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { Supergraph } from "@apollo/federation-internals";
import { getIntrospectionQuery, getOperationAST, parse, validate, type GraphQLSchema } from "graphql";
import { serveApollo, type RunningServer } from "@onceonly/shared";
import { DEFAULT_SUPERGRAPH_PATH } from "../src/config.js";
import { DEFAULT_LIMITS, exceededLimit, measureOperation, operationLimitsPlugin, readLimitsConfig, type OperationMeasure } from "../src/limits/index.js";
import { KNOWN_OPERATIONS, READINESS_QUERY, VERIFY_LICENSES_QUERY, WINDOW_LOOKUP_QUERY } from "../src/operations/index.js";
import { supergraphForExecution } from "../src/policy/supergraph.js";
import { FakeSubgraph, json } from "./fake-subgraph.js";

const SUPERGRAPH = readFileSync(DEFAULT_SUPERGRAPH_PATH, "utf8");
const ID = "11010519491231002X";
let schema: GraphQLSchema;
beforeAll(() => {
  schema = Supergraph.build(supergraphForExecution(SUPERGRAPH)).apiSchema().toGraphQLJSSchema();
});

/** Measures a document that must be valid against the API schema (bombs are valid GraphQL). */
function measure(query: string, variables: Record<string, unknown> = {}): OperationMeasure {
  const document = parse(query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return measureOperation(schema, document, getOperationAST(document)!, variables);
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `5111021990010${String(i).padStart(5, "0")}`.slice(0, 18));
const nest = (levels: number, inner: string): string => (levels === 0 ? inner : `household { head { ${nest(levels - 1, inner)} } }`);

const BOMBS = {
  depth: `query Deep($id: ID!) { person(idNumber: $id) { ${nest(7, "name")} } }`,
  aliases: `query Aliased($id: ID!) { person(idNumber: $id) { ${Array.from({ length: 100 }, (_, i) => `a${i}: name`).join(" ")} } }`,
  rootFields: `query Wide { ${Array.from({ length: 11 }, (_, i) => `p${i}: person(idNumber: "${ID}") { name }`).join(" ")} }`,
  cost: `query Costly($ids: [ID!]!) { persons(idNumbers: $ids) { name household { members { name licenses { id usage { totalCount } } cases { nodes { number } } } } } }`,
};
const BOMB_VARIABLES: Record<keyof typeof BOMBS, Record<string, unknown>> = { depth: { id: ID }, aliases: { id: ID }, rootFields: {}, cost: { ids: ids(500) } };

describe("operation limits", () => {
  it("reads its configuration: defaults, introspection on only in DEV_MODE unless told", () => {
    expect(readLimitsConfig({})).toEqual({ ...DEFAULT_LIMITS, introspection: false, persistedOperationsFile: null, persistedOperationsOnly: false });
    expect(DEFAULT_LIMITS).toEqual({ maxDepth: 12, maxAliases: 30, maxRootFields: 10, maxCost: 20_000 });
    expect(readLimitsConfig({ DEV_MODE: "true" }).introspection).toBe(true);
    expect(readLimitsConfig({ DEV_MODE: "true", INTROSPECTION: "false" }).introspection).toBe(false);
    expect(readLimitsConfig({ MAX_DEPTH: "8", MAX_COST: "500" })).toMatchObject({ maxDepth: 8, maxCost: 500 });
    expect(() => readLimitsConfig({ MAX_DEPTH: "0" })).toThrow('MAX_DEPTH="0" must be an integer from 1 to 1000');
    expect(() => readLimitsConfig({ PERSISTED_OPERATIONS_ONLY: "true" })).toThrow(/needs PERSISTED_OPERATIONS_FILE/);
  });

  it("lets every window operation through under the defaults, with room to spare", () => {
    for (const operation of KNOWN_OPERATIONS) {
      const measured = measure(operation);
      expect(exceededLimit(measured, DEFAULT_LIMITS), operation.slice(0, 30)).toBeNull();
    }
    expect(measure(WINDOW_LOOKUP_QUERY)).toEqual({ depth: 5, aliases: 0, rootFields: 1, cost: 261, introspectionDepth: 0 });
    expect(measure(READINESS_QUERY).depth).toBe(5);
    // The bulk check at its documented maximum (1000 inputs) fits too.
    const bulk = measure(VERIFY_LICENSES_QUERY, { inputs: Array.from({ length: 1000 }, () => ({ licenseId: "x" })) });
    expect(bulk.cost).toBe(1 + 1000 * 10);
    expect(exceededLimit(bulk, DEFAULT_LIMITS)).toBeNull();
  });

  it("estimates cost from `first`, list arguments (variables resolved) and 10 otherwise", () => {
    // persons: 3 ids × (1 + name) ; cases(first: 4) is a connection: its nodes are 4.
    expect(measure(`query($ids: [ID!]!) { persons(idNumbers: $ids) { name } }`, { ids: ids(3) }).cost).toBe(1 + 3 * 1);
    expect(measure(`{ persons(idNumbers: ["${ID}", "${ID}"]) { name } }`).cost).toBe(1 + 2 * 1);
    expect(measure(`{ person(idNumber: "${ID}") { cases(first: 4) { nodes { number } } } }`).cost).toBe(1 + 1 + 1 + 4 * 1);
    // Person.cases defaults to first: 20 (the schema's default); licenses has no size: 10.
    expect(measure(`{ person(idNumber: "${ID}") { cases { nodes { number } } } }`).cost).toBe(1 + 1 + 1 + 20 * 1);
    expect(measure(`{ person(idNumber: "${ID}") { licenses { id } } }`).cost).toBe(1 + 1 + 10 * 1);
  });

  it("expands fragments, and measures a fragment once however often it is spread", () => {
    const viaFragments = measure(`query($id: ID!) { person(idNumber: $id) { ...A } } fragment A on Person { household { ...B } } fragment B on Household { head { n: name } members { ...C } } fragment C on Person { m: name }`, { id: ID });
    expect(viaFragments).toEqual({ depth: 4, aliases: 2, rootFields: 1, cost: 1 + 1 + 1 + 1 + 1 + 10 * 1, introspectionDepth: 0 });
    // Each fragment spreads the next twice: 2^24 aliased fields once expanded, measured in 25 steps.
    const levels = 24;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Person { n: name ...F${i + 1} ...F${i + 1} }`).join("\n");
    const started = performance.now();
    const exponential = measure(`query($id: ID!) { person(idNumber: $id) { ...F0 } }\n${fragments}\nfragment F${levels} on Person { n: name }`, { id: ID });
    expect(exponential.aliases).toBe(2 ** (levels + 1) - 1);
    expect(exceededLimit(exponential, DEFAULT_LIMITS)?.extensions.limit).toBe("aliases");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses a depth bomb, an alias bomb, 11 root fields and a cost bomb, naming the limit and both numbers", () => {
    const refused = (name: keyof typeof BOMBS) => exceededLimit(measure(BOMBS[name], BOMB_VARIABLES[name]), DEFAULT_LIMITS);
    expect(refused("depth")?.message).toBe("operation depth 16 exceeds the maximum 12 (MAX_DEPTH)");
    expect(refused("depth")?.extensions).toMatchObject({ code: "OPERATION_LIMIT_EXCEEDED", limit: "depth", value: 16, max: 12, http: { status: 400 } });
    expect(refused("aliases")?.message).toBe("operation uses 100 aliases, more than the maximum 30 (MAX_ALIASES)");
    expect(refused("rootFields")?.message).toBe("operation selects 11 root fields, more than the maximum 10 (MAX_ROOT_FIELDS)");
    const cost = refused("cost")!;
    expect(cost.extensions).toMatchObject({ limit: "cost", max: 20_000 });
    expect(cost.extensions.value).toBeGreaterThan(100_000);
    expect(cost.message).toMatch(/^operation's estimated cost \d+ exceeds the maximum 20000 \(each field costs 1; .*\(MAX_COST\)$/);
    // The same shape for ten persons is fine: cost follows the list's length.
    expect(exceededLimit(measure(BOMBS.cost, { ids: ids(10) }), DEFAULT_LIMITS)).toBeNull();
  });

  it("lets the standard introspection query through (introspection is switched as a whole) but caps its nesting", () => {
    // graphql-js's own introspection query nests ofType 15 deep and multiplies three lists.
    expect(measure(getIntrospectionQuery())).toMatchObject({ depth: 1, cost: 1, rootFields: 1, introspectionDepth: 15 });
    expect(exceededLimit(measure(getIntrospectionQuery()), DEFAULT_LIMITS)).toBeNull();
    const ofTypes = (n: number): string => (n === 0 ? "name" : `ofType { ${ofTypes(n - 1)} }`);
    const bomb = measure(`{ __type(name: "Person") { fields { type { ${ofTypes(25)} } } } }`);
    expect(exceededLimit(bomb, DEFAULT_LIMITS)?.message).toMatch(/introspection depth 2\d exceeds the maximum 20/);
    expect(exceededLimit(measure(`{ __schema { queryType { name } } __type(name: "Person") { fields { name } } }`), DEFAULT_LIMITS)).toBeNull();
    expect(measure(`{ __type(name: "Person") { fields { name type { name } } } }`)).toEqual({ depth: 1, aliases: 0, rootFields: 1, cost: 1, introspectionDepth: 4 });
  });
});

describe("operation limits in the gateway", () => {
  let fake: FakeSubgraph | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    await fake?.close();
  });

  it("refuses before any subgraph is called (HTTP 400), and lets the window lookup through", async () => {
    fake = new FakeSubgraph();
    const url = await fake.start();
    fake.answer = json({ data: { person: null } });
    const gateway = new ApolloGateway({
      supergraphSdl: supergraphForExecution(SUPERGRAPH),
      buildService: () => new RemoteGraphQLDataSource({ url }),
    });
    server = await serveApollo({ name: "limits-test", apollo: { gateway, plugins: [operationLimitsPlugin(DEFAULT_LIMITS)] }, context: async () => ({}), port: 0 });
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(server!.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
    };

    for (const name of Object.keys(BOMBS) as (keyof typeof BOMBS)[]) {
      const { status, body } = await post(BOMBS[name], BOMB_VARIABLES[name]);
      expect(status, name).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].extensions).toMatchObject({ code: "OPERATION_LIMIT_EXCEEDED", limit: name });
    }
    expect(fake.requests).toHaveLength(0);

    expect(await post(WINDOW_LOOKUP_QUERY, { idNumber: ID })).toEqual({ status: 200, body: { data: { person: null } } });
    expect(fake.requests.length).toBeGreaterThan(0);
  });
});
