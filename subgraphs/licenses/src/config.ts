// The licenses service's configuration, read once at start (see readSubgraphConfig): unset
// variables take their defaults; one set to something invalid stops the start, naming it.
import { readSubgraphConfig, type SubgraphConfig } from "@onceonly/shared";

export const DEFAULT_LICENSES_PORT = 4002;

export type LicensesConfig = SubgraphConfig;

export function readLicensesConfig(env: Record<string, string | undefined> = process.env): LicensesConfig {
  return readSubgraphConfig(env, "LICENSES", DEFAULT_LICENSES_PORT);
}
