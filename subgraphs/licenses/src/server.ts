// Builds the licences subgraph; no side effects on import (index.ts listens, tests and
// the gateway's start script call these).
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import {
  boundCache,
  buildFederatedSchema,
  DEFAULT_POLL_MS,
  JWKS_PATH,
  jwksRoute,
  logger,
  startSubgraphService,
  type CacheFreshness,
  type EntityCache,
  type NonceStore,
  type ReceiptSigner,
  type RunningServer,
  type Silo,
  type SigningConfig,
} from "@onceonly/shared";
import type { GraphQLSchema } from "graphql";
import { DEFAULT_LICENSES_PORT } from "./config.js";
import { createContext } from "./context.js";
import { referenceResolvers, resolvers } from "./resolvers/index.js";
import { LicenseType } from "./schema/license-type.type.js";
import { License } from "./schema/license.type.js";
import { Organization } from "./schema/organization.type.js";
import { LicensePerson } from "./schema/person.type.js";
import { createSources } from "./source/index.js";
import { startChangeFeed } from "./source/change-feed.js";
import { LicenseHolding, licenseHoldingReference, QualityHolderCheckResolver, QualityLicenseHoldersResolver } from "./quality/federated/index.js";

export const MIGRATIONS = fileURLToPath(new URL("../migrations", import.meta.url));

export async function buildLicensesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    // Person and Organization are also reached through _entities alone: listed so the
    // schema keeps them even if no field of a query type led there.
    // LicenseHolding too: the cross-silo quality checks reach it through _entities only.
    { resolvers: [...resolvers, QualityLicenseHoldersResolver, QualityHolderCheckResolver], orphanedTypes: [License, LicenseType, LicensePerson, Organization, LicenseHolding] },
    { ...referenceResolvers, LicenseHolding: licenseHoldingReference },
  );
}

export interface LicensesServiceOptions {
  silo: Silo;
  port?: number;
  host?: string;
  /** Entity cache behind the licence loaders (none = every read goes to the silo). */
  cache?: EntityCache;
  /** With a cache: TTLs and the change feed (see CacheFreshness). */
  freshness?: CacheFreshness;
  /** The gateway's signing secret: /graphql answers only requests the gateway signed. */
  signing: SigningConfig;
  /** Answered nonces (the caller owns it); default: this process's memory. */
  nonces?: NonceStore;
  /** Signs verification receipts; without one, verifyLicense(s) answer "receipt signing is not configured". */
  signer?: ReceiptSigner;
}

/** Serves the subgraph at /graphql with GET /healthz. Closing it leaves the silo open: the caller owns it. */
export async function startLicensesService(options: LicensesServiceOptions): Promise<RunningServer> {
  const { cache, freshness = {} } = options;
  const licensesCache = boundCache(cache, freshness);
  const sources = createSources(options.silo, licensesCache);
  return startSubgraphService({
    name: "licenses",
    schema: await buildLicensesSchema(),
    context: (meta) => createContext(sources, meta, { signer: options.signer }),
    port: options.port ?? DEFAULT_LICENSES_PORT,
    host: options.host,
    signing: options.signing,
    nonces: options.nonces,
    // The gateway republishes these keys at its own /.well-known/jwks.json.
    routes: options.signer ? { [JWKS_PATH]: jwksRoute(options.signer) } : undefined,
    watch: licensesCache
      ? () =>
          startChangeFeed({
            silo: options.silo,
            cache: licensesCache,
            pollMs: freshness.pollMs ?? DEFAULT_POLL_MS,
            listen: freshness.listen,
            log: logger.child({ subgraph: "licenses" }),
          })
      : undefined,
  });
}
