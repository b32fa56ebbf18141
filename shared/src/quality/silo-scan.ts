// The machinery every department's scan of its own silo shares (subgraphs/*/src/quality/):
// the arguments and their checks, the opaque cursor, the per-page tally of the SILO rules,
// and the loop that runs a scan's phases one bounded page at a time.
//
// A scan is a list of phases, each a keyset walk over its own key: first the row phase
// over the primary table (row rules evaluated in JS), then the set-based phases (SQL
// aggregates: duplicates, households without a head). A page reads at most `first` items
// of one phase: a phase that ends ends the page too (the next page starts the next phase)
// rather than spending the rest of the page on it, since a set phase's aggregate runs
// over the whole table on each of its pages. Only a phase that found nothing hands the
// page on. The caller pages until hasNextPage is false and sums the counts: every rule
// of the department appears in every page's counts (often 0/0).
//
// A scan is not a snapshot: pages are separate statements, so a silo written to during a
// scan may be counted partly before and partly after the write.
import { BadUserInputError } from "../errors/index.js";
import { parseDay } from "../calendar/china-day.js";
import type { Row, Silo } from "../db/silo.js";
import type { Finding, RuleCount } from "./findings.js";
import { QUALITY_RULES, type QualityDepartment, type QualityRule } from "./rules.js";
import type { QualityScanPageType } from "./scan.type.js";

/** The most records one page may read, whatever the caller asks. */
export const MAX_SCAN_PAGE = 50_000;
export const DEFAULT_SCAN_PAGE = 20_000;
// Keys are varchar(≤120) in every silo; a longer cursor key was not issued here.
const MAX_KEY_LENGTH = 256;

/** The department's rules its own silo scan checks (scope SILO), in catalogue order. */
export function siloRules(department: QualityDepartment): QualityRule[] {
  return QUALITY_RULES.filter((r) => r.department === department && r.scope === "SILO");
}

// ── What "empty" means, the same in the JS row rules and in SQL ──
// A value is empty when it is NULL or holds nothing but spaces (U+0020): exactly what
// PostgreSQL's btrim(x) = '' sees, so a row rule's denominator counted in JS and a set
// rule's failures found in SQL always agree on which records have a value. Codes and
// dates are compared after the same trim (legacy writers pad fixed-width fields).

/** The value without leading and trailing spaces (U+0020 only), as btrim(value) in SQL. */
export function stripSpaces(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === 32) start++;
  while (end > start && value.charCodeAt(end - 1) === 32) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** The trimmed value, or null when it is NULL or only spaces. */
export function textOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = stripSpaces(value);
  return text === "" ? null : text;
}

// ── Arguments ──

export interface ScanArguments {
  asOf: string;
  after?: string | null;
  first?: number | null;
}

export interface ScanPosition {
  /** Index into the scan's phases. */
  phase: number;
  /** The last key read in that phase; null = the phase's start. */
  key: string | null;
}

export interface CheckedScanArguments {
  asOf: string;
  first: number;
  start: ScanPosition;
}

interface CursorBody {
  d: string;
  p: string;
  k: string | null;
  a: string;
}

/**
 * The cursor: base64url of JSON {d: department, p: phase name, k: last key read (null =
 * the phase's start), a: asOf}. Opaque to callers; it names the asOf it was issued for so
 * a scan cannot change its report day halfway.
 */
export function encodeScanCursor(department: QualityDepartment, phase: string, key: string | null, asOf: string): string {
  const body: CursorBody = { d: department, p: phase, k: key, a: asOf };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

function decodeScanCursor(raw: string): CursorBody | null {
  if (raw.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const body = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
    if (typeof body !== "object" || body === null) return null;
    const { d, p, k, a } = body as Record<string, unknown>;
    if (typeof d !== "string" || typeof p !== "string" || typeof a !== "string") return null;
    if (k !== null && (typeof k !== "string" || k.length > MAX_KEY_LENGTH)) return null;
    return { d, p, k, a };
  } catch {
    return null;
  }
}

/** Checks asOf, first and after before any SQL; BAD_USER_INPUT names the argument and the rule. */
export function checkScanArguments(
  department: QualityDepartment,
  phases: readonly string[],
  args: ScanArguments,
): CheckedScanArguments {
  const { asOf } = args;
  if (typeof asOf !== "string" || parseDay(asOf) === null) {
    throw new BadUserInputError(`asOf: "${String(asOf)}" is not a calendar day YYYY-MM-DD`, { argument: "asOf", value: asOf, rule: "date" });
  }
  const first = args.first ?? DEFAULT_SCAN_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SCAN_PAGE) {
    throw new BadUserInputError(`first: ${first} is outside 1 to ${MAX_SCAN_PAGE} (records read per page)`, {
      argument: "first",
      value: first,
      rule: "range",
      max: MAX_SCAN_PAGE,
    });
  }
  if (args.after === null || args.after === undefined) return { asOf, first, start: { phase: 0, key: null } };
  const cursor = decodeScanCursor(args.after);
  const phase = cursor && cursor.d === department ? phases.indexOf(cursor.p) : -1;
  if (!cursor || phase < 0) {
    throw new BadUserInputError(`after: "${args.after}" is not a cursor of the ${department} quality scan; pass a page's endCursor unchanged`, {
      argument: "after",
      value: args.after,
      rule: "cursor",
    });
  }
  if (cursor.a !== asOf) {
    throw new BadUserInputError(
      `after: the cursor belongs to a scan as of ${cursor.a}, not ${asOf}; keep one asOf for a whole scan, or start again without after`,
      { argument: "after", value: args.after, rule: "asOf", cursorAsOf: cursor.a },
    );
  }
  return { asOf, first, start: { phase, key: cursor.k } };
}

/**
 * The "today" to hand validateIdNumber for a report day: it refuses a birth date after
 * today's UTC date, so midnight UTC of asOf makes that bound exactly asOf (a person born
 * on the report day is valid, one born the day after is not).
 */
export function idNumberToday(asOf: string): Date {
  return new Date(`${asOf}T00:00:00Z`);
}

/**
 * Runs one keyset page (`WHERE key > $n ORDER BY key LIMIT $m`) along its key's index,
 * whatever the planner estimates. Why: right after a bulk load — the seed, then the
 * report — a table has no statistics yet, and the planner guesses a sequential scan and
 * a sort for such a page: every page re-reads the whole table, and the scan turns
 * quadratic (seen: 20 000 rows of a fresh 560 000-licence silo took 350 ms instead of
 * 30). SET LOCAL confines the hint to this statement's own transaction.
 */
export function queryInKeyOrder<R extends Row>(silo: Silo, text: string, params: readonly unknown[]): Promise<R[]> {
  return silo.transaction(async (tx) => {
    await tx.exec("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off");
    return tx.query<R>(text, params);
  });
}

/** 00:00 China time (+08:00) of a report day, as an instant. */
export function chinaDayStart(asOf: string): Date {
  return new Date(`${asOf}T00:00:00+08:00`);
}

// ── The tally of one page ──

/** Counts and findings of one page, for the department's SILO rules only. */
export class ScanTally {
  private readonly counts = new Map<string, RuleCount>();
  private readonly rules = new Map<string, QualityRule>();
  readonly findings: Finding[] = [];

  constructor(rules: readonly QualityRule[]) {
    for (const rule of rules) {
      this.rules.set(rule.id, rule);
      this.counts.set(rule.id, { rule: rule.id, checked: 0, failed: 0 });
    }
  }

  /** One record checked by a rule; `failed` adds it to the findings. */
  check(ruleId: string, key: string, failed: boolean): void {
    const count = this.count(ruleId);
    count.checked++;
    if (failed) this.fail(ruleId, key, count);
  }

  /** Records a set rule checked in the row phase (its failures come in a later phase). */
  checked(ruleId: string, records = 1): void {
    this.count(ruleId).checked += records;
  }

  /** A failure of a rule whose records were counted by `checked`. */
  fail(ruleId: string, key: string, count = this.count(ruleId)): void {
    count.failed++;
    this.findings.push({ rule: ruleId, kind: this.rules.get(ruleId)!.kind, key });
  }

  page(endCursor: string | null): QualityScanPageType {
    return { counts: [...this.counts.values()], findings: this.findings, endCursor, hasNextPage: endCursor !== null };
  }

  private count(ruleId: string): RuleCount {
    const count = this.counts.get(ruleId);
    if (!count) throw new Error(`quality scan: rule ${ruleId} is not a SILO rule of this department`);
    return count;
  }
}

// ── Phases ──

/** What a phase reads in one call. */
export interface PhasePage {
  /** The last key already read (exclusive start); null = the phase's start. */
  after: string | null;
  /** The most items to read. */
  limit: number;
  /** The report day, checked "YYYY-MM-DD" (China). */
  asOf: string;
  tally: ScanTally;
}

export interface ScanPhase {
  /** Named in the cursor; unique within the scan. */
  name: string;
  /**
   * Reads up to `limit` items after `after` in key order, tallies them and returns how
   * many it read and the last key. Fewer than `limit` = the phase is done.
   */
  read(page: PhasePage): Promise<{ read: number; lastKey: string | null }>;
}

/** One page: the phase at the cursor reads up to `first` items (see the header for when it hands on). */
export async function runScanPage(
  department: QualityDepartment,
  phases: readonly ScanPhase[],
  args: ScanArguments,
): Promise<QualityScanPageType> {
  const { asOf, first, start } = checkScanArguments(department, phases.map((p) => p.name), args);
  const tally = new ScanTally(siloRules(department));
  let key = start.key;
  for (let i = start.phase; i < phases.length; i++) {
    const { read, lastKey } = await phases[i].read({ after: key, limit: first, asOf, tally });
    if (read >= first) {
      if (lastKey === null) throw new Error(`quality scan ${department}/${phases[i].name}: a full page must name its last key`);
      return tally.page(encodeScanCursor(department, phases[i].name, lastKey, asOf));
    }
    const next = phases[i + 1];
    if (read > 0 && next) return tally.page(encodeScanCursor(department, next.name, null, asOf));
    key = null;
  }
  return tally.page(null);
}
