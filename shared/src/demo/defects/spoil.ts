// What one rule's spoil is: which records of a batch the rule checks (the rate's base),
// which could be spoiled, and the spoil itself, which returns the manifest entries it
// causes — its own record(s) and, where unavoidable, records it makes fail other rules.
import type { Rng } from "../prng.js";
import type { DemoRow } from "../tables.js";
import type { BatchIndex } from "./batch-index.js";
import type { Defect } from "./types.js";

export type Entry = Omit<Defect, "kind">;

export interface Spoil<T = DemoRow> {
  rule: string;
  population(b: BatchIndex): number;
  candidates(b: BatchIndex): T[];
  /** Candidates of lower rank are tried first (ties in random order). */
  rank?(b: BatchIndex, candidate: T): number;
  /** Spoils one candidate; null when it is no longer free (an earlier spoil touched it). */
  apply(b: BatchIndex, candidate: T, rng: Rng): Entry[] | null;
}

/** `s` with the character at `i` replaced by another one of `alphabet`. */
export function changeChar(s: string, i: number, alphabet: string, rng: Rng): { value: string; from: string; to: string } {
  const from = s[i];
  const others = [...alphabet].filter((c) => c !== from);
  const to = rng.pick(others);
  return { value: s.slice(0, i) + to + s.slice(i + 1), from, to };
}
