// Household query and its member edges. head is derived from the members list so a
// household costs one members statement per batch, never a second "find the head" one.
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Directive } from "type-graphql";
import { PERSONAL, requiresScopes } from "@onceonly/shared";
import type { RegistryContext } from "../context.js";
import { Household } from "../schema/household.type.js";
import { Person } from "../schema/person.type.js";
import type { HouseholdRecord, PersonRecord } from "../source/index.js";
import { requireHouseholdNumber } from "./arguments.js";

@Resolver(() => Household)
export class HouseholdResolver {
  @Directive(requiresScopes(["registry:read"]))
  @Query(() => Household, { nullable: true, description: "A household by 户号; null when the registry has none" })
  household(
    @Arg("number", () => ID) number: string,
    @Ctx() ctx: RegistryContext,
  ): Promise<HouseholdRecord | null> {
    return ctx.loaders.householdByNumber.load(requireHouseholdNumber("number", number));
  }

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => Person, { nullable: true, description: "户主: the current member whose relationship is HEAD (GB/T 4761 code 02)" })
  async head(@Root() household: HouseholdRecord, @Ctx() ctx: RegistryContext): Promise<PersonRecord | null> {
    const members = await ctx.loaders.membersByHousehold.load(household.number);
    return members.find((m) => m.relationshipToHead === "HEAD") ?? null;
  }

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => [Person], { description: "Current (not cancelled) members, head first" })
  members(@Root() household: HouseholdRecord, @Ctx() ctx: RegistryContext): Promise<PersonRecord[]> {
    return ctx.loaders.membersByHousehold.load(household.number);
  }
}
