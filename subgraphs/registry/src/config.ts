// The registry service's configuration, read once at start (see readSubgraphConfig): unset
// variables take their defaults; one set to something invalid stops the start, naming it.
import { readSubgraphConfig, type SubgraphConfig } from "@onceonly/shared";

export const DEFAULT_REGISTRY_PORT = 4001;

export type RegistryConfig = SubgraphConfig;

export function readRegistryConfig(env: Record<string, string | undefined> = process.env): RegistryConfig {
  return readSubgraphConfig(env, "REGISTRY", DEFAULT_REGISTRY_PORT);
}
