// Tests that call a subgraph over HTTP directly speak for the gateway: subgraphs answer
// only requests it signed. One random secret per test process; start the service with
// TEST_SIGNING and send with signedFetch (fetch, plus the signature headers).
import { randomBytes } from "node:crypto";
import { signRequest, type SigningConfig } from "@onceonly/shared";

export const TEST_SIGNING: SigningConfig = { secret: randomBytes(32).toString("hex"), maxAgeSeconds: 30 };

export interface SignedInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** fetch() signed as the gateway signs (a fresh nonce each call); `sign` overrides secret, clock or nonce. */
export function signedFetch(url: string | URL, init: SignedInit = {}, sign: { secret?: string; now?: number; nonce?: string } = {}): Promise<Response> {
  const target = new URL(url);
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const signature = signRequest(sign.secret ?? TEST_SIGNING.secret, { method, path: target.pathname + target.search, body: init.body ?? "", headers: init.headers }, sign);
  return fetch(target, { method, headers: { ...init.headers, ...signature }, body: init.body });
}

/** A signed GraphQL POST (the gateway's own shape of request). */
export function signedGraphQL(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  return signedFetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
}
