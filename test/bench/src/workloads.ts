// The four window workloads, as a clerk's and a verifying department's traffic: each
// request picks another applicant (or licence) from the seeded pool, so no gateway or
// cache is measured on one repeated answer. Bodies are built once up front: the load
// generator shares the two cores with what it measures and must spend little per request.
import { READINESS_QUERY } from "../../../scripts/dist/window-flow.js";
import { WINDOW_LOOKUP_QUERY } from "../../../scripts/dist/window-lookup.js";
import type { Pools } from "./pools.js";

export type WorkloadKey = "lookup" | "readiness" | "verify" | "bulk";
export const WORKLOAD_KEYS: readonly WorkloadKey[] = ["lookup", "readiness", "verify", "bulk"];

export interface Workload {
  key: WorkloadKey;
  label: string;
  /** Request bodies (JSON text), picked at random per request. */
  bodies: string[];
  /** Throws with the reason when an answer is not the one this request asked for. */
  check(body: string, answer: GraphQLAnswer): void;
}

export interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string }[];
}

export const BULK_SIZE = 100;

const VERIFY_QUERY = `query Verify($input: VerifyLicenseInput!) {
  verifyLicense(input: $input) { outcome reason checkedAt receipt license { id status validUntil holderCode } }
}`;

const BULK_VERIFY_QUERY = `query VerifyMany($inputs: [VerifyLicenseInput!]!) {
  verifyLicenses(inputs: $inputs) { outcome reason receipt license { id status validUntil } }
}`;

/** Outcomes of GB/T 36904 verification the licences subgraph answers with. */
function checkOutcome(outcome: unknown, licenceId: string | undefined, licence: { id: string } | null): void {
  if (typeof outcome !== "string" || !/^[A-Z_]+$/.test(outcome)) throw new Error(`no verification outcome (got ${JSON.stringify(outcome)})`);
  if (licence && licenceId && licence.id !== licenceId) throw new Error(`asked to verify ${licenceId}, answered for ${licence.id}`);
}

/** One body per applicant (licence) of the pool; bulk bodies draw 100 licences each. */
export function buildWorkloads(pools: Pools, matterCode: string, random: () => number): Workload[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const body = (query: string, variables: unknown) => JSON.stringify({ query, variables });
  const variables = (text: string) => (JSON.parse(text) as { variables: Record<string, any> }).variables;
  const input = (l: Pools["licences"][number]) => ({ id: l.id, holderCode: l.holderCode, holderName: l.holderName });
  return [
    {
      key: "lookup",
      label: "window lookup",
      bodies: pools.persons.map((idNumber) => body(WINDOW_LOOKUP_QUERY, { idNumber })),
      check(text, answer) {
        const person = answer.data?.person;
        const asked = variables(text).idNumber;
        if (!person || person.idNumber !== asked) throw new Error(`asked for person ${asked}, got ${JSON.stringify(person)?.slice(0, 120)}`);
        if (!person.household || !Array.isArray(person.licenses) || typeof person.cases?.totalCount !== "number") {
          throw new Error(`person ${asked} came back without household, licences or cases`);
        }
      },
    },
    {
      key: "readiness",
      label: `readiness (matter ${matterCode})`,
      bodies: pools.persons.map((idNumber) => body(READINESS_QUERY, { idNumber, matterCode })),
      check(text, answer) {
        const readiness = answer.data?.person?.readiness;
        if (!readiness || readiness.matter?.code !== matterCode || !Array.isArray(readiness.materials) || readiness.materials.length === 0) {
          throw new Error(`no readiness for ${variables(text).idNumber} and matter ${matterCode}`);
        }
      },
    },
    {
      key: "verify",
      label: "verifyLicense",
      bodies: pools.licences.map((l) => body(VERIFY_QUERY, { input: input(l) })),
      check(text, answer) {
        const result = answer.data?.verifyLicense;
        if (!result?.receipt) throw new Error("a verification came back without a receipt");
        checkOutcome(result.outcome, variables(text).input.id, result.license);
      },
    },
    {
      key: "bulk",
      label: `verifyLicenses × ${BULK_SIZE}`,
      bodies: Array.from({ length: Math.ceil(pools.licences.length / 10) }, () => body(BULK_VERIFY_QUERY, { inputs: Array.from({ length: BULK_SIZE }, () => input(pick(pools.licences))) })),
      check(text, answer) {
        const results = answer.data?.verifyLicenses;
        const asked = variables(text).inputs as { id: string }[];
        if (!Array.isArray(results) || results.length !== asked.length) throw new Error(`asked for ${asked.length} verifications, got ${results?.length}`);
        results.forEach((r: any, i: number) => checkOutcome(r.outcome, asked[i].id, r.license));
      },
    },
  ];
}

/** Deterministic, so every gateway is driven with the same sequence of applicants. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
