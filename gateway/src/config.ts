// Gateway configuration from the environment; fails at start on an invalid value.
import { fileURLToPath } from "node:url";
import { qualityReportsDir, readInt, readPort, readSigningSecret, readString, readUrl } from "@onceonly/shared";
import { readAuditConfig, type AuditConfig } from "./audit/config.js";
import { readAuthConfig, type AuthConfig } from "./auth/config.js";
import { readLimitsConfig, type LimitsConfig } from "./limits/config.js";

export const SUBGRAPH_NAMES = ["registry", "licenses", "cases"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface GatewayConfig {
  port: number;
  host: string;
  subgraphUrls: Record<SubgraphName, string>;
  supergraphPath: string;
  /** How long a subgraph may take to start answering a fetch, and its longest pause within an answer, ms. */
  subgraphTimeoutMs: number;
  /** SUBGRAPH_SIGNING_SECRET: every subgraph request is signed with it. */
  signingSecret: string;
  /** Who may call: token issuer, audience and keys (auth/). */
  auth: AuthConfig;
  /** Depth, aliases, root fields, cost; introspection; persisted operations (limits/). */
  limits: LimitsConfig;
  /** Where the audit log lives (audit/). */
  audit: AuditConfig;
  /** QUALITY_REPORTS_DIR: the data quality report history the stewards' query reads (quality/). */
  qualityReportsDir: string;
}

export const DEFAULT_SUBGRAPH_URLS: Record<SubgraphName, string> = {
  registry: "http://127.0.0.1:4001/graphql",
  licenses: "http://127.0.0.1:4002/graphql",
  cases: "http://127.0.0.1:4003/graphql",
};

/** The committed supergraph, written by `npm run compose`. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL("../supergraph.graphql", import.meta.url));

export function readGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const url = (name: SubgraphName) =>
    readUrl(env, `${name.toUpperCase()}_URL`, ["http:", "https:"]) ?? DEFAULT_SUBGRAPH_URLS[name];
  return {
    port: readPort(env, "GATEWAY_PORT", 4000),
    host: readString(env, "GATEWAY_HOST") ?? "127.0.0.1",
    subgraphUrls: { registry: url("registry"), licenses: url("licenses"), cases: url("cases") },
    supergraphPath: readString(env, "SUPERGRAPH_PATH") ?? DEFAULT_SUPERGRAPH_PATH,
    subgraphTimeoutMs: readInt(env, "SUBGRAPH_TIMEOUT_MS", 10_000, 100, 120_000),
    signingSecret: readSigningSecret(env),
    auth: readAuthConfig(env),
    limits: readLimitsConfig(env),
    audit: readAuditConfig(env),
    qualityReportsDir: qualityReportsDir(env),
  };
}
