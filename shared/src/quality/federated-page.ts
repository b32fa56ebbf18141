// The paged lists the subgraphs serve for the cross-silo quality checks
// (subgraphs/*/src/quality/federated/): their opaque `after` cursor — base64url of the last
// key the page read, tagged with the list it belongs to, so a cursor of one list is refused
// by another instead of silently skipping records — and their page size check.
import { BadUserInputError } from "../errors/index.js";

/** Records one page of such a list reads by default, and at most. */
export const DEFAULT_FEDERATED_PAGE = 2_000;
export const MAX_FEDERATED_PAGE = 10_000;

export function encodeKeysetCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), "utf8").toString("base64url");
}

/** The key after which the next page starts; null for the first page. */
export function decodeKeysetCursor(list: string, parts: number, after: string | null | undefined): string[] | null {
  if (after === null || after === undefined) return null;
  let parsed: unknown = null;
  if (/^[A-Za-z0-9_-]{1,1000}$/.test(after)) {
    try {
      parsed = JSON.parse(Buffer.from(after, "base64url").toString("utf8"));
    } catch {
      parsed = null;
    }
  }
  if (!Array.isArray(parsed) || parsed.length !== parts + 1 || parsed[0] !== list || !parsed.every((p) => typeof p === "string")) {
    throw new BadUserInputError(`after: "${after}" is not a cursor of ${list}; pass the previous page's endCursor unchanged`, { argument: "after", value: after, rule: "cursor" });
  }
  return parsed.slice(1) as string[];
}

export function checkPageSize(first: number, max = MAX_FEDERATED_PAGE): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadUserInputError(`first: ${first} is outside 1 to ${max}`, { argument: "first", value: first, rule: "range" });
  }
  return first;
}
