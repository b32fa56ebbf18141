// The gateways under test, each started as its own single process (no cluster, no
// workers: the same worker count for all) in front of the same running subgraphs.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { freePort, startChild, waitFor, type Child } from "./children.js";
import { supergraphForExecution } from "@onceonly/gateway";
import { benchAuth } from "./auth.js";
import { SIGNING_ENV } from "./signing.js";
import type { SiloName } from "./silo-names.js";

export type GatewayKind = "onceonly" | "apollo" | "hive";

export const GATEWAY_LABELS: Record<GatewayKind, string> = {
  onceonly: "OnceOnly gateway",
  apollo: "stock Apollo Gateway 2.14.4",
  hive: "Hive Gateway 2.15.1",
};

export interface RunningGateway {
  kind: GatewayKind;
  url: string;
  child: Child;
}

export interface GatewayContext {
  root: string;
  /** Where the supergraph with this run's subgraph URLs is written. */
  workDir: string;
  subgraphUrls: Record<SiloName, string>;
  echo: boolean;
}

export async function startGateway(kind: GatewayKind, ctx: GatewayContext): Promise<RunningGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const common = { LOG_LEVEL: "warn", NODE_ENV: "production", ...SIGNING_ENV };
  let child: Child;
  if (kind === "onceonly") {
    child = startChild("onceonly-gateway", process.execPath, [join(ctx.root, "gateway", "dist", "index.js")], {
      ...common,
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: "127.0.0.1",
      REGISTRY_URL: ctx.subgraphUrls.registry,
      LICENSES_URL: ctx.subgraphUrls.licenses,
      CASES_URL: ctx.subgraphUrls.cases,
      ...benchAuth().env,
    }, { echo: ctx.echo });
  } else {
    const supergraph = await writeSupergraph(ctx);
    child = kind === "apollo"
      ? startChild("apollo-gateway", process.execPath, [join(ctx.root, "test", "bench", "dist", "apollo-gateway.js")], { ...common, PORT: String(port), SUPERGRAPH_PATH: supergraph }, { echo: ctx.echo })
      : startChild("hive-gateway", join(ctx.root, "node_modules", ".bin", "hive-gateway"), [
          "supergraph", supergraph,
          "--port", String(port), "--host", "127.0.0.1", "--fork", "1",
          "--config-path", join(ctx.root, "test", "bench", "dist", "hive.config.js"),
        ], common, { echo: ctx.echo });
  }
  await waitFor(child, `an answer at ${url}`, () => answers(url), 60_000);
  return { kind, url, child };
}

/**
 * The committed supergraph with the URLs the subgraphs listen on in this run. The peers
 * get it without the `for: SECURITY` marker on the authorization specs (stock Apollo
 * refuses a supergraph it cannot enforce; they enforce nothing), and keep the audit and
 * quality subgraphs' placeholder URLs (only OnceOnly serves them; no workload reads them).
 */
async function writeSupergraph(ctx: GatewayContext): Promise<string> {
  const sdl = supergraphForExecution(await readFile(join(ctx.root, "gateway", "supergraph.graphql"), "utf8"));
  const rewritten = sdl.replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (match, name: string) => {
    // The gateway's own in-process subgraphs (audit, quality): no workload reads them.
    if (!Object.hasOwn(ctx.subgraphUrls, name)) return match;
    const url = ctx.subgraphUrls[name as SiloName];
    if (!url) throw new Error(`the supergraph names a subgraph "${name}" the benchmark does not start`);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const path = join(ctx.workDir, "supergraph.graphql");
  await writeFile(path, rewritten);
  return path;
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: benchAuth().authorization },
    body: JSON.stringify({ query: "{ __typename }" }),
    signal: AbortSignal.timeout(2000),
  });
  const body = (await response.json()) as { data?: { __typename?: string } };
  return body.data?.__typename === "Query";
}
