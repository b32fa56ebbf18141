// The whole of OnceOnly in one test process: three silos (seeded with demo data), the
// three subgraph services and the gateway, all on port 0, torn down by close().
import { createCasesServices, readCasesConfig, startCasesService, MIGRATIONS as CASES_MIGRATIONS, type CasesServices } from "@onceonly/cases";
import { DEFAULT_SUPERGRAPH_PATH, loadSupergraph, startGatewayService } from "@onceonly/gateway";
import { startLicensesService, MIGRATIONS as LICENSES_MIGRATIONS } from "@onceonly/licenses";
import { startRegistryService, MIGRATIONS as REGISTRY_MIGRATIONS } from "@onceonly/registry";
import { createEphemeralReceiptSigner, JWKS_PATH, loadDemo, type CacheFreshness, type EntityCache, type ReceiptSigner, type RunningServer, type Silo } from "@onceonly/shared";
import { openTestSilo, type Engine, type TestSilo } from "./silos.js";

export interface Stack {
  gatewayUrl: string;
  silos: { registry: Silo; licenses: Silo; cases: Silo };
  /** Signs the licences service's verification receipts (an in-memory key). */
  signer: ReceiptSigner;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Replaces parts of the cases service's services (e.g. receiptMaxAgeSeconds, clock) to age receipts. */
  cases?: Partial<CasesServices>;
  /** An entity cache for all three subgraphs (the caller owns and closes it), with their freshness settings. */
  cache?: { cache: EntityCache; freshness?: CacheFreshness };
}

export async function startStack(engine: Engine, demo: { persons: number; seed: number }, options: StackOptions = {}): Promise<Stack> {
  const opened: TestSilo[] = [];
  const servers: RunningServer[] = [];
  try {
    const [registry, licenses, cases] = await Promise.all([
      openTestSilo(engine, "registry", REGISTRY_MIGRATIONS),
      openTestSilo(engine, "licenses", LICENSES_MIGRATIONS),
      openTestSilo(engine, "cases", CASES_MIGRATIONS),
    ]);
    opened.push(registry, licenses, cases);
    const silos = { registry: registry.silo, licenses: licenses.silo, cases: cases.silo };
    await loadDemo(silos, demo);
    const signer = await createEphemeralReceiptSigner();
    // Licences first: the cases service checks receipts against its published key set.
    const [r, l] = await Promise.all([
      startRegistryService({ silo: silos.registry, port: 0, ...options.cache }),
      startLicensesService({ silo: silos.licenses, port: 0, signer, ...options.cache }),
    ]);
    servers.push(r, l);
    const casesConfig = readCasesConfig({ RECEIPT_JWKS_URL: new URL(JWKS_PATH, l.url).toString() });
    const services: CasesServices = { ...createCasesServices(casesConfig), ...options.cases };
    const c = await startCasesService({ silo: silos.cases, port: 0, services, ...options.cache });
    servers.push(c);
    const gateway = await startGatewayService({
      port: 0,
      host: "127.0.0.1",
      subgraphUrls: { registry: r.url, licenses: l.url, cases: c.url },
      subgraphTimeoutMs: 10_000,
      supergraphSdl: await loadSupergraph(DEFAULT_SUPERGRAPH_PATH),
    });
    servers.unshift(gateway);
    return {
      gatewayUrl: gateway.url,
      silos,
      signer,
      async graphql(query, variables = {}, headers = {}) {
        const response = await fetch(gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as object) };
      },
      close: () => teardown(servers, opened),
    };
  } catch (error) {
    await teardown(servers, opened);
    throw error;
  }
}

async function teardown(servers: RunningServer[], silos: TestSilo[]): Promise<void> {
  for (const server of servers) await server.close().catch(() => undefined);
  await Promise.all(silos.map((s) => s.dispose().catch(() => undefined)));
}
