// Spoils the demo on purpose, batch by batch, for every rule of QUALITY_RULES, and says
// exactly which records each rule will then find. Per rule it spoils about rate × the
// records the rule checks (at least one over the whole run), drawing from a stream keyed
// by (seed, batch, rule): the same persons, seed, rate and batch size give the same
// spoils, and what it keeps between batches is one counter per rule.
import { QUALITY_RULES, RULES_BY_ID } from "../../quality/rules.js";
import type { DemoBatch } from "../generate.js";
import { validateDemoOptions } from "../options.js";
import { Rng } from "../prng.js";
import { BatchIndex } from "./batch-index.js";
import type { Spoil } from "./spoil.js";
import { CASE_SPOILS } from "./spoil-cases.js";
import { DECEASED_SPOIL, LICENSE_SPOILS } from "./spoil-licenses.js";
import { REGISTRY_SPOILS } from "./spoil-registry.js";
import { validateDefectRate, type Defect, type DefectOptions, type DefectRuleTally } from "./types.js";

// Spoils take their own kind of candidate; the injector only hands each its own back.
const ALL = [...REGISTRY_SPOILS, ...LICENSE_SPOILS, DECEASED_SPOIL, ...CASE_SPOILS] as unknown as Spoil<unknown>[];
const SPOILS = new Map(ALL.map((s) => [s.rule, s]));
for (const r of QUALITY_RULES) if (!SPOILS.has(r.id)) throw new Error(`rule ${r.id} has no spoil in demo/defects`);

/**
 * The order spoils are drawn in within a batch: first the one whose fallout reserves
 * licences and cases, then those that depend on a household's members, then the rules
 * with few candidates, then the rest in catalogue order.
 */
const ORDER = [
  "REG_ID_NUMBER", "REG_HOUSEHOLD_HEAD", "REG_DUPLICATE_PERSON", "X_DECEASED_VALID", "X_ELICENSE_NOT_USED",
  "LIC_DUPLICATE_NUMBER", "LIC_CREDIT_CODE", "CASE_COMPLETED_NO_TIME", "CASE_OVERDUE",
];
const SEQUENCE = [...ORDER, ...QUALITY_RULES.map((r) => r.id).filter((id) => !ORDER.includes(id))].map((id) => SPOILS.get(id)!);
const STREAM = 0x0defec75;

export class DefectInjector {
  readonly rate: number;
  private readonly seed: number;
  private readonly persons: number;
  private batches = 0;
  private readonly tally = new Map<string, DefectRuleTally & { owed: number }>(
    QUALITY_RULES.map((r) => [r.id, { rule: r.id, population: 0, target: 0, spoiled: 0, caused: 0, owed: 0 }]),
  );

  constructor(options: DefectOptions) {
    const { persons, seed } = validateDemoOptions({ persons: options.persons, seed: options.seed, batchPersons: options.batchPersons });
    this.rate = validateDefectRate(options.rate);
    this.seed = seed;
    this.persons = persons;
  }

  /** Spoils one generated batch in place and returns its manifest entries. The reference-data batch passes untouched. */
  apply(batch: DemoBatch): Defect[] {
    if (batch.personsDone === 0 || this.rate === 0) return [];
    const index = new BatchIndex(batch.rows);
    const last = batch.personsDone >= this.persons;
    const batchNo = this.batches++;
    // Populations are those of the clean batch: counted before any spoil.
    const populations = new Map(SEQUENCE.map((s) => [s.rule, s.population(index)]));
    const out: Defect[] = [];
    SEQUENCE.forEach((spoil, i) => {
      const t = this.tally.get(spoil.rule)!;
      const population = populations.get(spoil.rule)!;
      t.population += population;
      t.owed += this.rate * population;
      let want = last ? Math.round(t.owed) : Math.floor(t.owed);
      if (last && t.spoiled + want === 0) want = 1;
      const got = this.spoil(index, spoil, want, new Rng(this.seed, batchNo, i, STREAM), out);
      t.owed -= got;
      if (last) t.target = Math.max(1, Math.round(this.rate * t.population));
    });
    index.finish();
    return out;
  }

  /** What each rule asked for and got, in catalogue order (complete once the last batch is through). */
  summary(): DefectRuleTally[] {
    return QUALITY_RULES.map((r) => {
      const { owed: _, ...t } = this.tally.get(r.id)!;
      return t;
    });
  }

  // Private: draws candidates in random order (by rank first, if the spoil ranks them) until `want` records are spoiled.
  private spoil(index: BatchIndex, spoil: Spoil<unknown>, want: number, rng: Rng, out: Defect[]): number {
    if (want <= 0) return 0;
    const candidates = spoil.candidates(index);
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
    }
    if (spoil.rank) {
      const rank = new Map(candidates.map((c) => [c, spoil.rank!(index, c)]));
      candidates.sort((a, b) => rank.get(a)! - rank.get(b)!);
    }
    let got = 0;
    for (const candidate of candidates) {
      if (got >= want) break;
      const entries = spoil.apply(index, candidate, rng);
      if (!entries) continue;
      for (const e of entries) {
        const t = this.tally.get(e.rule)!;
        if (e.cause) t.caused++;
        else {
          t.spoiled++;
          got++;
        }
        out.push({ rule: e.rule, kind: RULES_BY_ID.get(e.rule)!.kind, key: e.key, how: e.how, ...(e.cause ? { cause: e.cause } : {}) });
      }
    }
    return got;
  }
}

/** Passes the demo's batches through, spoiling each; `onDefects` receives every batch's manifest entries. */
export function* injectDefects(
  batches: Iterable<DemoBatch>,
  injector: DefectInjector,
  onDefects: (defects: Defect[]) => void,
): Generator<DemoBatch> {
  for (const batch of batches) {
    onDefects(injector.apply(batch));
    yield batch;
  }
}
