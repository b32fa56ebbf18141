// The whole of OnceOnly in one test process: three silos (seeded with demo data), the
// three subgraph services and the gateway, all on port 0, torn down by close().
import { randomBytes } from "node:crypto";
import { createCasesServices, readCasesConfig, startCasesService, MIGRATIONS as CASES_MIGRATIONS, type CasesServices } from "@onceonly/cases";
import {
  AUDIT_MIGRATIONS,
  createAuthenticator,
  createEphemeralTokenKeys,
  DEFAULT_SUPERGRAPH_PATH,
  generateAuditKey,
  loadSupergraph,
  mintToken,
  openAuditLog,
  startGatewayService,
  type TokenIdentity,
} from "@onceonly/gateway";
import { startLicensesService, MIGRATIONS as LICENSES_MIGRATIONS } from "@onceonly/licenses";
import { startRegistryService, MIGRATIONS as REGISTRY_MIGRATIONS } from "@onceonly/registry";
import { ALL_SCOPES, createEphemeralReceiptSigner, describeDemo, JWKS_PATH, loadDemoWithDefects, type DefectManifest, type JWK, loadDemo, type CacheFreshness, type EntityCache, type ReceiptSigner, type RunningServer, type Silo } from "@onceonly/shared";
import { openTestSilo, type Engine, type TestSilo } from "./silos.js";

export interface Stack {
  gatewayUrl: string;
  silos: { registry: Silo; licenses: Silo; cases: Silo };
  /** The gateway's audit store (same engine as the silos). */
  audit: Silo;
  /** What the seed spoiled, with StackOptions.defects; null for a clean demo. */
  manifest: DefectManifest | null;
  /** The public key of its checkpoints (what `npm run audit:verify` checks with). */
  auditPublicKey: JWK;
  /** Where the subgraphs listen (they answer only requests signed with signingSecret). */
  subgraphUrls: { registry: string; licenses: string; cases: string };
  signingSecret: string;
  /** A window token signed with the key this stack's gateway trusts. */
  tokenFor(identity: TokenIdentity): Promise<string>;
  /** Posts as it is: the status and the body's text (for leak checks). */
  graphqlRaw(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Signs the licences service's verification receipts (an in-memory key). */
  signer: ReceiptSigner;
  /**
   * Posts an operation. Without an authorization header it goes as TEST_WINDOW (every
   * scope, any subject) — or, when the headers name x-window-id / x-department, as that
   * window with every scope — and with the demo's showcase matter as X-Purpose unless the
   * headers give one.
   */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Spoil the demo at this rate (the seed's --defects); the stack then carries the manifest. */
  defects?: number;
  /** Replaces parts of the cases service's services (e.g. receiptMaxAgeSeconds, clock) to age receipts. */
  cases?: Partial<CasesServices>;
  /** An entity cache for all three subgraphs (the caller owns and closes it), with their freshness settings. */
  cache?: { cache: EntityCache; freshness?: CacheFreshness };
  /** The data quality report history the gateway's steward query reads (QUALITY_REPORTS_DIR); none: empty. */
  qualityReportsDir?: string;
}

export const TOKEN_ISSUER = "onceonly-test";
export const TOKEN_AUDIENCE = "onceonly-gateway";
/** The identity tests call as unless they say otherwise: every scope, any subject. */
export const TEST_WINDOW: TokenIdentity = { window: "TEST-W01", department: "测试政务服务中心", region: "511102", scopes: ALL_SCOPES };

export async function startStack(engine: Engine, demo: { persons: number; seed: number }, options: StackOptions = {}): Promise<Stack> {
  const opened: TestSilo[] = [];
  const servers: RunningServer[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    const [registry, licenses, cases, auditStore] = await Promise.all([
      openTestSilo(engine, "registry", REGISTRY_MIGRATIONS),
      openTestSilo(engine, "licenses", LICENSES_MIGRATIONS),
      openTestSilo(engine, "cases", CASES_MIGRATIONS),
      openTestSilo(engine, "audit", AUDIT_MIGRATIONS),
    ]);
    opened.push(registry, licenses, cases, auditStore);
    const silos = { registry: registry.silo, licenses: licenses.silo, cases: cases.silo };
    const manifest = options.defects === undefined ? null : (await loadDemoWithDefects(silos, { ...demo, rate: options.defects })).manifest;
    if (options.defects === undefined) await loadDemo(silos, demo);
    const signer = await createEphemeralReceiptSigner();
    // The subgraphs answer only requests the gateway signs: one random secret per stack.
    const signing = { secret: randomBytes(32).toString("hex"), maxAgeSeconds: 30 };
    // Licences first: the cases service checks receipts against its published key set.
    const [r, l] = await Promise.all([
      startRegistryService({ silo: silos.registry, port: 0, signing, ...options.cache }),
      startLicensesService({ silo: silos.licenses, port: 0, signer, signing, ...options.cache }),
    ]);
    servers.push(r, l);
    const casesConfig = readCasesConfig({ RECEIPT_JWKS_URL: new URL(JWKS_PATH, l.url).toString(), SUBGRAPH_SIGNING_SECRET: signing.secret });
    const services: CasesServices = { ...createCasesServices(casesConfig), ...options.cases };
    const c = await startCasesService({ silo: silos.cases, port: 0, services, signing, ...options.cache });
    servers.push(c);
    const tokenKeys = await createEphemeralTokenKeys();
    const authenticator = await createAuthenticator({ issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, keys: [tokenKeys.publicKey] });
    const audit = await openAuditLog({ silo: auditStore.silo, key: await generateAuditKey() });
    closers.push(() => audit.close());
    const tokenFor = (identity: TokenIdentity) => mintToken(tokenKeys.privateKey, identity, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, ttlSeconds: 3600 });
    const defaultPurpose = describeDemo(demo.seed).showcaseMatter;
    const gateway = await startGatewayService({
      port: 0,
      host: "127.0.0.1",
      subgraphUrls: { registry: r.url, licenses: l.url, cases: c.url },
      subgraphTimeoutMs: 10_000,
      signingSecret: signing.secret,
      supergraphSdl: await loadSupergraph(DEFAULT_SUPERGRAPH_PATH),
      authenticate: (header) => authenticator.authenticate(header),
      audit,
      qualityReportsDir: options.qualityReportsDir,
    });
    servers.unshift(gateway);
    const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
      fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return {
      gatewayUrl: gateway.url,
      silos,
      audit: auditStore.silo,
      manifest,
      auditPublicKey: audit.publicKey,
      subgraphUrls: { registry: r.url, licenses: l.url, cases: c.url },
      signingSecret: signing.secret,
      signer,
      tokenFor,
      async graphqlRaw(query, variables, headers) {
        const response = await post(query, variables, headers);
        return { status: response.status, text: await response.text() };
      },
      async graphql(query, variables = {}, headers = {}) {
        const sent = { ...headers };
        if (!Object.keys(sent).some((k) => k.toLowerCase() === "authorization")) {
          const windowId = sent["x-window-id"];
          const department = sent["x-department"] ? decodeURIComponent(sent["x-department"]) : TEST_WINDOW.department;
          sent.authorization = `Bearer ${await tokenFor(windowId ? { ...TEST_WINDOW, window: windowId, department } : TEST_WINDOW)}`;
        }
        if (!Object.keys(sent).some((k) => k.toLowerCase() === "x-purpose")) sent["x-purpose"] = defaultPurpose;
        const response = await post(query, variables, sent);
        return { status: response.status, ...((await response.json()) as object) };
      },
      close: () => teardown(servers, opened, closers),
    };
  } catch (error) {
    await teardown(servers, opened, closers);
    throw error;
  }
}

async function teardown(servers: RunningServer[], silos: TestSilo[], closers: (() => Promise<void>)[]): Promise<void> {
  for (const server of servers) await server.close().catch(() => undefined);
  for (const close of closers) await close().catch(() => undefined);
  await Promise.all(silos.map((s) => s.dispose().catch(() => undefined)));
}
