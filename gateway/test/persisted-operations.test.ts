// Persisted operations: a window may send only the SHA-256 of a listed operation; with
// PERSISTED_OPERATIONS_ONLY nothing else runs (and nothing reaches a subgraph); clients can
// never add to the list. The committed manifest is what `npm run operations:manifest` writes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ConfigError, serveApollo, type RunningServer } from "@onceonly/shared";
import { DEFAULT_SUPERGRAPH_PATH } from "../src/config.js";
import { buildManifest, manifestJson, operationId, persistedOperations, readManifest } from "../src/limits/index.js";
import { KNOWN_OPERATIONS, WINDOW_LOOKUP_QUERY } from "../src/operations/index.js";
import { supergraphForExecution } from "../src/policy/supergraph.js";
import { FakeSubgraph, json } from "./fake-subgraph.js";

const COMMITTED = fileURLToPath(new URL("../persisted-operations.json", import.meta.url));
const ID = "11010519491231002X";
const OTHER = `query Other($idNumber: ID!) { person(idNumber: $idNumber) { name } }`;

let dir: string;
let manifestFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "onceonly-pq-"));
  manifestFile = join(dir, "persisted-operations.json");
  writeFileSync(manifestFile, manifestJson(buildManifest(KNOWN_OPERATIONS)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fake: FakeSubgraph | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = fake = undefined;
});

type Answer = { status: number; body: { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };

async function start(persistedOperationsFile: string | null, persistedOperationsOnly: boolean) {
  fake = new FakeSubgraph();
  const url = await fake.start();
  fake.answer = json({ data: { person: null } });
  const gateway = new ApolloGateway({ supergraphSdl: supergraphForExecution(readFileSync(DEFAULT_SUPERGRAPH_PATH, "utf8")), buildService: () => new RemoteGraphQLDataSource({ url }) });
  const persisted = persistedOperations({ persistedOperationsFile, persistedOperationsOnly });
  server = await serveApollo({ name: "pq-test", apollo: { gateway, ...persisted }, context: async () => ({}), port: 0 });
  return async (body: Record<string, unknown>): Promise<Answer> => {
    const response = await fetch(server!.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  };
}

const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
const code = (answer: Answer) => answer.body.errors?.[0]?.extensions.code;

describe("persisted operations manifest", () => {
  it("is committed as `npm run operations:manifest` writes it (run it after changing an operation)", () => {
    expect(readFileSync(COMMITTED, "utf8")).toBe(manifestJson(buildManifest(KNOWN_OPERATIONS)));
  });

  it("names each window operation by the SHA-256 of its text, in Apollo's manifest format", () => {
    const manifest = readManifest(COMMITTED);
    expect(manifest.format).toBe("apollo-persisted-query-manifest");
    expect(manifest.version).toBe(1);
    expect(manifest.operations.map((o) => [o.name, o.type])).toEqual([
      ["WindowLookup", "query"],
      ["Readiness", "query"],
      ["Accept", "mutation"],
      ["Advance", "mutation"],
      ["Evaluate", "mutation"],
      ["Sharing", "query"],
      ["Verify", "query"],
      ["VerifyMany", "query"],
    ]);
    expect(manifest.operations[0]).toEqual({ id: operationId(WINDOW_LOOKUP_QUERY), name: "WindowLookup", type: "query", body: WINDOW_LOOKUP_QUERY });
    // SHA-256, hex, of the exact text (FIPS 180-2's "abc" test vector).
    expect(operationId("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("refuses a manifest whose id does not match its body, and ONLY mode without a manifest", () => {
    const tampered = join(dir, "tampered.json");
    const manifest = buildManifest([WINDOW_LOOKUP_QUERY]);
    manifest.operations[0].body = manifest.operations[0].body.replace("name", "name address");
    writeFileSync(tampered, JSON.stringify(manifest));
    expect(() => readManifest(tampered)).toThrow(ConfigError);
    expect(() => readManifest(tampered)).toThrow(/operation WindowLookup has id b452\w+, but its body hashes to \w+; regenerate with npm run operations:manifest/);
    expect(() => persistedOperations({ persistedOperationsFile: null, persistedOperationsOnly: true })).toThrow(/PERSISTED_OPERATIONS_ONLY=true needs PERSISTED_OPERATIONS_FILE/);
  });
});

describe("persisted operations in the gateway", () => {
  it("runs a listed operation sent by hash alone; an unknown hash is PERSISTED_QUERY_NOT_FOUND", async () => {
    const post = await start(manifestFile, false);
    expect(await post({ ...byHash(operationId(WINDOW_LOOKUP_QUERY)), variables: { idNumber: ID } })).toEqual({ status: 200, body: { data: { person: null } } });
    expect(fake!.requests).toHaveLength(1);
    const unknown = await post({ ...byHash("0".repeat(64)), variables: { idNumber: ID } });
    expect(code(unknown)).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("without ONLY, runs any text, but a client cannot register new operations", async () => {
    const post = await start(manifestFile, false);
    expect(await post({ query: OTHER, variables: { idNumber: ID } })).toEqual({ status: 200, body: { data: { person: null } } });
    // The APQ registration shape (text and hash) runs the text and registers nothing.
    expect((await post({ query: OTHER, ...byHash(operationId(OTHER)), variables: { idNumber: ID } })).status).toBe(200);
    expect(code(await post({ ...byHash(operationId(OTHER)), variables: { idNumber: ID } }))).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("with ONLY, refuses any text not in the list (HTTP 403) before a subgraph is called", async () => {
    const post = await start(manifestFile, true);
    const refused = await post({ query: OTHER, variables: { idNumber: ID } });
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([
      {
        message: `operation ${operationId(OTHER)} is not in the persisted operations list, and this gateway runs only listed operations (PERSISTED_OPERATIONS_ONLY)`,
        extensions: { code: "PERSISTED_QUERY_NOT_IN_LIST", sha256Hash: operationId(OTHER) },
      },
    ]);
    // Registering is refused as well, and leaves nothing behind.
    expect((await post({ query: OTHER, ...byHash(operationId(OTHER)), variables: { idNumber: ID } })).status).toBe(403);
    expect(code(await post({ ...byHash(operationId(OTHER)), variables: { idNumber: ID } }))).toBe("PERSISTED_QUERY_NOT_FOUND");
    // The same text as the listed one, reformatted, is another operation.
    expect((await post({ query: WINDOW_LOOKUP_QUERY.replace(/\s+/g, " "), variables: { idNumber: ID } })).status).toBe(403);
    expect(fake!.requests).toHaveLength(0);
    // Listed operations run, by hash or by their exact text.
    expect((await post({ ...byHash(operationId(WINDOW_LOOKUP_QUERY)), variables: { idNumber: ID } })).body).toEqual({ data: { person: null } });
    expect((await post({ query: WINDOW_LOOKUP_QUERY, variables: { idNumber: ID } })).body).toEqual({ data: { person: null } });
    expect(fake!.requests).toHaveLength(2);
  });

  it("without a manifest, a hash-only request is PERSISTED_QUERY_NOT_SUPPORTED (no APQ cache clients could fill)", async () => {
    const post = await start(null, false);
    expect(code(await post({ ...byHash(operationId(WINDOW_LOOKUP_QUERY)), variables: { idNumber: ID } }))).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
    expect((await post({ query: WINDOW_LOOKUP_QUERY, variables: { idNumber: ID } })).body).toEqual({ data: { person: null } });
  });
});
