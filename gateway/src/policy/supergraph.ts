// What the subgraphs declared about access, read from the composed supergraph, and the
// copy of the supergraph @apollo/gateway executes.
//
// Composition keeps @authenticated, @requiresScopes and @policy and links their specs
// `for: SECURITY`, which tells any gateway that cannot enforce them to refuse the
// supergraph — @apollo/gateway does refuse it. This gateway enforces them itself (the
// rest of policy/), so it reads them here first and hands Apollo a copy whose three links
// no longer carry that marker. Any other SECURITY feature keeps it, and Apollo still
// refuses what nobody here enforces.
import { Kind, parse, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from "graphql";

/** Requirements on one field: all must hold. Alternatives are OR of AND-lists. */
export interface FieldRequirements {
  authenticated: boolean;
  /** null = no @requiresScopes. */
  scopes: string[][] | null;
  /** null = no @policy. */
  policies: string[][] | null;
}

/** "Type.field" → requirements; fields without any are absent. */
export type PolicyMap = ReadonlyMap<string, FieldRequirements>;

const ENFORCED_SPECS = ["authenticated", "requiresScopes", "policy"] as const;

/** The supergraph @apollo/gateway is given: the enforced specs' links lose `for: SECURITY`. */
export function supergraphForExecution(supergraphSdl: string): string {
  const pattern = new RegExp(`(@link\\(url: "https://specs\\.apollo\\.dev/(?:${ENFORCED_SPECS.join("|")})/v[0-9.]+"), for: SECURITY\\)`, "g");
  return supergraphSdl.replace(pattern, "$1)");
}

/** Field and type requirements as declared; a type's apply to every field returning it. */
export function readPolicies(supergraphSdl: string): PolicyMap {
  const document = parse(supergraphSdl);
  const typeLevel = new Map<string, FieldRequirements>();
  const fieldLevel = new Map<string, { requirements: FieldRequirements; returns: string }>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const own = fromDirectives(definition.directives ?? []);
    if (own) typeLevel.set(definition.name.value, own);
    for (const field of definition.fields ?? []) {
      fieldLevel.set(`${definition.name.value}.${field.name.value}`, {
        requirements: fromDirectives(field.directives ?? []) ?? NONE,
        returns: namedType(field.type),
      });
    }
  }
  addTypeLevelOfScalarsAndEnums(document, typeLevel);
  const map = new Map<string, FieldRequirements>();
  for (const [coordinate, { requirements, returns }] of fieldLevel) {
    const combined = and(requirements, typeLevel.get(returns) ?? NONE);
    if (combined.authenticated || combined.scopes || combined.policies) map.set(coordinate, combined);
  }
  return map;
}

const NONE: FieldRequirements = { authenticated: false, scopes: null, policies: null };

function fromDirectives(directives: readonly ConstDirectiveNode[]): FieldRequirements | null {
  let found = false;
  const requirements: FieldRequirements = { authenticated: false, scopes: null, policies: null };
  for (const directive of directives) {
    const name = directive.name.value;
    if (name === "authenticated") {
      requirements.authenticated = found = true;
    } else if (name === "requiresScopes" || name === "policy") {
      const argument = directive.arguments?.find((a) => a.name.value === (name === "policy" ? "policies" : "scopes"));
      if (!argument) continue;
      const lists = stringLists(argument.value);
      if (name === "policy") requirements.policies = andAlternatives(requirements.policies, lists);
      else requirements.scopes = andAlternatives(requirements.scopes, lists);
      found = true;
    }
  }
  return found ? requirements : null;
}

// Private: scalars and enums may carry requirements too (they then apply to every field of that type).
function addTypeLevelOfScalarsAndEnums(document: DocumentNode, typeLevel: Map<string, FieldRequirements>): void {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCALAR_TYPE_DEFINITION && definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    const own = fromDirectives(definition.directives ?? []);
    if (own) typeLevel.set(definition.name.value, own);
  }
}

function and(a: FieldRequirements, b: FieldRequirements): FieldRequirements {
  return {
    authenticated: a.authenticated || b.authenticated,
    scopes: andAlternatives(a.scopes, b.scopes),
    policies: andAlternatives(a.policies, b.policies),
  };
}

// Private: (a1 or a2) and (b1 or b2) = (a1 b1) or (a1 b2) or (a2 b1) or (a2 b2).
function andAlternatives(a: string[][] | null, b: string[][] | null): string[][] | null {
  if (!a) return b;
  if (!b) return a;
  return a.flatMap((x) => b.map((y) => [...new Set([...x, ...y])]));
}

function stringLists(value: ConstValueNode): string[][] {
  if (value.kind !== Kind.LIST) throw new Error("authorization directive argument is not a list of lists");
  return value.values.map((inner) => {
    if (inner.kind !== Kind.LIST) throw new Error("authorization directive argument is not a list of lists");
    return inner.values.map((v) => {
      if (v.kind !== Kind.STRING) throw new Error("authorization directive argument holds a non-string");
      return v.value;
    });
  });
}

function namedType(type: import("graphql").TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
