// The cases service's configuration, read once at start (see readSubgraphConfig): unset
// variables take their defaults; one set to something invalid stops the start, naming it.
import { readSubgraphConfig, type SubgraphConfig } from "@onceonly/shared";

export const DEFAULT_CASES_PORT = 4003;

export type CasesConfig = SubgraphConfig;

export function readCasesConfig(env: Record<string, string | undefined> = process.env): CasesConfig {
  return readSubgraphConfig(env, "CASES", DEFAULT_CASES_PORT);
}
