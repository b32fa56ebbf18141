// Before anything is planned or fetched: the operation minus every field the caller may
// not see, plus the few fields the gateway itself needs to judge the answer.
//
// - A withheld field is removed (so it is never fetched) and remembered by its node; the
//   shaping step (shape.ts) answers it with null and a FORBIDDEN error at its path.
// - A selection set left empty keeps `__typename`, so the document stays valid.
// - Abstract types get `__typename` (the shaping step resolves union members by it).
// - Person, License and Case get their subject (the ID number whose data they carry)
//   under a private alias, so personal data can be bound to the request's purpose even
//   when the window did not select the ID number.
import {
  getNamedType,
  isAbstractType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import type { Denial } from "./denial.js";
import type { FieldRequirements, PolicyMap } from "./supergraph.js";

/** Response keys of the injected fields: not valid user aliases' likely names, never returned. */
export const SUBJECT_KEY = "oo__subject";
export const APPLICANT_KEY = "oo__applicant";
export const FORM_FIELD_KEY = "oo__formField";

export interface Rewritten {
  document: DocumentNode;
  /** Original field nodes withheld, with why. */
  denied: ReadonlyMap<FieldNode, Denial>;
  /** Whether the operation selects any personal-data field (allowed or not). */
  selectsPersonalData: boolean;
}

export type Judge = (coordinate: string, requirements: FieldRequirements, node: FieldNode) => Denial | null;

const field = (name: string, alias?: string, selections?: readonly SelectionNode[]): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(alias ? { alias: { kind: Kind.NAME, value: alias } } : {}),
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

const TYPENAME = field("__typename");

// Private: what each subject-carrying type adds to its selection set.
const SUBJECT_MARKERS: Record<string, FieldNode> = {
  Person: field("idNumber", SUBJECT_KEY),
  License: field("holderCode", SUBJECT_KEY),
  Case: field("applicant", APPLICANT_KEY, [
    TYPENAME,
    { kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "Person" } }, selectionSet: { kind: Kind.SELECTION_SET, selections: [field("idNumber", SUBJECT_KEY)] } },
  ]),
  PrefilledField: field("field", FORM_FIELD_KEY),
};

// Private: the injected nodes are judged like any field (a marker the caller may not
// read is simply not added) but are no selection of the caller's.
const INJECTED = new WeakSet<FieldNode>();
function collectInjected(node: FieldNode): void {
  INJECTED.add(node);
  for (const selection of node.selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) collectInjected(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) for (const inner of selection.selectionSet.selections) if (inner.kind === Kind.FIELD) collectInjected(inner);
  }
}
collectInjected(TYPENAME);
for (const marker of Object.values(SUBJECT_MARKERS)) collectInjected(marker);

export function rewriteOperation(schema: GraphQLSchema, document: DocumentNode, policies: PolicyMap, judge: Judge, isPersonal: (r: FieldRequirements) => boolean): Rewritten {
  const denied = new Map<FieldNode, Denial>();
  let selectsPersonalData = false;
  const typeInfo = new TypeInfo(schema);
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith("__")) return undefined;
        const coordinate = `${parent.name}.${node.name.value}`;
        const requirements = policies.get(coordinate);
        if (!requirements) return undefined;
        if (INJECTED.has(node)) return judge(coordinate, requirements, node) ? null : undefined;
        if (isPersonal(requirements)) selectsPersonalData = true;
        const denial = judge(coordinate, requirements, node);
        if (!denial) return undefined;
        denied.set(node, denial);
        return null;
      },
      SelectionSet: {
        enter(node) {
          const type = typeInfo.getParentType();
          if (!type) return undefined;
          const extra: SelectionNode[] = [];
          if (isAbstractType(type)) extra.push(TYPENAME);
          const marker = SUBJECT_MARKERS[getNamedType(type).name];
          if (marker) extra.push(marker);
          return extra.length ? { ...node, selections: [...node.selections, ...extra] } : undefined;
        },
        leave(node: SelectionSetNode) {
          return node.selections.length === 0 ? { ...node, selections: [TYPENAME] } : undefined;
        },
      },
    }),
  );
  return { document: rewritten, denied, selectsPersonalData };
}
