import { graphql } from "graphql";
import { Directive, Field, ID, ObjectType, Query, Resolver, Arg } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildFederatedSchema, subgraphSdl } from "@onceonly/shared";

// Two classes with the same GraphQL name, as two subgraphs in one process would have:
// each schema must contain only the types reachable from its own resolvers.
@Directive('@key(fields: "idNumber")')
@ObjectType("Person")
class OwnerPerson {
  @Field(() => ID) idNumber!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@Directive('@key(fields: "idNumber")')
@ObjectType("Person")
class StubPerson {
  @Field(() => ID) idNumber!: string;
  @Field(() => Number) count!: number;
}

@Resolver(() => OwnerPerson)
class OwnerResolver {
  @Query(() => OwnerPerson, { nullable: true })
  person(@Arg("idNumber", () => ID) idNumber: string): OwnerPerson {
    return { idNumber, name: "张三" };
  }
}

@Resolver(() => StubPerson)
class StubResolver {
  @Query(() => Number)
  dummy(): number {
    return 1;
  }
}

describe("buildFederatedSchema", () => {
  it("emits @key, resolves _entities through the reference resolver, and keeps same-named types apart", async () => {
    const owner = await buildFederatedSchema(
      { resolvers: [OwnerResolver] },
      { Person: { __resolveReference: (ref: { idNumber: string }) => ({ idNumber: ref.idNumber, name: `ref ${ref.idNumber}` }) } },
    );
    const stub = await buildFederatedSchema({ resolvers: [StubResolver], orphanedTypes: [StubPerson] });
    expect(subgraphSdl(owner)).toMatch(/type Person\s+@key\(fields: "idNumber"\)/);
    expect(subgraphSdl(owner)).toMatch(/name: String/);
    expect(subgraphSdl(stub)).toMatch(/count: Float!/);
    expect(subgraphSdl(stub)).not.toMatch(/name: String/);

    const result = await graphql({
      schema: owner,
      source: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber name } } }`,
      variableValues: { r: [{ __typename: "Person", idNumber: "11010519491231002X" }] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ idNumber: "11010519491231002X", name: "ref 11010519491231002X" }] });
  });
});
