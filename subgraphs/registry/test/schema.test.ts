// The GraphQL contract other subgraphs and the gateway rely on, field by field.
import { isObjectType, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { subgraphSdl } from "@onceonly/shared";
import { buildRegistrySchema } from "../src/server.js";

const fields = (schema: GraphQLSchema, type: string) => {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
  return Object.fromEntries(
    Object.values(t.getFields()).map((f) => [f.name, [f.type.toString(), ...f.args.map((a) => `${a.name}: ${a.type}`)].join(" ")]),
  );
};

describe("registry subgraph schema", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildRegistrySchema();
  });

  it("declares Person and Household as entities", () => {
    const sdl = subgraphSdl(schema);
    expect(sdl).toMatch(/type Person\s+@key\(fields: "idNumber"\)/);
    expect(sdl).toMatch(/type Household\s+@key\(fields: "number"\)/);
  });

  it("has exactly the contracted fields", () => {
    expect(fields(schema, "Person")).toEqual({
      idNumber: "ID!", registered: "Boolean!", recordKey: "ID", name: "String", sex: "Sex", ethnicity: "Ethnicity", birthDate: "LocalDate",
      address: "String", region: "Region", maritalStatus: "MaritalStatus", deceased: "Boolean!",
      household: "Household", relationshipToHead: "Relationship", updatedAt: "DateTimeISO",
    });
    expect(fields(schema, "Household")).toEqual({
      number: "ID!", type: "HouseholdType", address: "String", region: "Region",
      head: "Person", members: "[Person!]!", updatedAt: "DateTimeISO",
    });
    const query = fields(schema, "Query");
    expect(query).toMatchObject({
      person: "Person idNumber: ID!",
      persons: "[Person]! idNumbers: [ID!]!",
      household: "Household number: ID!",
    });
  });
});
