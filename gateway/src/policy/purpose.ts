// X-Purpose (like X-Road's X-Road-Issue): the matter code or case number a request reads
// personal data for. Resolved through the gateway itself, as a plan over the subgraphs,
// never by reading a silo: a matter must be in the catalogue; a case must exist and have
// been accepted at the caller's window, and then binds its applicant and the applicant's
// household members.
//
// Facts are kept a short while (PURPOSE_TTL_MS) per gateway process: a window sends the
// same purpose for every step of one case. A case's window and applicant never change;
// household membership may, and the bound is the TTL.
import { LRUCache } from "lru-cache";
import type { Caller } from "../auth/caller.js";

export type PurposeState =
  | { kind: "none" }
  | { kind: "invalid"; purpose: string; reason: string; reasonZh: string }
  | { kind: "matter"; purpose: string }
  | { kind: "case"; purpose: string; subjects: ReadonlySet<string> }
  | { kind: "governance"; purpose: string };

/**
 * 数据质量治理: the data steward's purpose. A quality report reads every record of every
 * silo, so it covers every subject — for callers holding quality:read only, and each page
 * it reads is audited like any window's lookup.
 */
export const GOVERNANCE_PURPOSE = "DATA-QUALITY";

export type InternalQuery = (query: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly unknown[] }>;

interface PurposeFacts {
  matter: boolean;
  case: { window: string | null; subjects: string[] } | null;
}

export const PURPOSE_QUERY = /* GraphQL */ `
  query OnceOnlyPurpose($purpose: ID!) {
    matter(code: $purpose) { code }
    case(number: $purpose) {
      window
      applicant {
        __typename
        ... on Person { idNumber household { members { idNumber } } }
      }
    }
  }
`;

const PURPOSE_TTL_MS = 30_000;
const WELL_FORMED = /^[0-9A-Za-z_.\-]{1,64}$/;

export class PurposeResolver {
  private readonly facts = new LRUCache<string, PurposeFacts>({ max: 10_000, ttl: PURPOSE_TTL_MS });

  constructor(private readonly query: InternalQuery) {}

  async resolve(purpose: string | null, caller: Caller): Promise<PurposeState> {
    if (purpose === null || purpose.trim() === "") return { kind: "none" };
    if (!WELL_FORMED.test(purpose)) {
      return invalid(purpose, `X-Purpose "${purpose}" is not a matter code or case number (letters, digits, . _ -; at most 64)`, `办事目的"${purpose}"不是事项编码或办件编号`);
    }
    if (purpose === GOVERNANCE_PURPOSE) {
      if (caller.scopes.has("quality:read")) return { kind: "governance", purpose };
      return invalid(purpose, `X-Purpose ${GOVERNANCE_PURPOSE} (data quality governance) needs scope quality:read`, `办事目的 ${GOVERNANCE_PURPOSE}（数据质量治理）需要 quality:read 权限`);
    }
    const facts = await this.lookUp(purpose);
    if (facts.case) {
      if (facts.case.window !== caller.window && !caller.scopes.has("subjects:any")) {
        return invalid(purpose, `case ${purpose} was not accepted at window ${caller.window}: it cannot be this window's purpose`, `办件 ${purpose} 不是本窗口（${caller.window}）受理的，不能作为办事目的`);
      }
      return { kind: "case", purpose, subjects: new Set(facts.case.subjects) };
    }
    if (facts.matter) return { kind: "matter", purpose };
    return invalid(purpose, `X-Purpose "${purpose}" is neither a matter in the catalogue nor a case`, `办事目的"${purpose}"既不是目录中的事项，也不是办件`);
  }

  private async lookUp(purpose: string): Promise<PurposeFacts> {
    const known = this.facts.get(purpose);
    if (known) return known;
    const result = await this.query(PURPOSE_QUERY, { purpose });
    const data = result.data ?? {};
    if (!result.data && result.errors?.length) throw new Error(`X-Purpose "${purpose}" could not be checked: ${JSON.stringify(result.errors[0])}`);
    const matter = data.matter !== null && data.matter !== undefined;
    const found = data.case as { window: string | null; applicant: { __typename: string; idNumber?: string; household?: { members: { idNumber: string }[] } | null } | null } | null | undefined;
    const subjects: string[] = [];
    if (found?.applicant?.idNumber) {
      subjects.push(found.applicant.idNumber);
      for (const member of found.applicant.household?.members ?? []) subjects.push(member.idNumber);
    }
    const facts: PurposeFacts = { matter, case: found ? { window: found.window, subjects } : null };
    this.facts.set(purpose, facts);
    return facts;
  }
}

function invalid(purpose: string, reason: string, reasonZh: string): PurposeState {
  return { kind: "invalid", purpose, reason, reasonZh };
}
