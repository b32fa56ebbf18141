// Statements each silo runs (the benchmark reads this before and after a workload to
// report statements per request): counted through the silo's own statement hook.
import type { Silo } from "../db/silo.js";
import { defineCounter } from "./registry.js";

/** Counts every statement `silo` runs from now on; returns the function that stops it. */
export function countSiloStatements(silo: Silo): () => void {
  const statements = defineCounter({
    name: "onceonly_silo_statements_total",
    help: "Statements sent to a department silo (database), by silo",
    labelNames: ["silo"],
  });
  // Bound to the silo's name once: a statement only increments. Shown from the start (0),
  // so a reader's "before" is a number, not an absent series.
  const child = statements.labels(silo.name);
  child.inc(0);
  return silo.onStatement(() => child.inc());
}
