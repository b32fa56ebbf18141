// The HTTP service as the gateway sees it: a real server on port 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "@onceonly/shared";
import { ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";
import { MIGRATIONS, startLicensesService } from "../src/server.js";
import { insertFixtures, LICENSE } from "./fixtures.js";

describe.each(ENGINES)("licences HTTP service on %s", (engine) => {
  let test: TestSilo;
  let server: RunningServer;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertFixtures(test.silo);
    server = await startLicensesService({ silo: test.silo, port: 0, signing: TEST_SIGNING });
  });
  afterAll(async () => {
    await server?.close();
    await test?.dispose();
  });

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await signedFetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-purpose": "test" },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };

  it("answers a query over HTTP", async () => {
    expect(server.port).toBeGreaterThan(0);
    const { status, body } = await post("query($id: ID!) { license(id: $id) { id status type { name } } }", { id: LICENSE.liHouse.zzbs });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { license: { id: LICENSE.liHouse.zzbs, status: "VALID", type: { name: "不动产权证书" } } } });
  });

  it("returns BAD_USER_INPUT without a stack trace for a malformed identifier", async () => {
    const { body } = await post('{ license(id: "1.2.156.3005.2.X") { id } }');
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "id", rule: "format" });
    expect(body.errors?.[0].extensions.stacktrace).toBeUndefined();
  });

  it("serves its subgraph SDL and /healthz", async () => {
    const { body } = await post("{ _service { sdl } }");
    expect(body.data._service.sdl).toMatch(/type License\s+@key\(fields: "id"\)/);
    const health = await fetch(new URL("/healthz", server.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
  });
});
