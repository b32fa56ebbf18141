// The declarations stay honest: every scope a subgraph names is one the tokens can carry,
// every policy is one the gateway enforces, every field that reads like an ID number,
// address or phone is masked or deliberately exempt, and no personal field is left
// without a scope.
import { readFileSync } from "node:fs";
import { Supergraph } from "@apollo/federation-internals";
import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { ALL_SCOPES, PERSONAL_DATA_POLICY } from "@onceonly/shared";
import { DEFAULT_SUPERGRAPH_PATH } from "../src/server.js";
import { MASKED_FIELDS, NOT_MASKED } from "../src/policy/masking.js";
import { readPolicies, supergraphForExecution } from "../src/policy/supergraph.js";

const sdl = readFileSync(DEFAULT_SUPERGRAPH_PATH, "utf8");
const policies = readPolicies(sdl);
const schema = Supergraph.build(supergraphForExecution(sdl)).apiSchema().toGraphQLJSSchema();

describe("policy declarations", () => {
  it("name only scopes a token can carry and only the personal-data policy", () => {
    for (const [field, requirements] of policies) {
      for (const scope of requirements.scopes?.flat() ?? []) expect(ALL_SCOPES, field).toContain(scope);
      for (const policy of requirements.policies?.flat() ?? []) expect(policy, field).toBe(PERSONAL_DATA_POLICY);
    }
  });

  it("mask every field that reads like an ID number, address or phone, or exempt it on purpose", () => {
    const identifying = /^(idNumber|address|phone|mobile|holderCode|subjects?)$/i;
    const unlisted: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const name of Object.keys(type.getFields())) {
        const coordinate = `${type.name}.${name}`;
        if (identifying.test(name) && !MASKED_FIELDS.has(coordinate) && !NOT_MASKED.has(coordinate)) unlisted.push(coordinate);
      }
    }
    expect(unlisted).toEqual([]);
  });

  it("guard every root field except the public catalogue of licence types and matters", () => {
    const roots = [schema.getQueryType()!, schema.getMutationType()!];
    for (const root of roots) {
      for (const name of Object.keys(root.getFields())) {
        const requirements = policies.get(`${root.name}.${name}`);
        expect(requirements?.authenticated || requirements?.scopes, `${root.name}.${name}`).toBeTruthy();
      }
    }
  });

  it("put a scope on every personal field of the registry", () => {
    for (const [field, requirements] of policies) {
      if (!requirements.policies || !/^(Person|Household)\./.test(field) || field.endsWith(".idNumber") || field === "Household.number") continue;
      expect(requirements.scopes, field).not.toBeNull();
    }
  });
});
