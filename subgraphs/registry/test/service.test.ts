// The HTTP service as the gateway sees it: a real server on port 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@onceonly/shared";
import { startRegistryService } from "../src/server.js";
import { ID } from "./fixtures.js";
import { ENGINES, openRegistry, type Registry } from "./harness.js";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";

describe.each(ENGINES)("registry HTTP service on %s", (engine) => {
  let registry: Registry;
  let server: RunningServer;
  beforeAll(async () => {
    registry = await openRegistry(engine);
    server = await startRegistryService({ silo: registry.silo, port: 0, signing: TEST_SIGNING });
  });
  afterAll(async () => {
    await server?.close();
    await registry?.dispose();
  });

  const post = (query: string, variables: Record<string, unknown>) =>
    signedFetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });

  it("answers a query over HTTP", async () => {
    const response = await post(`query($id: ID!) { person(idNumber: $id) { name household { head { name } } } }`, { id: ID.eldestSon });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { person: { name: "李建国", household: { head: { name: "王秀英" } } } } });
  });

  // A field error is a 200 with the error beside `data` (GraphQL over HTTP): a 4xx would
  // make the gateway discard the subgraph's answer and report an internal error instead.
  it("answers a malformed ID number with a BAD_USER_INPUT field error in a 200 response", async () => {
    const response = await post(`query($id: ID!) { person(idNumber: $id) { name } }`, { id: "110105194912310021" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown; errors: { extensions: Record<string, unknown> }[] };
    expect(body.data).toEqual({ person: null });
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "check-digit" });
    expect(body.errors[0].extensions).not.toHaveProperty("stacktrace");
  });

  it("serves GET /healthz and the subgraph SDL", async () => {
    const health = await fetch(new URL("/healthz", server.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const sdl = (await (await post("{ _service { sdl } }", {})).json()) as { data: { _service: { sdl: string } } };
    expect(sdl.data._service.sdl).toMatch(/type Person\s+@key\(fields: "idNumber"\)/);
  });
});
