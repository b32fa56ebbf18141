// The gateway's policy step, wrapped around @apollo/gateway's executor (the one place
// every operation passes after validation and before planning):
//   purpose → withhold (rewrite.ts) → plan + fetch (Apollo) → shape (shape.ts) → audit.
// The answer leaves only after its audit record is in the chain; if that write fails,
// the data is withheld (fail closed, as X-Road does).
import { createHash } from "node:crypto";
import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import { BREAK, GraphQLError, Kind, parse, print, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { LRUCache } from "lru-cache";
import { PERSONAL_DATA_POLICY, type Logger } from "@onceonly/shared";
import type { AuditEntry, AuditLog } from "../audit/audit-entry.js";
import type { Caller } from "../auth/caller.js";
import type { GatewayContext } from "../context.js";
import { formatScopes, type Denial } from "./denial.js";
import { PurposeResolver, type InternalQuery, type PurposeState } from "./purpose.js";
import { rewriteOperation, type Rewritten } from "./rewrite.js";
import { shapeAnswer } from "./shape.js";
import { readPolicies, type FieldRequirements, type PolicyMap } from "./supergraph.js";
import { typedSubjects } from "./typed-subjects.js";

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;
type RequestContext = Parameters<Executor>[0];
type ExecutionResult = Awaited<ReturnType<Executor>>;

export interface PolicyGatewayOptions {
  /** The composed supergraph, as written (with its authorization directives). */
  supergraphSdl: string;
  audit: AuditLog;
  log: Logger;
}

interface Prepared extends Rewritten {
  source: string;
  queryHash: string;
  operation: OperationDefinitionNode | undefined;
  /** Every root field withheld: nothing to plan or fetch. */
  nothingToFetch: boolean;
}

export const isPersonal = (requirements: FieldRequirements): boolean =>
  requirements.policies?.some((all) => all.includes(PERSONAL_DATA_POLICY)) ?? false;

const NO_PURPOSE: PurposeState = { kind: "none" };

/** Whether an operation selects any personal-data field (by its coordinates, fragments included). */
export function selectsPersonalData(schema: GraphQLSchema, document: DocumentNode, policies: PolicyMap): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const requirements = parent ? policies.get(`${parent.name}.${node.name.value}`) : undefined;
        if (requirements && isPersonal(requirements)) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}

export class PolicyGateway implements GatewayInterface {
  readonly policies: PolicyMap;
  readonly purposes: PurposeResolver;
  private executor: Executor | null = null;
  private schema: GraphQLSchema | null = null;
  private readonly prepared = new LRUCache<string, Prepared>({ max: 2_000 });
  private readonly internalDocuments = new Map<string, DocumentNode>();
  private readonly personal = new LRUCache<string, boolean>({ max: 2_000 });

  constructor(
    private readonly inner: ApolloGateway,
    private readonly options: PolicyGatewayOptions,
  ) {
    this.policies = readPolicies(options.supergraphSdl);
    this.purposes = new PurposeResolver(this.internalQuery);
    inner.onSchemaLoadOrUpdate(({ apiSchema }) => {
      this.schema = apiSchema;
      this.prepared.clear();
    });
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface["onSchemaLoadOrUpdate"]>[0]): () => void {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  async load(options: Parameters<GatewayInterface["load"]>[0]) {
    const { executor } = await this.inner.load(options);
    this.executor = executor;
    return { executor: (requestContext: RequestContext) => this.execute(requestContext) };
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  /** The document @apollo/gateway plans for a caller with every scope and a valid purpose (for warming plans). */
  rewriteForWarming(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
    return rewriteOperation(schema, document, this.policies, () => null, isPersonal).document;
  }

  private async execute(requestContext: RequestContext): Promise<ExecutionResult> {
    const executor = this.executor;
    if (!executor) throw new Error("the gateway executes before it has loaded");
    const context = requestContext.context as unknown as GatewayContext;
    const caller = context.caller;
    const variables = requestContext.request.variables ?? {};
    // The purpose is looked up only when personal data is asked for: a request for the
    // matter catalogue or a licence type costs no lookup, whatever header it carries.
    const purpose = this.selectsPersonal(requestContext) ? await this.purposes.resolve(context.purpose, caller) : NO_PURPOSE;
    const prepared = this.prepare(requestContext, caller, purpose, variables);
    const typed = typedSubjects(requestContext.document, variables);

    let result: ExecutionResult = { data: {} };
    if (!prepared.nothingToFetch) {
      result = await executor({
        ...requestContext,
        document: prepared.document,
        source: prepared.source,
        queryHash: prepared.queryHash,
        operation: prepared.operation ?? requestContext.operation,
      } as RequestContext);
    }
    if (result.data === null || result.data === undefined) {
      if (prepared.selectsPersonalData || typed.size > 0) await this.audit(requestContext, caller, { subjects: typed, fields: new Set(), denials: [...prepared.denied.values()], outcome: "ERROR" });
      return result;
    }
    const shaped = await shapeAnswer({
      schema: requestContext.schema,
      document: requestContext.document,
      operationName: requestContext.operationName,
      variables,
      data: result.data,
      denied: prepared.denied,
      policies: this.policies,
      isPersonal,
      caller,
      purpose,
      typedSubjects: typed,
    });
    const denials = [...prepared.denied.values(), ...shaped.denials];
    if (prepared.selectsPersonalData || typed.size > 0 || denials.length > 0) {
      const outcome = denials.length === 0 ? "ALLOWED" : shaped.fields.size > 0 ? "PARTIAL" : "DENIED";
      for (const subject of typed) shaped.subjects.add(subject);
      try {
        await this.audit(requestContext, caller, { subjects: shaped.subjects, fields: shaped.fields, denials, outcome });
      } catch (error) {
        this.options.log.error({ err: error, requestId: context.requestId }, "audit record not written: answer withheld");
        // Thrown, not returned: Apollo then answers this error alone, with its HTTP status.
        throw new GraphQLError("审计记录无法写入，数据不予返回 (the audit record could not be written, so no data is returned)", {
          extensions: { code: "AUDIT_UNAVAILABLE", http: { status: 503 } },
        });
      }
    }
    const errors = [...(result.errors ?? []), ...shaped.errors];
    return { ...result, data: shaped.data, ...(errors.length > 0 ? { errors } : { errors: undefined }) };
  }

  private selectsPersonal(requestContext: RequestContext): boolean {
    const key = `${requestContext.queryHash}\t${requestContext.operationName ?? ""}`;
    let answer = this.personal.get(key);
    if (answer === undefined) {
      answer = selectsPersonalData(requestContext.schema, requestContext.document, this.policies);
      this.personal.set(key, answer);
    }
    return answer;
  }

  // Private: the rewritten operation, cached per document × scopes × purpose validity
  // (what withholding depends on), except mutations, whose case-number check reads variables.
  private prepare(requestContext: RequestContext, caller: Caller, purpose: PurposeState, variables: Record<string, unknown>): Prepared {
    const isMutation = requestContext.operation.operation === "mutation";
    const purposeKey = purpose.kind === "none" ? "none" : purpose.kind === "invalid" ? "invalid" : "valid";
    const key = `${requestContext.queryHash}\t${requestContext.operationName ?? ""}\t${[...caller.scopes].sort().join(" ")}\t${purposeKey}`;
    const cached = isMutation ? undefined : this.prepared.get(key);
    if (cached) return cached;
    const judge = (coordinate: string, requirements: FieldRequirements, node: FieldNode): Denial | null =>
      judgeField(coordinate, requirements, caller, purpose, isMutation ? { node, variables, mutationType: requestContext.schema.getMutationType()?.name } : null);
    const rewritten = rewriteOperation(requestContext.schema, requestContext.document, this.policies, judge, isPersonal);
    const source = print(rewritten.document);
    const operation = rewritten.document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (requestContext.operationName ? d.name?.value === requestContext.operationName : true),
    );
    const nothingToFetch = operation?.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === "__typename") ?? false;
    const prepared: Prepared = { ...rewritten, source, queryHash: createHash("sha256").update(source).digest("hex"), operation, nothingToFetch };
    if (!isMutation) this.prepared.set(key, prepared);
    return prepared;
  }

  private async audit(requestContext: RequestContext, caller: Caller, read: { subjects: Set<string>; fields: Set<string>; denials: Denial[]; outcome: AuditEntry["outcome"] }): Promise<void> {
    const context = requestContext.context as unknown as GatewayContext;
    await this.options.audit.append({
      at: new Date(),
      requestId: context.requestId,
      window: caller.window,
      department: caller.department,
      purpose: context.purpose,
      operationName: requestContext.operationName ?? null,
      operationType: requestContext.operation.operation,
      subjects: [...read.subjects].sort(),
      fields: [...read.fields].sort(),
      outcome: read.outcome,
      denials: read.denials.map((d) => ({ field: d.field, code: d.code, ...(d.subject ? { subject: d.subject } : {}) })),
    });
  }

  // Private: a query the gateway asks of its own subgraphs (the purpose's facts): planned
  // and fetched like any other, outside the caller's policy, never returned to a caller.
  private readonly internalQuery: InternalQuery = async (query, variables) => {
    const executor = this.executor;
    const schema = this.schema;
    if (!executor || !schema) throw new Error("the gateway is not loaded yet");
    let document = this.internalDocuments.get(query);
    if (!document) {
      document = parse(query);
      this.internalDocuments.set(query, document);
    }
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const requestContext = {
      request: { query, variables, operationName: operation.name?.value },
      document,
      source: query,
      queryHash: createHash("sha256").update(query).digest("hex"),
      operationName: operation.name?.value ?? null,
      operation,
      schema,
      context: { requestId: "internal", subgraphHeaders: { "content-type": "application/json", "x-request-id": "onceonly-internal" }, identityKey: "\tinternal" },
      logger: this.options.log,
      metrics: {},
      overallCachePolicy: undefined,
    } as unknown as RequestContext;
    return executor(requestContext);
  };
}

/** Before the fetch: may this caller, with this purpose, see this field? */
export function judgeField(
  field: string,
  requirements: FieldRequirements,
  caller: Caller,
  purpose: PurposeState,
  mutation: { node: FieldNode; variables: Record<string, unknown>; mutationType: string | undefined } | null,
): Denial | null {
  if (requirements.scopes && !requirements.scopes.some((all) => all.every((scope) => caller.scopes.has(scope)))) {
    const needed = formatScopes(requirements.scopes);
    return {
      code: "MISSING_SCOPE",
      field,
      requiredScopes: requirements.scopes,
      message: `${field} needs scope ${needed}; the token of window ${caller.window} does not carry it`,
      messageZh: `读取 ${field} 需要权限 ${needed}，窗口 ${caller.window} 的令牌没有该权限`,
    };
  }
  for (const alternatives of requirements.policies ? [requirements.policies] : []) {
    const unknown = alternatives.flat().find((policy) => policy !== PERSONAL_DATA_POLICY);
    if (unknown) {
      return { code: "UNKNOWN_POLICY", field, message: `${field} names policy "${unknown}", which this gateway does not enforce, so it is withheld`, messageZh: `${field} 声明了本网关无法执行的策略"${unknown}"，不予返回` };
    }
    if (purpose.kind === "none") {
      return {
        code: "NO_PURPOSE",
        field,
        message: `${field} is personal data: send X-Purpose with the matter code or case number it is read for`,
        messageZh: `${field} 属于个人信息：请在 X-Purpose 中说明办事目的（事项编码或办件编号）`,
      };
    }
    if (purpose.kind === "invalid") return { code: "INVALID_PURPOSE", field, message: `${field} is personal data and ${purpose.reason}`, messageZh: `${field} 属于个人信息；${purpose.reasonZh}` };
    const caseNumber = mutation ? caseArgument(mutation.node, mutation.variables) : undefined;
    if (caseNumber !== undefined && (purpose.kind !== "case" || purpose.purpose !== caseNumber)) {
      return {
        code: "PURPOSE_MISMATCH",
        field,
        message: `${field} changes case ${caseNumber}: send X-Purpose: ${caseNumber} (a case of this window), not ${purpose.purpose}`,
        messageZh: `${field} 办理的是办件 ${caseNumber}：X-Purpose 须为该办件编号（本窗口受理的办件），而不是 ${purpose.purpose}`,
      };
    }
  }
  return null;
}

// Private: the case a mutation field acts on (its `number` argument), literal or variable.
function caseArgument(node: FieldNode, variables: Record<string, unknown>): string | undefined {
  const argument = node.arguments?.find((a) => a.name.value === "number");
  if (!argument) return undefined;
  if (argument.value.kind === Kind.STRING) return argument.value.value;
  if (argument.value.kind === Kind.VARIABLE) {
    const value = variables[argument.value.name.value];
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}
