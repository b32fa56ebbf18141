// Query.auditRecords: read the log, newest first. Needs the audit:read scope (enforced by
// the gateway's policy step from the directive). The reader comes through the schema's
// own container (see audit-subgraph.ts), not the request context: the gateway serves this
// subgraph in-process and its context is the gateway's.
import { requiresScopes } from "@onceonly/shared";
import { Args, Directive, Query, Resolver } from "type-graphql";
import type { AuditReader } from "../query.js";
import { AuditRecordConnection } from "./audit-record.type.js";
import { auditQuery, AuditRecordsArgs, encodeAuditCursor } from "./audit-records.args.js";

@Resolver()
export class AuditRecordResolver {
  constructor(private readonly reader: AuditReader) {}

  @Directive(requiresScopes(["audit:read"]))
  @Query(() => AuditRecordConnection, { description: "审计日志: requests that touched personal data, newest first; filters combine (AND)" })
  async auditRecords(@Args(() => AuditRecordsArgs) args: AuditRecordsArgs): Promise<AuditRecordConnection> {
    const page = await this.reader.records(auditQuery(args));
    const last = page.records[page.records.length - 1];
    return {
      nodes: page.records.map((r) => ({ ...r, denials: r.denials.map((d) => ({ field: d.field, code: d.code, subject: d.subject ?? null })) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeAuditCursor(last.seq) : null },
    };
  }
}
