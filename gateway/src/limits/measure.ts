// How big an operation is, read from its document before anything is planned or fetched:
// depth, aliases, root fields and an estimated cost. Fragments are expanded (a fragment
// spread twice counts twice), but each fragment is measured once, so a document of
// fragments spreading fragments cannot make the measuring itself exponential.
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export interface OperationMeasure {
  /** Deepest field nesting: `{ person { name } }` is 2. */
  depth: number;
  /** Aliased fields, fragments expanded. */
  aliases: number;
  /** Fields selected at the root, fragments expanded. */
  rootFields: number;
  /** Every field 1; a list-valued field multiplies its subtree by its size estimate. */
  cost: number;
  /**
   * Depth inside __schema / __type, which count 1 towards depth and cost above: introspection
   * is switched on or off as a whole (INTROSPECTION), and the standard query (depth 15,
   * cost ~50,000 by the list rule) must run where it is on. Only its nesting is capped.
   */
  introspectionDepth: number;
}

/** Deepest nesting inside __schema / __type: graphql-js's own query is 15; ofType chains beyond that only cost. */
export const MAX_INTROSPECTION_DEPTH = 20;

/** A list's size when nothing says otherwise. */
export const DEFAULT_LIST_SIZE = 10;

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
}

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  requestVariables: Record<string, unknown> | undefined = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // Variables as execution will see them: the request's, else the operation's defaults.
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variables[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  Object.assign(variables, requestVariables ?? {});
  const memo = new Map<string, Measure>();
  let introspectionDepth = 0;
  const queryType = schema.getQueryType();

  const measureSet = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, sizeHint: number | null): Measure => {
    const total: Measure = { depth: 0, aliases: 0, fields: 0, cost: 0 };
    const add = (m: Measure) => {
      total.depth = Math.max(total.depth, m.depth);
      total.aliases += m.aliases;
      total.fields += m.fields;
      total.cost += m.cost;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(schema, parent, selection.name.value);
        if (parent === queryType && (field === SchemaMetaFieldDef || field === TypeMetaFieldDef)) {
          const sub = selection.selectionSet ? measureSet(selection.selectionSet, getNamedType(field.type), null) : { depth: 0, aliases: 0, fields: 0, cost: 0 };
          introspectionDepth = Math.max(introspectionDepth, sub.depth + 1);
          add({ depth: 1, aliases: sub.aliases + (selection.alias ? 1 : 0), fields: 1, cost: 1 });
          continue;
        }
        const list = field !== undefined && isListType(getNullableType(field.type));
        // A connection (`cases(first: 10) { nodes { … } }`) is not a list, but its `first`
        // sizes the list it holds.
        const size = list ? (listSize(selection, field, variables) ?? sizeHint ?? DEFAULT_LIST_SIZE) : 1;
        const hint = list || field === undefined ? null : firstArgument(selection, field, variables);
        const sub = selection.selectionSet ? measureSet(selection.selectionSet, field && getNamedType(field.type), hint) : { depth: 0, aliases: 0, fields: 0, cost: 0 };
        add({ depth: sub.depth + 1, aliases: sub.aliases + (selection.alias ? 1 : 0), fields: 1, cost: 1 + size * sub.cost });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(measureSet(selection.selectionSet, type ?? undefined, sizeHint));
      } else {
        const name = selection.name.value;
        const key = `${name}\t${sizeHint}`;
        let measured = memo.get(key);
        if (!measured) {
          const fragment = fragments.get(name);
          // Validation has refused undefined fragments and cycles; guard anyway.
          memo.set(key, { depth: 0, aliases: 0, fields: 0, cost: 0 });
          measured = fragment ? measureSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), sizeHint) : { depth: 0, aliases: 0, fields: 0, cost: 0 };
          memo.set(key, measured);
        }
        add(measured);
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const measured = measureSet(operation.selectionSet, root, null);
  return { depth: measured.depth, aliases: measured.aliases, rootFields: measured.fields, cost: measured.cost, introspectionDepth };
}

// Private: the field's definition, introspection's meta fields included (they count too).
function fieldDefinition(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent !== undefined && parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

// Private: a list field's size: `first`, else its longest list argument, else null.
function listSize(node: FieldNode, field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): number | null {
  const first = firstArgument(node, field, variables);
  if (first !== null) return first;
  let longest: number | null = null;
  for (const argument of node.arguments ?? []) {
    const definition = field.args.find((a) => a.name === argument.name.value);
    if (!definition || !isListType(getNullableType(definition.type))) continue;
    const value = resolve(argument.value, variables);
    // A single value where a list is expected is coerced to a list of one.
    const length = Array.isArray(value) ? value.length : value === null || value === undefined ? 0 : 1;
    longest = Math.max(longest ?? 0, length);
  }
  return longest;
}

function firstArgument(node: FieldNode, field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): number | null {
  const definition = field.args.find((a) => a.name === "first");
  if (!definition) return null;
  const argument = node.arguments?.find((a) => a.name.value === "first");
  const value = argument ? resolve(argument.value, variables) : definition.defaultValue;
  return typeof value === "number" && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : null;
}

function resolve(value: ValueNode, variables: Record<string, unknown>): unknown {
  return valueFromASTUntyped(value, variables);
}
