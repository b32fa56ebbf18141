// The audit subgraph's types: a record as stored, with its place in the hash chain, and
// a page of them. Read-only; the gateway writes records, nobody writes them through GraphQL.
import { PageInfo } from "@onceonly/shared";
import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { AuditOutcome } from "../audit-entry.js";

export const AuditOutcomeEnum: Record<AuditOutcome, AuditOutcome> = { ALLOWED: "ALLOWED", PARTIAL: "PARTIAL", DENIED: "DENIED", ERROR: "ERROR" };

registerEnumType(AuditOutcomeEnum, {
  name: "AuditOutcome",
  description: "What the request got of the personal data it asked for",
  valuesConfig: {
    ALLOWED: { description: "Everything asked for" },
    PARTIAL: { description: "Some fields, others denied (see denials)" },
    DENIED: { description: "None of the personal data" },
    ERROR: { description: "The request failed" },
  },
});

@ObjectType("AuditDenial", { description: "A field the request was refused, and why" })
export class AuditDenialType {
  @Field(() => String, { description: 'Schema coordinate, e.g. "Person.address"' })
  field!: string;

  @Field(() => String, { description: "MISSING_SCOPE, NO_PURPOSE, INVALID_PURPOSE, NOT_PURPOSE_SUBJECT, UNAUTHENTICATED …" })
  code!: string;

  @Field(() => ID, { nullable: true, description: "The subject's ID number, when the denial was about one person" })
  subject?: string | null;
}

@ObjectType("AuditRecord", { description: "One request that touched personal data: who, when, for what purpose, whose data, which fields, with what outcome" })
export class AuditRecordType {
  @Field(() => GraphQLSafeInt, { description: "Position in the hash chain, from 1, without gaps" })
  seq!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => String)
  requestId!: string;

  @Field(() => String, { description: "The window (client) that asked" })
  window!: string;

  @Field(() => String)
  department!: string;

  @Field(() => String, { nullable: true, description: "X-Purpose as sent (matter code or case number)" })
  purpose!: string | null;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => String, { description: '"query" or "mutation"' })
  operationType!: string;

  @Field(() => [ID], { description: "ID numbers whose data the request read, unmasked" })
  subjects!: string[];

  @Field(() => [String], { description: "Schema coordinates of the personal-data fields returned" })
  fields!: string[];

  @Field(() => AuditOutcomeEnum)
  outcome!: AuditOutcome;

  @Field(() => [AuditDenialType])
  denials!: AuditDenialType[];

  @Field(() => String, { description: "SHA-256 (hex) over prevHash and this record" })
  hash!: string;

  @Field(() => String, { description: "The previous record's hash (64 zeros for record 1)" })
  prevHash!: string;
}

@ObjectType("AuditRecordConnection")
export class AuditRecordConnection {
  @Field(() => [AuditRecordType], { description: "Newest first (by seq)" })
  nodes!: AuditRecordType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
