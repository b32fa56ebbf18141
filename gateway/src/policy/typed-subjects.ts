// ID numbers typed into an operation: in its arguments, literal or through variables,
// however deep in input objects (person(idNumber:), persons(idNumbers:), acceptCase's
// input.applicant, verifyLicense's input.holderCode). With a matter as purpose these are
// the persons a window may read: it asked for them by number, it did not browse to them.
import { Kind, visit, type DocumentNode, type ValueNode } from "graphql";
import { isIdNumber } from "./id-number.js";

export function typedSubjects(document: DocumentNode, variables: Record<string, unknown> | undefined): Set<string> {
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === "string") {
      const candidate = value.trim().toUpperCase();
      if (isIdNumber(candidate)) found.add(candidate);
    } else if (Array.isArray(value)) {
      for (const item of value) add(item);
    } else if (value !== null && typeof value === "object") {
      for (const item of Object.values(value)) add(item);
    }
  };
  const literal = (node: ValueNode): void => {
    switch (node.kind) {
      case Kind.STRING:
        add(node.value);
        break;
      case Kind.LIST:
        node.values.forEach(literal);
        break;
      case Kind.OBJECT:
        node.fields.forEach((f) => literal(f.value));
        break;
      case Kind.VARIABLE:
        add(variables?.[node.name.value]);
        break;
      default:
        break;
    }
  };
  visit(document, {
    Argument(node) {
      literal(node.value);
    },
  });
  return found;
}
