// The arguments of Query.auditRecords and their checks: a malformed filter is the
// caller's mistake, refused naming the value and the rule before any SQL runs.
import { BadUserInputError } from "@onceonly/shared";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { MAX_AUDIT_PAGE, type AuditQuery } from "../query.js";

export const DEFAULT_AUDIT_PAGE = 50;

@ArgsType()
export class AuditRecordsArgs {
  @Field(() => ID, { nullable: true, description: "Only requests that read this subject (ID number)" })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: "Only requests of this window" })
  window?: string | null;

  @Field(() => Date, { nullable: true, description: "Only records at or after this time" })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only records before this time" })
  to?: Date | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_AUDIT_PAGE, description: `Page size, 1 to ${MAX_AUDIT_PAGE}` })
  first!: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  after?: string | null;
}

const SUBJECT = /^[0-9A-Za-z]{1,64}$/;

export function auditQuery(args: AuditRecordsArgs): AuditQuery {
  const first = args.first ?? DEFAULT_AUDIT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
    throw new BadUserInputError(`first: ${first} is outside 1 to ${MAX_AUDIT_PAGE}`, { argument: "first", value: first, rule: "range" });
  }
  let subject: string | null = null;
  if (args.subject !== null && args.subject !== undefined) {
    if (!SUBJECT.test(args.subject)) {
      throw new BadUserInputError(`subject: "${args.subject}" is not an ID number (1 to 64 digits and Latin letters)`, { argument: "subject", value: args.subject, rule: "charset" });
    }
    // Records keep ID numbers as GB 11643 writes them: an upper-case check character X.
    subject = args.subject.toUpperCase();
  }
  let window: string | null = null;
  if (args.window !== null && args.window !== undefined) {
    if (args.window.length === 0 || args.window.length > 200) {
      throw new BadUserInputError(`window: "${args.window}" must have 1 to 200 characters`, { argument: "window", value: args.window, rule: "length" });
    }
    window = args.window;
  }
  const from = args.from ?? null;
  const to = args.to ?? null;
  if (from && to && from.getTime() > to.getTime()) {
    throw new BadUserInputError(`from: ${from.toISOString()} is after to: ${to.toISOString()}; the period must not run backwards`, {
      argument: "from",
      value: { from: from.toISOString(), to: to.toISOString() },
      rule: "order",
    });
  }
  return { subject, window, from, to, first, beforeSeq: decodeAuditCursor(args.after) };
}

export function encodeAuditCursor(seq: number): string {
  return Buffer.from(`audit:${seq}`).toString("base64url");
}

function decodeAuditCursor(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  const match = /^audit:([1-9]\d{0,15})$/.exec(Buffer.from(after, "base64url").toString("utf8"));
  const seq = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(seq) || encodeAuditCursor(seq) !== after) {
    throw new BadUserInputError(`after: "${after}" is not a cursor of this list; pass a pageInfo.endCursor unchanged`, { argument: "after", value: after, rule: "cursor" });
  }
  return seq;
}
