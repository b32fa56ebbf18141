// Person queries and the Person → Household edge, all through the request's loaders.
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Directive } from "type-graphql";
import { PERSONAL, requiresScopes } from "@onceonly/shared";
import type { RegistryContext } from "../context.js";
import { Household } from "../schema/household.type.js";
import { Person } from "../schema/person.type.js";
import type { HouseholdRecord, PersonRecord } from "../source/index.js";
import { requireIdNumber, requireIdNumbers } from "./arguments.js";

@Resolver(() => Person)
export class PersonResolver {
  @Directive(requiresScopes(["registry:read"]))
  @Query(() => Person, { nullable: true, description: "A person by ID number; null when the registry has none" })
  person(
    @Arg("idNumber", () => ID) idNumber: string,
    @Ctx() ctx: RegistryContext,
  ): Promise<PersonRecord | null> {
    return ctx.loaders.personByIdNumber.load(requireIdNumber("idNumber", idNumber));
  }

  @Directive(requiresScopes(["registry:read"]))
  @Query(() => [Person], {
    nullable: "items",
    description: "Persons by ID number (at most 500), in the order asked; null where the registry has none",
  })
  async persons(
    @Arg("idNumbers", () => [ID]) idNumbers: string[],
    @Ctx() ctx: RegistryContext,
  ): Promise<(PersonRecord | null)[]> {
    const results = await ctx.loaders.personByIdNumber.loadMany(requireIdNumbers("idNumbers", idNumbers));
    return results.map((result) => {
      if (result instanceof Error) throw result;
      return result;
    });
  }

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => Household, { nullable: true, description: "户: the household this person is registered in" })
  household(@Root() person: PersonRecord, @Ctx() ctx: RegistryContext): Promise<HouseholdRecord | null> | null {
    return person.householdNumber ? ctx.loaders.householdByNumber.load(person.householdNumber) : null;
  }
}
