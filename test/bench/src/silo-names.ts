// The three department silos, each behind its own subgraph process.
export const SILOS = ["registry", "licenses", "cases"] as const;
export type SiloName = (typeof SILOS)[number];
