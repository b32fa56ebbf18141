// The subgraphs answer only requests signed with the gateway's secret, so every gateway
// under test signs (OnceOnly's natively, stock Apollo and Hive through their own seams,
// see apollo-gateway.ts and hive.config.ts) and pays the same per-request cost. One random
// secret per benchmark run, handed to subgraphs and gateways alike by environment.
import { randomBytes } from "node:crypto";

export const SIGNING_ENV: Record<string, string> = { SUBGRAPH_SIGNING_SECRET: randomBytes(32).toString("hex") };
