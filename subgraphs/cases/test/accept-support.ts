// For the acceptance and bundle tests: a case silo holding the demo catalogue (matters,
// bundles, materials with their 告知承诺 / 容缺 flags), an in-memory receipt signer whose
// published keys the services check against, readiness checks written the way the
// readiness work writes them, and a runner that sets the clock and the calling window.
import { randomUUID } from "node:crypto";
import { createEphemeralReceiptSigner, LICENSE_TYPES, loadDemo, MATTERS, BUNDLES, type LicenseTypeKey, type ReceiptSigner, type Silo, type VerificationReceiptClaims } from "@onceonly/shared";
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import { buildCasesSchema, createCasesContext, createSources, MIGRATIONS, type CasesServices, type CasesSources } from "../src/server.js";
import type { ReadinessCheckRecord, ReadinessMaterialRecord } from "../src/source/index.js";
import { openTestSilo, type Engine } from "../../../test/support/silos.js";
import { withCheck } from "./fixtures.js";
import { testServices } from "./services.js";

/** Friday 2026-11-20, 10:00 in Beijing. */
export const NOW = new Date("2026-11-20T10:00:00+08:00");
export const WINDOW = { id: "综合窗口7", department: "市政务服务中心" };

export const PERSON = withCheck("51110219880224473"); // an applicant the registry knows
export const OTHER_PERSON = withCheck("51110219900315001");
export const COMPANY = "91110000600037341L";

export const matterCode = (key: (typeof MATTERS)[number]["key"]): string => MATTERS.find((m) => m.key === key)!.code;
export const bundleCode = (key: (typeof BUNDLES)[number]["key"]): string => BUNDLES.find((b) => b.key === key)!.code;
export const typeCode = (key: LicenseTypeKey): string => LICENSE_TYPES.find((t) => t.key === key)!.code;
export const licenseId = (type: LicenseTypeKey, serial: string): string => `1.2.156.3005.2.${typeCode(type)}.511102.${serial}.001.X`;

export interface AcceptHarness {
  silo: Silo;
  sources: CasesSources;
  signer: ReceiptSigner;
  /** Runs an operation at `now` as `window` (null: no x-window-id), with service overrides. */
  run(source: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<ExecutionResult>;
  /** A VALID receipt for this holder's licence, checked `ageSeconds` before NOW. */
  receipt(claims: Partial<VerificationReceiptClaims>, ageSeconds?: number): Promise<string>;
  /** Writes a readiness check and returns its id. */
  readiness(check: Partial<ReadinessCheckRecord> & Pick<ReadinessCheckRecord, "applicant" | "matterCode">): Promise<string>;
  count(table: string): Promise<number>;
  dispose(): Promise<void>;
}

export interface RunOptions {
  now?: Date;
  window?: { id: string; department?: string } | null;
  services?: Partial<CasesServices>;
}

let schema: Promise<GraphQLSchema> | undefined;

export async function openAcceptHarness(engine: Engine): Promise<AcceptHarness> {
  const test = await openTestSilo(engine, "cases", MIGRATIONS);
  // The demo's reference data (and one household's cases): the real catalogue.
  await loadDemo({ cases: test.silo }, { persons: 1, seed: 42 });
  const built = await (schema ??= buildCasesSchema());
  const sources = createSources(test.silo);
  const signer = await createEphemeralReceiptSigner();
  const keys = { current: async () => signer.publicJwks(NOW), refresh: async () => signer.publicJwks(NOW) };
  return {
    silo: test.silo,
    sources,
    signer,
    run: (source, variableValues, options = {}) =>
      graphql({
        schema: built,
        source,
        variableValues,
        contextValue: createCasesContext(
          sources,
          testServices({ clock: () => options.now ?? NOW, receiptKeys: keys, ...options.services }),
          {
            requestId: "accept-test",
            purpose: null,
            window: options.window === null ? null : { ...(options.window ?? WINDOW), scopes: [] },
          },
        ),
      }),
    receipt: (claims, ageSeconds = 60) =>
      signer.sign({
        licenseId: null,
        typeCode: null,
        holderCode: null,
        outcome: "VALID",
        checkedAt: new Date(NOW.getTime() - ageSeconds * 1000).toISOString(),
        validUntil: null,
        window: WINDOW.id,
        purpose: null,
        ...claims,
      }),
    async readiness(check) {
      const id = randomUUID();
      await sources.readiness.insert([
        {
          id,
          applicantKind: "PERSON",
          checkedAt: new Date(NOW.getTime() - 120_000),
          window: WINDOW.id,
          department: WINDOW.department,
          purpose: check.matterCode,
          registered: true,
          deceased: false,
          materials: [],
          prefill: [],
          ...check,
        },
      ]);
      return id;
    },
    async count(table) {
      const [row] = await test.silo.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      return row.n;
    },
    dispose: () => test.dispose(),
  };
}

/** A readiness material satisfied by the registry. */
export const byRegistry = (code: string): ReadinessMaterialRecord => ({ code, satisfied: true, by: "REGISTRY", licenseId: null, registryFields: ["ID_NUMBER", "NAME"], reason: null });

/** A readiness material satisfied by a licence. */
export const byLicense = (code: string, id: string): ReadinessMaterialRecord => ({ code, satisfied: true, by: "LICENSE", licenseId: id, registryFields: [], reason: null });

export const ACCEPT = `mutation Accept($input: AcceptCaseInput!) {
  acceptCase(input: $input) {
    number matter { code name } applicant { __typename ... on Person { idNumber } ... on Organization { creditCode } }
    applicantName acceptedAt window promisedBy status
    materials { code name method licenseId }
    timeline { status at window handler opinion }
    bundle { number }
    members { number matter { code } promisedBy materials { code method licenseId } bundle { number } }
  }
}`;

/** The problems of a refused acceptance, as [material, code] pairs. */
export function problemsOf(result: ExecutionResult): [string | null, string][] {
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  const problems = error.extensions?.problems as { material: string | null; code: string }[] | undefined;
  if (!problems) throw new Error(`expected extensions.problems, got ${JSON.stringify([error.message, error.extensions])}`);
  return problems.map((p) => [p.material, p.code]);
}
