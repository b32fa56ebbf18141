// Which status a case may move to from which (办件状态流转). Pure: the table, and the
// reading of a case's timeline it needs for 特别程序. The SQL that applies a transition
// is in source/lifecycle.source.ts; what a transition changes is in advance.ts.
import { CaseStatus, UNRECOGNIZED } from "@onceonly/shared";
import type { CaseStatusValue, MatterKindValue } from "../source/records.js";

export type KnownStatus = Exclude<CaseStatusValue, typeof UNRECOGNIZED>;

// 受理 → 承办 → 审核 → 办结 is the main line; 不予受理 and 退回补正 are decided at
// acceptance; 特别程序 (hearings, expert review, inspection …, 行政许可法 §45) can interrupt
// any working step and returns to it. ACCEPTED → COMPLETED is for 即办件 only (see below).
const TABLE: Record<KnownStatus, readonly KnownStatus[]> = {
  ACCEPTED: ["PROCESSING", "NOT_ACCEPTED", "RETURNED_FOR_CORRECTION", "SPECIAL_PROCEDURE", "COMPLETED"],
  RETURNED_FOR_CORRECTION: ["ACCEPTED", "NOT_ACCEPTED"], // 补正后受理, or refused after all
  PROCESSING: ["REVIEWING", "SPECIAL_PROCEDURE"],
  REVIEWING: ["COMPLETED", "PROCESSING", "SPECIAL_PROCEDURE"], // PROCESSING: sent back
  SPECIAL_PROCEDURE: [], // back to the status it paused from, and only there
  COMPLETED: [],
  NOT_ACCEPTED: [],
};

/** What the table needs to know about a case. */
export interface TransitionState {
  status: CaseStatusValue | null;
  matterKind: MatterKindValue | null;
  /** For a case in 特别程序: the status it paused from (see pauseOf); null when unknown. */
  pausedFrom: CaseStatusValue | null;
}

/** The statuses a case may move to now, in the table's order. */
export function allowedTransitions(state: TransitionState): KnownStatus[] {
  const from = known(state.status);
  if (from === null) return []; // a status outside the code table: nobody can say what follows it
  if (from === "SPECIAL_PROCEDURE") {
    const back = known(state.pausedFrom);
    return back !== null && TABLE[back].includes("SPECIAL_PROCEDURE") ? [back] : [];
  }
  // 即办件 are decided on the spot; a 承诺件 goes through 承办 and 审核 first.
  return TABLE[from].filter((to) => !(from === "ACCEPTED" && to === "COMPLETED" && state.matterKind !== "IMMEDIATE"));
}

/** Terminal statuses: the case is finished (办结) or was never taken on (不予受理). */
export function isFinished(status: CaseStatusValue | null): boolean {
  return status === "COMPLETED" || status === "NOT_ACCEPTED";
}

/** "受理 (ACCEPTED)": how statuses are named in messages, Chinese first. */
export function describeStatus(status: CaseStatusValue | null): string {
  if (status === null) return "no status (null)";
  return `${CaseStatus.label(status)} (${status})`;
}

export interface PauseFacts {
  /** When the case entered 特别程序 (the start of its latest stay there). */
  pausedAt: Date;
  /** The status it was in before; null when the timeline does not show one. */
  pausedFrom: CaseStatusValue | null;
}

/**
 * The latest stay in 特别程序, from a timeline oldest first; null when the timeline never
 * shows the case entering it. Repeated 特别程序 entries in a row (a legacy system logging
 * each hearing) count as one stay, from the first.
 */
export function pauseOf(events: readonly { status: CaseStatusValue | null; at: Date }[]): PauseFacts | null {
  let last = -1;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].status === "SPECIAL_PROCEDURE") {
      last = i;
      break;
    }
  }
  if (last < 0) return null;
  let first = last;
  while (first > 0 && events[first - 1].status === "SPECIAL_PROCEDURE") first--;
  return { pausedAt: events[first].at, pausedFrom: first > 0 ? events[first - 1].status : null };
}

// Private.
function known(status: CaseStatusValue | null): KnownStatus | null {
  return status === null || status === UNRECOGNIZED ? null : status;
}
