// After the fetch: the answer the caller gets, built by executing the caller's own
// operation over the gateway's result. graphql-js then does what a hand walk would get
// wrong — fragments, aliases, union members, and null propagation of a withheld
// non-null field to its nearest nullable parent — while the field resolver below:
//   1. answers a field withheld before the fetch with its FORBIDDEN error;
//   2. binds personal data to the purpose: the object's subject (its ID number, or the
//      nearest enclosing one's) must be the purpose's, or a household member reached
//      through a bound person's household, unless the caller holds subjects:any;
//   3. records what personal data left, for the audit (before masking);
//   4. masks ID numbers and addresses for callers without registry:read:pii.
import { execute, type DocumentNode, type FieldNode, type GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import type { Caller } from "../auth/caller.js";
import { ForbiddenFieldError, type Denial } from "./denial.js";
import { isIdNumber } from "./id-number.js";
import { mask, MASKED_FIELDS, MASKED_FORM_FIELDS, maskIdNumber } from "./masking.js";
import type { PurposeState } from "./purpose.js";
import { APPLICANT_KEY, FORM_FIELD_KEY, SUBJECT_KEY } from "./rewrite.js";
import type { FieldRequirements, PolicyMap } from "./supergraph.js";

export interface ShapeInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
  data: Record<string, unknown>;
  denied: ReadonlyMap<FieldNode, Denial>;
  policies: PolicyMap;
  isPersonal: (requirements: FieldRequirements) => boolean;
  caller: Caller;
  purpose: PurposeState;
  /** ID numbers typed into the operation's arguments. */
  typedSubjects: ReadonlySet<string>;
}

export interface Shaped {
  data: Record<string, unknown> | null;
  errors: readonly GraphQLError[];
  /** Persons whose personal data was returned (full ID numbers). */
  subjects: Set<string>;
  /** Coordinates of personal fields returned. */
  fields: Set<string>;
  /** Denials found in the answer (subjects not bound to the purpose); those before the fetch are the rewrite's. */
  denials: Denial[];
}

// Private: the subject state of an object in the answer.
interface SubjectState {
  /** ID number; null for an organisation's record (not personal data); undefined when unknown. */
  subject: string | null | undefined;
  bound: boolean;
}

const UNKNOWN: SubjectState = { subject: undefined, bound: false };

export async function shapeAnswer(input: ShapeInput): Promise<Shaped> {
  const { caller, purpose, typedSubjects, policies, denied } = input;
  const anySubject = caller.scopes.has("subjects:any");
  const unmasked = caller.scopes.has("registry:read:pii");
  const inherited = new WeakMap<object, SubjectState>();
  const viaHousehold = new WeakSet<object>();
  const subjects = new Set<string>();
  const fields = new Set<string>();
  const denials: Denial[] = [];
  const rootTypes = new Set([input.schema.getQueryType()?.name, input.schema.getMutationType()?.name]);

  const isBoundSubject = (subject: string): boolean => {
    if (purpose.kind === "governance") return true;
    if (purpose.kind === "case") return purpose.subjects.has(subject);
    if (purpose.kind === "matter") return typedSubjects.has(subject);
    return false;
  };

  // An object's subject is settled before its first field resolves (its parent set what
  // it inherits and whether it was reached through a household), so it is worked out once
  // per object rather than once per field: the ID-number check is not free.
  const settled = new WeakMap<object, SubjectState>();
  const stateOf = (source: Record<string, unknown>): SubjectState => {
    let state = settled.get(source);
    if (!state) settled.set(source, (state = subjectOf(source)));
    return state;
  };
  const subjectOf = (source: Record<string, unknown>): SubjectState => {
    if (SUBJECT_KEY in source || APPLICANT_KEY in source) {
      const own = (SUBJECT_KEY in source ? source[SUBJECT_KEY] : (source[APPLICANT_KEY] as Record<string, unknown> | null)?.[SUBJECT_KEY]) as string | null | undefined;
      // A licence or case of an organisation carries no person's data.
      if (typeof own !== "string" || !isIdNumber(own)) return { subject: null, bound: true };
      return { subject: own, bound: isBoundSubject(own) || viaHousehold.has(source) };
    }
    return inherited.get(source) ?? UNKNOWN;
  };

  const resolve: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _context, info) => {
    const withheld = info.fieldNodes.map((node) => denied.get(node)).find((d) => d !== undefined);
    if (withheld) throw new ForbiddenFieldError(withheld);
    const value = source[info.path.key as string];
    const coordinate = `${info.parentType.name}.${info.fieldName}`;
    const requirements = policies.get(coordinate);
    const isRoot = rootTypes.has(info.parentType.name);
    const state = isRoot ? UNKNOWN : stateOf(source);
    if (!isRoot && requirements && input.isPersonal(requirements)) {
      if (!state.bound && !anySubject) {
        const denial = notBound(coordinate, state.subject, purpose, caller);
        denials.push(denial);
        throw new ForbiddenFieldError(denial);
      }
      if (value !== null && value !== undefined) {
        fields.add(coordinate);
        if (state.subject) subjects.add(state.subject);
      }
    }
    if (value !== null && typeof value === "object") {
      const viaBoundHousehold = state.bound && info.parentType.name === "Household" && (info.fieldName === "members" || info.fieldName === "head");
      forEachObject(value, (child) => {
        if (!inherited.has(child)) inherited.set(child, state);
        if (viaBoundHousehold) viaHousehold.add(child);
      });
    }
    return unmasked ? value : masked(coordinate, value, source);
  };

  const result = await execute({
    schema: input.schema,
    document: input.document,
    rootValue: input.data,
    variableValues: input.variables,
    operationName: input.operationName ?? undefined,
    fieldResolver: resolve,
  });
  return { data: (result.data as Record<string, unknown> | null | undefined) ?? null, errors: result.errors ?? [], subjects, fields, denials };
}

function masked(coordinate: string, value: unknown, source: Record<string, unknown>): unknown {
  const kind = coordinate === "PrefilledField.value" ? MASKED_FORM_FIELDS.get(source[FORM_FIELD_KEY] as string) : MASKED_FIELDS.get(coordinate);
  if (!kind) return value;
  const one = (v: unknown) => (typeof v !== "string" ? v : kind === "ID_NUMBER" && !isIdNumber(v) ? v : mask(kind, v));
  return Array.isArray(value) ? value.map(one) : one(value);
}

function forEachObject(value: unknown, visit: (object: object) => void): void {
  if (Array.isArray(value)) for (const item of value) forEachObject(item, visit);
  else if (value !== null && typeof value === "object") visit(value);
}

function notBound(field: string, subject: string | null | undefined, purpose: PurposeState, caller: Caller): Denial {
  const purposeText = purpose.kind === "none" ? "(none)" : purpose.purpose;
  const rule =
    purpose.kind === "case"
      ? "with a case as purpose, only its applicant and the applicant's household members"
      : "with a matter as purpose, only persons whose ID number the request names (and their household members)";
  if (subject) {
    return {
      code: "NOT_PURPOSE_SUBJECT",
      field,
      subject,
      message: `${field} of ${maskIdNumber(subject)} is not readable for purpose ${purposeText} at window ${caller.window}: ${rule}`,
      messageZh: `${maskIdNumber(subject)} 不是办事目的 ${purposeText} 的办事对象，本窗口（${caller.window}）不能读取其 ${field}`,
    };
  }
  return {
    code: "NOT_PURPOSE_SUBJECT",
    field,
    message: `${field} is not reached through a person bound to purpose ${purposeText}: ${rule}`,
    messageZh: `${field} 不属于办事目的 ${purposeText} 的办事对象`,
  };
}
