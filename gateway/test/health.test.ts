// /healthz says the process is up; /readyz says whether every subgraph answers, and
// names the one that does not.
import { TestServers } from "../../test/support/http.js";
import { afterEach, describe, expect, it } from "vitest";
import { readyz } from "../src/health.js";

const servers = new TestServers();
const listen = (handler: Parameters<TestServers["listen"]>[0]) => servers.listen(handler);
afterEach(() => servers.closeAll());

async function probe(subgraphs: Record<string, string>) {
  const base = await listen((req, res) => void readyz(subgraphs, 500)(req, res));
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; subgraphs: { name: string; ok: boolean }[] } };
}

describe("/readyz", () => {
  it("is 200 when every subgraph answers /healthz", async () => {
    const up = await listen((_req, res) => res.end('{"status":"ok"}'));
    const { status, body } = await probe({ registry: `${up}/graphql`, licenses: `${up}/graphql` });
    expect(status).toBe(200);
    expect(body.subgraphs.every((s) => s.ok)).toBe(true);
  });

  it("is 503 and names the subgraph that is down or failing", async () => {
    const up = await listen((_req, res) => res.end("ok"));
    const failing = await listen((_req, res) => { res.statusCode = 500; res.end(); });
    const { status, body } = await probe({ registry: `${up}/graphql`, licenses: `${failing}/graphql`, cases: "http://127.0.0.1:9/graphql" });
    expect(status).toBe(503);
    expect(body.status).toBe("not ready");
    expect(body.subgraphs.filter((s) => !s.ok).map((s) => s.name).sort()).toEqual(["cases", "licenses"]);
  });
});
