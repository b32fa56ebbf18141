// Gateway-only subgraphs, across all three: a direct call without the gateway's signature
// is refused, a correctly signed one is answered once, and the same signed request sent
// again (a replay) is refused; the gateway's own requests pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDemo, signRequest } from "@onceonly/shared";
import { startStack, type Stack } from "../support/stack.js";

const SEED = 42;
const QUERY = JSON.stringify({ query: "{ _service { sdl } }" });

describe("gateway-only subgraphs (PGlite silos)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack("pglite", { persons: 30, seed: SEED });
  }, 120_000);
  afterAll(() => stack?.close());

  const post = (url: string, headers: Record<string, string>) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: QUERY });

  it.each(["registry", "licenses", "cases"] as const)("%s: unsigned 401, signed 200, the same signed request again 401", async (name) => {
    const url = stack.subgraphUrls[name];
    const unsigned = await post(url, {});
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { errors: { extensions: { check: string } }[] }).errors[0].extensions.check).toBe("missing");

    const signed = signRequest(stack.signingSecret, { method: "POST", path: new URL(url).pathname, body: QUERY });
    expect((await post(url, signed)).status).toBe(200);
    const replayed = await post(url, signed);
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { errors: { extensions: { check: string } }[] }).errors[0].extensions.check).toBe("replayed");

    const forged = signRequest("a-secret-that-is-not-the-gateways-0123", { method: "POST", path: new URL(url).pathname, body: QUERY });
    expect((await post(url, forged)).status).toBe(401);
  });

  it("the gateway's own requests pass, with the identity they carry signed", async () => {
    const result = await stack.graphql<{ person: { name: string } }>(`query($id: ID!) { person(idNumber: $id) { name } }`, { id: describeDemo(SEED).showcasePerson });
    expect(result.errors).toBeUndefined();
    expect(result.data!.person.name).toBeTruthy();
  });
});
