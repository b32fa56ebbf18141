// What a gateway under test needs to let a request through: a token key it trusts, a
// caller with every scope, a purpose its subgraphs recognise, and an audit log kept in
// memory (the audit's own tests use the real store).
import { ALL_SCOPES } from "@onceonly/shared";
import type { AuditEntry } from "../src/audit/audit-entry.js";
import { createAuthenticator, createEphemeralTokenKeys, mintToken, type TokenIdentity } from "../src/auth/index.js";
import type { Authenticate } from "../src/context.js";
import { PURPOSE_QUERY } from "../src/policy/purpose.js";
import type { AuditQuery, AuditRecordPage } from "../src/audit/query.js";

export const TEST_PURPOSE = "000127001000";
export const TEST_SECRET = "gateway-test-signing-secret-0123456789";
const ISSUER = "onceonly-test";
const AUDIENCE = "onceonly-gateway";

export class MemoryAudit {
  readonly entries: AuditEntry[] = [];
  async append(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  async records(_query: AuditQuery): Promise<AuditRecordPage> {
    return { records: [], hasNextPage: false };
  }
  async close(): Promise<void> {}
}

export interface TestSecurity {
  signingSecret: string;
  authenticate: Authenticate;
  audit: MemoryAudit;
  /** Authorization (every scope, any subject) and X-Purpose for a request. */
  headers: Record<string, string>;
  tokenFor(identity: TokenIdentity): Promise<string>;
}

export async function testSecurity(): Promise<TestSecurity> {
  const keys = await createEphemeralTokenKeys();
  const authenticator = await createAuthenticator({ issuer: ISSUER, audience: AUDIENCE, keys: [keys.publicKey] });
  const tokenFor = (identity: TokenIdentity) => mintToken(keys.privateKey, identity, { issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 600 });
  const token = await tokenFor({ window: "GW-TEST", department: "网关测试", scopes: ALL_SCOPES });
  return {
    signingSecret: TEST_SECRET,
    authenticate: (header) => authenticator.authenticate(header),
    audit: new MemoryAudit(),
    headers: { authorization: `Bearer ${token}`, "x-purpose": TEST_PURPOSE },
    tokenFor,
  };
}

/** Whether a fake subgraph's request is the gateway checking a purpose (the cases part of PURPOSE_QUERY). */
export function isPurposeCheck(query: string): boolean {
  return query.includes("matter(code:") && PURPOSE_QUERY.includes("matter(code:");
}

/** The cases subgraph's answer to that check: TEST_PURPOSE is a matter in the catalogue. */
export const PURPOSE_ANSWER = { data: { matter: { code: TEST_PURPOSE }, case: null } };
